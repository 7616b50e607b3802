/**
 * The error a roster or table file raises when it cannot be read at all (as opposed to a bad row,
 * which becomes a RowError and lets the other rows through). The message always says which file,
 * where in it when known, and what to do about it.
 */
export class RosterFileError extends Error {
  override readonly name = "RosterFileError";
  /** The file concerned, as given (a path, or the fileName passed with bytes). */
  readonly file: string;
  /** Data row number (1 = first row after the header), when the problem is in one row. */
  readonly row?: number;
  /** The column concerned, as its header is written, when one is. */
  readonly column?: string;

  constructor(
    file: string,
    message: string,
    where: { row?: number; column?: string; cause?: unknown } = {},
  ) {
    super(formatWhere(file, where.row, where.column) + message, where.cause !== undefined ? { cause: where.cause } : undefined);
    this.file = file;
    if (where.row !== undefined) this.row = where.row;
    if (where.column !== undefined) this.column = where.column;
  }
}

function formatWhere(file: string, row?: number, column?: string): string {
  const parts = [file, row !== undefined && row > 0 ? `row ${row}` : null, column ? `column ${column}` : null];
  return parts.filter((part): part is string => part !== null && part !== "").join(", ") + ": ";
}
