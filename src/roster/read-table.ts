import { extname } from "node:path";
import type { RowError } from "../model.js";
import { readInputFile } from "../io/read-input.js";
import { formatBytes } from "../messages/general.js";
import { msg, type CodedMessage } from "../messages/message.js";
import { decodeText, type DecodedText } from "./decode-text.js";
import { DelimitedError, parseDelimited, type DelimitedRecord } from "./delimited.js";
import { RosterFileError } from "./errors.js";
import { tableLimits, type TableLimits } from "./limits.js";
import { formatNumber, readWorkbookSheet, XlsxError } from "./xlsx.js";

export type TableFormat = "csv" | "tsv" | "xlsx" | "json";

export interface TableRow {
  /** Data row number: 1 = the first row after the header. Fully empty rows are skipped but counted. */
  row: number;
  /** The row as the spreadsheet shows it (Excel's row number: header and title rows counted); null for JSON items. */
  sheetRow: number | null;
  /** Physical line in the file where the row starts (CSV/TSV only; quoted newlines make it differ from sheetRow). */
  line?: number;
  /** The cells as written, one per header at least (short rows are padded with ""). */
  cells: string[];
}

export interface Table {
  file: string;
  format: TableFormat;
  /** The detected text encoding (CSV, TSV and JSON). */
  encoding?: string;
  /** The XLSX sheet that was read. */
  sheet?: string;
  headers: string[];
  /** The header's row as the spreadsheet shows it (1 unless title rows stand above it); null for JSON. */
  headerSheetRow: number | null;
  rows: TableRow[];
  /** Rows that were left out, and file-level problems (row 0). */
  errors: RowError[];
  /** Rows that were read but deserve a word (a row in another encoding). */
  warnings: RowError[];
}

export interface ReadTableOptions {
  /** Names the input in messages (and gives its extension) when bytes are passed. */
  fileName?: string;
  /** XLSX only: the sheet by name, or by number starting at 1 (Excel's order). Default: the first sheet. */
  sheet?: string | number;
  /** Overrides the format given by the extension or sniffed from the bytes. */
  format?: TableFormat;
  /**
   * Tells the header row from a title row above it ("令和6年度 職員名簿"): the first of the first ten
   * non-empty rows for which this returns true is the header. Default: the first non-empty row.
   */
  isHeader?: (cells: string[]) => boolean;
  /** Bounds on the input (README: Limits); each one broken is a clear error before the work. */
  limits?: Partial<TableLimits>;
}

/**
 * Reads a table — a staff roster, a facilities list, confirmed readings — from a CSV/TSV file in any Japanese
 * encoding, an Excel workbook (.xlsx) or a JSON array of objects. The first non-empty row is the header.
 * A path is read from disk (a regular file, within the size limit); bytes are parsed as they are.
 * Problems with single rows become `errors` and the other rows still go through; a file that cannot
 * be read at all throws a NafudaError (RosterFileError, InputFileError) saying what to do.
 */
export async function readTable(input: string | Uint8Array, options: ReadTableOptions = {}): Promise<Table> {
  const limits = tableLimits(options.limits);
  const file = typeof input === "string" ? input : (options.fileName ?? "(input)");
  const bytes = typeof input === "string" ? await readInputFile(input, limits.maxFileBytes) : input;
  return parseTable(bytes, file, options);
}

/** Parses the bytes of a table file. Pure: no file system access. */
export async function parseTable(bytes: Uint8Array, file: string, options: Omit<ReadTableOptions, "fileName"> = {}): Promise<Table> {
  const limits = tableLimits(options.limits);
  if (bytes.length > limits.maxFileBytes) {
    throw new RosterFileError(file, msg("FILE_TOO_LARGE", { size: formatBytes(bytes.length), limit: formatBytes(limits.maxFileBytes) }));
  }
  const format = options.format ?? formatFromBytes(bytes, file);
  if (format === "xlsx") return parseXlsx(bytes, file, options.sheet, limits, options.isHeader);
  const decoded = decodeText(bytes, file);
  const resolved = format ?? sniffTextFormat(decoded.text, file);
  if (resolved === "json") return parseJson(decoded, file, limits);
  let records: DelimitedRecord[];
  try {
    records = parseDelimited(decoded.text, resolved === "tsv" ? "\t" : ",", limits);
  } catch (error) {
    if (error instanceof DelimitedError) throw new RosterFileError(file, error.problem, { cause: error });
    throw error;
  }
  const table = tableFromRecords(file, resolved, decoded.encoding, records, limits, options.isHeader);
  records.length = 0;
  markForeignLines(table, decoded);
  return table;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** The format the bytes and extension settle, or undefined when the text itself must tell. */
function formatFromBytes(bytes: Uint8Array, file: string): TableFormat | undefined {
  const extension = extname(file).toLowerCase();
  if (startsWith(bytes, OLE_SIGNATURE)) throw new RosterFileError(file, msg("TABLE_OLD_XLS"));
  if (startsWith(bytes, ZIP_SIGNATURE)) return "xlsx";
  if (extension === ".xlsx" || extension === ".xlsm") {
    throw new RosterFileError(file, msg("TABLE_RENAMED_NOT_XLSX", { extension, looksLikeText: looksLikeText(bytes) }));
  }
  if (extension === ".xls") throw new RosterFileError(file, msg("TABLE_OLD_XLS"));
  if (extension === ".json") return "json";
  if (extension === ".tsv" || extension === ".tab") return "tsv";
  return undefined;
}

/** JSON starts with "["; otherwise CSV or TSV by the separators of the first line (Excel's "Unicode テキスト" is a tab-separated .txt). */
function sniffTextFormat(text: string, file: string): "csv" | "tsv" | "json" {
  if (extname(file).toLowerCase() !== ".csv" && text.trimStart().startsWith("[")) return "json";
  const end = text.search(/\r|\n/);
  const firstLine = (end < 0 ? text : text.slice(0, end)).slice(0, 100_000);
  const tabs = firstLine.split("\t").length - 1;
  const commas = firstLine.split(",").length - 1;
  return tabs > 0 && tabs >= commas ? "tsv" : "csv";
}

function looksLikeText(bytes: Uint8Array): boolean {
  try {
    decodeText(bytes.subarray(0, 64 * 1024));
    return true;
  } catch {
    return false;
  }
}

/** Rows of a UTF-8 file that were written in another encoding: read (with a warning) or left out. */
function markForeignLines(table: Table, decoded: DecodedText): void {
  if (!decoded.foreignLines?.length) return;
  const fileEncoding = decoded.encoding.startsWith("utf-8") ? "UTF-8" : decoded.encoding.toUpperCase();
  const rowsByLine = table.rows.filter((row) => row.line !== undefined);
  for (const foreign of decoded.foreignLines) {
    // The row whose lines include this one: the last row starting at or before it.
    let found: TableRow | undefined;
    for (const row of rowsByLine) {
      if (row.line! <= foreign.line) found = row;
      else break;
    }
    if (!found) continue;
    const place = { file: table.file, row: found.row, sheetRow: found.sheetRow };
    if (foreign.encoding === null) {
      table.errors.push({ ...place, ...msg("ROW_UNDECODABLE", { fileEncoding }) });
      table.rows = table.rows.filter((row) => row !== found);
    } else {
      table.warnings.push({ ...place, ...msg("WARN_ROW_OTHER_ENCODING", { encoding: "Shift_JIS", fileEncoding }) });
    }
  }
}

interface RawRecord {
  /** Excel's row number; null for JSON items. */
  sheetRow: number | null;
  line?: number;
  cells: string[];
  problem?: CodedMessage;
}

function isEmptyRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

/** Builds a table from rows of cells: the first non-empty row is the header (or the first that `isHeader` accepts). */
function tableFromRecords(
  file: string,
  format: TableFormat,
  encoding: string | undefined,
  records: readonly RawRecord[],
  limits: TableLimits,
  isHeader?: (cells: string[]) => boolean,
): Table {
  const table: Table = { file, format, headers: [], headerSheetRow: null, rows: [], errors: [], warnings: [] };
  if (encoding !== undefined) table.encoding = encoding;
  const nonEmpty = (record: RawRecord) => record.problem !== undefined || !isEmptyRecord(record.cells);
  let headerIndex = records.findIndex(nonEmpty);
  if (headerIndex >= 0 && isHeader && !isHeader(records[headerIndex]!.cells)) {
    let seen = 0;
    for (let index = headerIndex; index < records.length && seen < 10; index++) {
      if (!nonEmpty(records[index]!)) continue;
      seen++;
      if (isHeader(records[index]!.cells)) {
        headerIndex = index;
        break;
      }
    }
  }
  if (headerIndex < 0) {
    table.errors.push({ file, row: 0, ...msg("TABLE_EMPTY") });
    return table;
  }
  const header = records[headerIndex]!;
  if (header.problem) {
    const problem = header.problem.code === "ROW_TOO_WIDE" ? msg("TABLE_TOO_MANY_COLUMNS", { limit: limits.maxColumns }) : header.problem;
    throw new RosterFileError(file, problem as CodedMessage, { sheetRow: header.sheetRow });
  }
  // Trailing empty header cells (a trailing comma on the header line) are not columns.
  let headerWidth = header.cells.length;
  while (headerWidth > 0 && header.cells[headerWidth - 1]!.trim() === "") headerWidth--;
  table.headers = header.cells.slice(0, headerWidth).map((cell) => cell.trim());
  table.headerSheetRow = header.sheetRow;
  if (records.length - headerIndex - 1 > limits.maxRows) {
    const dataRows = records.slice(headerIndex + 1).filter(nonEmpty).length;
    if (dataRows > limits.maxRows) throw new RosterFileError(file, msg("TABLE_TOO_MANY_ROWS", { limit: limits.maxRows }));
  }

  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index]!;
    // XLSX rows are sparse: their data row follows Excel's row numbers; CSV rows are dense.
    const row = record.sheetRow !== null && header.sheetRow !== null ? record.sheetRow - header.sheetRow : index - headerIndex;
    const place = { file, row, sheetRow: record.sheetRow };
    if (record.problem) {
      table.errors.push({ ...place, ...record.problem });
      continue;
    }
    if (isEmptyRecord(record.cells)) continue;
    let cells = record.cells;
    // Extra cells that are empty (trailing commas) are dropped silently.
    let width = cells.length;
    while (width > headerWidth && cells[width - 1]!.trim() === "") width--;
    if (width > headerWidth) {
      table.errors.push({
        ...place,
        ...msg("ROW_EXTRA_FIELDS", {
          fields: width, headerFields: headerWidth, column: headerWidth + 1, value: cells[headerWidth]!.trim().slice(0, 40), format,
          ...(record.line !== undefined && record.line !== record.sheetRow ? { line: record.line } : {}),
        }),
      });
      continue;
    }
    cells = cells.length === headerWidth ? cells : cells.slice(0, width);
    while (cells.length < headerWidth) cells.push("");
    const tableRow: TableRow = { row, sheetRow: record.sheetRow, cells };
    if (record.line !== undefined) tableRow.line = record.line;
    table.rows.push(tableRow);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// XLSX

function parseXlsx(
  bytes: Uint8Array, file: string, sheet: string | number | undefined, limits: TableLimits, isHeader?: (cells: string[]) => boolean,
): Table {
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new RosterFileError(file, msg("TABLE_NOT_XLSX"));
  let workbook;
  try {
    workbook = readWorkbookSheet(bytes, sheet, limits);
  } catch (error) {
    if (error instanceof XlsxError) throw new RosterFileError(file, error.problem, { cause: error });
    throw error;
  }
  const table = tableFromRecords(
    file, "xlsx", undefined,
    workbook.rows.map((row) => ({ sheetRow: row.sheetRow, cells: row.cells, ...(row.problem ? { problem: row.problem } : {}) })),
    limits, isHeader,
  );
  table.sheet = workbook.name;
  return table;
}

/** A cell value as Excel shows it by default: integers without ".0", dates as YYYY-MM-DD, TRUE/FALSE. */
export function cellToString(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// JSON

function parseJson({ text, encoding }: DecodedText, file: string, limits: TableLimits): Table {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RosterFileError(file, msg("TABLE_JSON_INVALID", { detail: (error as Error).message.slice(0, 200) }), { cause: error });
  }
  if (!Array.isArray(data)) throw new RosterFileError(file, msg("TABLE_JSON_NOT_ARRAY"));
  if (data.length > limits.maxRows) throw new RosterFileError(file, msg("TABLE_TOO_MANY_ROWS", { limit: limits.maxRows }));
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of data) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    for (const key of Object.keys(item)) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
      if (headers.length > limits.maxColumns) {
        throw new RosterFileError(file, msg("TABLE_TOO_MANY_COLUMNS", { count: headers.length, limit: limits.maxColumns }));
      }
    }
  }
  if (headers.length * data.length > limits.maxCells) throw new RosterFileError(file, msg("TABLE_TOO_MANY_CELLS", { limit: limits.maxCells }));
  const table: Table = { file, format: "json", encoding, headers, headerSheetRow: null, rows: [], errors: [], warnings: [] };
  data.forEach((item, index) => {
    const row = index + 1;
    const place = { file, row, sheetRow: null };
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      table.errors.push({ ...place, ...msg("ROW_JSON_NOT_OBJECT") });
      return;
    }
    const record = item as Record<string, unknown>;
    const cells = headers.map((header) => {
      const value = record[header];
      return value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : cellToString(value);
    });
    const long = cells.find((cell) => cell.length > limits.maxCellChars);
    if (long !== undefined) {
      table.errors.push({ ...place, ...msg("ROW_CELL_TOO_LONG", { length: long.length, limit: limits.maxCellChars }) });
      return;
    }
    if (!isEmptyRecord(cells)) table.rows.push({ row, sheetRow: null, cells });
  });
  return table;
}
