/**
 * The calibration sheet's geometry (nafuda calibrate, issue 13), in mm from the page's top-left: the cells of a sheet
 * where nafuda would print them (with the calibration given, so that a second print checks it), a target at every
 * cell corner, and a ruler from the first to the last corner of the top row whose length is known. The numbers the
 * user compares with are the uncalibrated ones: the top-left corner's distance from the paper's edges and the
 * ruler's length. Pure: no PDF here (src/badges/calibrate.ts draws it).
 */
import { cellRects, type CellRect, type PlacementOptions, type Sheet } from "./sheets.js";
import type { SizeMm } from "./units.js";

export interface Point {
  x: number;
  y: number;
}

export interface CalibrationLayout {
  /** Every cell of the sheet, calibrated. */
  cells: CellRect[];
  /** A target at every distinct cell corner, calibrated; the first is the top-left one. */
  targets: Point[];
  /** The ruler from A (the top-left corner) to B (the top row's right end), calibrated, with its nominal length. */
  ruler: { a: Point; b: Point; length: number };
  /** What the user measures against: the top-left corner's distance from the left and top edges, uncalibrated. */
  expected: { x: number; y: number };
  /** The ruler's ticks: every millimetre, with its nominal distance from A. */
  ticks: Array<Point & { mm: number }>;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The calibration sheet of `sheet` for badges of `badge` size, with the placement the user is trying out. */
export function calibrationLayout(sheet: Sheet, badge: SizeMm, placement: PlacementOptions = {}): CalibrationLayout {
  const options = { offsetX: placement.offsetX ?? 0, offsetY: placement.offsetY ?? 0, scale: placement.scale ?? 1, startAt: 1 };
  const cells = cellRects(sheet, options, badge);
  const nominal = cellRects(sheet, { startAt: 1 }, badge);
  const corners = new Map<string, Point>();
  for (const cell of cells) {
    for (const [x, y] of [
      [cell.x, cell.y],
      [cell.x + cell.width, cell.y],
      [cell.x, cell.y + cell.height],
      [cell.x + cell.width, cell.y + cell.height],
    ] as const) {
      const key = `${round(x)},${round(y)}`;
      if (!corners.has(key)) corners.set(key, { x: round(x), y: round(y) });
    }
  }
  const targets = [...corners.values()].sort((p, q) => p.y - q.y || p.x - q.x);
  const first = cells[0]!;
  const topRow = cells.filter((cell) => Math.abs(cell.y - first.y) < 1e-6);
  const last = topRow[topRow.length - 1]!;
  const a = { x: first.x, y: first.y };
  const b = { x: last.x + last.width, y: first.y };
  const nominalFirst = nominal[0]!;
  const nominalLast = nominal.filter((cell) => Math.abs(cell.y - nominalFirst.y) < 1e-6).at(-1)!;
  const length = round(nominalLast.x + nominalLast.width - nominalFirst.x);
  const ticks: CalibrationLayout["ticks"] = [];
  for (let mm = 0; mm <= Math.floor(length + 1e-9); mm++) ticks.push({ x: a.x + ((b.x - a.x) * mm) / length, y: a.y, mm });
  return { cells, targets, ruler: { a, b, length }, expected: { x: round(nominalFirst.x), y: round(nominalFirst.y) }, ticks };
}
