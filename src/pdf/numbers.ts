import { msg, NafudaError } from "../messages/message.js";

/**
 * A number as content-stream operators write it: rounded to 1/1000, no "-0". Never "NaN" or "Infinity" (a viewer
 * would refuse the page or draw it anywhere): such a number is refused (PDF_NOT_FINITE). The inputs are checked
 * where they come in (template, sheet, calibration, background boxes); this is the last guard.
 * (Here, not in deterministic.ts, so that code writing PDF text needs no pdf-lib.)
 */
export function pdfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new NafudaError(msg("PDF_NOT_FINITE", { got: String(value) }));
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}
