/**
 * nafuda — the public library API. The CLI (src/cli) is a thin shell over exactly these exports.
 * Each section is owned by one area of the code; keep exports grouped by the module that holds them.
 */

// --- records
export type { StaffRecord, StaffReading, ReadingSource, RowError } from "./model.js";
export { formatRowError } from "./model.js";
export { writeFileAtomic } from "./io/atomic-write.js";

// --- kana and romaji

// --- rosters
export { RosterFileError } from "./roster/errors.js";
export { decodeText } from "./roster/decode-text.js";
export type { DecodedText, TextEncodingName } from "./roster/decode-text.js";
export { encodeText, canEncode, UnencodableCharacterError } from "./roster/encode-text.js";
export type { LegacyEncoding } from "./roster/encode-text.js";
export { readTable, parseTable, cellToString } from "./roster/read-table.js";
export type { Table, TableRow, TableFormat, ReadTableOptions } from "./roster/read-table.js";
export { COLUMN_ALIASES, COLUMN_ROLES, ROLE_LABELS, mapColumns, roleOfHeader, normalizeHeader } from "./roster/columns.js";
export type { ColumnRole, ColumnMap } from "./roster/columns.js";
export { loadRoster, rosterFromTable } from "./roster/load-roster.js";
export type { LoadedRoster, LoadRosterOptions } from "./roster/load-roster.js";

// --- readings

// --- badges
export { MM_PER_PT, PT_PER_MM, mmToPt, ptToMm, PAPER_SIZES, paperSize, outsetRect, rectMmToPdf } from "./geometry/units.js";
export type { SizeMm, RectMm, RectPt, PaperName } from "./geometry/units.js";
export {
  BUNDLED_FONTS,
  bundledFontPath,
  loadFont,
  parseFont,
  missingCharacters,
  describeCharacter,
  codePointsOf,
  subsetTag,
  subsetFontForText,
  embedFontForText,
} from "./pdf/fonts.js";
export type { BundledFontName, EmbedFontOptions } from "./pdf/fonts.js";
export {
  DEFAULT_BLEED_MM,
  bleedRect,
  cropMarkMargin,
  cropMarkLines,
  cutGuideLines,
  linesToContent,
  setPrintBoxes,
} from "./pdf/print-marks.js";
export type { LineMm, CropMarkOptions, PrintBoxes } from "./pdf/print-marks.js";
export { PDF_PRODUCER, createDeterministicDocument, applyFixedMetadata, saveDeterministic } from "./pdf/deterministic.js";
export type { DocumentInfo } from "./pdf/deterministic.js";

// --- posters
