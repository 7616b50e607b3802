/**
 * The records that flow through nafuda, in the order they are made:
 *
 *   roster rows → StaffRecord → StaffReading (with provenance) → badges / review sheet
 *
 * Every module reads and writes these shapes; nothing else crosses module borders.
 */

/** One staff member as the roster holds them, before any reading is decided. */
export interface StaffRecord {
  /** Data row number in the roster: 1 = the first row after the header. */
  row: number;
  /** 職員番号, or null when the roster has none. */
  id: string | null;
  /** The full name as written (氏名), or 姓 + 名 joined with a full-width space. */
  name: string;
  /** 姓 as its own column, when the roster has one. */
  surname: string | null;
  /** 名 as its own column, when the roster has one. */
  given: string | null;
  /** Reading of the full name (フリガナ / よみ), katakana or hiragana as written. */
  nameReading: string | null;
  /** Reading of the surname alone (姓フリガナ), as written. */
  surnameReading: string | null;
  /** The person's own romaji spelling of the surname (ローマ字), as written. */
  romaji: string | null;
  /** 所属 / 部署 / 課. */
  department: string | null;
  /** 施設. */
  facility: string | null;
  /** 役職. */
  title: string | null;
  /** Every column of the row by its header as written, for templates (e.g. {{所属}}). */
  fields: Record<string, string>;
}

/** Where a reading came from, strongest first. */
export type ReadingSource = "override" | "roster" | "dictionary" | "analyzer";

/** The reading that will be printed for one staff member, with where it came from. */
export interface StaffReading {
  row: number;
  id: string | null;
  /** The full name as written in the roster. */
  name: string;
  /** The surname in kanji (or as written), after splitting. */
  surname: string;
  /** The surname in hiragana: what the badge prints. Hiragana (and ー) only. */
  kana: string;
  /** The surname in romaji, in the chosen system and case. */
  romaji: string;
  source: ReadingSource;
  /** True when a person must check this reading before it is printed. */
  review: boolean;
  /** Why review is asked for (human-readable, Japanese or English). */
  reasons: string[];
  /** Other plausible readings in hiragana, best first; never includes `kana`. */
  alternatives: string[];
  /** The roster record this reading was made from. */
  record: StaffRecord;
}

/** A row that could not become a reading (or a record). The other rows still go through. */
export interface RowError {
  /** The file the row came from, when known. */
  file?: string;
  /** Data row number (1 = first row after the header); 0 for file-level problems. */
  row: number;
  /** The column concerned, as its header is written, when one is. */
  column?: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** The record, when the row got that far. */
  record?: StaffRecord;
}

/** Formats a RowError the way every command prints it: file, row, column, message. */
export function formatRowError(error: RowError): string {
  const where = [
    error.file ?? null,
    error.row > 0 ? `row ${error.row}` : null,
    error.column ? `column ${error.column}` : null,
  ].filter((part): part is string => part !== null);
  return where.length > 0 ? `${where.join(", ")}: ${error.message}` : error.message;
}
