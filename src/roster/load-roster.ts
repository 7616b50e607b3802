import type { RowError, StaffRecord } from "../model.js";
import { COLUMN_ALIASES, mapColumns, roleOfHeader, type ColumnMap, type ColumnRole } from "./columns.js";
import { RosterFileError } from "./errors.js";
import { describeMojibake, visible } from "./mojibake.js";
import { readTable, type Table, type TableFormat } from "./read-table.js";

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
  /** Things worth telling that are not errors: which of two name columns is used, duplicate 職員番号, 外字 in a name. */
  notes: string[];
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
}

/** A header row is one with a name column: a title line above it ("令和6年度 職員名簿") is skipped. */
function hasNameColumn(cells: string[]): boolean {
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
  const tableOptions: Parameters<typeof readTable>[1] = { isHeader: hasNameColumn };
  if (options.fileName !== undefined) tableOptions.fileName = options.fileName;
  if (options.sheet !== undefined) tableOptions.sheet = options.sheet;
  return rosterFromTable(await readTable(input, tableOptions));
}

const NAME_ALIASES_FOR_MESSAGE = [...COLUMN_ALIASES.name.slice(0, 3), "name", "full name"].join(", ");
const SURNAME_ALIASES_FOR_MESSAGE = [...COLUMN_ALIASES.surname.slice(0, 3), "surname", "last name"].join(", ");

/** Turns a table into roster records. Pure. */
export function rosterFromTable(table: Table): LoadedRoster {
  const { file, headers } = table;
  if (headers.length === 0) {
    throw new RosterFileError(
      file,
      "the file is empty: it has no header row and no staff. Check that this is the roster itself (not an empty export), " +
        "or export the roster from Excel again.",
    );
  }
  const columns = mapColumns(headers);
  const nameIndex = columns.roles.name;
  const surnameIndex = columns.roles.surname;
  if (nameIndex === undefined && surnameIndex === undefined) {
    const garbled = headers.map(describeMojibake).find((description) => description !== null);
    if (garbled) {
      throw new RosterFileError(
        file,
        `the text is garbled (文字化け): the header ${garbled}. The file was opened by a program that read it in the wrong ` +
          "encoding (e.g. a Shift_JIS file read as UTF-8 or Latin-1) and saved again, which damaged every Japanese character. " +
          'Use the original file (nafuda reads Shift_JIS and UTF-8 alike), or export the roster again as "CSV UTF-8 (コンマ区切り)".',
      );
    }
    const found = headers.length > 0 ? headers.map((header) => `"${visible(header)}"`).join(", ") : "none (the file is empty)";
    throw new RosterFileError(
      file,
      `no column holds the staff names. The header row has: ${found}. ` +
        `Name the column with the full name 氏名 (also accepted: ${NAME_ALIASES_FOR_MESSAGE}), ` +
        `or give the surname in a column named 姓 (also: ${SURNAME_ALIASES_FOR_MESSAGE}) and the given name in 名.`,
    );
  }

  const roster: LoadedRoster = {
    file,
    headers,
    records: [],
    errors: [...table.errors.filter((error) => error.row === 0)],
    notes: [...columns.notes],
    format: table.format,
    columns,
  };
  if (table.encoding !== undefined) roster.encoding = table.encoding;
  if (table.sheet !== undefined) roster.sheet = table.sheet;

  const rowErrors = new Map<number, RowError[]>();
  for (const error of table.errors) {
    if (error.row > 0) rowErrors.set(error.row, [...(rowErrors.get(error.row) ?? []), error]);
  }
  const fieldKeys = fieldKeysFor(headers);
  const idRows = new Map<string, number[]>();

  for (const { row, cells } of table.rows) {
    const problems = rowErrors.get(row);
    if (problems) {
      // A row with more cells than headers has its columns shifted: reading it would misplace its name.
      roster.errors.push(...problems);
      continue;
    }
    const value = (role: ColumnRole): string | null => {
      const index = columns.roles[role];
      if (index === undefined) return null;
      const cleaned = cleanValue(cells[index] ?? "");
      return cleaned === "" ? null : cleaned;
    };
    const surname = value("surname");
    const given = value("given");
    const name = value("name") ?? (surname !== null ? (given !== null ? `${surname}\u3000${given}` : surname) : null);
    if (name === null) {
      const column = headers[nameIndex ?? surnameIndex!]!;
      roster.errors.push({ file, row, column, message: "the name is empty: fill it in or delete the row." });
      continue;
    }
    // The cell as written: cleaning would drop the C1 characters that Windows-1252 mojibake holds.
    const garbled = NAME_ROLES.map((role) => {
      const index = columns.roles[role];
      const cell = index === undefined ? "" : (cells[index] ?? "").trim();
      return { role, description: cell === "" ? null : describeMojibake(cell) };
    }).find((entry) => entry.description !== null);
    if (garbled) {
      roster.errors.push({
        file,
        row,
        column: headers[columns.roles[garbled.role]!]!,
        message:
          `the text is garbled (文字化け): ${garbled.description}. The roster was saved by a program that read it in the wrong encoding. ` +
          "Correct this cell in the roster, or use the original file. This row was left out; the other rows are read.",
      });
      continue;
    }
    const fields: Record<string, string> = {};
    headers.forEach((_, index) => {
      fields[fieldKeys[index]!] = cleanField(cells[index] ?? "");
    });
    const record: StaffRecord = {
      row,
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
    };
    roster.records.push(record);
    if (/[\uE000-\uF8FF]/u.test(name)) {
      roster.notes.push(
        `row ${row}: the name "${name}" holds a user-defined character (外字) that only the computer it was typed on can show. ` +
          "Replace it with the standard kanji (or its nearest variant such as 髙 or 﨑) in the roster.",
      );
    }
    if (record.id !== null) idRows.set(record.id, [...(idRows.get(record.id) ?? []), row]);
  }

  for (const [id, rows] of idRows) {
    if (rows.length > 1) {
      roster.notes.push(`the staff number ${id} appears on rows ${rows.join(", ")}: check that these are different people.`);
    }
  }
  return roster;
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
