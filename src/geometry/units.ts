import { msg } from "../messages/message.js";
import { SheetError } from "./sheet-error.js";

/**
 * Units and paper sizes. All nafuda geometry is in millimetres; points appear only where PDF is written.
 * 1 pt = 1/72 inch = 25.4/72 mm.
 */

export const MM_PER_PT = 25.4 / 72;
export const PT_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

export function ptToMm(pt: number): number {
  return (pt * 25.4) / 72;
}

/** A width × height in millimetres. */
export interface SizeMm {
  width: number;
  height: number;
}

/** A rectangle in millimetres, measured from the top-left corner of its page (y grows downwards). */
export interface RectMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** ISO 216 A and JIS P 0138 B series, plus common Japanese card sizes; portrait, in mm. */
export const PAPER_SIZES = {
  A0: { width: 841, height: 1189 },
  A1: { width: 594, height: 841 },
  A2: { width: 420, height: 594 },
  A3: { width: 297, height: 420 },
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  A6: { width: 105, height: 148 },
  B1: { width: 728, height: 1030 },
  B2: { width: 515, height: 728 },
  B3: { width: 364, height: 515 },
  B4: { width: 257, height: 364 },
  B5: { width: 182, height: 257 },
  B6: { width: 128, height: 182 },
  /** 名刺 4号 (Japanese business card). */
  MEISHI: { width: 91, height: 55 },
  /** ISO/IEC 7810 ID-1 (credit card, staff ID card). */
  ID1: { width: 85.6, height: 53.98 },
} as const satisfies Record<string, SizeMm>;

export type PaperName = keyof typeof PAPER_SIZES;

/** A paper size by name (case-insensitive), turned to landscape when asked; a SheetError (SHEET_UNKNOWN_PAPER) names the known ones. */
export function paperSize(name: string, orientation: "portrait" | "landscape" = "portrait"): SizeMm {
  const key = name.toUpperCase();
  const size: SizeMm | undefined = Object.hasOwn(PAPER_SIZES, key) ? PAPER_SIZES[key as PaperName] : undefined;
  if (!size) throw new SheetError(msg("SHEET_UNKNOWN_PAPER", { name, papers: Object.keys(PAPER_SIZES) }));
  return orientation === "landscape" ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/** A rectangle grown by `by` mm on every side (negative shrinks). */
export function outsetRect(rect: RectMm, by: number): RectMm {
  return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}

/** A PDF rectangle in points, origin bottom-left of the page (y grows upwards). */
export interface RectPt {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Converts a top-left-origin mm rectangle on a page of `pageHeightMm` to a PDF (bottom-left origin) rectangle in pt. */
export function rectMmToPdf(rect: RectMm, pageHeightMm: number): RectPt {
  return {
    x: mmToPt(rect.x),
    y: mmToPt(pageHeightMm - rect.y - rect.height),
    width: mmToPt(rect.width),
    height: mmToPt(rect.height),
  };
}
