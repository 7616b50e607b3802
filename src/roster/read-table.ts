import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import type { RowError } from "../model.js";
import { decodeText, type DecodedText } from "./decode-text.js";
import { RosterFileError } from "./errors.js";

export type TableFormat = "csv" | "tsv" | "xlsx" | "json";

export interface TableRow {
  /** Data row number: 1 = the first row after the header. Fully empty rows are skipped but counted. */
  row: number;
  /** Physical line in the file where the row starts (CSV/TSV only; quoted newlines make it differ from row + 1). */
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
  rows: TableRow[];
  errors: RowError[];
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
}

/**
 * Reads a table — a staff roster, a facilities list — from a CSV/TSV file in any Japanese encoding,
 * an Excel workbook (.xlsx) or a JSON array of objects. The first non-empty row is the header.
 * A path is read from disk; bytes are parsed as they are (nothing else touches the file system).
 * Problems with single rows become `errors` and the other rows still go through; a file that cannot
 * be read at all throws a RosterFileError saying what to do.
 */
export async function readTable(input: string | Uint8Array, options: ReadTableOptions = {}): Promise<Table> {
  const file = typeof input === "string" ? input : (options.fileName ?? "(input)");
  const bytes = typeof input === "string" ? await readInputFile(input) : input;
  return parseTable(bytes, file, options);
}

async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? "the file does not exist. Check the path and the file name (and its extension: .csv or .xlsx)."
        : code === "EISDIR"
          ? "this is a folder, not a file. Give the path of the roster file itself."
          : code === "EACCES" || code === "EPERM"
            ? "the file cannot be read (no permission). Copy it somewhere you can read, or ask for access."
            : code === "EBUSY"
              ? "the file is locked, probably open in Excel. Close it in Excel and try again."
              : `the file cannot be read (${code ?? String(error)}).`;
    throw new RosterFileError(path, message, { cause: error });
  }
}

/** Parses the bytes of a table file. Pure: no file system access. */
export async function parseTable(bytes: Uint8Array, file: string, options: Omit<ReadTableOptions, "fileName"> = {}): Promise<Table> {
  const format = options.format ?? formatFromBytes(bytes, file);
  if (format === "xlsx") return parseXlsx(bytes, file, options.sheet, options.isHeader);
  const decoded = decodeText(bytes, file);
  const resolved = format ?? sniffTextFormat(decoded.text, file);
  if (resolved === "json") return parseJson(decoded, file);
  return parseDelimited(decoded, file, resolved, options.isHeader);
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** The format the bytes and extension settle, or undefined when the text itself must tell. */
function formatFromBytes(bytes: Uint8Array, file: string): TableFormat | undefined {
  const extension = extname(file).toLowerCase();
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new RosterFileError(
      file,
      "this is an old-style Excel workbook (.xls) or a password-protected workbook, which cannot be read. " +
        'Open it in Excel, remove any password, and save it as "Excel ブック (*.xlsx)" or "CSV UTF-8 (コンマ区切り)".',
    );
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) return "xlsx";
  if (extension === ".xlsx" || extension === ".xlsm") {
    throw new RosterFileError(
      file,
      `the name ends in ${extension} but the file is not an Excel workbook` +
        (looksLikeText(bytes) ? " (it looks like a CSV or text file that was renamed)." : ".") +
        ' Give it its real extension (.csv), or open it in Excel and save it as "Excel ブック (*.xlsx)".',
    );
  }
  if (extension === ".xls") {
    throw new RosterFileError(file, 'old-style .xls files cannot be read. Open it in Excel and save it as "Excel ブック (*.xlsx)".');
  }
  if (extension === ".json") return "json";
  if (extension === ".tsv" || extension === ".tab") return "tsv";
  return undefined;
}

/** JSON starts with "["; otherwise CSV or TSV by the separators of the first line (Excel's "Unicode テキスト" is a tab-separated .txt). */
function sniffTextFormat(text: string, file: string): "csv" | "tsv" | "json" {
  if (extname(file).toLowerCase() !== ".csv" && text.trimStart().startsWith("[")) return "json";
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const tabs = firstLine.split("\t").length - 1;
  const commas = firstLine.split(",").length - 1;
  return tabs > 0 && tabs >= commas ? "tsv" : "csv";
}

function looksLikeText(bytes: Uint8Array): boolean {
  try {
    decodeText(bytes);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV

function parseDelimited({ text, encoding }: DecodedText, file: string, format: "csv" | "tsv", isHeader?: (cells: string[]) => boolean): Table {
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: format === "tsv" ? "\t" : ",",
      // Excel writes CRLF, other tools LF, and hand-edited files mix them: accept each as a row end.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    const details = error as { code?: string; lines?: number; message?: string };
    if (details.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new RosterFileError(
        file,
        `a double quote (") opens a cell that is never closed (reading reached the end of the file at line ${details.lines ?? "?"}). ` +
          'Find the cell that starts with " but has no closing ", and close it or remove the quote.',
        { cause: error },
      );
    }
    throw new RosterFileError(
      file,
      `the file cannot be read as ${format.toUpperCase()}${details.lines ? ` (line ${details.lines})` : ""}: ${details.message ?? String(error)}`,
      { cause: error },
    );
  }
  return tableFromRecords(file, format, encoding, records, startLines(records), isHeader);
}

/** The physical line each record starts on: one line per record plus the line breaks inside its quoted cells. */
function startLines(records: string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    let breaks = 0;
    for (const cell of record) breaks += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
    line += 1 + breaks;
  }
  return lines;
}

function isEmptyRecord(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** Builds a table from rows of cells: the first non-empty row is the header. */
function tableFromRecords(
  file: string,
  format: TableFormat,
  encoding: string | undefined,
  records: string[][],
  lines?: number[],
  isHeader?: (cells: string[]) => boolean,
): Table {
  const table: Table = { file, format, headers: [], rows: [], errors: [] };
  if (encoding !== undefined) table.encoding = encoding;
  let headerIndex = records.findIndex((record) => !isEmptyRecord(record));
  if (headerIndex >= 0 && isHeader && !isHeader(records[headerIndex]!)) {
    const candidates = records
      .map((record, index) => ({ record, index }))
      .filter(({ record }) => !isEmptyRecord(record))
      .slice(0, 10);
    const found = candidates.find(({ record }) => isHeader(record));
    if (found) headerIndex = found.index;
  }
  if (headerIndex < 0) {
    table.errors.push({ file, row: 0, message: "the file has no header row and no data: it is empty." });
    return table;
  }
  const headerCells = records[headerIndex]!;
  // Trailing empty header cells (a trailing comma on the header line) are not columns.
  let headerWidth = headerCells.length;
  while (headerWidth > 0 && headerCells[headerWidth - 1]!.trim() === "") headerWidth--;
  table.headers = headerCells.slice(0, headerWidth).map((header) => header.trim());

  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index]!;
    const row = index - headerIndex;
    if (isEmptyRecord(record)) continue;
    let cells = record;
    // Extra cells that are empty (trailing commas) are dropped silently.
    let width = cells.length;
    while (width > headerWidth && cells[width - 1]!.trim() === "") width--;
    cells = cells.slice(0, width);
    while (cells.length < headerWidth) cells.push("");
    const tableRow: TableRow = { row, cells };
    const line = lines?.[index];
    if (line !== undefined) tableRow.line = line;
    table.rows.push(tableRow);
    if (width > headerWidth) {
      const where = line !== undefined ? ` (line ${line} of the file)` : "";
      const hint = format === "csv" ? ": check for an unquoted comma in the name or another cell" : ": check for a cell that spills into the next column";
      table.errors.push({
        file,
        row,
        message:
          `row ${row}${where} has ${width} fields but the header has ${headerWidth}: column ${headerWidth + 1} ("${cells[headerWidth]!.trim()}") has no header${hint}. ` +
          "This row was left out; the other rows are read.",
      });
    }
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function parseXlsx(
  bytes: Uint8Array,
  file: string,
  sheet: string | number | undefined,
  isHeader?: (cells: string[]) => boolean,
): Promise<Table> {
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    throw new RosterFileError(file, 'the file is not an Excel workbook (.xlsx). Open it in Excel and save it as "Excel ブック (*.xlsx)", or give a CSV file.');
  }
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false });
  } catch (error) {
    throw new RosterFileError(
      file,
      `the Excel workbook cannot be read (${(error as Error).message}). It may be damaged or not really an .xlsx: ` +
        'open it in Excel and save it again as "Excel ブック (*.xlsx)", or save the sheet as "CSV UTF-8 (コンマ区切り)".',
      { cause: error },
    );
  }
  const names = sheets.map((entry) => entry.sheet);
  const list = names.map((name) => `"${name}"`).join(", ");
  let chosen: (typeof sheets)[number] | undefined;
  if (sheet === undefined) {
    chosen = sheets[0];
  } else if (typeof sheet === "number") {
    chosen = Number.isInteger(sheet) && sheet >= 1 ? sheets[sheet - 1] : undefined;
    if (!chosen) throw new RosterFileError(file, `there is no sheet number ${sheet}: the workbook has ${sheets.length} sheet(s), numbered from 1: ${list}.`);
  } else {
    chosen = sheets.find((entry) => entry.sheet === sheet) ?? sheets.find((entry) => entry.sheet.normalize("NFKC").trim().toLowerCase() === sheet.normalize("NFKC").trim().toLowerCase());
    if (!chosen) throw new RosterFileError(file, `there is no sheet named "${sheet}". The workbook's sheets are: ${list}.`);
  }
  if (!chosen) throw new RosterFileError(file, "the workbook has no sheets.");
  const records = chosen.data.map((row) => row.map(cellToString));
  const table = tableFromRecords(file, "xlsx", undefined, records, undefined, isHeader);
  table.sheet = chosen.sheet;
  return table;
}

/** A cell as Excel shows it by default: integers without ".0", dates as YYYY-MM-DD, TRUE/FALSE. */
export function cellToString(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value);
  return String(value);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  // Excel shows at most 15 significant digits: 0.1 + 0.2 is 0.3 there.
  return String(Number(value.toPrecision(15)));
}

function formatDate(value: Date): string {
  if (Number.isNaN(value.getTime())) return "";
  const pad = (number: number, width = 2) => String(number).padStart(width, "0");
  const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const hasTime = value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0 || value.getUTCSeconds() !== 0;
  return hasTime ? `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : date;
}

// ---------------------------------------------------------------------------------------------
// JSON

function parseJson({ text, encoding }: DecodedText, file: string): Table {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RosterFileError(file, `the file is not valid JSON (${(error as Error).message}). A JSON table is an array of objects: [{"氏名": "…"}, …].`, {
      cause: error,
    });
  }
  if (!Array.isArray(data)) {
    throw new RosterFileError(file, 'a JSON table must be an array of objects, one per row: [{"氏名": "…", "所属": "…"}, …].');
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  const table: Table = { file, format: "json", encoding, headers, rows: [], errors: [] };
  data.forEach((item) => {
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      for (const key of Object.keys(item)) if (!seen.has(key)) (seen.add(key), headers.push(key));
    }
  });
  data.forEach((item, index) => {
    const row = index + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      table.errors.push({ file, row, message: `item ${row} of the array is not an object ({"氏名": "…"}): it was left out.` });
      return;
    }
    const record = item as Record<string, unknown>;
    const cells = headers.map((header) => {
      const value = record[header];
      return value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : cellToString(value);
    });
    if (!isEmptyRecord(cells)) table.rows.push({ row, cells });
  });
  return table;
}
