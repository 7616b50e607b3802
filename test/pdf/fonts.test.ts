import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fontkit from "@pdf-lib/fontkit";
import {
  bundledFontPath,
  embedFontForText,
  loadFont,
  missingCharacters,
  subsetTag,
  codePointsOf,
} from "../../src/pdf/fonts.js";
import { createDeterministicDocument, saveDeterministic } from "../../src/pdf/deterministic.js";
import { embeddedFonts, outline, pageContents, shownGlyphIds } from "./pdf-inspect.js";

const TEXT = "まつの Matsuno てしがわら さえもんさぶろう Teshigawara 髙﨑 総務課 ー";

async function pdfWith(fontName: string, text: string): Promise<Uint8Array> {
  const doc = await createDeterministicDocument();
  const font = await embedFontForText(doc, await loadFont(fontName), text);
  const page = doc.addPage([400, 200]);
  page.drawText(text, { x: 10, y: 100, size: 12, font });
  return saveDeterministic(doc);
}

describe("fonts", () => {
  it("finds bundled fonts by name", async () => {
    expect(bundledFontPath("BIZUDPGothic-Bold")).toMatch(/fonts[\\/]BIZUDPGothic-Bold\.ttf$/);
    expect(() => bundledFontPath("Nope")).toThrow(/bundled/);
    await expect(loadFont("NoSuchFont")).rejects.toThrow(/bundled fonts/);
  });

  it("names missing characters, treating surrogate pairs as one character", async () => {
    const bytes = await loadFont("BIZUDGothic-Regular");
    expect(missingCharacters(bytes, "まつの")).toEqual([]);
    expect(missingCharacters(bytes, "𠮷田 𠮷野")).toEqual(["𠮷"]);
    expect(missingCharacters(bytes, "髙﨑")).toEqual([]);
    // An ideographic variation sequence needs only its base character (the default form is drawn).
    expect(missingCharacters(bytes, "葛\u{E0100}城")).toEqual([]);
    expect(codePointsOf("𠮷a𠮷")).toEqual([0x61, 0x20bb7]);
  });

  it("refuses to embed text the font cannot show", async () => {
    const doc = await createDeterministicDocument();
    await expect(embedFontForText(doc, await loadFont("BIZUDGothic-Regular"), "𠮷田")).rejects.toThrow(/U\+20BB7 𠮷/);
  });

  it("embeds a real subset with a six-letter tag and draws the same outlines as the original font", async () => {
    for (const name of ["BIZUDPGothic-Bold", "BIZUDGothic-Regular"]) {
      const original = fontkit.create(readFileSync(bundledFontPath(name)));
      const bytes = await pdfWith(name, TEXT);
      expect(bytes.length).toBeLessThan(60_000);
      const fonts = await embeddedFonts(bytes);
      expect(fonts).toHaveLength(1);
      const embedded = fonts[0]!;
      expect(embedded.baseFont).toMatch(new RegExp(`^[A-Z]{6}\\+${name}$`));
      expect(embedded.font.numGlyphs).toBeLessThan(80);
      // Each glyph drawn in the page, in order, has the outline of the original font's glyph for that character.
      const [content] = await pageContents(bytes);
      const runs = shownGlyphIds(content!);
      expect(runs).toHaveLength(1);
      const ids = runs[0]!;
      const chars = [...TEXT];
      expect(ids).toHaveLength(chars.length);
      chars.forEach((char, i) => {
        const expected = original.glyphForCodePoint(char.codePointAt(0)!);
        expect(outline(embedded.font, ids[i]!), `${name} ${char}`).toBe(expected.path.toSVG());
        expect(embedded.font.getGlyph(ids[i]!).advanceWidth).toBe(expected.advanceWidth);
      });
    }
  });

  // Any .otf with PostScript (CFF) outlines; Debian's fonts-linuxlibertine has one. Skipped when absent.
  const otf = "/usr/share/fonts/opentype/linux-libertine/LinBiolinum_RB.otf";
  it.skipIf(!existsSync(otf))("embeds CFF-outline OpenType fonts as CIDFontType0 with an OpenType FontFile3, outlines intact", async () => {
    const text = "Matsuno Teshigawara";
    const doc = await createDeterministicDocument();
    const font = await embedFontForText(doc, await loadFont(otf), text);
    doc.addPage([400, 200]).drawText(text, { x: 10, y: 100, size: 12, font });
    const bytes = await saveDeterministic(doc);
    const raw = await (await import("pdf-lib")).PDFDocument.load(bytes);
    const { PDFDict, PDFName, PDFStream } = await import("pdf-lib");
    let descriptors = 0;
    for (const [, object] of raw.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of("Subtype")) === PDFName.of("CIDFontType0")) {
        expect(object.get(PDFName.of("CIDToGIDMap"))).toBeUndefined();
      }
      if (object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor")) {
        descriptors++;
        expect(object.get(PDFName.of("FontFile2"))).toBeUndefined();
        const file = raw.context.lookup(object.get(PDFName.of("FontFile3")));
        expect(file).toBeInstanceOf(PDFStream);
        expect((file as InstanceType<typeof PDFStream>).dict.get(PDFName.of("Subtype"))).toBe(PDFName.of("OpenType"));
      }
    }
    expect(descriptors).toBe(1);
    // Outlines: decode FontFile3 and compare with the original font, glyph by glyph as drawn.
    const { decodePDFRawStream, PDFRawStream } = await import("pdf-lib");
    let embedded: fontkit.Font | undefined;
    for (const [, object] of raw.context.enumerateIndirectObjects()) {
      if (object instanceof PDFRawStream && object.dict.get(PDFName.of("Subtype")) === PDFName.of("OpenType")) {
        embedded = fontkit.create(Buffer.from(decodePDFRawStream(object).decode()));
      }
    }
    const original = fontkit.create(readFileSync(otf));
    const [content] = await pageContents(bytes);
    const ids = shownGlyphIds(content!)[0]!;
    [...text].forEach((char, i) => {
      expect(outline(embedded!, ids[i]!), char).toBe(original.glyphForCodePoint(char.codePointAt(0)!).path.toSVG());
    });
  });

  it("is byte-identical across runs", async () => {
    const a = await pdfWith("BIZUDPGothic-Regular", TEXT);
    const b = await pdfWith("BIZUDPGothic-Regular", TEXT);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.from(a).toString("latin1")).not.toMatch(/CreationDate|ModDate|\/ID \[/);
  });

  it("derives the subset tag from the bytes", () => {
    expect(subsetTag(new Uint8Array([1, 2, 3]))).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag(new Uint8Array([1, 2, 3]))).toBe(subsetTag(new Uint8Array([1, 2, 3])));
    expect(subsetTag(new Uint8Array([1, 2, 4]))).not.toBe(subsetTag(new Uint8Array([1, 2, 3])));
  });
});
