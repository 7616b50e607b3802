import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import subsetFont from "subset-font";
import { bundledFontPath, codePointsOf, needsNoGlyph, subsetFontForText } from "../../src/pdf/font-files.js";
import { hbSubset } from "../../src/pdf/harfbuzz.js";
import { readSfnt } from "../../src/pdf/sfnt.js";

describe("HarfBuzz subsets (src/pdf/harfbuzz.ts)", () => {
  it("are byte for byte the subsets subset-font makes with the options nafuda used, the face kept between calls", async () => {
    const texts = ["まつの Matsuno てしがわら さえもんさぶろう Teshigawara 髙﨑 総務課 ー", "Ito Ono", "葛\u{E0100}城課\u200b", "まつの Matsuno"];
    for (const name of ["BIZUDPGothic-Bold", "BIZUDGothic-Regular"]) {
      const font = new Uint8Array(readFileSync(bundledFontPath(name)));
      for (const text of texts) {
        const characters = String.fromCodePoint(...codePointsOf(`${text} `).filter((cp) => !needsNoGlyph(cp)));
        const expected = await subsetFont(Buffer.from(font), characters, { targetFormat: "sfnt", noLayoutClosure: true });
        const subset = await subsetFontForText(font, text);
        expect(Buffer.compare(Buffer.from(subset), expected), `${name} ${text}`).toBe(0);
      }
    }
  });

  it("runs one subset at a time, and a font HarfBuzz cannot read is an error, not a crash", async () => {
    const font = new Uint8Array(readFileSync(bundledFontPath("BIZUDGothic-Regular")));
    const [a, b] = await Promise.all([hbSubset(font, [0x3042]), hbSubset(font, [0x3044])]);
    expect(readSfnt(a!).hasGlyph(0x3042)).toBe(true);
    expect(readSfnt(a!).hasGlyph(0x3044)).toBe(false);
    expect(readSfnt(b!).hasGlyph(0x3044)).toBe(true);
    await expect(hbSubset(new Uint8Array(100), [0x41])).rejects.toThrow(/harfbuzz|subset/i);
    // and the module still works afterwards
    expect(readSfnt(await hbSubset(font, [0x41])).hasGlyph(0x41)).toBe(true);
  });
});
