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

/** The outline of a glyph as SVG path data, for comparison. */
export function outline(font: Font, glyphId: number): string {
  return font.getGlyph(glyphId).path.toSVG();
}
