import type { PrintedScript, RowError, StaffReading } from "../model.js";
import { csvDocumentParts } from "../io/excel-csv.js";
import { formatMessage, formatPlaced, msg } from "../messages/message.js";
import { defaultLang, type Lang } from "../messages/lang.js";

/**
 * The review sheet: every staff member with the reading that will be printed, where it came from and whether a
 * person must check it. Rows that failed come first, then rows needing review, then the rest, each in roster order.
 * Corrected (in Excel) and passed back with --overrides, the same sheet is the confirmed readings file.
 */
export interface ReviewRow {
  /** Data row of the roster (1 = the first row after the header). */
  row: number;
  /** The roster's row as the spreadsheet shows it (Excel's row number); null for JSON rosters. */
  sheetRow: number | null;
  id: string | null;
  name: string;
  surname: string;
  kana?: string;
  /** What the badge prints: kana, or the same reading in katakana (see StaffReading.printedKana). */
  printedKana?: string;
  /** The script a person chose in the confirmed file's 名札の表記: written back so next year's sheet keeps it. */
  printedAs?: PrintedScript;
  romaji?: string;
  source?: StaffReading["source"];
  review: boolean;
  /** Why review is asked for, in the report's language. */
  reasons: string[];
  /** The same reasons' stable codes (README: Messages and codes). */
  reasonCodes: string[];
  alternatives: readonly string[];
  /** The かな/ローマ字 pair was confirmed by a person as it is (済): written back as 済. */
  pairConfirmed?: boolean;
  /** Why the row got no reading, in the report's language. */
  error?: string;
  /** The error's stable code. */
  code?: string;
}

/** The JSON contract of `nafuda readings --format json` (documented in README). */
export interface ReviewReport {
  staff: ReviewRow[];
  summary: { total: number; review: number; errors: number };
}

export interface ReviewOptions {
  /** The language of reasons, errors and the sheet's words (default: Japanese, or NAFUDA_LANG). */
  lang?: Lang;
}

export function reviewRows(staff: readonly StaffReading[], errors: readonly RowError[], options: ReviewOptions = {}): ReviewRow[] {
  const lang = options.lang ?? defaultLang();
  const rows: ReviewRow[] = [
    ...staff.map((s) => ({
      row: s.row, sheetRow: s.sheetRow, id: s.id, name: s.name, surname: s.surname, kana: s.kana,
      printedKana: s.printedKana ?? s.kana, ...(s.printedAs ? { printedAs: s.printedAs } : {}), romaji: s.romaji,
      source: s.source, review: s.review,
      reasons: s.reasons.map((reason) => formatMessage(reason, lang)),
      reasonCodes: s.reasons.map((reason) => reason.code),
      alternatives: s.alternatives,
      ...(s.pairConfirmed ? { pairConfirmed: true } : {}),
    })),
    ...errors.map((e) => ({
      row: e.row, sheetRow: e.sheetRow ?? e.record?.sheetRow ?? null, id: e.record?.id ?? null, name: e.record?.name ?? "",
      surname: e.record?.surname ?? e.record?.name.trim().split(/[\s\u3000]+/)[0] ?? "",
      review: true, reasons: [], reasonCodes: [], alternatives: [],
      error: formatPlaced(e, { column: e.column }, lang), code: e.code,
    })),
  ];
  const rank = (r: ReviewRow) => (r.error !== undefined ? 0 : r.review ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}

export function reviewReport(staff: readonly StaffReading[], errors: readonly RowError[], options: ReviewOptions = {}): ReviewReport {
  const rows = reviewRows(staff, errors, options);
  return {
    staff: rows,
    summary: { total: rows.length, review: staff.filter((s) => s.review).length, errors: errors.length },
  };
}

/** How many candidates the sheet has columns for (候補1…): the rest go into the last one, joined. */
export const CANDIDATE_COLUMNS = 3;

/** Column headers of the review sheet; the confirmed readings reader accepts these (and English ones). */
export function reviewSheetHeaders(lang: Lang = defaultLang()): string[] {
  const t = (code: Parameters<typeof msg>[0]) => formatMessage(msg(code as "COLUMN_ID"), lang);
  return [
    t("COLUMN_ROSTER_ROW"), t("COLUMN_ID"), t("COLUMN_NAME"), t("COLUMN_SURNAME"), t("COLUMN_KANA"), t("COLUMN_ROMAJI"),
    t("COLUMN_PRINTED_AS"), t("COLUMN_REVIEW"), t("COLUMN_REASONS"),
    ...Array.from({ length: CANDIDATE_COLUMNS }, (_, i) => formatMessage(msg("COLUMN_CANDIDATE", { n: i + 1 }), lang)),
    t("COLUMN_SOURCE"), t("COLUMN_ERROR"),
  ];
}

/** The review sheet's headers in Japanese, as nafuda writes them by default. */
export const REVIEW_SHEET_HEADERS: readonly string[] = reviewSheetHeaders("ja");

const SOURCE_WORDS = { override: "SOURCE_OVERRIDE", roster: "SOURCE_ROSTER", dictionary: "SOURCE_DICTIONARY", analyzer: "SOURCE_ANALYZER" } as const;

/** One row of the sheet's table, as text cells. */
export function reviewSheetCells(r: ReviewRow, lang: Lang = defaultLang()): string[] {
  const candidates = Array.from({ length: CANDIDATE_COLUMNS }, (_, i) =>
    i < CANDIDATE_COLUMNS - 1 ? (r.alternatives[i] ?? "") : r.alternatives.slice(i).join("／"));
  return [
    r.sheetRow !== null ? String(r.sheetRow) : String(r.row),
    r.id ?? "", r.name, r.surname, r.kana ?? "", r.romaji ?? "",
    printedAsCell(r, lang),
    r.review ? formatMessage(msg("CELL_REVIEW"), lang) : r.pairConfirmed ? formatMessage(msg("CELL_PAIR_CONFIRMED"), lang) : "",
    r.reasons.join(" / "),
    ...candidates,
    r.source ? formatMessage(msg(SOURCE_WORDS[r.source]), lang) : "",
    r.error ?? "",
  ];
}

/**
 * The 名札の表記 cell: カタカナ when the badge prints katakana (by the city's setting or a person's choice), ひらがな
 * only when a person chose it (against a katakana setting), else empty: the city's setting applies.
 */
function printedAsCell(r: ReviewRow, lang: Lang): string {
  const katakana = r.printedAs === "katakana" || (r.printedKana !== undefined && r.printedKana !== r.kana);
  if (katakana) return formatMessage(msg("CELL_KATAKANA"), lang);
  return r.printedAs === "hiragana" ? formatMessage(msg("CELL_HIRAGANA"), lang) : "";
}

export interface ReviewSheetOptions extends ReviewOptions {
  /** Names the roster in the sheet's title row. */
  roster?: string;
}

/**
 * The sheet as rows of text: a title row and the instructions above a blank row (so that Excel's sort and filter
 * take only the table), then the header and the staff. The reader skips the rows above the header.
 */
export function reviewSheetGrid(rows: readonly ReviewRow[], options: ReviewSheetOptions = {}): string[][] {
  return [...reviewSheetLines(rows, options)];
}

/** The grid's rows one by one, each made when it is asked for (see reviewSheetCsvParts). */
function* reviewSheetLines(rows: readonly ReviewRow[], options: ReviewSheetOptions): Generator<string[]> {
  const lang = options.lang ?? defaultLang();
  yield [formatMessage(msg("SHEET_TITLE", { roster: options.roster ?? "" }), lang).replace(/（）|\(\)/, "").trim()];
  yield [formatMessage(msg("SHEET_INSTRUCTIONS"), lang)];
  yield [];
  yield reviewSheetHeaders(lang);
  for (const r of rows) yield reviewSheetCells(r, lang);
}

/** Rows above the header in the sheet: title, instructions, blank. */
export const REVIEW_SHEET_PREAMBLE_ROWS = 3;

/** The review sheet as CSV text for Japanese Excel (UTF-8 with BOM, CRLF, formula-safe cells). */
export function reviewSheetCsv(rows: readonly ReviewRow[], options: ReviewSheetOptions = {}): string {
  return [...reviewSheetCsvParts(rows, options)].join("");
}

/** The review sheet's CSV text in parts, made as they are written (a roster of any size, in bounded memory). */
export function reviewSheetCsvParts(rows: readonly ReviewRow[], options: ReviewSheetOptions = {}): Iterable<string> {
  return csvDocumentParts(reviewSheetLines(rows, options));
}
