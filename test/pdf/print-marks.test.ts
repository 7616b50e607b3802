import { describe, expect, it } from "vitest";
import { bleedRect, cropMarkLines, cutGuideLines, linesToContent, setPrintBoxes } from "../../src/pdf/print-marks.js";
import { createDeterministicDocument, pdfNumber } from "../../src/pdf/deterministic.js";
import { thrownBy } from "../helpers/errors.js";
import type { LineMm } from "../../src/pdf/print-marks.js";
import type { RectMm } from "../../src/geometry/units.js";

const trim: RectMm = { x: 20, y: 20, width: 91, height: 55 };

function outside(line: LineMm, rect: RectMm): boolean {
  // a line is outside when it does not enter the open rectangle
  const xs = [line.x1, line.x2].sort((a, b) => a - b) as [number, number];
  const ys = [line.y1, line.y2].sort((a, b) => a - b) as [number, number];
  const eps = 1e-9;
  return xs[1] <= rect.x + eps || xs[0] >= rect.x + rect.width - eps || ys[1] <= rect.y + eps || ys[0] >= rect.y + rect.height - eps;
}

describe("print marks", () => {
  it("grows the trim by 3 mm of bleed", () => {
    expect(bleedRect(trim)).toEqual({ x: 17, y: 17, width: 97, height: 61 });
  });

  it("draws Japanese double corner marks and centre marks, all beyond the bleed", () => {
    const lines = cropMarkLines(trim);
    expect(lines).toHaveLength(4 * 4 + 4 * 2);
    const bleed = bleedRect(trim);
    for (const line of lines) expect(outside(line, bleed)).toBe(true);
    // top-left corner: trim lines at y=20 and x=20, bleed lines at y=17 and x=17
    expect(lines).toContainEqual({ x1: 7, y1: 20, x2: 17, y2: 20 });
    expect(lines).toContainEqual({ x1: 20, y1: 7, x2: 20, y2: 17 });
    expect(lines).toContainEqual({ x1: 7, y1: 17, x2: 20, y2: 17 });
    expect(lines).toContainEqual({ x1: 17, y1: 7, x2: 17, y2: 20 });
  });

  it("draws western single marks when asked", () => {
    expect(cropMarkLines(trim, { style: "western", centre: false })).toHaveLength(8);
  });

  it("puts cut guides only in the margins", () => {
    const cells = [0, 1].flatMap((c) => [0, 1, 2, 3, 4].map((r) => ({ x: 14 + c * 91, y: 11 + r * 55, width: 91, height: 55 })));
    const lines = cutGuideLines(cells, { width: 210, height: 297 });
    const printed = { x: 14, y: 11, width: 182, height: 275 };
    for (const line of lines) {
      expect(outside(line, printed)).toBe(true);
      for (const v of [line.x1, line.x2]) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of [line.y1, line.y2]) expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(lines).toHaveLength(3 * 2 + 6 * 2);
    expect(linesToContent(lines, 297)).toMatch(/ w\n0 J\n1 1 1 1 K\n/);
  });

  it("sets MediaBox, BleedBox and TrimBox", async () => {
    const doc = await createDeterministicDocument();
    const page = doc.addPage([100, 100]);
    setPrintBoxes(page, {
      mediaBox: { x: 0, y: 0, width: 300, height: 200 },
      bleedBox: { x: 10, y: 10, width: 280, height: 180 },
      trimBox: { x: 20, y: 20, width: 260, height: 160 },
    });
    expect(page.getMediaBox()).toEqual({ x: 0, y: 0, width: 300, height: 200 });
    expect(page.getBleedBox()).toEqual({ x: 10, y: 10, width: 280, height: 180 });
    expect(page.getTrimBox()).toEqual({ x: 20, y: 20, width: 260, height: 160 });
  });

  it("never writes a number that is not finite: PDF_NOT_FINITE instead of NaN in the content or the boxes", async () => {
    expect(linesToContent([{ x1: 1, y1: 2, x2: 3, y2: 4 }], 100)).toContain("2.835 277.795 m 8.504 272.126 l S");
    const error = await thrownBy(() => linesToContent([{ x1: Number.NaN, y1: 0, x2: 1, y2: 1 }], 100));
    expect(error.code).toBe("PDF_NOT_FINITE");
    expect(error.message).toBe("PDF に書けない数（NaN）になりました。ずらす量、倍率、大きさなど、指定した数を確かめてください。直らないときは nafuda の不具合として知らせてください。");
    const page = (await createDeterministicDocument()).addPage([100, 100]);
    expect((await thrownBy(() => setPrintBoxes(page, { mediaBox: { x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 1 } }))).code).toBe("PDF_NOT_FINITE");
    expect(pdfNumber(-0.0001)).toBe("0");
    expect(pdfNumber(1.23456)).toBe("1.235");
  });
});
