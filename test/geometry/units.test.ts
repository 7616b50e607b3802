import { describe, expect, it } from "vitest";
import { mmToPt, paperSize, ptToMm, rectMmToPdf, PAPER_SIZES } from "../../src/geometry/units.js";
import { SheetError } from "../../src/geometry/sheets.js";

describe("units", () => {
  it("converts mm and pt", () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 10);
    expect(ptToMm(72)).toBeCloseTo(25.4, 10);
    expect(ptToMm(mmToPt(91))).toBeCloseTo(91, 10);
    expect(mmToPt(210)).toBeCloseTo(595.2756, 3);
  });
  it("knows paper sizes", () => {
    expect(PAPER_SIZES.A4).toEqual({ width: 210, height: 297 });
    expect(paperSize("b2")).toEqual({ width: 515, height: 728 });
    expect(paperSize("A3", "landscape")).toEqual({ width: 420, height: 297 });
    let error: unknown;
    try {
      paperSize("Z9");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SheetError);
    expect(error).toMatchObject({ code: "SHEET_UNKNOWN_PAPER" });
    expect((error as SheetError).message).toMatch(/^「Z9」という用紙の大きさはありません。使えるもの：「A0」「A1」/u);
    expect((error as SheetError).format("en")).toMatch(/^unknown paper size "Z9"; known: A0, A1/);
    expect(() => paperSize("constructor")).toThrow(SheetError);
  });
  it("flips to PDF coordinates", () => {
    const r = rectMmToPdf({ x: 14, y: 11, width: 91, height: 55 }, 297);
    expect(r.x).toBeCloseTo(mmToPt(14));
    expect(r.y).toBeCloseTo(mmToPt(297 - 66));
  });
});
