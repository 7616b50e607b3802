/**
 * The bounds every table (roster, facility list, confirmed readings) is read within, checked before the work
 * starts so that no file, however made, costs more than these. Generous for real work: a roster of 200,000 staff
 * with 100 columns fits every one. Documented in the README (Limits).
 */
export interface TableLimits {
  /** Size of the file as given (CSV, JSON, or the XLSX zip itself). */
  maxFileBytes: number;
  /** Data rows (after the header). */
  maxRows: number;
  /** Columns of the header (and distinct keys of a JSON table). */
  maxColumns: number;
  /** Rows × columns. */
  maxCells: number;
  /** Characters in one cell: Excel's own limit. */
  maxCellChars: number;
  /** Parts (entries) in an XLSX zip. */
  xlsxMaxEntries: number;
  /** Size of one XLSX part once inflated (only the parts the workbook uses are inflated at all). */
  xlsxMaxPartBytes: number;
  /**
   * How many times its compressed size a part may inflate to, beyond the first xlsxInflationAllowance bytes: real
   * sheets compress 5–30 times, a zip bomb a thousand times.
   */
  xlsxMaxInflationRatio: number;
  xlsxInflationAllowance: number;
}

export const DEFAULT_TABLE_LIMITS: Readonly<TableLimits> = Object.freeze({
  maxFileBytes: 256 * 1024 * 1024,
  maxRows: 500_000,
  maxColumns: 1_000,
  maxCells: 20_000_000,
  maxCellChars: 32_767,
  xlsxMaxEntries: 10_000,
  xlsxMaxPartBytes: 512 * 1024 * 1024,
  xlsxMaxInflationRatio: 100,
  xlsxInflationAllowance: 32 * 1024 * 1024,
});

export function tableLimits(overrides: Partial<TableLimits> | undefined): TableLimits {
  return { ...DEFAULT_TABLE_LIMITS, ...overrides };
}
