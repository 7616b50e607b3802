import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";
import { formatMessage, msg } from "../messages/message.js";
import { defaultLang } from "../messages/lang.js";
import { REVIEW_SHEET_PREAMBLE_ROWS, reviewSheetGrid, type ReviewRow, type ReviewSheetOptions } from "./review-sheet.js";
import { normalizeZipTimes } from "../io/zip.js";

/**
 * The review sheet as an Excel workbook (.xlsx), written with write-excel-file (small, typed cells, styles and
 * frozen panes, no native code; exceljs would add a large dependency tree for the same sheet). Every cell is a text
 * cell, so Excel cannot strip the zeros of 職員番号 or turn 1-2 into a date; the header is frozen, rows to check
 * are coloured, and a second tab explains what to do. It reads back as the confirmed readings file.
 */
export async function reviewSheetXlsx(rows: readonly ReviewRow[], options: ReviewSheetOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? defaultLang();
  const grid = reviewSheetGrid(rows, options);
  const header = REVIEW_SHEET_PREAMBLE_ROWS;
  const data: SheetData = grid.map((cells, index): Cell[] => {
    if (index < header) {
      return cells.map((value) => ({ value, type: String, ...(index === 0 ? { fontWeight: "bold" as const, fontSize: 14 } : { wrap: false }) }));
    }
    if (index === header) return cells.map((value) => ({ value, type: String, fontWeight: "bold" as const, backgroundColor: "#D9E2F3", borderStyle: "thin" as const }));
    const row = rows[index - header - 1]!;
    const fill = row.error !== undefined ? "#F8D7DA" : row.review ? "#FFF2CC" : undefined;
    return cells.map((value) => ({ value, type: String, ...(fill ? { backgroundColor: fill } : {}) }));
  });
  const help: SheetData = formatMessage(msg("SHEET_HELP_ROWS"), lang).split("\n").map((line) => [{ value: line, type: String }]);
  const widths = [8, 12, 16, 10, 14, 14, 10, 9, 60, 12, 12, 12, 10, 40];
  const buffer = await writeXlsxFile(
    [
      { data, sheet: formatMessage(msg("SHEET_TAB"), lang), columns: widths.map((width) => ({ width })), stickyRowsCount: header + 1 },
      { data: help, sheet: formatMessage(msg("SHEET_INSTRUCTIONS_TAB"), lang), columns: [{ width: 110 }] },
    ],
    { fontFamily: "Meiryo UI", fontSize: 11 },
  ).toBuffer();
  return normalizeZipTimes(new Uint8Array(buffer));
}
