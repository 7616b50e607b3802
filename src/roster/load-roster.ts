import type { RowError, RowNotice, StaffRecord } from "../model.js";
import { msg } from "../messages/message.js";
import { COLUMN_ALIASES, mapColumns, roleOfHeader, type ColumnMap, type ColumnRole } from "./columns.js";
import { RosterFileError } from "./errors.js";
import { describeMojibake, visible } from "./mojibake.js";
import { readTable, type ReadTableOptions, type Table, type TableFormat } from "./read-table.js";
import type { TableLimits } from "./limits.js";

export interface LoadedRoster {
  file: string;
  /** The detected text encoding, for CSV/TSV/JSON rosters. */
  encoding?: string;
  /** The header row as written (trimmed). */
  headers: string[];
  /** One record per good row, in file order. */
  records: StaffRecord[];
  /** The rows that could not become records, and why. The records above are complete without them. */
  errors: RowError[];
  /** Things worth telling that are not errors: which of two name columns is used, duplicate 職員番号, 外字 in a name, a row in another encoding. */
  notes: RowNotice[];
  format: TableFormat;
  /** The XLSX sheet that was read. */
  sheet?: string;
  /** Which column plays which role. */
  columns: ColumnMap;
}

export interface LoadRosterOptions {
  /** Names the input in messages (and gives its extension) when bytes are passed. */
  fileName?: string;
  /** XLSX only: the sheet by name, or by number starting at 1. Default: the first sheet. */
  sheet?: string | number;
  /** Bounds on the input (README: Limits). */
  limits?: Partial<TableLimits>;
}

/** A header row is one with a name column: a title line above it ("令和6年度 職員名簿") is skipped. */
export function isRosterHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => {
    const role = roleOfHeader(cell);
    return role === "name" || role === "surname";
  });
}

/**
 * Reads a staff roster (CSV in any Japanese encoding, XLSX, JSON) into StaffRecords.
 * Throws RosterFileError when the file cannot be read or has no name column; a bad row becomes
 * a RowError and every good row still comes through.
 */
export async function loadRoster(input: string | Uint8Array, options: LoadRosterOptions = {}): Promise<LoadedRoster> {
  const tableOptions: ReadTableOptions = { isHeader: isRosterHeader };
  if (options.fileName !== undefined) tableOptions.fileName = options.fileName;
  if (options.sheet !== undefined) tableOptions.sheet = options.sheet;
  if (options.limits !== undefined) tableOptions.limits = options.limits;
  return rosterFromTable(await readTable(input, tableOptions));
}

const NAME_ALIASES_FOR_MESSAGE = [...COLUMN_ALIASES.name.slice(0, 3), "name", "full name"].join(", ");
const SURNAME_ALIASES_FOR_MESSAGE = [...COLUMN_ALIASES.surname.slice(0, 3), "surname", "last name"].join(", ");

/** Turns a table into roster records. Pure. */
export function rosterFromTable(table: Table): LoadedRoster {
  const { file, headers } = table;
  if (headers.length === 0) {
    throw new RosterFileError(file, msg("ROSTER_EMPTY"));
  }
  const columns = mapColumns(headers);
  const nameIndex = columns.roles.name;
  const surnameIndex = columns.roles.surname;
  if (nameIndex === undefined && surnameIndex === undefined) {
    const garbled = headers.map(describeMojibake).find((description) => description !== null);
    if (garbled) throw new RosterFileError(file, msg("ROSTER_GARBLED_HEADER", { description: garbled }));
    throw new RosterFileError(file, msg("ROSTER_NO_NAME_COLUMN", {
      headers: headers.map((header) => visible(header)),
      nameAliases: NAME_ALIASES_FOR_MESSAGE,
      surnameAliases: SURNAME_ALIASES_FOR_MESSAGE,
    }), { sheetRow: table.headerSheetRow });
  }

  const roster: LoadedRoster = {
    file,
    headers,
    records: [],
    errors: [...table.errors],
    notes: [...columns.notes.map((note) => ({ file, row: 0, ...note })), ...table.warnings],
    format: table.format,
    columns,
  };
  if (table.encoding !== undefined) roster.encoding = table.encoding;
  if (table.sheet !== undefined) roster.sheet = table.sheet;

  const fieldKeys = fieldKeysFor(headers);
  const shared = sharedStrings();
  // A person's own cells (番号, 氏名, 名, 氏名のよみ) are not shared: they rarely repeat.
  const own = new Set((["id", "name", "given", "nameReading"] as const).map((role) => columns.roles[role]).filter((index) => index !== undefined));
  const idRows = new Map<string, { rows: string[]; first: { row: number; sheetRow: number | null } }>();

  for (const { row, sheetRow, cells } of table.rows) {
    const place = { file, row, sheetRow };
    const value = (role: ColumnRole): string | null => {
      const index = columns.roles[role];
      if (index === undefined) return null;
      const cleaned = cleanValue(cells[index] ?? "");
      return cleaned === "" ? null : own.has(index) ? ownCopy(cleaned) : shared(cleaned);
    };
    const surname = value("surname");
    const given = value("given");
    const name = value("name") ?? (surname !== null ? (given !== null ? `${surname}\u3000${given}` : surname) : null);
    if (name === null) {
      const column = headers[nameIndex ?? surnameIndex!]!;
      roster.errors.push({ ...place, column, ...msg("ROW_NAME_EMPTY") });
      continue;
    }
    // The cell as written: cleaning would drop the C1 characters that Windows-1252 mojibake holds.
    const garbled = NAME_ROLES.map((role) => {
      const index = columns.roles[role];
      const cell = index === undefined ? "" : (cells[index] ?? "").trim();
      return { role, description: cell === "" ? null : describeMojibake(cell) };
    }).find((entry) => entry.description !== null);
    if (garbled) {
      roster.errors.push({ ...place, column: headers[columns.roles[garbled.role]!]!, ...msg("ROW_GARBLED", { description: garbled.description! }) });
      continue;
    }
    const fields: Record<string, string> = {};
    headers.forEach((_, index) => {
      const cell = cleanField(cells[index] ?? "");
      fields[fieldKeys[index]!] = own.has(index) ? ownCopy(cell) : shared(cell);
    });
    const record: StaffRecord = {
      row,
      sheetRow,
      id: value("id"),
      name,
      surname,
      given,
      nameReading: value("nameReading"),
      surnameReading: value("surnameReading"),
      romaji: value("romaji"),
      department: value("department"),
      facility: value("facility"),
      title: value("title"),
      fields,
      ...nameUsedAtWork(value, name, given),
    };
    roster.records.push(record);
    if (/[\uE000-\uF8FF]/u.test(name)) roster.notes.push({ ...place, ...msg("NOTE_GAIJI", { name }) });
    if (record.id !== null) {
      const seen = idRows.get(record.id);
      const shown = String(sheetRow ?? row);
      if (seen) seen.rows.push(shown);
      else idRows.set(record.id, { rows: [shown], first: { row, sheetRow } });
    }
  }

  for (const [id, { rows, first }] of idRows) {
    if (rows.length > 1) roster.notes.push({ file, ...first, ...msg("NOTE_DUPLICATE_ID", { id, rows: rows.join(", ") }) });
  }
  return roster;
}

/**
 * One copy of each short cell value a roster repeats (所属, 施設, 職名, a surname's フリガナ): each cell is a string
 * of its own when read, so 170,000 staff in 30 sections held 170,000 copies of the section names (~13 MB). Long
 * values and, past a bound, new values are kept as they are.
 */
function sharedStrings(): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    if (value.length > 40) return ownCopy(value);
    const copy = known.get(value);
    if (copy !== undefined) return copy;
    const kept = ownCopy(value);
    if (known.size < 100_000) known.set(kept, kept);
    return kept;
  };
}

/**
 * A cell kept by a record as a string of its own. V8 cuts a cell of 13 or more characters out of the file's text
 * as a view into that text, so one such cell kept for the run kept the whole file (9 MB of text at 170,000 staff).
 */
function ownCopy(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** 旧姓使用 says yes: はい, 1, ○, 有, あり, する, yes, true. */
const YES = /^(はい|1|○|〇|◯|有|あり|有り|する|使用|使用する|yes|y|true|✓|✔)$/iu;

/**
 * The name a person uses at work, which the badge prints (旧姓使用・通称使用): a 通称 / 職務上の氏名 column (with
 * 通称フリガナ) wins; otherwise 旧姓 (with 旧姓フリガナ) when 旧姓使用 says yes. Many rosters keep 旧姓 only as history:
 * 旧姓 alone changes nothing. The legal name is kept in `legalName`.
 */
function nameUsedAtWork(
  value: (role: ColumnRole) => string | null, name: string, given: string | null,
): Partial<StaffRecord> {
  const work = value("workName");
  if (work !== null) {
    return { nameUsed: "work", legalName: name, name: work, surname: null, given: null, nameReading: value("workNameReading"), surnameReading: null };
  }
  const former = value("formerSurname");
  if (former !== null && YES.test(value("useFormerSurname") ?? "")) {
    const givenName = given ?? (name.trim().split(/[\s\u3000]+/u).length > 1 ? name.trim().split(/[\s\u3000]+/u).slice(1).join("\u3000") : null);
    return {
      nameUsed: "former",
      legalName: name,
      name: givenName ? `${former}\u3000${givenName}` : former,
      surname: former,
      given: givenName,
      surnameReading: value("formerSurnameReading"),
      nameReading: null,
    };
  }
  return {};
}

/** The cells a badge's reading is made from: garbled text in them leaves the row out. */
const NAME_ROLES: readonly ColumnRole[] = ["name", "surname", "given", "nameReading", "surnameReading"];

/** The key of each column in `fields`: its header, or 列N when empty; a repeated header gets " (N)" with its column number. */
function fieldKeysFor(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((header, index) => {
    let key = header === "" ? `列${index + 1}` : header;
    if (used.has(key)) key = `${key} (${index + 1})`;
    used.add(key);
    return key;
  });
}

// Controls (keeping none), DEL, C1, zero-width characters and a stray BOM: invisible, never meant.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/gu;

/** A cell used as a value: line breaks and tabs become one space, invisible characters go, trimmed. No NFKC: 髙 and 﨑 stay. */
export function cleanValue(cell: string): string {
  return cell.replace(/[\r\n\t]+/gu, " ").replace(INVISIBLE, "").trim();
}

/** A cell kept for templates: line breaks kept as \n, other invisible characters removed, trimmed. */
function cleanField(cell: string): string {
  return cell.replace(/\r\n?/gu, "\n").replace(/\t/gu, " ").replace(INVISIBLE, "").trim();
}
