import type { PrintedScript, RowError, StaffReading } from "../model.js";
import { isRosterHeader, rosterFromTable, type LoadedRoster } from "../roster/load-roster.js";
import { readTable, type Table } from "../roster/read-table.js";
import type { TableLimits } from "../roster/limits.js";
import { createReadingResolver, resolveReadings, type ReadingResolver, type ResolvedReadings } from "../readings/resolve.js";
import { isConfirmedHeader, parseConfirmedReadings, type ConfirmedReading, type ConfirmedReadings } from "../readings/confirmed-readings.js";
import type { SurnameAnalyzer } from "../readings/analyzer.js";
import { reviewRows, reviewSheetCsv, type ReviewRow } from "../review/review-sheet.js";
import { isRomajiCase, isRomajiSystem, ROMAJI_CASES, ROMAJI_SYSTEMS, type RomajiCase, type RomajiSystem } from "../romaji/systems.js";
import { renderBadgeSheets, type BadgeRenderResult } from "../badges/render-badges.js";
import { SHEET_PRESETS, type SheetSpec } from "../geometry/sheets.js";
import { parsePolicyBytes, type PosterPolicy } from "../posters/policy.js";
import { facilityPolicy, readFacilities, uploadedPolicyResolver, type Facility } from "../posters/facilities.js";
import { renderFacilityPosterFile } from "../posters/render.js";
import { facilityError, facilityFileNames, MANIFEST_FILE, SUMMARY_FILE, withSizes } from "../posters/batch.js";
import { makePosterFolder, posterFolderZip, type PosterFolder } from "../posters/folder.js";
import { startsText } from "../posters/content.js";
import { formatJapaneseDate, isoDate, localToday, parseCalendarDate, type CalendarDate, type DateStyle } from "../posters/dates.js";
import type { PosterDesign } from "../posters/layout.js";
import { DEFAULT_MEASURE_LABELS } from "../posters/measures.js";
import { parsePosterSize, POSTER_SIZES, type PosterSize } from "../posters/sizes.js";
import { starterFacilitiesCsv, starterPolicyYaml } from "../posters/starter.js";
import { renderFacilitySigns, SIGN_FILE_SUFFIXES, signCounts } from "../signs/batch.js";
import { SIGN_KINDS } from "../signs/content.js";
import { safeFileStems } from "../io/safe-file-names.js";
import { formatMessage, msg, NafudaError, type CodedMessage } from "../messages/message.js";
import { defaultLang, parseLang, type Lang } from "../messages/lang.js";
import { DEFAULT_ENGINE, type Engine } from "./engine.js";
import { pageRowError, PageError, type PageRowError } from "./messages.js";

/**
 * What the page asks of the server, request by request. Two ways in:
 * - the form API (/api/readings, /api/badge.pdf, /api/badges.pdf, /api/confirmed.*): every request carries its
 *   files; the server reads them with the same library calls as the CLI, answers, and forgets them;
 * - the working roster (src/serve/work.ts, /api/work/…): the page's files read once and kept in the server's memory
 *   with the corrections made on the page, so that an edit re-reads one person and a reload finds the work again.
 * Every answer is in the language the request asks for (the form's `lang`: ja by default, or en).
 */

/** A reading corrected on the page. It goes back to the library as a row of a confirmed readings table. */
export interface PageEdit {
  /** The roster's data row of the person (1 = the row after the header). */
  row: number;
  id: string | null;
  name: string;
  kana: string;
  /** The romaji as typed, or null to let nafuda spell it from the kana. */
  romaji: string | null;
  /** The person confirmed this kana with this romaji although it does not spell it (the review sheet's 済). */
  pair: boolean;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The parsed request: files and fields of a multipart form, the language to answer in, the bounds to read within. */
export class PageForm {
  readonly lang: Lang;

  constructor(
    private readonly form: FormData,
    /** Bounds for every table the request holds (README: Limits; the server ties them to its upload limit). */
    readonly limits: Partial<TableLimits> = {},
    fallbackLang: Lang = defaultLang(),
    /** The server's analyzer and templates. */
    readonly engine: Engine = DEFAULT_ENGINE,
  ) {
    const asked = this.text("lang");
    const lang = asked === null || asked.trim() === "" ? fallbackLang : parseLang(asked);
    if (lang === null) throw new PageError(400, msg("SERVE_LANG_UNKNOWN", { value: (asked ?? "").slice(0, 40) }));
    this.lang = lang;
  }

  async file(key: string): Promise<Upload | null> {
    const value = this.form.get(key);
    if (value === null || typeof value === "string") return null;
    return { name: value.name || key, bytes: new Uint8Array(await value.arrayBuffer()) };
  }

  /** Every file the form holds under `key` (a field chosen with several files). */
  async files(key: string): Promise<Upload[]> {
    const uploads: Upload[] = [];
    for (const value of this.form.getAll(key)) {
      if (typeof value === "string") continue;
      uploads.push({ name: value.name || key, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return uploads;
  }

  async requireFile(key: string, what: CodedMessage): Promise<Upload> {
    const file = await this.file(key);
    if (!file || file.bytes.length === 0) throw new PageError(400, msg("SERVE_FILE_MISSING", { what }));
    return file;
  }

  text(key: string): string | null {
    const value = this.form.get(key);
    return typeof value === "string" ? value : null;
  }

  has(key: string): boolean {
    return this.form.has(key);
  }

  flag(key: string): boolean {
    return ["1", "true", "on", "yes"].includes((this.text(key) ?? "").toLowerCase());
  }

  /** A word of the page in the request's language. */
  say(message: CodedMessage): string {
    return formatMessage(message, this.lang);
  }
}

export interface ReadingOptions {
  romaji: RomajiSystem;
  romajiCase: RomajiCase;
  /** How a foreign national's name in katakana prints (default hiragana). */
  foreignNamesIn?: PrintedScript;
}

export function readingOptions(form: PageForm, fallback: ReadingOptions = { romaji: "passport", romajiCase: "title" }): ReadingOptions {
  const romaji = form.text("romaji") ?? fallback.romaji;
  const romajiCase = form.text("romajiCase") ?? fallback.romajiCase;
  if (!isRomajiSystem(romaji)) throw new PageError(400, msg("SERVE_ROMAJI_SYSTEM_UNKNOWN", { value: romaji.slice(0, 40), list: [...ROMAJI_SYSTEMS] }));
  if (!isRomajiCase(romajiCase)) throw new PageError(400, msg("SERVE_ROMAJI_CASE_UNKNOWN", { value: romajiCase.slice(0, 40), list: [...ROMAJI_CASES] }));
  return { romaji, romajiCase };
}

/** One edit as the page sends it, or null when the value is not one. */
export function parseEdit(item: unknown): PageEdit | null {
  if (typeof item !== "object" || item === null) return null;
  const e = item as Record<string, unknown>;
  if (typeof e.row !== "number" || !Number.isInteger(e.row) || typeof e.name !== "string" || typeof e.kana !== "string") return null;
  return {
    row: e.row,
    id: typeof e.id === "string" && e.id !== "" ? e.id : null,
    name: e.name,
    kana: e.kana,
    romaji: typeof e.romaji === "string" && e.romaji.trim() !== "" ? e.romaji.trim() : null,
    pair: e.pair === true,
  };
}

function parseEdits(form: PageForm): PageEdit[] {
  const text = form.text("edits");
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PageError(400, msg("SERVE_EDITS_UNREADABLE"));
  }
  if (!Array.isArray(raw)) throw new PageError(400, msg("SERVE_EDITS_UNREADABLE"));
  return raw.flatMap((item) => parseEdit(item) ?? []);
}

/** The edits as a confirmed readings table, with the review sheet's headers (済 in 要確認 for a confirmed pair). */
export function editsTable(edits: readonly PageEdit[], file: string): Table {
  return {
    file,
    format: "csv",
    headers: ["職員番号", "氏名", "かな", "ローマ字", "要確認"],
    headerSheetRow: null,
    rows: edits.map((edit, i) => ({ row: i + 1, sheetRow: null, cells: [edit.id ?? "", edit.name, edit.kana, edit.romaji ?? "", edit.pair ? "済" : ""] })),
    errors: [],
    warnings: [],
  };
}

/** The review sheet's own headers: a file that has them is a previous review sheet, not a roster. */
export function isReviewSheet(headers: readonly string[]): boolean {
  const set = new Set(headers.map((h) => h.trim()));
  return set.has("かな") && set.has("要確認") && (set.has("出典") || headers.some((h) => /^候補\d*$/.test(h.trim())));
}

/**
 * The header row of a table that may be a roster or a review sheet: a roster's (a name column) or a confirmed
 * readings file's (かな and 職員番号 or 氏名). A review sheet has a title and instructions above its header.
 */
export function isRosterOrConfirmedHeader(cells: string[]): boolean {
  return isConfirmedHeader(cells) || isRosterHeader(cells);
}

async function tableOf(upload: Upload, limits: Partial<TableLimits>): Promise<Table> {
  return readTable(upload.bytes, { fileName: upload.name, isHeader: isRosterOrConfirmedHeader, limits });
}

/** The files of a readings request, read: the roster, the confirmed readings, and which slot held which. */
export interface ReadFiles {
  roster: LoadedRoster;
  rosterFile: Upload;
  /** "review-sheet" when the roster slot held a previous review sheet (it is then the confirmed file too). */
  rosterKind: "roster" | "review-sheet";
  confirmedFile: Upload | null;
  /** The confirmed readings file, as read. */
  confirmed: ConfirmedReadings | null;
}

/** Reads the roster and the confirmed readings file, whichever slot each came in. */
export async function readFiles(rosterUpload: Upload, confirmedUpload: Upload | null, limits: Partial<TableLimits>): Promise<ReadFiles> {
  let rosterFile = rosterUpload;
  let confirmedFile = confirmedUpload && confirmedUpload.bytes.length > 0 ? confirmedUpload : null;
  let rosterTable = await tableOf(rosterFile, limits);
  let confirmedTable = confirmedFile ? await tableOf(confirmedFile, limits) : null;
  let rosterKind: ReadFiles["rosterKind"] = "roster";
  if (isReviewSheet(rosterTable.headers)) {
    if (confirmedFile && confirmedTable && !isReviewSheet(confirmedTable.headers)) {
      // Two files in the wrong slots: the roster is the other one.
      [rosterFile, confirmedFile] = [confirmedFile, rosterFile];
      [rosterTable, confirmedTable] = [confirmedTable, rosterTable];
    } else if (!confirmedFile) {
      rosterKind = "review-sheet";
      confirmedFile = rosterFile;
      confirmedTable = rosterTable;
    }
  }
  const roster = rosterFromTable(rosterTable);
  const confirmed = confirmedTable ? parseConfirmedReadings(confirmedTable) : null;
  return { roster, rosterFile, rosterKind, confirmedFile, confirmed };
}

/** Everything a readings request gives: the files, the confirmed readings (file + edits) and the options. */
export interface ReadingInput extends ReadFiles {
  edits: PageEdit[];
  /** The edits as confirmed rows, by the roster's data row. */
  editRows: Map<number, ConfirmedReading>;
  /** Problems with the edits, by staff row. */
  editErrors: PageRowError[];
  options: ReadingOptions;
  lang: Lang;
  analyzer: SurnameAnalyzer;
}

/** The edits read as rows of a confirmed readings file (画面での修正), and their problems placed on the roster's rows. */
export function readEdits(edits: readonly PageEdit[], roster: LoadedRoster, lang: Lang): { rows: Map<number, ConfirmedReading>; errors: RowError[] } {
  const editsFile = formatMessage(msg("SERVE_TEXT_EDITS"), lang);
  const fromEdits = parseConfirmedReadings(editsTable(edits, editsFile));
  const rows = new Map<number, ConfirmedReading>();
  for (const row of fromEdits.rows) {
    const edit = edits[row.row - 1];
    if (edit) rows.set(edit.row, row);
  }
  const sheetRows = edits.length > 0 ? new Map(roster.records.map((record) => [record.row, record.sheetRow])) : new Map<number, number | null>();
  const errors = fromEdits.errors.map((error): RowError => {
    const edit = edits[error.row - 1];
    const row = edit?.row ?? 0;
    // "画面での修正 の 22 行目・「かな」列": the correction typed on the page for the roster's row 22.
    return { ...error, file: editsFile, row, sheetRow: sheetRows.get(row) ?? null, column: "かな" };
  });
  return { rows, errors };
}

export async function readingInput(form: PageForm): Promise<ReadingInput> {
  const rosterUpload = await form.requireFile("roster", msg("SERVE_TEXT_ROSTER_FILE"));
  const confirmedUpload = await form.file("confirmed");
  const options = readingOptions(form);
  const edits = parseEdits(form);
  const files = await readFiles(rosterUpload, confirmedUpload, form.limits);
  const { rows: editRows, errors } = readEdits(edits, files.roster, form.lang);
  const editErrors = errors.map((error): PageRowError => ({ ...pageRowError(error, form.lang), name: edits.find((e) => e.row === error.row)?.name ?? null }));
  return { ...files, edits, editRows, editErrors, options, lang: form.lang, analyzer: form.engine.analyzer };
}

/**
 * The library's resolver for these confirmed readings and options, with the page's edits: an edit replaces the
 * confirmed row matched to the person it was made for. Create it once per working roster (it holds the
 * dictionary and the confirmed readings); `beforeEach` runs before each record (the working roster lets the
 * server answer other requests during a long run).
 */
export function pageResolver(
  confirmed: ConfirmedReadings | null,
  options: ReadingOptions,
  analyzer: SurnameAnalyzer,
  editRows: ReadonlyMap<number, ConfirmedReading>,
  beforeEach?: () => Promise<void> | void,
): ReadingResolver {
  const library = createReadingResolver({
    overrides: confirmed ? [confirmed] : [],
    romaji: options.romaji,
    romajiCase: options.romajiCase,
    ...(options.foreignNamesIn ? { foreignNamesIn: options.foreignNamesIn } : {}),
    analyzer,
  });
  return {
    confirmed: () => library.confirmed(),
    resolve: async (record, match) => {
      if (beforeEach) await beforeEach();
      const edit = editRows.get(record.row);
      return library.resolve(record, edit ? { reading: edit, via: "id" } : match);
    },
  };
}

/**
 * The readings of the roster with the confirmed file and the page's edits. The confirmed file is matched against
 * the whole roster by the library (ids Excel stripped of their zeros, re-sorted rows, ? for lost characters; a
 * file of another roster is refused with CONFIRMED_MOSTLY_UNMATCHED); an edit replaces the matched row of the
 * person it was made for.
 */
export async function resolveInput(input: ReadingInput, onlyRows?: ReadonlySet<number>): Promise<ResolvedReadings> {
  const resolver = pageResolver(input.confirmed, input.options, input.analyzer, input.editRows);
  return resolveReadings(input.roster.records, resolver, onlyRows ? { only: onlyRows } : {});
}

/** A row of the page's table. */
export interface PageRow {
  /** The roster's data row: the row's key in every request (edits, rows, row). */
  row: number;
  /** The row as Excel numbers it: what the page shows; null for JSON rosters. */
  sheetRow: number | null;
  id: string | null;
  name: string;
  surname: string;
  kana: string | null;
  romaji: string | null;
  source: StaffReading["source"] | null;
  review: boolean;
  reasons: string[];
  reasonCodes: string[];
  /** Other readings to offer, best first (for a row corrected on the page, the reading it had before too). */
  alternatives: readonly string[];
  department: string | null;
  /** The reading comes from an edit made on the page. */
  edited: boolean;
  /** A reading typed on the page can fix the row (false: the roster itself must be corrected, e.g. an empty name). */
  fixable: boolean;
  error: PageRowError | null;
}

/** A row error about the roster names the roster (the readings' own errors know the row, not the file). */
export function ofRoster(rosterFile: string, errors: readonly RowError[]): RowError[] {
  return errors.map((error) => (error.file === undefined ? { ...error, file: rosterFile } : error));
}

/** A row of the table from its reading, or from the reason it has none. */
export function pageRow(reviewRow: ReviewRow, reading: StaffReading | undefined, error: RowError | undefined, lang: Lang, edited: boolean): PageRow {
  return {
    row: reviewRow.row,
    sheetRow: reviewRow.sheetRow,
    id: reviewRow.id,
    name: reviewRow.name,
    surname: reviewRow.surname,
    kana: reviewRow.kana ?? null,
    romaji: reviewRow.romaji ?? null,
    source: reviewRow.source ?? null,
    review: reviewRow.review,
    reasons: reviewRow.reasons,
    reasonCodes: reviewRow.reasonCodes,
    alternatives: reviewRow.alternatives,
    department: reading?.record.department ?? error?.record?.department ?? null,
    edited: edited && reviewRow.source === "override",
    fixable: reading !== undefined || (error?.record !== undefined && error.record.name.trim() !== ""),
    error: error && reviewRow.error !== undefined ? pageRowError(error, lang) : null,
  };
}

function pageRows(input: ReadingInput, readings: ResolvedReadings, rowErrors: readonly RowError[]): PageRow[] {
  const byRow = new Map(readings.staff.map((s) => [s.row, s]));
  const errorsByRow = new Map(rowErrors.map((e) => [e.row, e]));
  return reviewRows(readings.staff, rowErrors, { lang: input.lang }).map((r) =>
    pageRow(r, byRow.get(r.row), errorsByRow.get(r.row), input.lang, input.editRows.has(r.row)));
}

/** How many stale rows of the confirmed file the answer lists by name (the note counts them all). */
export const STALE_LISTED = 50;

/** What the table's answer says about the files (shared by the form API and the working roster). */
export function filesInfo(files: ReadFiles) {
  return {
    roster: files.rosterFile.name,
    confirmed: files.confirmedFile?.name ?? null,
    rosterKind: files.rosterKind,
    encoding: files.roster.encoding ?? null,
    format: files.roster.format,
    sheet: files.roster.sheet ?? null,
  };
}

/** What matching the confirmed file said, for the page. */
export function confirmedInfo(confirmed: ConfirmedReadings | null, readings: ResolvedReadings, lang: Lang, whole: boolean) {
  const stale = whole ? readings.staleOverrides : [];
  return {
    rows: confirmed?.rows.length ?? 0,
    errors: readings.overrideErrors.map((e) => pageRowError(e, lang)),
    /** What matching the confirmed file had to say: ids Excel changed, rows that match no one. */
    notes: whole ? readings.overrideNotes.map((note) => pageRowError(note, lang)) : [],
    matched: readings.matching.files.map((file) => ({ file: file.file, total: file.total, byId: file.byId, byName: file.byName, unmatched: file.unmatched.length })),
    staleCount: stale.length,
    stale: stale.slice(0, STALE_LISTED).map((row) => ({ row: row.row, sheetRow: row.sheetRow, id: row.id, name: row.name, kana: row.kana })),
  };
}

export async function readingsResponse(form: PageForm): Promise<unknown> {
  const input = await readingInput(form);
  const only = form.text("rows");
  const onlyRows = only ? new Set(only.split(",").map(Number).filter(Number.isInteger)) : undefined;
  const readings = await resolveInput(input, onlyRows);
  const rosterRowErrors = input.roster.errors.filter((e) => e.row > 0 && (!onlyRows || onlyRows.has(e.row)));
  const rowErrors = ofRoster(input.rosterFile.name, [...rosterRowErrors, ...readings.errors]);
  const rows = pageRows(input, readings, rowErrors);
  const lang = input.lang;
  return {
    lang,
    files: filesInfo(input),
    headers: input.roster.headers,
    rows,
    summary: {
      total: rows.length,
      review: rows.filter((r) => r.review && !r.error).length,
      errors: rows.filter((r) => r.error).length,
    },
    fileErrors: input.roster.errors.filter((e) => e.row === 0).map((e) => pageRowError(e, lang)),
    notes: onlyRows ? [] : input.roster.notes.map((note) => pageRowError(note, lang)),
    editErrors: input.editErrors,
    confirmed: confirmedInfo(input.confirmed, readings, lang, !onlyRows),
  };
}

/** The review sheet's rows with the page's edits in (the confirmed readings file to download). */
async function confirmedRows(form: PageForm) {
  const input = await readingInput(form);
  const readings = await resolveInput(input);
  const rowErrors = [...input.roster.errors.filter((e) => e.row > 0), ...readings.errors];
  return { input, rows: reviewRows(readings.staff, rowErrors, { lang: input.lang }) };
}

/** The confirmed readings file as CSV: the review sheet (title, instructions, header; UTF-8 with BOM, CRLF). */
export function confirmedCsvOf(rows: readonly ReviewRow[], rosterName: string, lang: Lang): { csv: string; fileName: string } {
  return { csv: reviewSheetCsv(rows, { lang, roster: rosterName }), fileName: `${stem(rosterName)}_確認済みよみ.csv` };
}

/** The same as an Excel workbook: every cell text, so Excel keeps the zeros of 職員番号. */
export async function confirmedXlsxOf(rows: readonly ReviewRow[], rosterName: string, lang: Lang): Promise<{ xlsx: Uint8Array; fileName: string }> {
  // Loaded when asked for: write-excel-file is still a devDependency of the package (see package.json), and the
  // server must start without it.
  const { reviewSheetXlsx } = await import("../review/review-workbook.js");
  return { xlsx: await reviewSheetXlsx(rows, { lang, roster: rosterName }), fileName: `${stem(rosterName)}_確認済みよみ.xlsx` };
}

export async function confirmedCsv(form: PageForm): Promise<{ csv: string; fileName: string }> {
  const { input, rows } = await confirmedRows(form);
  return confirmedCsvOf(rows, input.rosterFile.name, input.lang);
}

export async function confirmedXlsx(form: PageForm): Promise<{ xlsx: Uint8Array; fileName: string }> {
  const { input, rows } = await confirmedRows(form);
  return confirmedXlsxOf(rows, input.rosterFile.name, input.lang);
}

export function stem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return base.replace(/[_-]?(確認済みよみ|確認シート|review)$/i, "") || "名簿";
}

/** The template the form asks for, as renderBadgeSheets takes it (a built-in name, or the server's own template's path). */
export function templateOf(form: PageForm, fallback = "standard"): { name: string; source: string } {
  const name = form.text("template") || fallback;
  const source = form.engine.templates.get(name);
  if (source === undefined) throw new PageError(400, msg("SERVE_TEMPLATE_UNKNOWN", { name: name.slice(0, 60) }));
  return { name, source };
}

/** The sheet the form asks for: a preset name, or undefined for the template's own ("auto"). */
export function sheetOf(form: PageForm, fallback = ""): string | undefined {
  const sheet = form.text("sheet") ?? fallback;
  if (sheet === "" || sheet === "auto") return undefined;
  if (!Object.prototype.hasOwnProperty.call(SHEET_PRESETS, sheet)) throw new PageError(400, msg("SERVE_SHEET_UNKNOWN", { name: sheet.slice(0, 60) }));
  return sheet;
}

/** A sheet exactly the size of one badge: the preview page is the badge. */
const PREVIEW_SHEET: SheetSpec = { name: "preview", columns: 1, rows: 1, marginTop: 0, marginLeft: 0 };

async function oneReading(form: PageForm): Promise<{ input: ReadingInput; reading: StaffReading | null; error: RowError | null }> {
  const input = await readingInput(form);
  const row = Number(form.text("row"));
  if (!Number.isInteger(row) || form.text("row") === null) throw new PageError(400, msg("SERVE_ROW_UNKNOWN"));
  const readings = await resolveInput(input, new Set([row]));
  const reading = readings.staff[0] ?? null;
  const found = readings.errors[0] ?? input.roster.errors.find((e) => e.row === row);
  const error = found ? ofRoster(input.rosterFile.name, [found])[0]! : null;
  if (!reading && !error) throw new PageError(404, msg("SERVE_ROW_NOT_IN_ROSTER"));
  return { input, reading, error };
}

/** One person's badge alone on a page of its size: the badge preview, and "この名札を PDF で開く". */
export async function oneBadgePdf(reading: StaffReading | null, error: RowError | null, template: string): Promise<{ pdf: Uint8Array; fileName: string; warnings: RowError[] }> {
  if (!reading) throw rowFailure(error!);
  const result = await renderBadgeSheets([reading], { template, sheet: PREVIEW_SHEET, order: "input", duplex: false, title: `名札 ${reading.surname}` });
  if (result.badges === 0) throw result.errors[0] ? rowFailure(result.errors[0]) : new PageError(422, msg("SERVE_BADGE_NOT_MADE"));
  return { pdf: result.pdf, fileName: `名札_${reading.surname}.pdf`, warnings: result.warnings };
}

/** A row that cannot become a badge, as the error answer: the library's own message for it. */
function rowFailure(error: RowError): PageError {
  return new PageError(422, error, { place: { file: error.file, row: error.row, sheetRow: error.sheetRow ?? error.record?.sheetRow, column: error.column } });
}

/** The selected row's badge as a one-badge PDF (the preview the page draws with pdf.js, or opens in a tab). */
export async function singleBadgePdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { reading, error } = await oneReading(form);
  return oneBadgePdf(reading, error, templateOf(form).source);
}

export interface BadgesPdf {
  pdf: Uint8Array;
  fileName: string;
  badges: number;
  pages: number;
  sheet: string;
  /** Rows left out of the PDF, and why. */
  leftOut: PageRowError[];
  warnings: PageRowError[];
  /** Readings printed although they still needed review (only with allowUnreviewed). */
  unreviewed: number;
}

/** How many rows an error answer lists (409 unreviewed, 422 left out); the counts say how many there are. */
export const LISTED_ROWS = 100;

export interface SheetRequest {
  template: string;
  sheet: string | undefined;
  /** The first free cell of a part-used sheet (1 = top left). */
  startAt?: number;
  cutGuides: boolean;
  allowUnreviewed: boolean;
}

/**
 * The badges of these people on the chosen sheet (renderBadgeSheets). Like `nafuda badges`, refuses while
 * readings still need review unless told; rows with no reading are left out and reported.
 */
export async function sheetPdf(
  staff: readonly StaffReading[], rowErrors: readonly RowError[], request: SheetRequest, fileName: string, rosterFile: string, lang: Lang,
): Promise<BadgesPdf> {
  const unreviewed = staff.filter((s) => s.review);
  if (unreviewed.length > 0 && !request.allowUnreviewed) {
    throw new PageError(409, msg("SERVE_UNREVIEWED", { count: unreviewed.length }), {
      extra: {
        unreviewedCount: unreviewed.length,
        unreviewed: unreviewed.slice(0, LISTED_ROWS).map((s) => ({ row: s.row, sheetRow: s.sheetRow, name: s.name, kana: s.kana, reasonCodes: s.reasons.map((r) => r.code) })),
      },
    });
  }
  let result: BadgeRenderResult;
  try {
    result = await renderBadgeSheets(staff, {
      template: request.template,
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
      ...(request.sheet === "single" ? { cropMarks: true } : {}),
      ...(request.startAt !== undefined && request.startAt > 1 ? { startAt: request.startAt } : {}),
      cutGuides: request.cutGuides,
    });
  } catch (error) {
    // The template does not fit the sheet chosen: the library says why; the page says what to choose instead.
    if (error instanceof Error && error.name === "SheetError") throw Object.assign(error, { hints: [msg("SERVE_HINT_SHEET")] });
    throw error;
  }
  const leftOut = ofRoster(rosterFile, [...rowErrors, ...result.errors]).map((e) => pageRowError(e, lang));
  if (result.badges === 0) {
    throw new PageError(422, msg("SERVE_NO_PRINTABLE_BADGES"), { extra: { leftOutCount: leftOut.length, leftOut: leftOut.slice(0, LISTED_ROWS) } });
  }
  return {
    pdf: result.pdf,
    fileName,
    badges: result.badges,
    pages: result.pages,
    sheet: result.sheet.name,
    leftOut,
    warnings: ofRoster(rosterFile, result.warnings).map((w) => pageRowError(w, lang)),
    unreviewed: unreviewed.length,
  };
}

/** Every badge on the chosen sheet (the form API). */
export async function badgesPdf(form: PageForm): Promise<BadgesPdf> {
  const input = await readingInput(form);
  const readings = await resolveInput(input);
  const request: SheetRequest = {
    template: templateOf(form).source,
    sheet: sheetOf(form),
    cutGuides: form.flag("cutGuides"),
    allowUnreviewed: form.flag("allowUnreviewed"),
  };
  const rowErrors = [...input.roster.errors.filter((e) => e.row > 0), ...readings.errors];
  return sheetPdf(readings.staff, rowErrors, request, `${stem(input.rosterFile.name)}_名札.pdf`, input.rosterFile.name, form.lang);
}

// --- posters
//
// The posters tab: the form API (every request carries its files: the facility list, the policy file, the
// facilities' own policy files; the server reads them with the library, answers, and forgets them). The options are
// the CLI's: --as-of, --a3-design, --date-style, --bleed, --crop-marks, --sizes. Every file the page downloads is the
// file the command line writes, byte for byte (src/posters/folder.ts).

/** The options of the posters tab, read from the form; each as `nafuda posters` and `nafuda signs` take it. */
export interface PosterPageOptions {
  /** The printing date (--as-of); default today. */
  asOf: CalendarDate;
  /** --a3-design. */
  designs: Partial<Record<PosterSize, PosterDesign>>;
  /** --date-style; undefined: the policy's. */
  dateStyle: DateStyle | undefined;
  bleed: boolean;
  cropMarks: boolean;
  /** --sizes; undefined: each facility's own. */
  sizes: PosterSize[] | undefined;
}

const A3_DESIGNS: readonly PosterDesign[] = ["full", "distance"];
const DATE_STYLES: readonly DateStyle[] = ["era", "western"];

export function posterPageOptions(form: PageForm, today: () => CalendarDate = localToday): PosterPageOptions {
  const asOfText = (form.text("asOf") ?? "").trim();
  const asOf = asOfText === "" ? today() : parseCalendarDate(asOfText);
  if (!asOf) throw new PageError(400, msg("SERVE_AS_OF_UNREADABLE", { value: asOfText.slice(0, 40) }));
  const design = (form.text("a3Design") ?? "").trim();
  if (design !== "" && !(A3_DESIGNS as readonly string[]).includes(design)) {
    throw new PageError(400, msg("SERVE_A3_DESIGN_UNKNOWN", { value: design.slice(0, 40), list: [...A3_DESIGNS] }));
  }
  const style = (form.text("dateStyle") ?? "").trim();
  if (style !== "" && style !== "policy" && !(DATE_STYLES as readonly string[]).includes(style)) {
    throw new PageError(400, msg("SERVE_DATE_STYLE_UNKNOWN", { value: style.slice(0, 40), list: ["policy", ...DATE_STYLES] }));
  }
  let sizes: PosterSize[] | undefined;
  const sizeText = (form.text("sizes") ?? "").trim();
  if (sizeText !== "") {
    const chosen = new Set<PosterSize>();
    for (const word of sizeText.split(/[,、\s]+/).filter(Boolean)) {
      const size = parsePosterSize(word);
      if (!size) throw new PageError(400, msg("SERVE_POSTER_SIZE_UNKNOWN", { value: word.slice(0, 40), list: [...POSTER_SIZES] }));
      chosen.add(size);
    }
    sizes = POSTER_SIZES.filter((size) => chosen.has(size));
  }
  return {
    asOf,
    designs: design === "" ? {} : { A3: design as PosterDesign },
    dateStyle: style === "era" || style === "western" ? style : undefined,
    bleed: form.flag("bleed"),
    cropMarks: form.flag("cropMarks"),
    sizes,
  };
}

export interface PosterInput {
  policy: PosterPolicy;
  /** The facilities that can be made, as the list says (before the options' sizes). */
  facilities: Facility[];
  /** The list's bad rows, each placed (the row as Excel numbers it, the column) and worded in the request's language. */
  errors: PageRowError[];
  facilitiesFile: Upload;
  policyFile: Upload;
  /** The facilities' own policy files as uploaded; a row names one in its 方針ファイル column. */
  policyFiles: Upload[];
  options: PosterPageOptions;
}

/**
 * The files and options of a posters request, read with the library as the CLI reads them: the policy file bounded
 * like a file on disk (POSTER_INPUT_MAX_BYTES), the facility list within the server's table limits, a row's policy
 * file found among the uploaded ones by its name (an absolute name or one with .. is refused, as on the command line).
 * A policy it cannot use throws (PolicyError: each problem with its line and key); a bad row is one error among many.
 */
export async function posterInput(form: PageForm): Promise<PosterInput> {
  const facilitiesFile = await form.requireFile("facilities", msg("SERVE_TEXT_FACILITIES_FILE"));
  const policyFile = await form.requireFile("policy", msg("SERVE_TEXT_POLICY_FILE"));
  const policyFiles = (await form.files("policyFiles")).filter((file) => file.bytes.length > 0);
  const options = posterPageOptions(form);
  const policy = parsePolicyBytes(policyFile.bytes, policyFile.name);
  const list = await readFacilities(facilitiesFile.bytes, {
    fileName: facilitiesFile.name,
    policy,
    resolvePolicy: uploadedPolicyResolver([...policyFiles, policyFile]),
    limits: form.limits,
  });
  const errors = list.errors.map((e) => pageRowError({ ...e, file: e.file ?? facilitiesFile.name }, form.lang));
  return { policy, facilities: list.facilities, errors, facilitiesFile, policyFile, policyFiles, options };
}

/** The facility the form's `index` names (its place in the list of facilities that can be made). */
function facilityOf(form: PageForm, input: PosterInput): { facility: Facility; index: number } {
  const text = form.text("index");
  const index = Number(text);
  const facility = text !== null && text.trim() !== "" && Number.isInteger(index) ? input.facilities[index] : undefined;
  if (!facility) throw new PageError(404, msg("SERVE_FACILITY_NOT_IN_LIST"));
  return { facility, index };
}

/** A facility that cannot be made: the library's own message, placed on the facility's row of the list. */
function facilityFailure(input: PosterInput, facility: Facility, error: unknown): never {
  if (!(error instanceof NafudaError)) throw error;
  const row = facilityError(facility, error);
  throw new PageError(422, row, { place: { file: input.facilitiesFile.name, row: row.row, sheetRow: row.sheetRow ?? undefined } });
}

const folderOptions = (input: PosterInput, lang: Lang) => ({
  sizes: input.options.sizes,
  bleed: input.options.bleed,
  cropMarks: input.options.cropMarks,
  dateStyle: input.options.dateStyle,
  asOf: input.options.asOf,
  designs: input.options.designs,
  lang,
});

/** What the page lists: the policy, the printing date, every facility with its sizes, copies, signs and start-date lines. */
export async function postersCheck(form: PageForm): Promise<unknown> {
  const input = await posterInput(form);
  const { policy, options } = input;
  const files = facilityFileNames(input.facilities);
  const stems = safeFileStems(input.facilities.map((f) => f.name));
  const named = new Set(input.facilities.map((f) => f.policyFile?.split(/[\\/]/).pop()?.normalize("NFC")).filter(Boolean));
  const unused = input.policyFiles.map((f) => f.name).filter((name) => !named.has(name.split(/[\\/]/).pop()!.normalize("NFC")));
  const style = options.dateStyle ?? policy.dateStyle;
  return {
    policy: {
      file: input.policyFile.name,
      issuer: policy.issuer,
      title: policy.title,
      effectiveDate: formatJapaneseDate(policy.effectiveDate, style),
    },
    asOf: isoDate(options.asOf),
    asOfText: formatJapaneseDate(options.asOf, style),
    facilities: input.facilities.map((original, index) => {
      const facility = withSizes(original, options.sizes);
      const own = facilityPolicy(policy, facility);
      const ownStyle = options.dateStyle ?? own.dateStyle;
      const signs = signCounts(facility);
      return {
        index,
        row: facility.row,
        sheetRow: facility.sheetRow ?? null,
        name: facility.name,
        file: files[index],
        sizes: facility.sizes,
        copies: facility.sizes.map((size) => facility.copies[size] ?? 1),
        languages: facility.languages,
        measures: facility.measures.map((id) => own.measures[id]?.label ?? DEFAULT_MEASURE_LABELS[id]),
        starts: facility.measures.flatMap((id) => {
          const from = startsText(own.measures[id]?.from, options.asOf, ownStyle);
          return from ? [{ measure: own.measures[id]?.label ?? DEFAULT_MEASURE_LABELS[id], from }] : [];
        }),
        signs,
        signFiles: {
          counter: signs.counter > 0 ? `${stems[index]}${SIGN_FILE_SUFFIXES.counter}` : null,
          phone: signs.phone > 0 ? `${stems[index]}${SIGN_FILE_SUFFIXES.phone}` : null,
        },
        policyFile: facility.policyFile ?? null,
        ownWording: Boolean(facility.title || facility.stance || facility.issuer),
      };
    }),
    errors: input.errors,
    notes: unused.length > 0 ? [formatMessage(msg("NOTE_SERVE_POLICY_FILES_UNUSED", { files: unused }), form.lang)] : [],
  };
}

/** One facility's posters: the file `nafuda posters` writes for it (the preview, and its download). */
export async function facilityPosterPdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string; pages: { size: PosterSize; page: string }[] }> {
  const input = await posterInput(form);
  const { facility, index } = facilityOf(form, input);
  const { options } = input;
  try {
    const rendered = await renderFacilityPosterFile(input.policy, withSizes(facility, options.sizes), {
      bleed: options.bleed, cropMarks: options.cropMarks, dateStyle: options.dateStyle, asOf: options.asOf, designs: options.designs,
    });
    return { pdf: rendered.pdf, fileName: facilityFileNames(input.facilities)[index]!, pages: rendered.pages };
  } catch (error) {
    facilityFailure(input, facility, error);
  }
}

/** One facility's counter sign or phone stickers (`kind`): the file `nafuda signs` writes for it. */
export async function facilitySignPdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string; pieces: number }> {
  const input = await posterInput(form);
  const kind = form.text("kind") ?? "";
  if (!(SIGN_KINDS as readonly string[]).includes(kind)) throw new PageError(400, msg("SERVE_SIGN_KIND_UNKNOWN", { value: kind.slice(0, 40), list: [...SIGN_KINDS] }));
  const { facility, index } = facilityOf(form, input);
  const stem = safeFileStems(input.facilities.map((f) => f.name))[index]!;
  let signs;
  try {
    signs = await renderFacilitySigns(input.policy, facility, stem, { ...folderOptions(input, form.lang) });
  } catch (error) {
    facilityFailure(input, facility, error);
  }
  const sign = signs.find((s) => s.kind === kind);
  if (!sign) throw new PageError(404, msg("SERVE_FACILITY_NO_SIGN", { kind }));
  return { pdf: sign.signs.pdf, fileName: sign.file, pieces: sign.pieces };
}

/** The whole print order in memory: what the command line's folder would hold (src/posters/folder.ts). */
async function posterFolderOf(form: PageForm): Promise<{ input: PosterInput; folder: PosterFolder }> {
  const input = await posterInput(form);
  if (input.facilities.length === 0) throw new PageError(422, msg("SERVE_NO_FACILITIES"), { extra: { rowErrors: input.errors.slice(0, LISTED_ROWS) } });
  const folder = await makePosterFolder(input.policy, input.facilities, folderOptions(input, form.lang));
  return { input, folder };
}

export interface PosterZip {
  zip: Uint8Array;
  fileName: string;
  files: string[];
  /** Facilities (or their signs) left out, and why. */
  errors: PageRowError[];
}

/** Everything as one ZIP: each facility's posters and signs, _order-manifest.csv and _order-summary.pdf. */
export async function posterZip(form: PageForm): Promise<PosterZip> {
  const { input, folder } = await posterFolderOf(form);
  const errors = folder.errors.map((e) => pageRowError({ ...e, file: input.facilitiesFile.name }, form.lang));
  return {
    zip: posterFolderZip(folder),
    fileName: formatMessage(msg("SERVE_TEXT_POSTERS_ZIP", { date: isoDate(folder.asOf) }), form.lang),
    files: folder.files.map((f) => f.name),
    errors,
  };
}

/** The order summary, as in the ZIP. */
export async function posterSummaryPdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { folder } = await posterFolderOf(form);
  return { pdf: folder.files.find((f) => f.name === SUMMARY_FILE)!.bytes, fileName: SUMMARY_FILE };
}

/** The order manifest (every poster page and every sign), as in the ZIP. */
export async function posterManifestCsv(form: PageForm): Promise<{ csv: Uint8Array; fileName: string }> {
  const { folder } = await posterFolderOf(form);
  return { csv: folder.files.find((f) => f.name === MANIFEST_FILE)!.bytes, fileName: MANIFEST_FILE };
}

/** How long a municipality's name may be for the starter files. */
export const MUNICIPALITY_MAX_CHARS = 40;

function municipalityOf(form: PageForm): string | undefined {
  const name = (form.text("municipality") ?? "").normalize("NFC").trim();
  if (name === "") return undefined;
  if ([...name].length > MUNICIPALITY_MAX_CHARS || /[\u0000-\u001f\u007f\u2028\u2029]/.test(name)) {
    throw new PageError(400, msg("SERVE_MUNICIPALITY_UNREADABLE", { limit: MUNICIPALITY_MAX_CHARS }));
  }
  return name;
}

/** The starter policy (the one `nafuda init` writes), with the city's name when the form gives one. */
export function starterPolicy(form: PageForm): { yaml: string; fileName: string } {
  return { yaml: starterPolicyYaml(municipalityOf(form)), fileName: "policy.yaml" };
}

/** The starter facility list, for Excel (UTF-8 with BOM, CRLF). */
export function starterFacilities(form: PageForm): { csv: string; fileName: string } {
  return { csv: starterFacilitiesCsv(municipalityOf(form), { excel: true }), fileName: "facilities.csv" };
}
