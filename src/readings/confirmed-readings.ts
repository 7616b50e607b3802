import type { RowError, StaffRecord } from "../model.js";
import { readTable, type Table } from "../roster/read-table.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { isKana } from "../kana/kana-classes.js";
import { unneutralizeCell } from "../io/excel-csv.js";

/**
 * The confirmed readings file: the review sheet, corrected by a person and passed back with --overrides.
 * Its rows win over every other source, so next year's reprint asks nothing again.
 */
export interface ConfirmedReading {
  /** Row in the confirmed file (1 = first row after the header). */
  row: number;
  id: string | null;
  name: string | null;
  /** The confirmed surname reading, hiragana. */
  kana: string;
  /** The person's own romaji, when the row gives one. */
  romaji: string | null;
  /** The row's 要確認 cell still says it needs review: it is not taken as confirmed. */
  stillInReview: boolean;
}

export interface ConfirmedReadings {
  file: string | null;
  rows: ConfirmedReading[];
  /** Rows of the confirmed file that could not be used, with the reason. */
  errors: RowError[];
}

type Role = "id" | "name" | "kana" | "romaji" | "review";

/** Headers of the review sheet (Japanese, as nafuda writes it) and their English forms. */
const HEADERS: Record<Role, string[]> = {
  id: ["職員番号", "id", "社員番号", "番号"],
  name: ["氏名", "name", "名前"],
  kana: ["かな", "kana", "よみ", "読み", "ふりがな", "フリガナ", "姓かな", "姓よみ", "姓フリガナ"],
  romaji: ["ローマ字", "romaji"],
  review: ["要確認", "review"],
};

const headerKey = (header: string) => header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
const TRUE_WORDS = new Set(["true", "yes", "1", "はい", "要確認", "要", "○", "〇", "✓"]);

/** Reads a confirmed readings file (CSV in any supported encoding, or XLSX). */
export async function loadConfirmedReadings(path: string): Promise<ConfirmedReadings> {
  return parseConfirmedReadings(await readTable(path));
}

/** Turns a table with the review sheet's columns into confirmed readings; bad rows become errors, not failures. */
export function parseConfirmedReadings(table: Table): ConfirmedReadings {
  const column = {} as Record<Role, number>;
  for (const role of Object.keys(HEADERS) as Role[]) {
    const accepted = HEADERS[role].map(headerKey);
    column[role] = table.headers.findIndex((header) => accepted.includes(headerKey(header)));
  }
  const errors: RowError[] = [...table.errors];
  if (column.kana < 0 || (column.id < 0 && column.name < 0)) {
    errors.push({
      file: table.file,
      row: 0,
      message: `a confirmed readings file needs a かな (kana) column and a 職員番号 (id) or 氏名 (name) column; found: ${table.headers.join(", ")}`,
    });
    return { file: table.file, rows: [], errors };
  }
  const rows: ConfirmedReading[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (role: Role) => (column[role] >= 0 ? unneutralizeCell(cells[column[role]] ?? "").trim() : "");
    const kanaCell = cell("kana");
    if (!kanaCell) continue; // nothing confirmed on this row
    if (!isKana(kanaCell.replace(/[\s\u3000]/g, ""))) {
      errors.push({ file: table.file, row, column: table.headers[column.kana], message: `「${kanaCell}」 is not kana: write the surname's reading in hiragana` });
      continue;
    }
    const id = cell("id") || null;
    const name = cell("name") || null;
    if (!id && !name) {
      errors.push({ file: table.file, row, message: "the row has neither 職員番号 nor 氏名, so it cannot be matched to anyone" });
      continue;
    }
    rows.push({
      row,
      id,
      name,
      kana: toHiragana(kanaCell),
      romaji: cell("romaji") || null,
      stillInReview: TRUE_WORDS.has(cell("review").toLowerCase()),
    });
  }
  return { file: table.file, rows, errors };
}

/** How a name is compared between the roster and the confirmed file: NFKC, spaces ignored. */
export const nameKey = (name: string) => name.normalize("NFKC").replace(/[\s\u3000]+/g, "");
const indexes = new WeakMap<ConfirmedReadings, { byId: Map<string, ConfirmedReading>; byName: Map<string, ConfirmedReading> }>();

/** The confirmed row for a staff member: by 職員番号 when both have one, else by the name as written (spaces ignored). */
export function findConfirmed(confirmed: ConfirmedReadings, record: StaffRecord): ConfirmedReading | undefined {
  let index = indexes.get(confirmed);
  if (!index) {
    index = { byId: new Map(), byName: new Map() };
    for (const row of confirmed.rows) {
      if (row.id) index.byId.set(row.id.trim(), row);
      if (row.name) index.byName.set(nameKey(row.name), row);
    }
    indexes.set(confirmed, index);
  }
  if (record.id && index.byId.size > 0) {
    const byId = index.byId.get(record.id.trim());
    if (byId) return byId.name && nameKey(byId.name) !== nameKey(record.name) ? undefined : byId;
  }
  const byName = index.byName.get(nameKey(record.name));
  return byName && (!byName.id || !record.id || byName.id.trim() === record.id.trim()) ? byName : undefined;
}
