/**
 * Cells of CSV files that people open in Excel.
 * A cell starting with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet programs
 * (CSV injection, OWASP); so is one starting with full-width ＝ ＋ － ＠, which Japanese input turns into its ASCII
 * form: such cells are written with a leading apostrophe, which Excel shows as text, and the apostrophe is removed
 * again when nafuda reads the file back.
 */
/** A value that is neutralised: a formula start, or apostrophes before one ('=x must come back as '=x, not =x). */
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r＝＋－＠]/;

export function neutralizeCell(value: string): string {
  return NEEDS_APOSTROPHE.test(value) ? `'${value}` : value;
}

/** The exact inverse of neutralizeCell: unneutralizeCell(neutralizeCell(v)) === v for every string. */
export function unneutralizeCell(value: string): string {
  return value.startsWith("'") && NEEDS_APOSTROPHE.test(value.slice(1)) ? value.slice(1) : value;
}

/** One CSV field: neutralised, then quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const safe = typeof value === "number" ? String(value) : neutralizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file for Japanese Excel: UTF-8 with a BOM (so Excel does not read it as Shift_JIS), CRLF. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return [...csvDocumentParts(rows)].join("");
}

/**
 * The same file in parts of about `rowsPerPart` rows, made as they are asked for: a sheet of 170,000 staff is
 * written without its whole text (or its grid of cells) in memory at once.
 */
export function* csvDocumentParts(rows: Iterable<readonly (string | number)[]>, rowsPerPart = 2000): Generator<string> {
  let part = "\uFEFF";
  let count = 0;
  for (const row of rows) {
    part += row.map(csvField).join(",") + "\r\n";
    if (++count % rowsPerPart === 0) {
      yield part;
      part = "";
    }
  }
  if (part !== "") yield part;
}
