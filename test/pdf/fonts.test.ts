import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fontkit from "@pdf-lib/fontkit";
import {
  bundledFontPath,
  embedFontForText,
  FontFileError,
  loadFont,
  missingCharacters,
  subsetTag,
  codePointsOf,
} from "../../src/pdf/fonts.js";
import { createDeterministicDocument, saveDeterministic } from "../../src/pdf/deterministic.js";
import { embeddedFonts, outline, pageContents, shownGlyphIds } from "./pdf-inspect.js";
import { thrownBy } from "../helpers/errors.js";

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
    const notBundled = await thrownBy(() => bundledFontPath("Nope"));
    expect(notBundled).toBeInstanceOf(FontFileError);
    expect(notBundled.code).toBe("FONT_NOT_BUNDLED");
    expect(notBundled.message).toBe(
      "「Nope」は組み込みのフォントではありません。組み込み：「BIZUDGothic-Regular」「BIZUDGothic-Bold」「BIZUDPGothic-Regular」「BIZUDPGothic-Bold」。ほかのフォントは TTF/OTF ファイルの場所で指定してください。",
    );
    expect(notBundled.format("en")).toMatch(/bundled/);
    const notFound = await thrownBy(() => loadFont("NoSuchFont"));
    expect(notFound).toMatchObject({ code: "FONT_NOT_FOUND", file: undefined });
    expect(notFound.message).toMatch(/^フォント「NoSuchFont」が見つかりません。ファイルでもなく、組み込みのフォント（「BIZUDGothic-Regular」/u);
    expect(notFound.format("en")).toMatch(/bundled fonts/);
    const missingFile = await thrownBy(() => loadFont("/no/such/dir/city.ttf"));
    expect(missingFile).toMatchObject({ code: "FONT_FILE_NOT_FOUND", file: "/no/such/dir/city.ttf" });
    expect(missingFile.message).toBe("/no/such/dir/city.ttf：フォントファイルがありません。場所とファイル名（.ttf / .otf）を確かめてください。");
  });

  it("refuses, naming the file, a font that is not a font, damaged or cut short, a WOFF, a folder or a device", async () => {
    const folder = mkdtempSync(join(tmpdir(), "nafuda-fonts-"));
    const whole = readFileSync(bundledFontPath("BIZUDGothic-Regular"));
    const cases: [string, Uint8Array | null, string][] = [
      ["cut.ttf", whole.subarray(0, whole.length >> 1), "FONT_DAMAGED"],
      ["end-cut.ttf", whole.subarray(0, whole.length - 1000), "FONT_DAMAGED"],
      ["header.ttf", whole.subarray(0, 100), "FONT_DAMAGED"],
      ["tiny.ttf", whole.subarray(0, 5), "FONT_NOT_SFNT"],
      ["text.ttf", new Uint8Array(Buffer.from("これはフォントではありません\n")), "FONT_NOT_SFNT"],
      ["web.woff", new Uint8Array(Buffer.from("wOFF0000000000000000")), "FONT_WOFF"],
      ["folder.ttf", null, "FILE_IS_FOLDER"],
    ];
    for (const [name, bytes, code] of cases) {
      if (bytes) writeFileSync(join(folder, name), bytes);
      else mkdirSync(join(folder, name));
      const error = await thrownBy(() => loadFont(join(folder, name)));
      expect(error, name).toBeInstanceOf(FontFileError);
      expect(error, name).toMatchObject({ code, file: join(folder, name) });
    }
    const cut = await thrownBy(() => loadFont(join(folder, "cut.ttf")));
    expect(cut.text()).toMatch(/^フォントファイルが壊れているか、途中で切れています（.+）。フォントを入れ直すか、別のフォントを指定してください。$/u);
    expect(cut.text("en")).toMatch(/^the font file is damaged or cut short \(.+\): install the font again or choose another one$/);
    if (existsSync("/dev/zero")) expect(await thrownBy(() => loadFont("/dev/zero"))).toMatchObject({ code: "FILE_NOT_REGULAR", file: "/dev/zero" });
    // Bytes given as they are: checked when used, the same refusal without a file.
    const doc = await createDeterministicDocument();
    const fromBytes = await thrownBy(() => embedFontForText(doc, whole.subarray(0, 100), "まつの", { file: "city.ttf" }));
    expect(fromBytes).toMatchObject({ code: "FONT_DAMAGED", file: "city.ttf" });
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
    const font = await loadFont("BIZUDGothic-Regular");
    const error = await thrownBy(() => embedFontForText(doc, font, "𠮷田"));
    expect(error).toBeInstanceOf(FontFileError);
    expect(error.code).toBe("FONT_MISSING_GLYPH");
    expect(error.message).toBe("フォント BIZUDGothic-Regular に U+20BB7 𠮷 の字がありません。その字のあるフォントを選ぶか、文字を直してください。");
    expect(error.format("en")).toMatch(/U\+20BB7 𠮷/);
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

  // An .otf with PostScript (CFF) outlines: Debian's fonts-linuxlibertine, which .ci/run installs. Without it this
  // test fails with what to install, rather than skipping: the CFF path is then simply not checked.
  const otf = "/usr/share/fonts/opentype/linux-libertine/LinBiolinum_RB.otf";
  it("embeds CFF-outline OpenType fonts as CIDFontType0 with an OpenType FontFile3, outlines intact", async () => {
    expect(existsSync(otf), `${otf} is missing: apt-get install fonts-linuxlibertine`).toBe(true);
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
