import { deflatedZip, storedZip, workbookParts as parts } from "../hardening/zip.js";

/**
 * Small hostile workbooks for the server's hardening tests: a minimal .xlsx (inline strings, one sheet) around the
 * sheet XML given, stored or deflated, and a zip bomb (a sheet part that inflates far past its compressed size
 * while the directory claims a few bytes).
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The parts of a one-sheet workbook (test/hardening/zip.ts) around the sheet XML. */
const workbookParts = (sheetXml: string) => parts(sheetXml);

/** An inline-string cell. */
export const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The sheet XML of rows of cells (each row: its number and its cells' XML). */
export function sheet(rows: [number, string][]): string {
  return `<worksheet xmlns="${MAIN}"><sheetData>${rows.map(([r, cells]) => `<row r="${r}">${cells}</row>`).join("")}</sheetData></worksheet>`;
}

/** A minimal workbook, every part stored. */
export function workbook(sheetXml: string): Uint8Array {
  return storedZip(workbookParts(sheetXml));
}

/**
 * A zip bomb as a workbook: a roster header, then `inflated` bytes of spaces inside the sheet XML (deflate packs
 * them about 1000 to 1), while the directory claims the sheet is 100 bytes.
 */
export function zipBombWorkbook(inflated: number): Uint8Array {
  const head = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell("A1", "氏名")}</row>`;
  const tail = `</sheetData></worksheet>`;
  const xml = head + " ".repeat(inflated) + tail;
  return deflatedZip(workbookParts(xml), (name, size) => (name.endsWith("sheet1.xml") ? 100 : size));
}
