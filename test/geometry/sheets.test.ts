import { describe, expect, it } from "vitest";
import { backCellRects, cellRects, planPages, resolveSheet, SheetError, sheetPreset, SHEET_PRESETS } from "../../src/geometry/sheets.js";
import { thrownBy } from "../helpers/errors.js";

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

  it("refuses a template that does not fit, with the numbers", async () => {
    const cell = await thrownBy(() => resolveSheet(sheetPreset("a4-8up-card"), meishi));
    expect(cell).toBeInstanceOf(SheetError);
    expect(cell.code).toBe("SHEET_BADGE_TOO_BIG");
    expect(cell.message).toBe("名札は 91 × 55 mm ですが、シート「a4-8up-card」の枠は 85.6 × 54 mm で、入りません。その大きさの名札の型にするか、別のシートを選んでください。");
    expect(cell.format("en")).toMatch(/91 × 55 mm.*85\.6 × 54 mm/);
    const page = await thrownBy(() => resolveSheet({ name: "tight", page: "A4", columns: 3, rows: 5, marginTop: 11, marginLeft: 14 }, meishi));
    expect(page.code).toBe("SHEET_TOO_BIG_FOR_PAGE");
    expect(page.message).toBe(
      "シート「tight」が 210 × 297 mm の用紙に収まりません。91 × 55 mm の枠 3 × 5 面を送り 91 × 55 mm、余白 左 14・上 11 mm で並べると 287 × 286 mm 要ります。面の数、送り、余白を見直すか、大きい用紙にしてください。",
    );
    expect(page.format("en")).toMatch(/does not fit its 210 × 297 mm page.*need 287 × 286 mm/);
    const marks = await thrownBy(() => resolveSheet(sheetPreset("a4-10up"), meishi, { cropMarks: true }));
    expect(marks.code).toBe("SHEET_CROP_MARKS_ONE_UP");
    expect(marks.message).toMatch(/^トンボは、1 ページに名札 1 枚のときだけ付けられます（シート「a4-10up」は 2 × 5 面で/u);
    expect(marks.format("en")).toMatch(/crop marks need one badge per page/);
    expect((await thrownBy(() => resolveSheet({ name: "x", page: "A4", columns: 2, rows: 1, pitchX: 50 }, meishi))).code).toBe("SHEET_PITCH_OVERLAP");
    expect((await thrownBy(() => sheetPreset("constructor"))).code).toBe("SHEET_UNKNOWN_PRESET");
    expect((await thrownBy(() => sheetPreset("nope"))).message).toBe("「nope」という用紙の割り付け（シート）はありません。使えるもの：「a4-10up」「a4-8up-card」「a4-1up」「single」。");
  });

  it("refuses numbers that are not finite before they can reach a PDF", async () => {
    for (const [spec, code] of [
      [{ name: "x", page: "A4", columns: 1, rows: 1, pitchX: Number.NaN }, "SHEET_NOT_A_NUMBER"],
      [{ name: "x", page: "A4", columns: 1, rows: 1, marginTop: Number.POSITIVE_INFINITY }, "SHEET_NOT_A_NUMBER"],
      [{ name: "x", columns: 1, rows: 1, bleed: Number.NaN, cropMarks: true }, "SHEET_NOT_A_NUMBER"],
      [{ name: "x", page: { width: Number.POSITIVE_INFINITY, height: 300 }, columns: 1, rows: 1 }, "SHEET_NOT_POSITIVE"],
      [{ name: "x", page: "A4", columns: Number.NaN, rows: 1 }, "SHEET_NOT_POSITIVE"],
      [{ name: "x", page: "A4", columns: 1, rows: 1, cell: { width: 91, height: Number.NaN } }, "SHEET_NOT_POSITIVE"],
    ] as const) {
      const error = await thrownBy(() => resolveSheet(spec as never, meishi));
      expect(error.code, JSON.stringify(spec)).toBe(code);
    }
    const error = await thrownBy(() => resolveSheet({ name: "x", page: "A4", columns: 1, rows: 1, pitchX: Number.NaN }, meishi));
    expect(error.message).toBe("シート「x」の横の送り（pitchX）は、数（mm）で書いてください（今は NaN）。");
    expect(error.format("en")).toBe("x: pitchX must be a number of mm (got NaN)");
    const sheet = resolveSheet(sheetPreset("a4-10up"), meishi);
    for (const [placement, code] of [
      [{ offsetX: Number.NaN }, "SHEET_BAD_OFFSET"],
      [{ offsetY: Number.NEGATIVE_INFINITY }, "SHEET_BAD_OFFSET"],
      [{ backOffsetX: Number.NaN }, "SHEET_BAD_OFFSET"],
      [{ scale: Number.POSITIVE_INFINITY }, "SHEET_BAD_SCALE"],
      [{ scale: Number.NaN }, "SHEET_BAD_SCALE"],
      [{ startAt: Number.NaN }, "SHEET_BAD_START_AT"],
    ] as const) {
      expect((await thrownBy(() => planPages(3, sheet, { ...placement, duplex: true }))).code, JSON.stringify(placement)).toBe(code);
    }
    const offset = await thrownBy(() => cellRects(sheet, { offsetX: Number.NaN }));
    expect(offset.message).toBe("--offset-x は数（mm）で書いてください（今は NaN）。");
    expect(offset.format("en")).toBe("--offset-x must be a number of mm (got NaN)");
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
    expect(() => cellRects(sheet, { startAt: 11 })).toThrow("--start-at は 1 から 10 までの枠の番号にしてください（シート「a4-10up」。今は 11）。");
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
    [{ offsetX: 2, offsetY: -1.5 }, null, null],
    [{ scale: 1.005 }, null, null],
    [{ offsetX: 30 }, /の 2 枚目の名札が 210 × 297 mm の用紙の右端から 16\.0 mm はみ出します。ずらす量か倍率を小さくしてください。$/u, /16\.0 mm past the right edge of the 210 × 297 mm page/],
    [{ offsetY: -12 }, /の上端から 1\.0 mm はみ出します/u, /1\.0 mm past the top edge/],
    [{ scale: 1.2 }, /端から .* mm はみ出します/u, /past the .* edge/],
  ])("%j → %s", async (placement, japanese, english) => {
    const run = () => cellRects(sheet, placement);
    if (japanese && english) {
      const error = await thrownBy(run);
      expect(error.code).toBe("SHEET_OFF_PAGE");
      expect(error.message).toMatch(japanese);
      expect(error.format("en")).toMatch(english);
    } else expect(run()).toHaveLength(10);
  });
});
