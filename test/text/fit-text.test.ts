import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitText } from "../../src/text/fit-text.js";

const style = { maxSizePt: 50, minSizePt: 30, minCondense: 0.75 };
const box = { width: 200, height: 60 };

describe("fitText", () => {
  it("sets short text at the largest size, unscaled", () => {
    expect(fitText(3, box, style)).toMatchObject({ sizePt: 50, horizontalScale: 1, width: 150, withinLimits: true });
  });
  it("condenses first (長体), keeping the size", () => {
    const fit = fitText(4.4, box, style); // 220 pt wide at 50 pt
    expect(fit.sizePt).toBe(50);
    expect(fit.horizontalScale).toBeCloseTo(200 / 220, 3);
    expect(fit.width).toBeLessThanOrEqual(200);
  });
  it("then shrinks at the condense floor", () => {
    const fit = fitText(8, box, style); // needs 0.5 at 50 pt
    expect(fit.horizontalScale).toBe(0.75);
    expect(fit.sizePt).toBeCloseTo(200 / (8 * 0.75), 2);
    expect(fit.width).toBeLessThanOrEqual(200);
    expect(fit.withinLimits).toBe(true);
  });
  it("condenses past the floor at the minimum size rather than overflow, and says so", () => {
    const fit = fitText(20, box, style);
    expect(fit.sizePt).toBe(30);
    expect(fit.horizontalScale).toBeLessThan(0.75);
    expect(fit.width).toBeLessThanOrEqual(200);
    expect(fit.withinLimits).toBe(false);
  });
  it("never makes a line taller than its box", () => {
    expect(fitText(1, { width: 500, height: 20 }, { ...style, minSizePt: 10, lineHeightEm: 1 }).sizePt).toBe(20);
  });
  it("never overflows, for any width and box (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (w, width, max, floor) => {
          const fit = fitText(w, { width, height: 1000 }, { maxSizePt: max, minSizePt: Math.min(6, max), minCondense: floor });
          expect(w * fit.sizePt * fit.horizontalScale).toBeLessThanOrEqual(width + 1e-9);
          expect(fit.sizePt).toBeLessThanOrEqual(max);
          expect(fit.horizontalScale).toBeLessThanOrEqual(1);
          if (fit.withinLimits) expect(fit.horizontalScale).toBeGreaterThanOrEqual(floor - 1e-9);
        },
      ),
    );
  });
  it("rejects nonsense ranges", () => {
    expect(() => fitText(1, box, { maxSizePt: 10, minSizePt: 20, minCondense: 0.8 })).toThrow(/size range/);
    expect(() => fitText(1, box, { maxSizePt: 10, minSizePt: 5, minCondense: 0 })).toThrow(/minCondense/);
  });
});
