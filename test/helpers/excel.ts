import writeExcelFile from "write-excel-file/node";
import { encodeText, canEncode } from "../../src/roster/encode-text.js";

/**
 * What Excel for Windows (Japanese) does to a sheet a person opens, edits and saves again, as
 * ../shared/notes/excel-habits.md describes it. Tests put nafuda's own files through this and read them back.
 */

export type Grid = string[][];

/** A cell as Excel takes it when it opens a CSV: numbers lose leading zeros and digits past 15, 1-2 becomes a date. */
export type ExcelValue = string | number | { date: [number, number, number] };

const THIS_YEAR = 2026;

/** Excel opening a CSV cell: "00112" → 112, "1-2" → 2026/1/2, "12345678901234567890" → 1.23457E+19, "'=x" → "=x". */
export function excelOpensCell(cell: string): ExcelValue {
  if (cell.startsWith("'")) return cell.slice(1);
  const trimmed = cell.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const monthDay = /^(\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (monthDay && Number(monthDay[1]) >= 1 && Number(monthDay[1]) <= 12 && Number(monthDay[2]) >= 1 && Number(monthDay[2]) <= 31) {
    return { date: [THIS_YEAR, Number(monthDay[1]), Number(monthDay[2])] };
  }
  return cell;
}

/** A value as Excel writes it into a CSV in the General format (15 significant digits, dates as 2026/1/2). */
export function excelShows(value: ExcelValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
    if (Math.abs(value) >= 1e11 && Number.isInteger(value)) return value.toExponential(5).replace("e+", "E+").replace(/\.?0+E/, "E");
    return String(Number(value.toPrecision(15)));
  }
  return `${value.date[0]}/${value.date[1]}/${value.date[2]}`;
}

/** Parses CSV text the way a spreadsheet does (quotes, CRLF), into rows of raw cells. */
export function csvGrid(text: string): Grid {
  const rows: Grid = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" || c === "\n") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** The grid Excel holds after opening a CSV. */
export function excelOpensCsv(text: string): ExcelValue[][] {
  return csvGrid(text).map((row) => row.map(excelOpensCell));
}

function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",");
}

/** 「CSV (コンマ区切り)」: CP932, a ? for every character CP932 lacks (𠮷 → ?), CRLF. */
export function excelSavesShiftJis(grid: readonly ExcelValue[][]): Uint8Array {
  const text = grid.map((row) => csvLine(row.map(excelShows))).join("\r\n") + "\r\n";
  const lossy = [...text].map((c) => (canEncode(c, "cp932") ? c : "?")).join("");
  return encodeText(lossy, "cp932");
}

/** 「CSV UTF-8 (コンマ区切り)」: UTF-8 with a BOM, CRLF. */
export function excelSavesUtf8(grid: readonly ExcelValue[][]): Uint8Array {
  return new Uint8Array(Buffer.from("\uFEFF" + grid.map((row) => csvLine(row.map(excelShows))).join("\r\n") + "\r\n", "utf8"));
}

/** 「Excel ブック (*.xlsx)」: numbers as number cells, dates as date cells, the rest as text. */
export async function excelSavesXlsx(grid: readonly ExcelValue[][]): Promise<Uint8Array> {
  const data = grid.map((row) => row.map((value) => {
    if (typeof value === "number") return { value, type: Number };
    if (typeof value === "string") return value === "" ? null : { value, type: String };
    return { value: new Date(Date.UTC(value.date[0], value.date[1] - 1, value.date[2])), type: Date, format: "yyyy/m/d" };
  }));
  return new Uint8Array(await writeExcelFile(data as never).toBuffer());
}

/** Rows re-sorted by a column (the header and the rows above it stay), as Data → Sort does. */
export function sortBy(grid: readonly ExcelValue[][], headerRow: number, column: number, descending = true): ExcelValue[][] {
  const head = grid.slice(0, headerRow + 1);
  const body = grid.slice(headerRow + 1).filter((row) => row.some((cell) => excelShows(cell) !== ""));
  body.sort((a, b) => excelShows(a[column] ?? "").localeCompare(excelShows(b[column] ?? "")) * (descending ? -1 : 1));
  return [...head, ...body];
}
