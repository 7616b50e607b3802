import { paperSize, type RectMm, type SizeMm } from "./units.js";

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

/** Raised when a sheet cannot hold the template or the numbers do not add up; the message has the numbers. */
export class SheetError extends Error {
  override name = "SheetError";
}

const EPSILON = 0.01;

/** A preset by name, or throws listing the presets. */
export function sheetPreset(name: string): SheetSpec {
  const preset = SHEET_PRESETS[name];
  if (!preset) throw new SheetError(`Unknown sheet "${name}"; presets: ${Object.keys(SHEET_PRESETS).join(", ")}`);
  return preset;
}

function positive(value: number, what: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new SheetError(`${what} must be a positive number (got ${value})`);
  return value;
}

/**
 * Decides every number of a sheet for a badge of `badge` size and checks that it fits:
 * the badge must fit the cell, the cells must not overlap, and the grid must fit the page.
 * Refusals name the numbers.
 */
export function resolveSheet(spec: SheetSpec, badge: SizeMm, options: { cropMarks?: boolean; bleed?: number } = {}): Sheet {
  const columns = Math.trunc(positive(spec.columns, `${spec.name}: columns`));
  const rows = Math.trunc(positive(spec.rows, `${spec.name}: rows`));
  const oneUp = columns === 1 && rows === 1;
  const cropMarks = options.cropMarks ?? spec.cropMarks ?? false;
  if (cropMarks && !oneUp) {
    throw new SheetError(
      `${spec.name}: crop marks need one badge per page (cells of a ${columns} × ${rows} sheet have no room for bleed and marks); use --sheet a4-1up or single, or cut guides`,
    );
  }
  const bleed = cropMarks ? (options.bleed ?? spec.bleed ?? 3) : 0;
  const cell = spec.cell ?? badge;
  positive(cell.width, `${spec.name}: cell width`);
  positive(cell.height, `${spec.name}: cell height`);
  if (badge.width > cell.width + EPSILON || badge.height > cell.height + EPSILON) {
    throw new SheetError(
      `The badge is ${badge.width} × ${badge.height} mm but sheet ${spec.name} has cells of ${cell.width} × ${cell.height} mm: it does not fit. Choose a template of that size or another sheet.`,
    );
  }
  const pitchX = spec.pitchX ?? cell.width;
  const pitchY = spec.pitchY ?? cell.height;
  if (pitchX + EPSILON < cell.width || pitchY + EPSILON < cell.height) {
    throw new SheetError(`${spec.name}: pitch ${pitchX} × ${pitchY} mm is smaller than the cell ${cell.width} × ${cell.height} mm: cells would overlap`);
  }
  const gridWidth = (columns - 1) * pitchX + cell.width;
  const gridHeight = (rows - 1) * pitchY + cell.height;
  const room = cropMarks ? MARK_ROOM : 0;
  const page: SizeMm =
    spec.page === undefined
      ? { width: gridWidth + 2 * (spec.marginLeft ?? room), height: gridHeight + 2 * (spec.marginTop ?? room) }
      : typeof spec.page === "string"
        ? paperSize(spec.page)
        : { width: positive(spec.page.width, `${spec.name}: page width`), height: positive(spec.page.height, `${spec.name}: page height`) };
  const marginLeft = spec.marginLeft ?? (page.width - gridWidth) / 2;
  const marginTop = spec.marginTop ?? (page.height - gridHeight) / 2;
  const needWidth = marginLeft + gridWidth + (cropMarks ? room : 0);
  const needHeight = marginTop + gridHeight + (cropMarks ? room : 0);
  if (marginLeft + EPSILON < (cropMarks ? room : 0) || marginTop + EPSILON < (cropMarks ? room : 0) || needWidth > page.width + EPSILON || needHeight > page.height + EPSILON) {
    throw new SheetError(
      `Sheet ${spec.name} does not fit its ${page.width} × ${page.height} mm page: ${columns} × ${rows} cells of ${cell.width} × ${cell.height} mm at a pitch of ${pitchX} × ${pitchY} mm with margins left ${round(marginLeft)} top ${round(marginTop)}${cropMarks ? ` and ${room} mm for bleed and crop marks` : ""} need ${round(needWidth)} × ${round(needHeight)} mm`,
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
      `the printer calibration (offset ${offsetX} mm right, ${offsetY} mm down, scale ${scale}) puts badge ${index + 1} of sheet ` +
        `${sheet.name} ${distance.toFixed(1)} mm past the ${edge} edge of the ${sheet.page.width} × ${sheet.page.height} mm page: use a smaller offset or scale`,
    );
  }
}

export function cellRects(sheet: Sheet, options: PlacementOptions = {}, badge: SizeMm = sheet.cell): CellRect[] {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new SheetError(`scale must be positive (got ${scale})`);
  const perPage = sheet.columns * sheet.rows;
  const startAt = options.startAt ?? 1;
  if (!Number.isInteger(startAt) || startAt < 1 || startAt > perPage) {
    throw new SheetError(`--start-at must be a cell number from 1 to ${perPage} on sheet ${sheet.name} (got ${startAt})`);
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
