/**
 * The records that flow through nafuda, in the order they are made:
 *
 *   roster rows → StaffRecord → StaffReading (with provenance) → badges / review sheet
 *
 * Every module reads and writes these shapes; nothing else crosses module borders.
 */

import { formatPlaced, type Message } from "./messages/message.js";
import type { Lang } from "./messages/lang.js";

/** One staff member as the roster holds them, before any reading is decided. */
export interface StaffRecord {
  /** Data row number in the roster: 1 = the first row after the header. */
  row: number;
  /** The row as the spreadsheet shows it (header and title rows counted; Excel's row number); null for JSON rosters. */
  sheetRow: number | null;
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
  /**
   * Set when the name used at work is printed instead of the legal name: "work" for a 通称 / 職務上の氏名 column,
   * "former" for 旧姓 with 旧姓使用 = はい. `name`, `surname` and the readings are then the name used at work.
   */
  nameUsed?: "work" | "former";
  /** The legal name as the roster's 氏名 (or 姓 + 名) gives it, when `nameUsed` is set. */
  legalName?: string;
}

/** Where a reading came from, strongest first. */
export type ReadingSource = "override" | "roster" | "dictionary" | "analyzer";

/** The reading that will be printed for one staff member, with where it came from. */
/** The script a badge prints the reading in. */
export type PrintedScript = "hiragana" | "katakana";

export interface StaffReading {
  row: number;
  /** The row as the spreadsheet shows it; null for JSON rosters. */
  sheetRow: number | null;
  id: string | null;
  /** The full name as written in the roster. */
  name: string;
  /** The surname in kanji (or as written), after splitting. */
  surname: string;
  /** The surname's reading in hiragana (and ー) only, whatever the badge prints. */
  kana: string;
  /**
   * What the badge prints: `kana`, or the same reading in katakana (スミス) for a foreign national's name where the
   * city prints those in katakana (foreignNamesIn) or the person's 名札の表記 says カタカナ. The resolver always sets
   * it; absent (a reading made by hand) means `kana`.
   */
  printedKana?: string;
  /** The script a person chose for this badge in the confirmed file's 名札の表記, when one did. */
  printedAs?: PrintedScript;
  /** The surname in romaji, in the chosen system and case. */
  romaji: string;
  source: ReadingSource;
  /** True when a person must check this reading before it is printed. */
  review: boolean;
  /** Why review is asked for: catalogue messages with stable codes (formatMessage renders them in either language). */
  reasons: readonly Message[];
  /** Other plausible readings in hiragana, best first; never includes `kana`. */
  alternatives: readonly string[];
  /**
   * True when a person confirmed exactly this かな and ローマ字 although the ローマ字 does not spell the かな (済 in the
   * confirmed file): the review sheet writes 済 again, so next year's sheet keeps that confirmation.
   */
  pairConfirmed?: boolean;
  /**
   * Where the reading came from, in more detail, when that is worth saying but needs no check (NOTE_ codes): e.g.
   * bank-transfer kana whose small kana were restored (ﾊﾂﾄﾘ → はっとり). Absent when there is nothing to say.
   */
  notes?: Message[];
  /** The roster record this reading was made from. */
  record: StaffRecord;
}

/**
 * A row that could not become a reading (or a record), or a warning about one. The other rows still go through.
 * It is a catalogue message (`code`, `params`: what is wrong and what to do) with its place.
 */
export interface RowError extends Message {
  /** The file the row came from, when known. */
  file?: string;
  /** Data row number (1 = first row after the header); 0 for file-level problems. */
  row: number;
  /** The row as the spreadsheet shows it (Excel's row number); null for JSON tables; absent when unknown. */
  sheetRow?: number | null;
  /** The column concerned, as its header is written, when one is. */
  column?: string;
  /** The record, when the row got that far. */
  record?: StaffRecord;
}

/** Something worth telling about a row or a file that stops nothing (a warning, a note): the same shape as RowError. */
export type RowNotice = RowError;

/** A RowError the way every command prints it: file, row (as Excel numbers it), column, then the message. */
export function formatRowError(error: RowError, lang?: Lang): string {
  return formatPlaced(error, { file: error.file, row: error.row, sheetRow: error.sheetRow, column: error.column }, lang);
}
