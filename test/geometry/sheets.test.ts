import { describe, expect, it } from "vitest";
import { backCellRects, cellRects, planPages, resolveSheet, sheetPreset, SHEET_PRESETS } from "../../src/geometry/sheets.js";

const meishi = { width: 91, height: 55 };
const card = { width: 85.6, height: 54 };

describe("sheets", () => {
  it("lays out A4 10-up gapless with margins 11/14", () => {
    const sheet = resolveSheet(sheetPreset("a4-10up"), meishi);
    const rects = cellRects(sheet);
    expect(rects).toHaveLength(10);
    expect(rects[0]).toMatchObject({ x: 14, y: 11, width: 91, height: 55, index: 0 });
    expect(rects[1]).toMatchObject({ x: 105, y: 11 });
    expect(rects[9]).toMatchObject({ x: 105, y: 231 });
    expect(rects[9]!.x + rects[9]!.width).toBe(196);
    expect(rects[9]!.y + rects[9]!.height).toBe(286);
  });

  it("centres A4 8-up ID-1 cards with gaps", () => {
    const sheet = resolveSheet(sheetPreset("a4-8up-card"), card);
    const rects = cellRects(sheet);
    expect(rects).toHaveLength(8);
    expect(rects[0]!.x).toBeCloseTo(14.4, 6);
    expect(rects[0]!.y).toBeCloseTo(25.5, 6);
    expect(rects[1]!.x - rects[0]!.x).toBeCloseTo(95.6, 6);
    expect(rects[2]!.y - rects[0]!.y).toBeCloseTo(64, 6);
  });

  it("refuses a template that does not fit, with the numbers", () => {
    expect(() => resolveSheet(sheetPreset("a4-8up-card"), meishi)).toThrow(/91 × 55 mm.*85\.6 × 54 mm/);
    expect(() => resolveSheet({ name: "tight", page: "A4", columns: 3, rows: 5, marginTop: 11, marginLeft: 14 }, meishi)).toThrow(/does not fit its 210 × 297 mm page.*need 287 × 286 mm/);
    expect(() => resolveSheet(sheetPreset("a4-10up"), meishi, { cropMarks: true })).toThrow(/crop marks need one badge per page/);
  });

  it("calibrates with offset, scale about the page centre, and start-at", () => {
    const sheet = resolveSheet(sheetPreset("a4-10up"), meishi);
    const shifted = cellRects(sheet, { offsetX: 1.5, offsetY: -0.5 });
    expect(shifted[0]).toMatchObject({ x: 15.5, y: 10.5 });
    const scaled = cellRects(sheet, { scale: 0.5 });
    expect(scaled[0]!.x).toBeCloseTo(105 + (14 - 105) * 0.5);
    expect(scaled[0]!.width).toBeCloseTo(45.5);
    const partUsed = cellRects(sheet, { startAt: 4 });
    expect(partUsed).toHaveLength(7);
    expect(partUsed[0]).toMatchObject({ index: 3, x: 105, y: 66 });
    expect(() => cellRects(sheet, { startAt: 11 })).toThrow(/1 to 10/);
  });

  it("mirrors backs so each lands behind its front on a long-edge flip", () => {
    const sheet = resolveSheet(sheetPreset("a4-8up-card"), card);
    const fronts = cellRects(sheet);
    const backs = backCellRects(sheet);
    fronts.forEach((front, i) => {
      const back = backs[i]!;
      // flipping about the vertical axis maps x to pageWidth - x - width
      expect(210 - (back.x + back.width)).toBeCloseTo(front.x, 6);
      expect(back.y).toBeCloseTo(front.y, 6);
    });
    expect(backs[0]!.x).toBeGreaterThan(100); // the first front is left, its back right
  });

  it("plans pages: start-at on the first page only, fronts and backs alternating", () => {
    const sheet = resolveSheet(sheetPreset("a4-10up"), meishi);
    const pages = planPages(25, sheet, { startAt: 8, duplex: true });
    expect(pages.map((p) => [p.side, p.slots.length])).toEqual([
      ["front", 3],
      ["back", 3],
      ["front", 10],
      ["back", 10],
      ["front", 10],
      ["back", 10],
      ["front", 2],
      ["back", 2],
    ]);
    expect(pages[0]!.slots[0]!.rect.index).toBe(7);
    expect(pages[1]!.slots[0]!.badge).toBe(0);
  });

  it("makes page-less single sheets large enough for bleed and crop marks", () => {
    const sheet = resolveSheet(SHEET_PRESETS.single!, meishi);
    expect(sheet.page).toEqual({ width: 121, height: 85 });
    expect(sheet.cropMarks).toBe(true);
    expect(sheet.bleed).toBe(3);
    const a4 = resolveSheet(sheetPreset("a4-1up"), meishi, { cropMarks: true });
    expect(cellRects(a4)[0]).toMatchObject({ x: 59.5, y: 121 });
  });
});

describe("printer calibration never moves a badge off the page", () => {
  const sheet = resolveSheet(sheetPreset("a4-10up"), { width: 91, height: 55 });
  it.each([
    [{ offsetX: 2, offsetY: -1.5 }, null],
    [{ scale: 1.005 }, null],
    [{ offsetX: 30 }, /16\.0 mm past the right edge of the 210 × 297 mm page/],
    [{ offsetY: -12 }, /1\.0 mm past the top edge/],
    [{ scale: 1.2 }, /past the .* edge/],
  ])("%j → %s", (placement, refusal) => {
    const run = () => cellRects(sheet, placement);
    if (refusal) expect(run).toThrow(refusal);
    else expect(run()).toHaveLength(10);
  });
});
