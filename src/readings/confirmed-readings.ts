import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { PrintedScript, RowError, RowNotice } from "../model.js";
import { readTable, type Table } from "../roster/read-table.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { isKana } from "../kana/kana-classes.js";
import { unneutralizeCell } from "../io/excel-csv.js";
import { msg } from "../messages/message.js";
import { InputFileError } from "../io/read-input.js";

/**
 * The confirmed readings file: the review sheet, corrected by a person (usually in Excel) and passed back with
 * --overrides. Its rows win over every other source, so next year's reprint asks nothing again. Matching its rows
 * to staff (src/readings/match-confirmed.ts) survives what Excel does to a sheet.
 */
export interface ConfirmedReading {
  /** The file the row came from. */
  file: string | null;
  /** Data row in the confirmed file (1 = first row after the header). */
  row: number;
  /** The row as the spreadsheet shows it; null for JSON. */
  sheetRow: number | null;
  /** 職員番号 as the file holds it now (Excel may have changed it: 112 for 00112, a date for 1-2). */
  id: string | null;
  name: string | null;
  /** The confirmed surname reading, hiragana. */
  kana: string;
  /** The romaji the row gives, when it gives one. */
  romaji: string | null;
  /**
   * The row's 要確認 cell: "pending" still says 要確認 (not taken as confirmed); "cleared" is empty (the かな is
   * confirmed, the ローマ字 must fit it); "pair" says 済 (a person confirmed exactly this かな and ローマ字).
   */
  review: "pending" | "cleared" | "pair";
  /**
   * The row's 名札の表記 cell: the person's badge prints the reading in katakana (スミス) or hiragana, whatever the
   * city's default (foreignNamesIn); null or absent when the cell is empty (the default applies).
   */
  printedAs?: PrintedScript | null;
}

export type { PrintedScript };

export interface ConfirmedReadings {
  file: string | null;
  rows: ConfirmedReading[];
  /** Rows of the confirmed file that could not be used, with the reason. */
  errors: RowError[];
  /** Rows read with a word to say (a row in another encoding). */
  warnings?: RowNotice[];
}

type Role = "id" | "name" | "kana" | "romaji" | "review" | "printedAs";

/** Headers of the review sheet (Japanese, as nafuda writes it) and their English forms. */
const HEADERS: Record<Role, string[]> = {
  id: ["職員番号", "id", "社員番号", "番号", "職員コード", "staff id"],
  name: ["氏名", "name", "名前"],
  kana: ["かな", "kana", "よみ", "読み", "ふりがな", "フリガナ", "姓かな", "姓よみ", "姓フリガナ"],
  romaji: ["ローマ字", "romaji"],
  review: ["要確認", "review"],
  printedAs: ["名札の表記", "表記", "printed as", "printedas"],
};

const headerKey = (header: string) => header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
const PENDING_WORDS = new Set(["true", "yes", "1", "はい", "要確認", "要", "○", "〇", "✓", "✔", "x", "×"]);
const PAIR_WORDS = new Set(["済", "済み", "確認済", "確認済み", "ok", "done", "confirmed"]);
const SCRIPT_WORDS: Record<string, PrintedScript> = {
  カタカナ: "katakana", かたかな: "katakana", カナ: "katakana", katakana: "katakana",
  ひらがな: "hiragana", ヒラガナ: "hiragana", かな: "hiragana", hiragana: "hiragana",
};

/** Which column plays which role; -1 when absent. */
function columnsOf(headers: readonly string[]): Record<Role, number> {
  const column = {} as Record<Role, number>;
  for (const role of Object.keys(HEADERS) as Role[]) {
    const accepted = HEADERS[role].map(headerKey);
    column[role] = headers.findIndex((header) => accepted.includes(headerKey(header)));
  }
  return column;
}

/** The header row of a confirmed readings file: a かな column and an id or name column (instruction rows above it are skipped). */
export function isConfirmedHeader(cells: readonly string[]): boolean {
  const column = columnsOf(cells.map((cell) => cell.trim()));
  return column.kana >= 0 && (column.id >= 0 || column.name >= 0);
}

/**
 * Reads confirmed readings: one file (CSV in any supported encoding, or XLSX), several, or a folder of them
 * (every .csv and .xlsx in it, by name). Excel's own lock files (~$…) are skipped.
 */
export async function loadConfirmedReadings(path: string): Promise<ConfirmedReadings> {
  return parseConfirmedReadings(await readTable(path, { isHeader: isConfirmedHeader }));
}

/** The confirmed readings files a path names: itself, or the .csv/.xlsx/.tsv files of a folder. */
export async function confirmedReadingFiles(paths: string | readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of typeof paths === "string" ? [paths] : paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      // missing: readTable says so with the file named
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path))
      .filter((name) => !name.startsWith("~$") && !name.startsWith(".") && [".csv", ".xlsx", ".tsv", ".txt"].includes(extname(name).toLowerCase()))
      .sort();
    if (names.length === 0) throw new InputFileError(msg("CONFIRMED_FOLDER_EMPTY"), { file: path });
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}

/** Reads every confirmed readings file a path or paths name (see confirmedReadingFiles). */
export async function loadConfirmedReadingsFiles(paths: string | readonly string[]): Promise<ConfirmedReadings[]> {
  const files = await confirmedReadingFiles(paths);
  return Promise.all(files.map((file) => loadConfirmedReadings(file)));
}

/** Turns a table with the review sheet's columns into confirmed readings; bad rows become errors, not failures. */
export function parseConfirmedReadings(table: Table): ConfirmedReadings {
  const column = columnsOf(table.headers);
  const errors: RowError[] = [...table.errors];
  if (column.kana < 0 || (column.id < 0 && column.name < 0)) {
    errors.push({ file: table.file, row: 0, ...msg("CONFIRMED_NO_COLUMNS", { headers: table.headers }) });
    return { file: table.file, rows: [], errors, warnings: table.warnings };
  }
  const rows: ConfirmedReading[] = [];
  for (const { row, sheetRow, cells } of table.rows) {
    const place = { file: table.file, row, sheetRow };
    const cell = (role: Role) => (column[role] >= 0 ? unneutralizeCell(cells[column[role]] ?? "").trim() : "");
    const kanaCell = cell("kana");
    if (!kanaCell) continue; // nothing confirmed on this row
    if (!isKana(kanaCell.normalize("NFKC").replace(/[\s\u3000]/g, ""))) {
      errors.push({ ...place, column: table.headers[column.kana]!, ...msg("CONFIRMED_NOT_KANA", { kana: kanaCell }) });
      continue;
    }
    const id = cell("id") || null;
    const name = cell("name") || null;
    if (!id && !name) {
      errors.push({ ...place, ...msg("CONFIRMED_NO_ID_OR_NAME") });
      continue;
    }
    const scriptCell = cell("printedAs").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    const printedAs = scriptCell ? (Object.hasOwn(SCRIPT_WORDS, scriptCell) ? SCRIPT_WORDS[scriptCell]! : undefined) : null;
    if (printedAs === undefined) {
      errors.push({ ...place, column: table.headers[column.printedAs]!, ...msg("CONFIRMED_BAD_SCRIPT", { value: cell("printedAs") }) });
      continue;
    }
    const reviewCell = cell("review").normalize("NFKC").toLowerCase();
    rows.push({
      file: table.file,
      row,
      sheetRow,
      id,
      name,
      kana: toHiragana(kanaCell).replace(/[\s\u3000]/g, ""),
      romaji: cell("romaji").normalize("NFKC").trim() || null,
      review: PAIR_WORDS.has(reviewCell) ? "pair" : PENDING_WORDS.has(reviewCell) ? "pending" : "cleared",
      printedAs,
    });
  }
  return { file: table.file, rows, errors, warnings: table.warnings };
}

/** How a name is compared between the roster and the confirmed file: NFKC, spaces ignored. */
export const nameKey = (name: string) => name.normalize("NFKC").replace(/[\s\u3000]+/g, "");
