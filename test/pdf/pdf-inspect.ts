// Test helpers: read back what nafuda wrote.
import fontkit from "@pdf-lib/fontkit";
import type { Font } from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString, decodePDFRawStream } from "pdf-lib";

export interface EmbeddedFont {
  baseFont: string;
  fontFile: Uint8Array;
  font: Font;
}

/** Every Type0 font in the document with its decoded FontFile2, parsed by fontkit. */
export async function embeddedFonts(bytes: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const result: EmbeddedFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const fileRef = object.get(PDFName.of("FontFile2"));
    if (!(fileRef instanceof PDFRef)) continue;
    const stream = doc.context.lookup(fileRef);
    if (!(stream instanceof PDFRawStream)) continue;
    const fontFile = decodePDFRawStream(stream).decode();
    const name = object.get(PDFName.of("FontName"));
    result.push({
      baseFont: name instanceof PDFName ? name.decodeText() : String(name),
      fontFile,
      font: fontkit.create(Buffer.from(fontFile)),
    });
  }
  return result;
}

/** The decoded content streams of every page, in page order. */
export async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams
      .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1") : ""))
      .join("\n");
  });
}

/** Glyph ids of every `<hex> Tj` in a content stream, one array per Tj. */
export function shownGlyphIds(content: string): number[][] {
  const runs: number[][] = [];
  for (const match of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
    const hex = match[1]!;
    const ids: number[] = [];
    for (let i = 0; i < hex.length; i += 4) ids.push(parseInt(hex.slice(i, i + 4), 16));
    runs.push(ids);
  }
  return runs;
}

export function infoString(doc: PDFDocument, key: string): string | undefined {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const value = info?.get(PDFName.of(key));
  return value instanceof PDFString ? value.decodeText() : value?.toString();
}

/**
 * The character each glyph of a font shows, from the font's cmap (glyph id → character).
 * (fontkit's getGlyph(id).codePoints reverse lookup misses entries in some HarfBuzz subsets, so go forwards.)
 */
export function charactersByGlyph(font: Font): Map<number, string> {
  const map = new Map<number, string>();
  for (const codePoint of font.characterSet) {
    const id = font.glyphForCodePoint(codePoint).id;
    if (!map.has(id)) map.set(id, String.fromCodePoint(codePoint));
  }
  return map;
}

/** The outline of a glyph as SVG path data, for comparison. */
export function outline(font: Font, glyphId: number): string {
  return font.getGlyph(glyphId).path.toSVG();
}

/** The fonts of the first page's resources by resource name (F1, F2…), with their BaseFont and parsed FontFile2. */
export async function fontsByResourceName(bytes: Uint8Array): Promise<Map<string, EmbeddedFont>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPages()[0]!;
  const resources = doc.context.lookup(page.node.get(PDFName.of("Resources")), PDFDict);
  const fonts = doc.context.lookup(resources.get(PDFName.of("Font")), PDFDict);
  const result = new Map<string, EmbeddedFont>();
  for (const [name, ref] of fonts.entries()) {
    const type0 = doc.context.lookup(ref, PDFDict);
    const descendants = doc.context.lookup(type0.get(PDFName.of("DescendantFonts")), PDFArray);
    const cid = doc.context.lookup(descendants.get(0), PDFDict);
    const descriptor = doc.context.lookup(cid.get(PDFName.of("FontDescriptor")), PDFDict);
    const stream = doc.context.lookup(descriptor.get(PDFName.of("FontFile2"))) as PDFRawStream;
    const fontFile = decodePDFRawStream(stream).decode();
    const baseFont = type0.get(PDFName.of("BaseFont"));
    result.set(name.decodeText(), {
      baseFont: baseFont instanceof PDFName ? baseFont.decodeText() : String(baseFont),
      fontFile,
      font: fontkit.create(Buffer.from(fontFile)),
    });
  }
  return result;
}

export interface ShownText {
  font: string;
  size: number;
  scale: number;
  x: number;
  y: number;
  glyphs: number[];
}

/** Every `BT … Tf … Tz … Tm <hex> Tj ET` block nafuda writes, with its font, size, Tz and Tm position. */
export function shownTexts(content: string): ShownText[] {
  const result: ShownText[] = [];
  const block = /BT \/(\w+) ([\d.]+) Tf ([\d.]+) Tz [-\d.]+ Tc .*? 1 0 0 1 ([-\d.]+) ([-\d.]+) Tm <([0-9a-f]*)> Tj ET/g;
  for (const m of content.matchAll(block)) {
    const hex = m[6]!;
    const glyphs: number[] = [];
    for (let i = 0; i < hex.length; i += 4) glyphs.push(parseInt(hex.slice(i, i + 4), 16));
    result.push({ font: m[1]!, size: Number(m[2]), scale: Number(m[3]) / 100, x: Number(m[4]), y: Number(m[5]), glyphs });
  }
  return result;
}
