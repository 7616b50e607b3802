import type { PDFPage } from "pdf-lib";
import { mmToPt, outsetRect, type RectMm, type RectPt } from "../geometry/units.js";
import { pdfNumber } from "./numbers.js";

/**
 * Print-shop geometry: bleed (塗り足し), crop marks (トンボ) and the PDF page boxes.
 * The geometry is pure and in millimetres, top-left origin; only `setPrintBoxes` and
 * `linesToContent` touch PDF.
 */

/** The usual bleed: 3 mm on every side. */
export const DEFAULT_BLEED_MM = 3;

/** A straight line in mm, top-left origin. */
export interface LineMm {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface CropMarkOptions {
  /** Bleed in mm (default 3). The marks start beyond it. */
  bleed?: number;
  /** Length of each mark beyond the bleed, mm (default 10). */
  length?: number;
  /** "japanese": double lines (trim and bleed) at the corners; "western": single trim lines. Default japanese. */
  style?: "japanese" | "western";
  /** Centre marks (センタートンボ) on each side (default true). */
  centre?: boolean;
}

/** Space a page needs around the trim for bleed plus marks, mm. */
export function cropMarkMargin(options: CropMarkOptions = {}): number {
  return (options.bleed ?? DEFAULT_BLEED_MM) + (options.length ?? 10);
}

/** The bleed box: the trim grown by the bleed on every side. */
export function bleedRect(trim: RectMm, bleed = DEFAULT_BLEED_MM): RectMm {
  return outsetRect(trim, bleed);
}

/**
 * Crop marks around `trim`. Every line lies outside the bleed box: nothing reaches the printed area.
 *
 * Japanese corner marks (per corner): the trim line and the bleed line in each direction.
 * The outer (bleed) line runs from the far end to the trim line's position, the inner (trim)
 * line from the far end to the bleed edge, so the two pairs meet in the familiar double-L.
 * Western corner marks: the trim line only, starting just beyond the bleed.
 * Centre marks: a line on each side's centre axis, crossed by a short line parallel to the side.
 */
export function cropMarkLines(trim: RectMm, options: CropMarkOptions = {}): LineMm[] {
  const bleed = options.bleed ?? DEFAULT_BLEED_MM;
  const length = options.length ?? 10;
  const style = options.style ?? "japanese";
  const left = trim.x;
  const right = trim.x + trim.width;
  const top = trim.y;
  const bottom = trim.y + trim.height;
  const lines: LineMm[] = [];
  const corners: Array<{ x: number; y: number; sx: -1 | 1; sy: -1 | 1 }> = [
    { x: left, y: top, sx: -1, sy: -1 },
    { x: right, y: top, sx: 1, sy: -1 },
    { x: left, y: bottom, sx: -1, sy: 1 },
    { x: right, y: bottom, sx: 1, sy: 1 },
  ];
  for (const { x, y, sx, sy } of corners) {
    const bleedX = x + sx * bleed;
    const bleedY = y + sy * bleed;
    const farX = x + sx * (bleed + length);
    const farY = y + sy * (bleed + length);
    if (style === "japanese") {
      // Inner marks on the trim lines, stopping at the bleed edge.
      lines.push({ x1: farX, y1: y, x2: bleedX, y2: y });
      lines.push({ x1: x, y1: farY, x2: x, y2: bleedY });
      // Outer marks on the bleed lines, reaching to the trim position.
      lines.push({ x1: farX, y1: bleedY, x2: x, y2: bleedY });
      lines.push({ x1: bleedX, y1: farY, x2: bleedX, y2: y });
    } else {
      lines.push({ x1: farX, y1: y, x2: bleedX, y2: y });
      lines.push({ x1: x, y1: farY, x2: x, y2: bleedY });
    }
  }
  if (options.centre ?? true) {
    const cx = trim.x + trim.width / 2;
    const cy = trim.y + trim.height / 2;
    const half = Math.min(length / 2, 5);
    const crossAt = bleed + length / 2;
    // top and bottom
    for (const sy of [-1, 1] as const) {
      const edge = sy < 0 ? top : bottom;
      lines.push({ x1: cx, y1: edge + sy * bleed, x2: cx, y2: edge + sy * (bleed + length) });
      lines.push({ x1: cx - half, y1: edge + sy * crossAt, x2: cx + half, y2: edge + sy * crossAt });
    }
    // left and right
    for (const sx of [-1, 1] as const) {
      const edge = sx < 0 ? left : right;
      lines.push({ x1: edge + sx * bleed, y1: cy, x2: edge + sx * (bleed + length), y2: cy });
      lines.push({ x1: edge + sx * crossAt, y1: cy - half, x2: edge + sx * crossAt, y2: cy + half });
    }
  }
  return lines;
}

/**
 * Cut guides for a multi-up sheet: short ticks in the page margins on every cell edge, never
 * inside `printed` (the union of the cells). Each tick runs from `gap` mm outside the printed
 * area towards the page edge, `length` mm long (clipped to the page).
 */
export function cutGuideLines(
  cells: readonly RectMm[],
  page: { width: number; height: number },
  options: { length?: number; gap?: number } = {},
): LineMm[] {
  if (cells.length === 0) return [];
  const length = options.length ?? 6;
  const gap = options.gap ?? 1;
  const minX = Math.min(...cells.map((c) => c.x));
  const minY = Math.min(...cells.map((c) => c.y));
  const maxX = Math.max(...cells.map((c) => c.x + c.width));
  const maxY = Math.max(...cells.map((c) => c.y + c.height));
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const xs = [...new Set(cells.flatMap((c) => [round(c.x), round(c.x + c.width)]))].sort((a, b) => a - b);
  const ys = [...new Set(cells.flatMap((c) => [round(c.y), round(c.y + c.height)]))].sort((a, b) => a - b);
  const lines: LineMm[] = [];
  const topEnd = minY - gap;
  const bottomStart = maxY + gap;
  for (const x of xs) {
    if (topEnd > 0) lines.push({ x1: x, y1: Math.max(0, topEnd - length), x2: x, y2: topEnd });
    if (bottomStart < page.height) lines.push({ x1: x, y1: bottomStart, x2: x, y2: Math.min(page.height, bottomStart + length) });
  }
  const leftEnd = minX - gap;
  const rightStart = maxX + gap;
  for (const y of ys) {
    if (leftEnd > 0) lines.push({ x1: Math.max(0, leftEnd - length), y1: y, x2: leftEnd, y2: y });
    if (rightStart < page.width) lines.push({ x1: rightStart, y1: y, x2: Math.min(page.width, rightStart + length), y2: y });
  }
  return lines;
}

/** Hairline for marks: 0.1 mm. */
export const MARK_LINE_WIDTH_MM = 0.1;

const num = pdfNumber;

/**
 * Content-stream operators stroking `lines` (mm, top-left origin) on a page `pageHeightMm` tall.
 * `colour` is an operator string that sets the stroke colour; the default is registration colour
 * (all inks) when the page's resources define `/CSReg` (see `registrationColourSpace`), else
 * 100% of every CMYK ink.
 */
export function linesToContent(
  lines: readonly LineMm[],
  pageHeightMm: number,
  options: { lineWidthMm?: number; strokeColour?: string } = {},
): string {
  if (lines.length === 0) return "";
  const parts: string[] = ["q", `${num(mmToPt(options.lineWidthMm ?? MARK_LINE_WIDTH_MM))} w`, "0 J", options.strokeColour ?? "1 1 1 1 K"];
  for (const line of lines) {
    parts.push(
      `${num(mmToPt(line.x1))} ${num(mmToPt(pageHeightMm - line.y1))} m ${num(mmToPt(line.x2))} ${num(mmToPt(pageHeightMm - line.y2))} l S`,
    );
  }
  parts.push("Q");
  return parts.join("\n") + "\n";
}

export interface PrintBoxes {
  mediaBox: RectPt;
  bleedBox?: RectPt;
  trimBox?: RectPt;
}

/** Sets MediaBox (and CropBox to match), BleedBox and TrimBox on a page, all in pt. */
export function setPrintBoxes(page: PDFPage, boxes: PrintBoxes): void {
  const { mediaBox, bleedBox, trimBox } = boxes;
  for (const box of [mediaBox, bleedBox, trimBox]) if (box) [box.x, box.y, box.width, box.height].forEach(pdfNumber); // refuses NaN and ∞
  page.setMediaBox(mediaBox.x, mediaBox.y, mediaBox.width, mediaBox.height);
  page.node.delete(page.node.context.obj("CropBox")); // PDFName.of("CropBox"), without loading pdf-lib here
  if (bleedBox) page.setBleedBox(bleedBox.x, bleedBox.y, bleedBox.width, bleedBox.height);
  if (trimBox) page.setTrimBox(trimBox.x, trimBox.y, trimBox.width, trimBox.height);
}
