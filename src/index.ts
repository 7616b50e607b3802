/**
 * nafuda — the public library API: what another city's program builds on. Every name here is a promise the next
 * version keeps (test/package/api-report.test.ts holds the report of it). The CLI and the web page use the same
 * functions. Lower-level pieces are in named entries, documented as such:
 *
 *   nafuda         rosters → readings → review sheet → badges, posters; errors; messages
 *   nafuda/kana    kana classes and conversion (hiragana, katakana, morae)
 *   nafuda/romaji  romanisation (passport, hepburn, kunrei, kana), whether a romaji spells a kana
 *   nafuda/pdf     geometry in mm, sheets and imposition, fonts, print marks, deterministic PDF documents
 *   nafuda/serve   the local web page's server (importing `nafuda` never loads it)
 */

// --- records and messages
export type { StaffRecord, StaffReading, PrintedScript, ReadingSource, RowError, RowNotice } from "./model.js";
export { formatRowError } from "./model.js";
export { NafudaError, formatMessage, formatPlace, formatPlaced } from "./messages/message.js";
export type { Message, MessageParam, MessageKind, Place, CodedMessage } from "./messages/message.js";
export type { Code } from "./messages/catalogue.js";
export { LANGS, DEFAULT_LANG, parseLang } from "./messages/lang.js";
export type { Lang } from "./messages/lang.js";

// --- rosters and tables
export { loadRoster } from "./roster/load-roster.js";
export type { LoadedRoster, LoadRosterOptions } from "./roster/load-roster.js";
export { readTable } from "./roster/read-table.js";
export type { Table, TableRow, TableFormat, ReadTableOptions } from "./roster/read-table.js";
export { DEFAULT_TABLE_LIMITS } from "./roster/limits.js";
export type { TableLimits } from "./roster/limits.js";
export { COLUMN_ALIASES } from "./roster/columns.js";
export type { ColumnRole } from "./roster/columns.js";
export { RosterFileError } from "./roster/errors.js";
export { InputFileError } from "./io/read-input.js";

// --- readings
export { createReadingResolver, resolveReadings, ConfirmedReadingsError } from "./readings/resolve.js";
export type { ReadingResolver, ReadingResolverOptions, ResolvedReadings, ResolveReadingsOptions } from "./readings/resolve.js";
export { loadConfirmedReadings, loadConfirmedReadingsFiles, parseConfirmedReadings } from "./readings/confirmed-readings.js";
export type { ConfirmedReading, ConfirmedReadings } from "./readings/confirmed-readings.js";
export type { SurnameAnalyzer } from "./readings/analyzer.js";

// --- the review sheet
export { reviewReport, reviewRows, reviewSheetCsv } from "./review/review-sheet.js";
export type { ReviewRow, ReviewReport, ReviewOptions, ReviewSheetOptions } from "./review/review-sheet.js";
export { reviewSheetXlsx } from "./review/review-workbook.js";

// --- badges
export { renderBadges, renderBadgeSheets, renderBadgesToFile, writeBadgeSheets, BadgeRenderError } from "./badges/render-badges.js";
export type { RenderBadgesOptions, BadgeRenderResult, BadgeFileResult } from "./badges/render-badges.js";
export { renderBadgesSplit, renderBadgesSplitToFolder } from "./badges/split.js";
export type { BadgeGroupFile, SplitResult, SplitOptions, SplitFolderResult, WrittenGroupFile } from "./badges/split.js";
export { BUILTIN_TEMPLATES, loadTemplate, createTemplate, TemplateError } from "./badges/template.js";
export type { BadgeTemplate, BadgeSide, BadgeField, FieldSource, Align, VerticalAlign } from "./badges/template.js";
export { SHEET_PRESETS, sheetPreset, SheetError } from "./geometry/sheets.js";
export type { SheetSpec } from "./geometry/sheets.js";
export { BackgroundFileError } from "./badges/background.js";
export { FontFileError } from "./pdf/font-error.js";
export { BadgeOptionError } from "./badges/fields.js";
export { calibrationSheet } from "./badges/calibrate.js";
export type { CalibrationOptions, CalibrationResult } from "./badges/calibrate.js";

// --- posters
export { loadPolicy, parsePolicy, createPolicy, PolicyError } from "./posters/policy.js";
export type { PosterPolicy, PolicyIssue, PolicyPanel, PolicyContact, ConductItem, MeasureText, PanelLanguage } from "./posters/policy.js";
export { MEASURE_IDS } from "./posters/measures.js";
export type { MeasureId } from "./posters/measures.js";
export { POSTER_SIZES } from "./posters/sizes.js";
export type { PosterSize } from "./posters/sizes.js";
export { readFacilities } from "./posters/facilities.js";
export type { Facility, FacilityInput, FacilityListResult, PosterLanguage } from "./posters/facilities.js";
export { renderPoster, renderFacilityPosters } from "./posters/render.js";
export type { PosterOptions, RenderPosterOptions, RenderFacilityOptions, PosterBackground, PrintOptions } from "./posters/render.js";
export { loadBackgroundLayout, BackgroundLayoutError } from "./posters/background-layout.js";
export type { BackgroundLayout } from "./posters/background-layout.js";
export { makePosters, runPosterBatch, posterOrderLines, orderManifestCsv, orderSummaryPdf, PosterBatchError, FacilityListError } from "./posters/batch.js";
export type { OrderLine, PosterBatchOptions, PosterBatchResult } from "./posters/batch.js";
export { makePosterFolder, posterFolderZip } from "./posters/folder.js";
export type { PosterFolder, PosterFolderFile, PosterFolderOptions } from "./posters/folder.js";
export { starterPolicyYaml, starterFacilitiesCsv } from "./posters/starter.js";
export { CalendarDateError } from "./posters/dates.js";
export type { CalendarDate, DateStyle } from "./posters/dates.js";

// --- recording signs
export { makeSigns, runSignBatch, SignBatchError } from "./signs/batch.js";
export type { SignBatchOptions, SignBatchResult } from "./signs/batch.js";
export { renderCounterSign, renderPhoneStickers } from "./signs/render.js";
export type { SignOptions, RenderedSigns } from "./signs/render.js";

// --- files
export { writeFileAtomic, openAtomicOutput, OutputFileError } from "./io/atomic-write.js";
export type { AtomicOutput } from "./io/atomic-write.js";
export { OutputPathError } from "./io/safe-file-names.js";
export { ConfigError, loadConfig } from "./config/config.js";
export type { NafudaConfig } from "./config/config.js";
