/**
 * nafuda — the public library API. The CLI (src/cli) is a thin shell over exactly these exports.
 * Each section is owned by one area of the code; keep exports grouped by the module that holds them.
 */

// --- records
export type { StaffRecord, StaffReading, ReadingSource, RowError } from "./model.js";
export { formatRowError } from "./model.js";
export { writeFileAtomic, openAtomicOutput } from "./io/atomic-write.js";
export type { AtomicOutput } from "./io/atomic-write.js";

// --- kana and romaji
export { toHiragana, katakanaToHiragana, hiraganaToKatakana, expandIterationMarks } from "./kana/to-hiragana.js";
export { isPrintableKana, isKana, isKatakana, isHiragana, normalizeKanaInput, LONG_MARK } from "./kana/kana-classes.js";
export { splitMora } from "./kana/mora.js";
export { romanize, romanizeDetailed, spellMorae } from "./romaji/romanize.js";
export type { RomanizeOptions, RomanizeResult } from "./romaji/romanize.js";
export { ROMAJI_SYSTEMS, ROMAJI_CASES, DEFAULT_ROMAJI_SYSTEM, DEFAULT_ROMAJI_CASE, isRomajiSystem, isRomajiCase } from "./romaji/systems.js";
export type { RomajiSystem, RomajiCase } from "./romaji/systems.js";
export { applyRomajiCase } from "./romaji/letter-case.js";
export { analyzeLongVowels, alignPronunciation, decideByKanaRules, vowelPairAt, FINAL_U_MORPHEMES } from "./romaji/long-vowels.js";
export type { LongVowelSource, LongVowelAnalysis, VowelPair, VowelPairDecision } from "./romaji/long-vowels.js";
export { MORA_TABLE, moraVowel } from "./romaji/mora-table.js";
export type { MoraSpelling } from "./romaji/mora-table.js";
export { normalizeVariantKanji, VARIANT_KANJI, VARIANT_KANJI_TABLE } from "./names/variant-kanji.js";
export type { VariantKanjiEntry } from "./names/variant-kanji.js";

// --- rosters
export { RosterFileError } from "./roster/errors.js";
export { decodeText } from "./roster/decode-text.js";
export type { DecodedText, TextEncodingName } from "./roster/decode-text.js";
export { encodeText, canEncode, UnencodableCharacterError } from "./roster/encode-text.js";
export type { LegacyEncoding } from "./roster/encode-text.js";
export { readTable, parseTable, cellToString } from "./roster/read-table.js";
export type { Table, TableRow, TableFormat, ReadTableOptions } from "./roster/read-table.js";
export { COLUMN_ALIASES, COLUMN_ROLES, mapColumns, roleOfHeader, normalizeHeader } from "./roster/columns.js";
export type { ColumnRole, ColumnMap } from "./roster/columns.js";
export { loadRoster, rosterFromTable } from "./roster/load-roster.js";
export type { LoadedRoster, LoadRosterOptions } from "./roster/load-roster.js";

// --- readings
export { createReadingResolver, resolveReadings, DEFAULT_PLAUSIBLE_COST_GAP } from "./readings/resolve.js";
export type { ReadingResolver, ReadingResolverOptions, ResolvedReadings } from "./readings/resolve.js";
export { bundledNameDictionary, parseNameTable } from "./readings/name-dictionary.js";
export type { NameDictionary, NameEntry } from "./readings/name-dictionary.js";
export { splitFullName, lookupKey } from "./readings/split-name.js";
export type { NameSplit, SplitMethod } from "./readings/split-name.js";
export { kuroshiroAnalyzer } from "./readings/analyzer.js";
export type { SurnameAnalyzer } from "./readings/analyzer.js";
export { loadConfirmedReadings, loadConfirmedReadingsFiles, parseConfirmedReadings } from "./readings/confirmed-readings.js";
export { matchConfirmed } from "./readings/match-confirmed.js";
export type { ConfirmedMatch, ConfirmedMatching, ConfirmedFileMatch } from "./readings/match-confirmed.js";
export type { ConfirmedReading, ConfirmedReadings } from "./readings/confirmed-readings.js";
export { reviewRows, reviewReport, reviewSheetCsv, REVIEW_SHEET_HEADERS } from "./review/review-sheet.js";
export type { ReviewRow, ReviewReport } from "./review/review-sheet.js";
export { csvDocument, csvField, neutralizeCell, unneutralizeCell } from "./io/excel-csv.js";

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
export { readSfnt } from "./pdf/sfnt.js";
export type { SfntInfo } from "./pdf/sfnt.js";
export { fontInfo, isCffOpenType, relabelCffFonts, needsNoGlyph, isVariationSelector } from "./pdf/fonts.js";
export {
  SHEET_PRESETS,
  SheetError,
  sheetPreset,
  resolveSheet,
  cellRects,
  backCellRects,
  planPages,
} from "./geometry/sheets.js";
export type { SheetSpec, Sheet, PlacementOptions, CellRect, PagePlan } from "./geometry/sheets.js";
export { fitText } from "./text/fit-text.js";
export type { FitBox, FitStyle, FitResult } from "./text/fit-text.js";
export {
  BUILTIN_TEMPLATES,
  TemplateError,
  parseTemplate,
  loadTemplate,
  builtinTemplatePath,
} from "./badges/template.js";
export type { BadgeTemplate, BadgeSide, BadgeField, FieldSource, Align, VerticalAlign } from "./badges/template.js";
export { fieldText, printable, sortForHandout, groupStaff } from "./badges/fields.js";
export type { BadgeGroup } from "./badges/fields.js";
export { readBackground, BackgroundFileError } from "./badges/background.js";
export type { Background } from "./badges/background.js";
export { renderBadges, renderBadgeSheets, renderBadgesToFile, writeBadgeSheets, BadgeRenderError } from "./badges/render-badges.js";
export type { RenderBadgesOptions, BadgeRenderResult, BadgeFileResult } from "./badges/render-badges.js";
export { renderBadgesSplit, renderBadgesSplitToFolder } from "./badges/split.js";
export type { BadgeGroupFile, SplitResult, SplitOptions, SplitFolderResult, WrittenGroupFile } from "./badges/split.js";
export { PdfWriter, BytesSink } from "./pdf/pdf-writer.js";
export type { PdfSink, PdfLibObject, PdfTrailer, PdfVersion, PdfWriterOptions } from "./pdf/pdf-writer.js";
export { sheetFromOptions, loadSheetFile } from "./badges/sheet-option.js";
export type { SheetGeometryOptions } from "./badges/sheet-option.js";

// --- posters
export { loadBackgroundLayout, parseBackgroundLayout, BackgroundLayoutError } from "./posters/background-layout.js";
export type { BackgroundLayout } from "./posters/background-layout.js";
export type { CalendarDate, DateStyle } from "./posters/dates.js";
export { formatJapaneseDate, japaneseEra, parseCalendarDate } from "./posters/dates.js";
export type { MeasureId } from "./posters/measures.js";
export { MEASURE_IDS, DEFAULT_MEASURE_LABELS } from "./posters/measures.js";
export type { PosterPolicy, PolicyIssue, PolicyPanel, PolicyContact, ConductItem, MeasureText, PanelLanguage } from "./posters/policy.js";
export { loadPolicy, parsePolicy, validatePolicy, PolicyError, formatPolicyIssue } from "./posters/policy.js";
export type { PosterSize } from "./posters/sizes.js";
export { POSTER_SIZES, posterPaper, parsePosterSize } from "./posters/sizes.js";
export type { Facility, FacilityInput, FacilityListResult, FacilityTable, PosterLanguage } from "./posters/facilities.js";
export { readFacilities, parseFacilityTable, toFacility } from "./posters/facilities.js";
export type { PosterContent, PosterMeasure, PosterPanel } from "./posters/content.js";
export { posterContent } from "./posters/content.js";
export { breakLines, NO_LINE_START, NO_LINE_END } from "./posters/linebreak.js";
export type { PosterLayout, Shape as PosterShape, TextMeasurer, FontRole as PosterFontRole, LayoutOptions as PosterLayoutOptions } from "./posters/layout.js";
export { layoutPoster } from "./posters/layout.js";
export type { PosterOptions, RenderPosterOptions, RenderFacilityOptions, PosterBackground } from "./posters/render.js";
export { renderPoster, renderFacilityPosters } from "./posters/render.js";
export { safeFileStem, safeFileStems } from "./io/safe-file-names.js";
export type { OrderLine, PosterBatchOptions, PosterBatchResult } from "./posters/batch.js";
export { makePosters, runPosterBatch, orderManifestCsv, orderSummaryPdf, MANIFEST_FILE, SUMMARY_FILE } from "./posters/batch.js";

// --- serve
export { startServer, requestHandler, isAllowedHost, DEFAULT_MAX_UPLOAD_BYTES } from "./serve/server.js";
export type { ServeOptions, RunningServer } from "./serve/server.js";
export { badgePdfToSvg } from "./serve/badge-svg.js";
export type { BadgeSvg } from "./serve/badge-svg.js";
