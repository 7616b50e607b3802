import { SaxesParser } from "saxes";
import { readZipEntry, zipEntries, ZipFormatError, ZipPartTooLargeError, type ZipEntry } from "../io/zip.js";
import { formatBytes } from "../messages/general.js";
import { msg, type CodedMessage } from "../messages/message.js";
import type { TableLimits } from "./limits.js";

/**
 * A bounded reader for Excel workbooks (.xlsx). Only the parts the chosen sheet needs are inflated (workbook,
 * its relationships, shared strings, styles, that one sheet), each streamed through an XML parser (saxes) with
 * its size capped, so neither a zip bomb nor a sheet full of empty cells costs more than the limits say. Rows are
 * kept sparse, with the row number Excel shows, so a cell at XFD1048576 costs one cell, not a million rows.
 */

export interface SheetRow {
  /** The row as Excel numbers it (1-based). */
  sheetRow: number;
  /** The cells as Excel shows them by default; "" where empty. Never longer than the limits' maxColumns. */
  cells: string[];
  /** A limit this row broke (its cells are then not kept). */
  problem?: CodedMessage;
}

export interface WorkbookSheet {
  /** The sheet's name, as its tab shows it. */
  name: string;
  /** Every sheet's name, in the workbook's order. */
  sheets: string[];
  rows: SheetRow[];
}

/** Thrown with a catalogue message; read-table adds the file. */
export class XlsxError extends Error {
  override name = "XlsxError";
  constructor(readonly problem: CodedMessage, options?: { cause?: unknown }) {
    super(problem.code, options);
  }
}

const MAX_COLUMN = 16_384; // XFD
const MAX_ROW = 1_048_576;

export function readWorkbookSheet(bytes: Uint8Array, sheet: string | number | undefined, limits: TableLimits): WorkbookSheet {
  try {
    return readSheet(bytes, sheet, limits);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    if (error instanceof ZipPartTooLargeError) {
      throw new XlsxError(msg("TABLE_XLSX_TOO_LARGE_INFLATED", { part: error.part, limit: formatBytes(error.limit) }), { cause: error });
    }
    const detail = error instanceof ZipFormatError || error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error);
    throw new XlsxError(msg("TABLE_XLSX_DAMAGED", { detail }), { cause: error });
  }
}

function readSheet(bytes: Uint8Array, wanted: string | number | undefined, limits: TableLimits): WorkbookSheet {
  const { entries, count } = zipEntries(bytes, limits.xlsxMaxEntries);
  if (count > limits.xlsxMaxEntries) throw new XlsxError(msg("TABLE_XLSX_TOO_MANY_ENTRIES", { count, limit: limits.xlsxMaxEntries }));
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.replace(/^\/+/, "").toLowerCase(), entry);
  const part = (name: string) => byName.get(name.replace(/^\/+/, "").toLowerCase());
  const xml = (name: string, handlers: XmlHandlers) => {
    const entry = part(name);
    if (!entry) return false;
    parseXmlPart(bytes, entry, partLimit(entry, limits), handlers);
    return true;
  };

  // The workbook: where it is (package relationships), its sheets, its date system.
  let workbookPath = "xl/workbook.xml";
  xml("_rels/.rels", {
    open(name, attrs) {
      if (name === "Relationship" && /\/officeDocument$/.test(attrs.Type ?? "") && attrs.Target) workbookPath = resolvePath("", attrs.Target);
    },
  });
  const folder = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1) : "";
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  const found = xml(workbookPath, {
    open(name, attrs) {
      if (name === "sheet" && sheets.length < limits.xlsxMaxEntries) sheets.push({ name: attrs.name ?? "", rid: attrs["r:id"] ?? attrs.id ?? "" });
      if (name === "workbookPr" && (attrs.date1904 === "1" || attrs.date1904 === "true")) date1904 = true;
    },
  });
  if (!found) throw new XlsxError(msg("TABLE_XLSX_DAMAGED", { detail: "no workbook part" }));
  const targets = new Map<string, string>();
  let sharedStringsPath: string | null = null;
  let stylesPath: string | null = null;
  xml(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`, {
    open(name, attrs) {
      if (name !== "Relationship" || !attrs.Target) return;
      const target = resolvePath(folder, attrs.Target);
      if (attrs.Id) targets.set(attrs.Id, target);
      if (/\/sharedStrings$/.test(attrs.Type ?? "")) sharedStringsPath = target;
      if (/\/styles$/.test(attrs.Type ?? "")) stylesPath = target;
    },
  });

  const names = sheets.map((s) => s.name);
  if (sheets.length === 0) throw new XlsxError(msg("TABLE_XLSX_NO_SHEETS"));
  let chosen: { name: string; rid: string } | undefined;
  if (wanted === undefined) chosen = sheets[0];
  else if (typeof wanted === "number") {
    chosen = Number.isInteger(wanted) && wanted >= 1 ? sheets[wanted - 1] : undefined;
    if (!chosen) throw new XlsxError(msg("TABLE_XLSX_NO_SHEET_NUMBER", { number: wanted, count: sheets.length, sheets: names }));
  } else {
    const key = (s: string) => s.normalize("NFKC").trim().toLowerCase();
    chosen = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => key(s.name) === key(wanted));
    if (!chosen) throw new XlsxError(msg("TABLE_XLSX_NO_SHEET_NAMED", { name: wanted, sheets: names }));
  }
  const sheetPath = targets.get(chosen!.rid) ?? `${folder}worksheets/sheet${sheets.indexOf(chosen!) + 1}.xml`;

  const dateStyles = stylesPath ? readDateStyles(bytes, part(stylesPath), limits) : new Set<number>();
  const strings = sharedStringsPath ? readSharedStrings(bytes, part(sharedStringsPath), limits) : [];
  const sheetEntry = part(sheetPath);
  if (!sheetEntry) throw new XlsxError(msg("TABLE_XLSX_DAMAGED", { detail: `no part ${sheetPath}` }));
  const rows = readRows(bytes, sheetEntry, strings, dateStyles, date1904, limits);
  return { name: chosen!.name, sheets: names, rows };
}

/** How far a part may inflate: its share of the allowance and ratio, never past xlsxMaxPartBytes. */
function partLimit(entry: ZipEntry, limits: TableLimits): number {
  return Math.min(limits.xlsxMaxPartBytes, limits.xlsxInflationAllowance + entry.compressedSize * limits.xlsxMaxInflationRatio);
}

/** A target of a relationship, relative to `folder` ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/…"). */
function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const piece of parts) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

// ---------------------------------------------------------------------------------------------
// XML parts, streamed

interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

function parseXmlPart(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  const { open, text, close } = handlers;
  if (open) {
    parser.on("opentag", (tag) => {
      const attrs: Record<string, string> = {};
      for (const [key, value] of Object.entries(tag.attributes as Record<string, string>)) {
        attrs[key === "r:id" ? key : localName(key)] = value;
        if (key.endsWith(":id") && key !== "r:id") attrs["r:id"] ??= value;
      }
      open(localName(tag.name), attrs);
    });
  }
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  parser.on("error", (error) => {
    throw error;
  });
  const decoder = new TextDecoder("utf-8");
  readZipEntry(bytes, entry, maxBytes, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
  parser.write(decoder.decode());
  parser.close();
}

/** Number formats that show a date: Excel's built-in ids, and custom codes with y, m, d outside quotes and brackets. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/i.test(bare) && !/general/i.test(bare);
}

function readDateStyles(bytes: Uint8Array, entry: ZipEntry | undefined, limits: TableLimits): Set<number> {
  const dates = new Set<number>();
  if (!entry) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let xfIndex = 0;
  parseXmlPart(bytes, entry, partLimit(entry, limits), {
    open(name, attrs) {
      if (name === "numFmt" && isDateFormatCode(attrs.formatCode ?? "")) customDates.add(Number(attrs.numFmtId));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDates.has(id)) dates.add(xfIndex);
        xfIndex++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}

/** The shared strings' text (rich text runs joined; the phonetic guide, <rPh>, left out). */
function readSharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, limits: TableLimits): string[] {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parseXmlPart(bytes, entry, partLimit(entry, limits), {
    open(name) {
      if (name === "si") {
        if (strings.length >= limits.maxCells) throw new XlsxError(msg("TABLE_TOO_MANY_CELLS", { limit: limits.maxCells }));
        current = "";
      } else if (name === "rPh") inPhonetic = true;
      else if (name === "t") inText = true;
    },
    text(text) {
      if (inText && !inPhonetic && current !== null && current.length <= limits.maxCellChars) current += text;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") {
        strings.push(current ?? "");
        current = null;
      }
    },
  });
  return strings;
}

/** "B12" → [2, 12]; null when it is no cell Excel can have. */
function cellRef(ref: string): [number, number] | null {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return column <= MAX_COLUMN && row >= 1 && row <= MAX_ROW ? [column, row] : null;
}

function readRows(
  bytes: Uint8Array, entry: ZipEntry, strings: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean, limits: TableLimits,
): SheetRow[] {
  const rows: SheetRow[] = [];
  let rowNumber = 0;
  let rowElements = 0;
  let cellElements = 0;
  let cells: string[] = [];
  let problem: CodedMessage | undefined;
  let nextColumn = 1;
  // The cell being read.
  let column = 0;
  let type = "";
  let style = 0;
  let value = "";
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let inCell = false;

  const endRow = () => {
    let width = cells.length;
    while (width > 0 && cells[width - 1] === "") width--;
    if (width > 0 || problem) rows.push(problem ? { sheetRow: rowNumber, cells: [], problem } : { sheetRow: rowNumber, cells: cells.slice(0, width) });
  };

  parseXmlPart(bytes, entry, partLimit(entry, limits), {
    open(name, attrs) {
      if (name === "row") {
        if (++rowElements > limits.maxRows + 100) throw new XlsxError(msg("TABLE_TOO_MANY_ROWS", { limit: limits.maxRows }));
        const r = attrs.r !== undefined ? Number(attrs.r) : rowNumber + 1;
        if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) throw new XlsxError(msg("TABLE_XLSX_BAD_CELL", { ref: `row ${attrs.r}` }));
        rowNumber = r;
        cells = [];
        problem = undefined;
        nextColumn = 1;
      } else if (name === "c") {
        if (++cellElements > limits.maxCells) throw new XlsxError(msg("TABLE_TOO_MANY_CELLS", { limit: limits.maxCells }));
        if (attrs.r !== undefined) {
          const ref = cellRef(attrs.r);
          if (!ref) throw new XlsxError(msg("TABLE_XLSX_BAD_CELL", { ref: attrs.r.slice(0, 40) }));
          column = ref[0];
        } else column = nextColumn;
        nextColumn = column + 1;
        type = attrs.t ?? "n";
        style = Number(attrs.s ?? 0);
        value = "";
        inCell = true;
      } else if (inCell && (name === "v" || (name === "t" && inInline && !inPhonetic))) inValue = true;
      else if (name === "is") inInline = true;
      else if (name === "rPh") inPhonetic = true;
    },
    text(text) {
      if (inValue && value.length <= limits.maxCellChars) value += text;
    },
    close(name) {
      if (name === "v" || name === "t") inValue = false;
      else if (name === "is") inInline = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "c") {
        inCell = false;
        const shown = cellText(type, value, style, strings, dateStyles, date1904);
        if (shown === "" || problem) return;
        if (column > limits.maxColumns) problem = msg("ROW_TOO_WIDE", { limit: limits.maxColumns });
        else if (shown.length > limits.maxCellChars) problem = msg("ROW_CELL_TOO_LONG", { length: shown.length, limit: limits.maxCellChars });
        else {
          while (cells.length < column - 1) cells.push("");
          cells[column - 1] = shown;
        }
      } else if (name === "row") endRow();
    },
  });
  return rows;
}

function cellText(type: string, value: string, style: number, strings: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean): string {
  switch (type) {
    case "s": {
      const index = Number(value);
      return Number.isInteger(index) ? (strings[index] ?? "") : "";
    }
    case "inlineStr":
    case "str":
    case "e":
      return value;
    case "b":
      return value === "1" || value.toLowerCase() === "true" ? "TRUE" : value === "" ? "" : "FALSE";
    case "d":
      return value.replace(/T00:00(:00(\.0+)?)?Z?$/, "");
    default: {
      if (value.trim() === "") return "";
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      return dateStyles.has(style) ? excelDate(number, date1904) : formatNumber(number);
    }
  }
}

/** A number as Excel shows it in the General format: integers without ".0", at most 15 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** An Excel date serial as YYYY-MM-DD (with HH:MM when it has a time of day). */
function excelDate(serial: number, date1904: boolean): string {
  // 1900 system: serial 25569 is 1970-01-01 (Excel counts the non-existent 1900-02-29, hence 25569, not 25568).
  const days = date1904 ? serial + 1462 : serial;
  const ms = Math.round((days - 25569) * 86_400_000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return formatNumber(serial);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 ? ` ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : "";
  return day + time;
}
