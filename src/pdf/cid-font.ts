import { deflateSync } from "node:zlib";
import { codePointsOf, damagedFont, fontInfo, isCffOpenType, needsNoGlyph, postScriptSafe, subsetFontForText, subsetTag } from "./font-files.js";
import type { PdfWriter } from "./pdf-writer.js";
import { array, dict, exact, int, literal, name, ref } from "./pdf-syntax.js";
import { readSfnt, readSfntMetrics, type SfntInfo, type SfntMetrics } from "./sfnt.js";

/**
 * A HarfBuzz subset embedded as a Type0 / Identity-H font (PDF 32000-1 §9.7), written through the streaming writer
 * without pdf-lib or fontkit: the same objects pdf-lib's CustomFontEmbedder writes for `embedFont(subset, { subset:
 * false })` (fonts.ts, posters) — Type0, CIDFontType2 with CIDToGIDMap Identity, FontDescriptor, FontFile2, W widths,
 * ToUnicode — from the subset's own tables (sfnt.ts). Glyph ids are the subset's, so the content streams show them
 * directly. An OpenType font with CFF outlines is a CIDFontType0 with an OpenType FontFile3 (PDF 1.6), which pdf-lib
 * 1.17 cannot write by itself (fonts.ts relabelCffFonts).
 */
export interface CidFont {
  /** BaseFont: the six-letter subset tag (from a hash of the subset) and the font's PostScript name. */
  baseFont: string;
  /** The HarfBuzz subset, embedded whole. */
  subset: Uint8Array;
  /** CFF outlines (an OpenType "OTTO" file). */
  cff: boolean;
  /** The glyph `codePoint` shows in the subset (0 when it has none), and its advance in em. */
  glyph(codePoint: number): { id: number; advance: number };
  /** The code points the subset was made for (sorted; needsNoGlyph ones left out). */
  codePoints: number[];
}

/**
 * Cuts `fontBytes` down to the characters of `text` (plus the space) with HarfBuzz and reads the subset's glyphs and
 * widths. A font HarfBuzz cannot read, or whose subset is damaged, is FONT_DAMAGED naming `file`. The caller has
 * checked that the font has every character (missingCharacters).
 */
export async function subsetCidFont(fontBytes: Uint8Array, text: string, file?: string): Promise<CidFont> {
  const original = fontInfo(fontBytes, file);
  let subset: Uint8Array;
  let info: SfntInfo;
  let metrics: SfntMetrics;
  try {
    subset = await subsetFontForText(fontBytes, text);
    info = readSfnt(subset);
    metrics = readSfntMetrics(subset);
  } catch (error) {
    throw damagedFont(error, file);
  }
  const scale = 1 / metrics.unitsPerEm;
  const cache = new Map<number, { id: number; advance: number }>();
  return {
    baseFont: `${subsetTag(subset)}+${postScriptSafe(original.postscriptName ?? "Font")}`,
    subset,
    cff: isCffOpenType(subset),
    codePoints: codePointsOf(`${text} `).filter((cp) => !needsNoGlyph(cp)),
    glyph(codePoint) {
      let glyph = cache.get(codePoint);
      if (!glyph) {
        const id = info.glyphId(codePoint);
        cache.set(codePoint, (glyph = { id, advance: metrics.advance(id) * scale }));
      }
      return glyph;
    },
  };
}

/** PDF 32000-1 §9.8.2 font flags, as pdf-lib derives them (symbolic always: the glyphs are addressed by id). */
function fontFlags(metrics: SfntMetrics): number {
  let flags = 1 << 2; // symbolic
  if (metrics.fixedPitch) flags |= 1 << 0;
  if (metrics.familyClass >= 1 && metrics.familyClass <= 7) flags |= 1 << 1; // serif
  if (metrics.familyClass === 10) flags |= 1 << 3; // script
  if (metrics.italic) flags |= 1 << 6;
  return flags;
}

/** UTF-16BE hex of a code point, surrogate pairs for those outside the BMP. */
function utf16Hex(codePoint: number): string {
  const units = String.fromCodePoint(codePoint);
  let hex = "";
  for (let i = 0; i < units.length; i++) hex += units.charCodeAt(i).toString(16).padStart(4, "0");
  return hex;
}

/** A ToUnicode CMap (Adobe-Identity-UCS), bfchar entries in blocks of at most 100 as §9.10.3 asks. */
export function toUnicodeCMap(entries: ReadonlyArray<[glyphId: number, codePoint: number]>): string {
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map(([id, cp]) => `<${id.toString(16).padStart(4, "0")}> <${utf16Hex(cp)}>`).join("\n")}\nendbfchar\n`);
  }
  return (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def\n" +
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><ffff>\nendcodespacerange\n" +
    blocks.join("") +
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
  );
}

/**
 * Writes `font` as object `type0` (the number the page resources name) and the four objects it refers to. Widths are
 * in 1/1000 em at full precision, as pdf-lib writes them.
 */
export async function writeCidFont(writer: PdfWriter, font: CidFont, type0: number): Promise<void> {
  const metrics = readSfntMetrics(font.subset);
  const scale = 1000 / metrics.unitsPerEm;
  // Every glyph the subset maps a code point to, once, by id (a glyph two code points share keeps the first).
  const byGlyph = new Map<number, number>();
  for (const cp of font.codePoints) {
    const { id } = font.glyph(cp);
    if (id !== 0 && !byGlyph.has(id)) byGlyph.set(id, cp);
  }
  const glyphs = [...byGlyph.entries()].sort((a, b) => a[0] - b[0]);
  // W: [first [w …] first [w …]] over runs of consecutive glyph ids.
  const widths: string[] = [];
  let run: string[] = [];
  let previous = -2;
  for (const [id] of glyphs) {
    if (id !== previous + 1) {
      if (run.length > 0) widths.push(array(run));
      widths.push(int(id));
      run = [];
    }
    run.push(exact(metrics.advance(id) * scale));
    previous = id;
  }
  if (run.length > 0) widths.push(array(run));

  const fontFile = writer.reserve();
  const descriptor = writer.reserve();
  const cidFont = writer.reserve();
  const toUnicode = writer.reserve();
  const [minX, minY, maxX, maxY] = metrics.bbox;
  await writer.writeStream(
    fontFile,
    { Filter: name("FlateDecode"), Subtype: font.cff ? name("OpenType") : undefined, Length1: font.cff ? undefined : int(font.subset.byteLength) },
    deflateSync(font.subset),
  );
  await writer.writeObject(
    descriptor,
    dict({
      Type: name("FontDescriptor"),
      FontName: name(font.baseFont),
      Flags: int(fontFlags(metrics)),
      FontBBox: array([minX, minY, maxX, maxY].map((v) => exact(v * scale))),
      ItalicAngle: exact(metrics.italicAngle),
      Ascent: exact(metrics.ascent * scale),
      Descent: exact(metrics.descent * scale),
      CapHeight: exact((metrics.capHeight || metrics.ascent) * scale),
      XHeight: exact((metrics.xHeight || 0) * scale),
      StemV: "0",
      [font.cff ? "FontFile3" : "FontFile2"]: ref(fontFile),
    }),
  );
  await writer.writeObject(
    cidFont,
    dict({
      Type: name("Font"),
      Subtype: name(font.cff ? "CIDFontType0" : "CIDFontType2"),
      // For a CFF font that is not CID-keyed the CIDs are glyph indices already; CIDToGIDMap is for CIDFontType2 only.
      CIDToGIDMap: font.cff ? undefined : name("Identity"),
      BaseFont: name(font.baseFont),
      CIDSystemInfo: dict({ Registry: literal("Adobe"), Ordering: literal("Identity"), Supplement: "0" }),
      FontDescriptor: ref(descriptor),
      W: array(widths),
    }),
  );
  await writer.writeStream(toUnicode, { Filter: name("FlateDecode") }, deflateSync(Buffer.from(toUnicodeCMap(glyphs), "latin1")));
  await writer.writeObject(
    type0,
    dict({
      Type: name("Font"),
      Subtype: name("Type0"),
      BaseFont: name(font.baseFont),
      Encoding: name("Identity-H"),
      DescendantFonts: array([ref(cidFont)]),
      ToUnicode: ref(toUnicode),
    }),
  );
}
