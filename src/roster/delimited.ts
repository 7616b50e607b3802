import { msg, type CodedMessage } from "../messages/message.js";
import type { TableLimits } from "./limits.js";

/**
 * Delimited text (CSV, TSV) as Excel reads it, in one linear pass: a record ends at CRLF, LF or CR outside quotes;
 * a field that starts with " runs to the closing " ("" is a quote), text after the closing quote is kept (Excel
 * reads "ab"c as abc), and a quote inside an unquoted field is an ordinary character. Each record keeps the line
 * it starts on; its index + 1 is the row Excel shows.
 */
export interface DelimitedRecord {
  /** The row Excel shows for the record: its index + 1. */
  sheetRow: number;
  /** The physical line the record starts on (1-based). */
  line: number;
  cells: string[];
  /** A limit this record broke (its cells are then not kept). */
  problem?: CodedMessage;
}

export class DelimitedError extends Error {
  override name = "DelimitedError";
  constructor(readonly problem: CodedMessage) {
    super(problem.code);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function parseDelimited(text: string, delimiter: "," | "\t", limits: TableLimits): DelimitedRecord[] {
  const separator = delimiter.charCodeAt(0);
  const records: DelimitedRecord[] = [];
  const length = text.length;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let cells = 0;
  while (at < length) {
    const startLine = line;
    const record: string[] = [];
    let problem: CodedMessage | undefined;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(at) === QUOTE) {
        // Quoted field: runs to the closing quote; "" inside is one quote.
        const openedOn = line;
        let pieces = "";
        let from = at + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw new DelimitedError(msg("TABLE_CSV_QUOTE_NOT_CLOSED", { line: openedOn }));
          line += countBreaks(text, from, close);
          pieces += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            pieces += '"';
            from = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        // Text after the closing quote, up to the separator, belongs to the field.
        const rest = scanUnquoted(text, at, separator);
        value = rest.end > at ? pieces + text.slice(at, rest.end) : pieces;
        at = rest.end;
      } else {
        const rest = scanUnquoted(text, at, separator);
        value = text.slice(at, rest.end);
        at = rest.end;
      }
      if (!problem) {
        if (value.length > limits.maxCellChars) problem = msg("ROW_CELL_TOO_LONG", { length: value.length, limit: limits.maxCellChars });
        else if (record.length >= limits.maxColumns) {
          if (value.trim() !== "") problem = msg("ROW_TOO_WIDE", { limit: limits.maxColumns });
        } else record.push(value);
      }
      const code = text.charCodeAt(at);
      if (code === separator) {
        at++;
      } else {
        endOfRecord = true;
        if (code === CR) at += text.charCodeAt(at + 1) === LF ? 2 : 1;
        else if (code === LF) at++;
        line++;
      }
    }
    cells += record.length;
    if (cells > limits.maxCells) throw new DelimitedError(msg("TABLE_TOO_MANY_CELLS", { limit: limits.maxCells }));
    if (records.length > limits.maxRows + 100) throw new DelimitedError(msg("TABLE_TOO_MANY_ROWS", { limit: limits.maxRows }));
    const sheetRow = records.length + 1;
    records.push(problem ? { sheetRow, line: startLine, cells: [], problem } : { sheetRow, line: startLine, cells: record });
  }
  return records;
}

/** The end of an unquoted stretch: the next separator, CR or LF (or the end of the text). */
function scanUnquoted(text: string, from: number, separator: number): { end: number } {
  let at = from;
  const length = text.length;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code === separator || code === CR || code === LF) break;
    at++;
  }
  return { end: at };
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === LF) breaks++;
    else if (code === CR && text.charCodeAt(at + 1) !== LF) breaks++;
  }
  return breaks;
}
