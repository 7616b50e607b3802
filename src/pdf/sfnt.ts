/**
 * A small, fast reader for the parts of a TrueType/OpenType font nafuda needs before subsetting:
 * which code points it maps (cmap formats 4 and 12), units per em, ascent/descent and the
 * PostScript name. Parsing a 5 MB CJK font with fontkit just to ask "has it 𠮷?" costs ~50 ms;
 * this reads a few tables in place.
 */

import { msg } from "../messages/message.js";
import { FontFileError } from "./font-error.js";

export interface SfntInfo {
  unitsPerEm: number;
  /** hhea ascender, font units. */
  ascent: number;
  /** hhea descender, font units (negative). */
  descent: number;
  postscriptName: string | null;
  /** True when the font maps `codePoint` to a glyph other than .notdef. */
  hasGlyph(codePoint: number): boolean;
  /** The glyph the cmap maps `codePoint` to (0, .notdef, when none). */
  glyphId(codePoint: number): number;
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/** A part of the font that lies outside the file: the font is damaged or cut short. */
function damaged(part: string): FontFileError {
  return new FontFileError(msg("FONT_DAMAGED", { detail: part }));
}

interface TableDirectory {
  view: DataView;
  inside: (offset: number, length: number) => boolean;
  tables: Map<string, { offset: number; length: number }>;
}

/** The table directory of a TTF, OTF or a TTC's first face, every table checked to lie inside the bytes. */
function tableDirectory(bytes: Uint8Array): TableDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.byteLength;
  const inside = (offset: number, length: number) => offset >= 0 && length >= 0 && offset + length <= size;
  if (size < 12) throw new FontFileError(msg("FONT_NOT_SFNT"));
  let base = 0;
  const signature = tag(view, 0);
  if (signature === "ttcf") {
    if (!inside(12, 4)) throw damaged("TTC header");
    base = view.getUint32(12);
    if (!inside(base, 12)) throw damaged("TTC header");
  } else if (signature === "wOFF" || signature === "wOF2") throw new FontFileError(msg("FONT_WOFF"));
  const version = view.getUint32(base);
  if (version !== 0x00010000 && tag(view, base) !== "OTTO" && tag(view, base) !== "true") {
    throw new FontFileError(msg("FONT_NOT_SFNT"));
  }
  const numTables = view.getUint16(base + 4);
  if (!inside(base + 12, numTables * 16)) throw damaged("table directory");
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const record = base + 12 + i * 16;
    const table = { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
    // A table past the end of the file: the file was cut short (a partial download or copy).
    if (!inside(table.offset, table.length)) throw damaged(`table ${tag(view, record).trim()}`);
    tables.set(tag(view, record), table);
  }
  return { view, inside, tables };
}

/**
 * Reads font `bytes` (TTF, OTF, or the first face of a TTC). A FontFileError for anything else (WOFF, not a font) and
 * for a damaged or truncated font: every table and cmap subtable nafuda reads is checked to lie inside the bytes, so
 * that `hasGlyph` can never read past the end later.
 */
export function readSfnt(bytes: Uint8Array): SfntInfo {
  const { view, inside, tables } = tableDirectory(bytes);
  const head = tables.get("head");
  const hhea = tables.get("hhea");
  const cmap = tables.get("cmap");
  if (!head || !hhea || !cmap) throw new FontFileError(msg("FONT_MISSING_TABLES"));
  if (!inside(head.offset, 54) || !inside(head.offset, head.length)) throw damaged("head");
  if (!inside(hhea.offset, 36) || !inside(hhea.offset, hhea.length)) throw damaged("hhea");
  if (!inside(cmap.offset, 4) || !inside(cmap.offset, cmap.length)) throw damaged("cmap");
  const unitsPerEm = view.getUint16(head.offset + 18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw damaged("head.unitsPerEm");
  const ascent = view.getInt16(hhea.offset + 4);
  const descent = view.getInt16(hhea.offset + 6);

  // cmap: prefer a full-Unicode format 12 subtable, else a BMP format 4 one.
  let format12: number | null = null;
  let format4: number | null = null;
  const numSubtables = view.getUint16(cmap.offset + 2);
  if (!inside(cmap.offset + 4, numSubtables * 8)) throw damaged("cmap");
  for (let i = 0; i < numSubtables; i++) {
    const record = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap.offset + view.getUint32(record + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (!inside(offset, 2)) throw damaged("cmap");
    const format = view.getUint16(offset);
    if (format === 12 && format12 === null) {
      if (!inside(offset, 16) || !inside(offset + 16, view.getUint32(offset + 12) * 12)) throw damaged("cmap format 12");
      format12 = offset;
    }
    if (format === 4 && format4 === null) {
      if (!inside(offset, 14)) throw damaged("cmap format 4");
      const segX2 = view.getUint16(offset + 6);
      // endCode[], reservedPad, startCode[], idDelta[], idRangeOffset[] (glyph ids after them are checked per lookup).
      if (segX2 % 2 !== 0 || !inside(offset + 14, segX2 * 4 + 2)) throw damaged("cmap format 4");
      format4 = offset;
    }
  }
  let glyphId: (codePoint: number) => number;
  if (format12 !== null) {
    const start = format12;
    const groups = view.getUint32(start + 12);
    glyphId = (codePoint) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const group = start + 16 + mid * 12;
        const first = view.getUint32(group);
        const last = view.getUint32(group + 4);
        if (codePoint < first) hi = mid - 1;
        else if (codePoint > last) lo = mid + 1;
        else return (view.getUint32(group + 8) + (codePoint - first)) >>> 0;
      }
      return 0;
    };
  } else if (format4 !== null) {
    const start = format4;
    const segX2 = view.getUint16(start + 6);
    const ends = start + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    glyphId = (codePoint) => {
      if (codePoint > 0xffff) return 0;
      let lo = 0;
      let hi = segX2 / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const end = view.getUint16(ends + mid * 2);
        const first = view.getUint16(starts + mid * 2);
        if (codePoint > end) lo = mid + 1;
        else if (codePoint < first) hi = mid - 1;
        else {
          const delta = view.getInt16(deltas + mid * 2);
          const rangeOffset = view.getUint16(rangeOffsets + mid * 2);
          if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
          const glyphAt = rangeOffsets + mid * 2 + rangeOffset + (codePoint - first) * 2;
          if (!inside(glyphAt, 2)) return 0; // points outside the font: no glyph
          const glyph = view.getUint16(glyphAt);
          return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
        }
      }
      return 0;
    };
  } else {
    throw new FontFileError(msg("FONT_NO_UNICODE_CMAP"));
  }

  let postscriptName: string | null = null;
  const name = tables.get("name");
  // The PostScript name only labels the embedded font: a damaged name table leaves it unknown.
  if (name && inside(name.offset, 6) && inside(name.offset, name.length)) {
    const count = view.getUint16(name.offset + 2);
    const strings = name.offset + view.getUint16(name.offset + 4);
    for (let i = 0; i < count && inside(name.offset + 6 + i * 12, 12); i++) {
      const record = name.offset + 6 + i * 12;
      if (view.getUint16(record + 6) !== 6) continue;
      const platform = view.getUint16(record);
      const length = view.getUint16(record + 8);
      const offset = strings + view.getUint16(record + 10);
      if (!inside(offset, length)) break;
      if (platform === 3 || platform === 0) {
        let text = "";
        for (let j = 0; j + 1 < length; j += 2) text += String.fromCharCode(view.getUint16(offset + j));
        postscriptName = text;
        break;
      }
      if (platform === 1) {
        let text = "";
        for (let j = 0; j < length; j++) text += String.fromCharCode(view.getUint8(offset + j));
        postscriptName = text;
        break;
      }
    }
  }
  // A binary search of a CJK font's cmap for every character of every name is measurable at 10,000 staff (~10 ms):
  // the glyph of each code point is looked up once.
  const lookUp = glyphId;
  const known = new Map<number, number>();
  const cachedGlyphId = (codePoint: number): number => {
    let id = known.get(codePoint);
    if (id === undefined) known.set(codePoint, (id = lookUp(codePoint)));
    return id;
  };
  return { unitsPerEm, ascent, descent, postscriptName, hasGlyph: (codePoint) => cachedGlyphId(codePoint) !== 0, glyphId: cachedGlyphId };
}

/** What a PDF font descriptor and width array need from a font (PDF 32000-1 §9.8), in font units. */
export interface SfntMetrics {
  unitsPerEm: number;
  /** head xMin, yMin, xMax, yMax. */
  bbox: [number, number, number, number];
  /** post.italicAngle, degrees. */
  italicAngle: number;
  /** hhea ascender and descender. */
  ascent: number;
  descent: number;
  /** OS/2 sCapHeight and sxHeight (version 2 and later), else null. */
  capHeight: number | null;
  xHeight: number | null;
  /** OS/2 sFamilyClass as one signed 16-bit number (class in the high byte), 0 without OS/2. */
  familyClass: number;
  /** post.isFixedPitch is not 0. */
  fixedPitch: boolean;
  /** head.macStyle bit 1. */
  italic: boolean;
  numGlyphs: number;
  /** The advance width of glyph `id` (hmtx; glyphs past numberOfHMetrics take the last one). */
  advance(id: number): number;
}

/**
 * The metrics of font `bytes` that an embedded PDF font states (bounding box, italic angle, ascent and descent, cap
 * and x height, flags, advance widths), read in place. The fonts nafuda embeds are HarfBuzz's subsets of fonts that
 * readSfnt has accepted; a table that is missing or outside the bytes is still FONT_DAMAGED, never a read past the end.
 */
export function readSfntMetrics(bytes: Uint8Array): SfntMetrics {
  const { view, inside, tables } = tableDirectory(bytes);
  const table = (name: string, least: number) => {
    const found = tables.get(name);
    if (!found || found.length < least || !inside(found.offset, least)) throw damaged(name);
    return found.offset;
  };
  const head = table("head", 54);
  const hhea = table("hhea", 36);
  const maxp = table("maxp", 6);
  const unitsPerEm = view.getUint16(head + 18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw damaged("head.unitsPerEm");
  const numGlyphs = view.getUint16(maxp + 4);
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const hmtx = tables.get("hmtx");
  if (!hmtx || numberOfHMetrics === 0 || hmtx.length < numberOfHMetrics * 4 || !inside(hmtx.offset, numberOfHMetrics * 4)) throw damaged("hmtx");
  const hmtxOffset = hmtx.offset;
  const os2 = tables.get("OS/2");
  const hasOs2 = os2 !== undefined && os2.length >= 34 && inside(os2.offset, 34);
  const os2Version = hasOs2 ? view.getUint16(os2.offset) : -1;
  const hasHeights = hasOs2 && os2Version >= 2 && os2.length >= 90 && inside(os2.offset, 90);
  const post = tables.get("post");
  const hasPost = post !== undefined && post.length >= 16 && inside(post.offset, 16);
  return {
    unitsPerEm,
    bbox: [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)],
    italicAngle: hasPost ? view.getInt32(post.offset + 4) / 65536 : 0,
    ascent: view.getInt16(hhea + 4),
    descent: view.getInt16(hhea + 6),
    capHeight: hasHeights ? view.getInt16(os2.offset + 88) : null,
    xHeight: hasHeights ? view.getInt16(os2.offset + 86) : null,
    familyClass: hasOs2 ? view.getInt16(os2.offset + 30) : 0,
    fixedPitch: hasPost ? view.getUint32(post.offset + 12) !== 0 : false,
    italic: (view.getUint16(head + 44) & 2) !== 0,
    numGlyphs,
    advance: (id) => view.getUint16(hmtxOffset + Math.min(id, numberOfHMetrics - 1) * 4),
  };
}
