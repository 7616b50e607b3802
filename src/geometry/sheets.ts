import { msg } from "../messages/message.js";
import { SheetError } from "./sheet-error.js";
import { paperSize, type RectMm, type SizeMm } from "./units.js";

export { SheetError };

/**
 * Sheets (imposition) as data: where badges go on a page. Everything in mm, top-left origin.
 * A cell with no size takes the template's size; a sheet with no margins centres its grid;
 * a sheet with no page size is as big as its grid plus margins (for single badges with crop marks).
 */
export interface SheetSpec {
  name: string;
  description?: string;
  /** Page size, mm, or a paper name ("A4"). Omitted: grid + margins on every side. */
  page?: SizeMm | string;
  columns: number;
  rows: number;
  /** Cell size, mm. Omitted: the template's size. */
  cell?: SizeMm;
  /** Distance from one cell's left edge to the next, mm. Omitted: the cell width (gapless). */
  pitchX?: number;
  /** Distance from one cell's top edge to the next, mm. Omitted: the cell height (gapless). */
  pitchY?: number;
  /** Top margin, mm. Omitted: the grid is centred vertically. */
  marginTop?: number;
  /** Left margin, mm. Omitted: the grid is centred horizontally. */
  marginLeft?: number;
  /** Bleed around each cell, mm (one-per-page sheets only). */
  bleed?: number;
  /** Japanese crop marks and TrimBox/BleedBox around each cell (one-per-page sheets only). */
  cropMarks?: boolean;
}

/** A sheet with every number decided. */
export interface Sheet {
  name: string;
  description?: string;
  page: SizeMm;
  columns: number;
  rows: number;
  cell: SizeMm;
  pitchX: number;
  pitchY: number;
  marginTop: number;
  marginLeft: number;
  bleed: number;
  cropMarks: boolean;
}

/** Crop-mark allowance around a badge for page-less one-up sheets: 3 mm bleed + 10 mm marks + 2 mm. */
const MARK_ROOM = 15;

export const SHEET_PRESETS: Record<string, SheetSpec> = {
  "a4-10up": {
    name: "a4-10up",
    description: "A4, 10 business-card badges 91 × 55 mm (2 × 5), margins 11 mm top, 14 mm left, gapless (A-One 名刺 10面 type)",
    page: "A4",
    columns: 2,
    rows: 5,
    cell: { width: 91, height: 55 },
    marginTop: 11,
    marginLeft: 14,
  },
  "a4-8up-card": {
    name: "a4-8up-card",
    description: "A4, 8 ID-1 cards 85.6 × 54 mm (2 × 4), 10 mm gaps, centred",
    page: "A4",
    columns: 2,
    rows: 4,
    cell: { width: 85.6, height: 54 },
    pitchX: 95.6,
    pitchY: 64,
  },
  "a4-1up": {
    name: "a4-1up",
    description: "A4, one badge per page, centred (add --crop-marks for 3 mm bleed, Japanese crop marks, TrimBox/BleedBox)",
    page: "A4",
    columns: 1,
    rows: 1,
  },
  single: {
    name: "single",
    description: "One badge per page, the page just large enough for 3 mm bleed and crop marks (for a print shop)",
    columns: 1,
    rows: 1,
    bleed: 3,
    cropMarks: true,
  },
};

const EPSILON = 0.01;

/** A preset by name, or throws listing the presets. */
export function sheetPreset(name: string): SheetSpec {
  const preset = SHEET_PRESETS[name];
  if (!preset || !Object.hasOwn(SHEET_PRESETS, name)) throw new SheetError(msg("SHEET_UNKNOWN_PRESET", { name, presets: Object.keys(SHEET_PRESETS) }));
  return preset;
}

function positive(sheet: string, value: number | undefined, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw new SheetError(msg("SHEET_NOT_POSITIVE", { sheet, what, got: String(value) }));
  return value;
}

/** A number a sheet may leave out; when given it must be a finite number (a NaN or ∞ never reaches the PDF). */
function finiteOrUndefined(sheet: string, value: number | undefined, what: string): number | undefined {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) throw new SheetError(msg("SHEET_NOT_A_NUMBER", { sheet, what, got: String(value) }));
  return value;
}

/**
 * Decides every number of a sheet for a badge of `badge` size and checks that it fits:
 * the badge must fit the cell, the cells must not overlap, and the grid must fit the page.
 * Refusals name the numbers.
 */
export function resolveSheet(spec: SheetSpec, badge: SizeMm, options: { cropMarks?: boolean; bleed?: number } = {}): Sheet {
  const name = spec.name;
  const columns = Math.trunc(positive(name, spec.columns, "columns"));
  const rows = Math.trunc(positive(name, spec.rows, "rows"));
  for (const key of ["pitchX", "pitchY", "marginTop", "marginLeft", "bleed"] as const) finiteOrUndefined(name, spec[key], key);
  if (options.bleed !== undefined) finiteOrUndefined(name, options.bleed, "bleed");
  const oneUp = columns === 1 && rows === 1;
  const cropMarks = options.cropMarks ?? spec.cropMarks ?? false;
  if (cropMarks && !oneUp) {
    throw new SheetError(msg("SHEET_CROP_MARKS_ONE_UP", { sheet: name, columns, rows }));
  }
  const bleed = cropMarks ? (options.bleed ?? spec.bleed ?? 3) : 0;
  const cell = spec.cell ?? badge;
  positive(name, cell?.width, "cell width");
  positive(name, cell?.height, "cell height");
  if (badge.width > cell.width + EPSILON || badge.height > cell.height + EPSILON) {
    throw new SheetError(msg("SHEET_BADGE_TOO_BIG", { badgeWidth: badge.width, badgeHeight: badge.height, sheet: name, cellWidth: cell.width, cellHeight: cell.height }));
  }
  const pitchX = spec.pitchX ?? cell.width;
  const pitchY = spec.pitchY ?? cell.height;
  if (pitchX + EPSILON < cell.width || pitchY + EPSILON < cell.height) {
    throw new SheetError(msg("SHEET_PITCH_OVERLAP", { sheet: name, pitchX, pitchY, cellWidth: cell.width, cellHeight: cell.height }));
  }
  const gridWidth = (columns - 1) * pitchX + cell.width;
  const gridHeight = (rows - 1) * pitchY + cell.height;
  const room = cropMarks ? MARK_ROOM : 0;
  const page: SizeMm =
    spec.page === undefined
      ? { width: gridWidth + 2 * (spec.marginLeft ?? room), height: gridHeight + 2 * (spec.marginTop ?? room) }
      : typeof spec.page === "string"
        ? paperSize(spec.page)
        : { width: positive(name, spec.page?.width, "page width"), height: positive(name, spec.page?.height, "page height") };
  const marginLeft = spec.marginLeft ?? (page.width - gridWidth) / 2;
  const marginTop = spec.marginTop ?? (page.height - gridHeight) / 2;
  const needWidth = marginLeft + gridWidth + (cropMarks ? room : 0);
  const needHeight = marginTop + gridHeight + (cropMarks ? room : 0);
  if (marginLeft + EPSILON < (cropMarks ? room : 0) || marginTop + EPSILON < (cropMarks ? room : 0) || needWidth > page.width + EPSILON || needHeight > page.height + EPSILON) {
    throw new SheetError(
      msg("SHEET_TOO_BIG_FOR_PAGE", {
        sheet: name, pageWidth: page.width, pageHeight: page.height, columns, rows, cellWidth: cell.width, cellHeight: cell.height, pitchX, pitchY,
        marginLeft: round(marginLeft), marginTop: round(marginTop), ...(cropMarks ? { markRoom: room } : {}), needWidth: round(needWidth), needHeight: round(needHeight),
      }),
    );
  }
  return {
    name: spec.name,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    page,
    columns,
    rows,
    cell,
    pitchX,
    pitchY,
    marginTop,
    marginLeft,
    bleed,
    cropMarks,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface PlacementOptions {
  /** Shift right, mm, to correct a printer's feed (default 0). */
  offsetX?: number;
  /** Shift down, mm (default 0). */
  offsetY?: number;
  /** Scale the whole layout about the page centre (default 1), to correct a printer that shrinks or stretches. */
  scale?: number;
  /** Start at cell N (1-based, row by row) of the first page, to reuse a part-used sheet (default 1). */
  startAt?: number;
  /** Offsets for back pages, mm; default the front offsets. */
  backOffsetX?: number;
  backOffsetY?: number;
}

/** A badge's place: its rectangle on the page (after calibration) and the scale to draw it at. */
export interface CellRect extends RectMm {
  /** Cell number on the page, 0-based, row by row. */
  index: number;
  /** Scale to draw the badge at (the calibration scale). */
  scale: number;
}

function calibrate(rect: RectMm, sheet: Sheet, scale: number, offsetX: number, offsetY: number): RectMm {
  const cx = sheet.page.width / 2;
  const cy = sheet.page.height / 2;
  return {
    x: cx + (rect.x - cx) * scale + offsetX,
    y: cy + (rect.y - cy) * scale + offsetY,
    width: rect.width * scale,
    height: rect.height * scale,
  };
}

/** The uncalibrated rectangle of the badge in cell `index` (badge centred in its cell). */
function badgeRect(sheet: Sheet, index: number, badge: SizeMm): RectMm {
  const column = index % sheet.columns;
  const row = Math.floor(index / sheet.columns);
  return {
    x: sheet.marginLeft + column * sheet.pitchX + (sheet.cell.width - badge.width) / 2,
    y: sheet.marginTop + row * sheet.pitchY + (sheet.cell.height - badge.height) / 2,
    width: badge.width,
    height: badge.height,
  };
}

/**
 * The badge rectangles of one page, row by row, calibrated (offset, scale about the page centre).
 * With `startAt`, the cells before it are left out (the first page of a part-used sheet).
 * `badge` defaults to the cell size.
 */
/**
 * Refuses a calibrated badge (with its bleed) that would leave the page: printer calibration may move badges
 * within the page, never off it. The message names the numbers and the edge.
 */
function assertOnPage(rect: RectMm, sheet: Sheet, scale: number, offsetX: number, offsetY: number, index: number): void {
  const bleed = sheet.bleed * scale;
  const past: [string, number][] = [
    ["left", -(rect.x - bleed)],
    ["top", -(rect.y - bleed)],
    ["right", rect.x + rect.width + bleed - sheet.page.width],
    ["bottom", rect.y + rect.height + bleed - sheet.page.height],
  ];
  const [edge, distance] = past.reduce((worst, side) => (side[1] > worst[1] ? side : worst));
  if (distance > 1e-6) {
    throw new SheetError(
      msg("SHEET_OFF_PAGE", {
        offsetX, offsetY, scale, badge: index + 1, sheet: sheet.name, distance: distance.toFixed(1), edge, pageWidth: sheet.page.width, pageHeight: sheet.page.height,
      }),
    );
  }
}

/**
 * Refuses calibration that is not a number (NaN or ∞ from a typo such as --offset-x 1,5): it would reach the PDF.
 * The option names are the command line's, which is where such numbers come from.
 */
function checkPlacement(options: PlacementOptions): void {
  const scale = options.scale ?? 1;
  if (typeof scale !== "number" || !Number.isFinite(scale) || !(scale > 0)) throw new SheetError(msg("SHEET_BAD_SCALE", { got: String(scale) }));
  const offsets = [["--offset-x", options.offsetX], ["--offset-y", options.offsetY], ["--back-offset-x", options.backOffsetX], ["--back-offset-y", options.backOffsetY]] as const;
  for (const [option, value] of offsets) {
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) throw new SheetError(msg("SHEET_BAD_OFFSET", { option, got: String(value) }));
  }
}

export function cellRects(sheet: Sheet, options: PlacementOptions = {}, badge: SizeMm = sheet.cell): CellRect[] {
  checkPlacement(options);
  const scale = options.scale ?? 1;
  const perPage = sheet.columns * sheet.rows;
  const startAt = options.startAt ?? 1;
  if (!Number.isInteger(startAt) || startAt < 1 || startAt > perPage) {
    throw new SheetError(msg("SHEET_BAD_START_AT", { max: perPage, sheet: sheet.name, got: String(startAt) }));
  }
  const rects: CellRect[] = [];
  for (let index = startAt - 1; index < perPage; index++) {
    const rect = calibrate(badgeRect(sheet, index, badge), sheet, scale, options.offsetX ?? 0, options.offsetY ?? 0);
    assertOnPage(rect, sheet, scale, options.offsetX ?? 0, options.offsetY ?? 0, index);
    rects.push({ ...rect, index, scale });
  }
  return rects;
}

/**
 * Where the back of each badge goes, for duplex printing flipped on the long edge of a portrait
 * page (or the short edge of a landscape one): mirrored left-right, so each back lands behind its
 * front. Same order as `cellRects` (the nth back rect belongs to the nth front rect).
 */
export function backCellRects(sheet: Sheet, options: PlacementOptions = {}, badge: SizeMm = sheet.cell): CellRect[] {
  checkPlacement(options);
  const front = cellRects(sheet, { ...options, offsetX: 0, offsetY: 0, scale: 1 }, badge);
  const scale = options.scale ?? 1;
  const offsetX = options.backOffsetX ?? options.offsetX ?? 0;
  const offsetY = options.backOffsetY ?? options.offsetY ?? 0;
  return front.map((rect) => {
    const mirrored = { x: sheet.page.width - rect.x - rect.width, y: rect.y, width: rect.width, height: rect.height };
    const back = calibrate(mirrored, sheet, scale, offsetX, offsetY);
    assertOnPage(back, sheet, scale, offsetX, offsetY, rect.index);
    return { ...back, index: rect.index, scale };
  });
}

/** One page of badges: which badges (by position in the list) go in which rect. */
export interface PagePlan {
  side: "front" | "back";
  slots: Array<{ badge: number; rect: CellRect }>;
}

/**
 * Every page for `count` badges: fronts filled row by row from `startAt` on the first page, and
 * with `duplex`, each front page followed by its mirrored back page.
 */
export function planPages(count: number, sheet: Sheet, options: PlacementOptions & { duplex?: boolean } = {}, badge: SizeMm = sheet.cell): PagePlan[] {
  const pages: PagePlan[] = [];
  const firstFront = cellRects(sheet, options, badge);
  const firstBack = options.duplex ? backCellRects(sheet, options, badge) : [];
  const fullFront = cellRects(sheet, { ...options, startAt: 1 }, badge);
  const fullBack = options.duplex ? backCellRects(sheet, { ...options, startAt: 1 }, badge) : [];
  let next = 0;
  let first = true;
  while (next < count) {
    const front = first ? firstFront : fullFront;
    const back = first ? firstBack : fullBack;
    first = false;
    const take = Math.min(front.length, count - next);
    pages.push({ side: "front", slots: front.slice(0, take).map((rect, i) => ({ badge: next + i, rect })) });
    if (options.duplex) pages.push({ side: "back", slots: back.slice(0, take).map((rect, i) => ({ badge: next + i, rect })) });
    next += take;
  }
  return pages;
}
