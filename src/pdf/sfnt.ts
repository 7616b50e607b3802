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
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/** A part of the font that lies outside the file: the font is damaged or cut short. */
function damaged(part: string): FontFileError {
  return new FontFileError(msg("FONT_DAMAGED", { detail: part }));
}

/**
 * Reads font `bytes` (TTF, OTF, or the first face of a TTC). A FontFileError for anything else (WOFF, not a font) and
 * for a damaged or truncated font: every table and cmap subtable nafuda reads is checked to lie inside the bytes, so
 * that `hasGlyph` can never read past the end later.
 */
export function readSfnt(bytes: Uint8Array): SfntInfo {
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
  let hasGlyph: (codePoint: number) => boolean;
  if (format12 !== null) {
    const start = format12;
    const groups = view.getUint32(start + 12);
    hasGlyph = (codePoint) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const group = start + 16 + mid * 12;
        const first = view.getUint32(group);
        const last = view.getUint32(group + 4);
        if (codePoint < first) hi = mid - 1;
        else if (codePoint > last) lo = mid + 1;
        else return view.getUint32(group + 8) + (codePoint - first) !== 0;
      }
      return false;
    };
  } else if (format4 !== null) {
    const start = format4;
    const segX2 = view.getUint16(start + 6);
    const ends = start + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    hasGlyph = (codePoint) => {
      if (codePoint > 0xffff) return false;
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
          if (rangeOffset === 0) return ((codePoint + delta) & 0xffff) !== 0;
          const glyphAt = rangeOffsets + mid * 2 + rangeOffset + (codePoint - first) * 2;
          if (!inside(glyphAt, 2)) return false; // points outside the font: no glyph
          const glyph = view.getUint16(glyphAt);
          return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
        }
      }
      return false;
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
  return { unitsPerEm, ascent, descent, postscriptName, hasGlyph };
}
