import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fontkit from "@pdf-lib/fontkit";
import { readSfnt } from "../../src/pdf/sfnt.js";
import { bundledFontPath, subsetFontForText } from "../../src/pdf/fonts.js";

describe("readSfnt", () => {
  it("agrees with fontkit on cmap coverage and metrics", async () => {
    const bytes = new Uint8Array(readFileSync(bundledFontPath("BIZUDGothic-Regular")));
    const info = readSfnt(bytes);
    const font = fontkit.create(Buffer.from(bytes));
    expect(info.unitsPerEm).toBe(font.unitsPerEm);
    expect(info.ascent).toBe(font.ascent);
    expect(info.descent).toBe(font.descent);
    expect(info.postscriptName).toBe(font.postscriptName);
    const sample = [0x20, 0x41, 0x7a, 0x3042, 0x30fc, 0x9ad9, 0xfa11, 0x20bb7, 0x1f600, 0xe000, 0x4e00, 0x9fa5, 0xff01, 0x2460];
    for (let cp = 0x3000; cp < 0x3100; cp++) sample.push(cp);
    for (const cp of sample) expect(info.hasGlyph(cp), `U+${cp.toString(16)}`).toBe(font.hasGlyphForCodePoint(cp));
    // a HarfBuzz subset (format 4 only) as well
    const subset = await subsetFontForText(bytes, "まつの Matsuno");
    const small = readSfnt(subset);
    expect(small.hasGlyph("ま".codePointAt(0)!)).toBe(true);
    expect(small.hasGlyph("あ".codePointAt(0)!)).toBe(false);
  });
});
