import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitText } from "../../src/text/fit-text.js";
import { suggestion } from "../../src/text/suggest.js";
import { formatMessage } from "../../src/messages/message.js";
import { thrownBy } from "../helpers/errors.js";

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
  it("rejects nonsense ranges and numbers that are not finite", async () => {
    const range = await thrownBy(() => fitText(1, box, { maxSizePt: 10, minSizePt: 20, minCondense: 0.8 }));
    expect(range.code).toBe("FIT_BAD_SIZE_RANGE");
    expect(range.message).toBe("文字の大きさの範囲 20〜10 pt が正しくありません。どちらも 0 より大きい数で、min は max 以下にしてください。");
    expect(range.format("en")).toMatch(/size range/);
    const condense = await thrownBy(() => fitText(1, box, { maxSizePt: 10, minSizePt: 5, minCondense: 0 }));
    expect(condense.code).toBe("FIT_BAD_CONDENSE");
    expect(condense.format("en")).toMatch(/minCondense/);
    expect((await thrownBy(() => fitText(1, box, { maxSizePt: Number.POSITIVE_INFINITY, minSizePt: 5, minCondense: 0.8 }))).code).toBe("FIT_BAD_SIZE_RANGE");
    for (const [width, fitBox] of [[Number.NaN, box], [1, { width: Number.POSITIVE_INFINITY, height: 60 }], [1, { width: 200, height: Number.NaN }]] as const) {
      expect((await thrownBy(() => fitText(width, fitBox, style))).code).toBe("FIT_NOT_FINITE");
    }
    // A box of unlimited height (posters' lines) is fine: the size is capped by maxSizePt.
    expect(fitText(3, { width: 200, height: Number.POSITIVE_INFINITY }, style)).toMatchObject({ sizePt: 50, withinLimits: true });
  });
});

describe("did you mean", () => {
  it("gives a catalogue message for a near candidate, nothing for a far one", () => {
    const hint = suggestion("romanji", ["romaji", "readings", "badges"]);
    expect(hint).toEqual({ code: "TEXT_DID_YOU_MEAN", params: { word: "romaji" } });
    expect(formatMessage(hint!, "ja")).toBe("「romaji」の書き間違いではありませんか。");
    expect(formatMessage(hint!, "en")).toBe('Did you mean "romaji"?');
    expect(suggestion("xyz", ["romaji", "readings"])).toBeUndefined();
  });
});
