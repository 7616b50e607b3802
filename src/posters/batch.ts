/**
 * `nafuda posters`: every facility's PDF, an order manifest (CSV for the print shop) and a
 * one-page order summary PDF, all written atomically inside the output folder only.
 * When no poster can be made, nothing is written (a previous run's order files stay as they were).
 */
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { mmToPt } from "../geometry/units.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { csvDocument } from "../io/excel-csv.js";
import { fileNameKey, pathInside, safeFileStems } from "../io/safe-file-names.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg, NafudaError, placeMessage, type CodedMessage, type Message } from "../messages/message.js";
import type { RowError } from "../model.js";
import { createDeterministicDocument, saveDeterministic } from "../pdf/deterministic.js";
import { embedFontForText, loadFont } from "../pdf/fonts.js";
import { formatJapaneseDate, type DateStyle } from "./dates.js";
import { readFacilities, type Facility } from "./facilities.js";
import { loadPolicy, type PosterPolicy } from "./policy.js";
import { checkPosterBackground, renderFacilityPosters, type PosterBackground } from "./render.js";
import { posterPaper, POSTER_SIZES, type PosterSize } from "./sizes.js";

export const MANIFEST_FILE = "_order-manifest.csv";
export const SUMMARY_FILE = "_order-summary.pdf";

export interface OrderLine {
  facility: string;
  size: PosterSize;
  copies: number;
  file: string;
  /** Page of `file` holding this size (1-based). */
  page: number;
}

export interface PosterBatchOptions {
  /** Every facility gets these sizes instead of its own (copies: the facility's for that size, else 1). */
  sizes?: readonly PosterSize[];
  bleed?: boolean;
  cropMarks?: boolean;
  dateStyle?: DateStyle;
  background?: PosterBackground;
  /** Called after each facility's file is written (for progress output). */
  onFile?: (line: { facility: Facility; file: string }) => void;
  /** Language of the manifest's header and the summary's words (default: Japanese, or NAFUDA_LANG). */
  lang?: Lang;
}

export interface PosterBatchResult {
  /** Order lines, facility by facility in list order, sizes A4 → B2. */
  orders: OrderLine[];
  /** Files written (facility PDFs, then the manifest and summary), relative to the folder. */
  files: string[];
  /** Rows (or facilities) that were not produced, and why. */
  errors: RowError[];
}

/**
 * The order manifest: UTF-8 with BOM (Excel opens it as UTF-8), CRLF, one line per facility and size; cells that
 * a spreadsheet would run as formulas are neutralised (src/io/excel-csv.ts).
 */
export function orderManifestCsv(orders: readonly OrderLine[], lang: Lang = defaultLang()): string {
  return csvDocument([
    (["TEXT_ORDER_FACILITY", "TEXT_ORDER_SIZE", "TEXT_ORDER_TRIM_MM", "TEXT_ORDER_COPIES", "TEXT_ORDER_FILE", "TEXT_ORDER_PAGE"] as const).map((code) => formatMessage(msg(code), lang)),
    ...orders.map((o) => {
      const paper = posterPaper(o.size);
      return [o.facility, o.size, `${paper.width}×${paper.height}`, o.copies, o.file, o.page];
    }),
  ]);
}

/**
 * The order summary: A4 portrait, a table of facility, size, copies and file, with totals per size.
 * One page for up to about 40 lines; longer orders continue on further pages.
 */
export async function orderSummaryPdf(
  orders: readonly OrderLine[],
  info: { issuer: string; title: string; date: string; bleed: boolean; cropMarks: boolean; lang?: Lang },
): Promise<Uint8Array> {
  const lang = info.lang ?? defaultLang();
  const doc = await createDeterministicDocument({ title: formatMessage(msg("TEXT_ORDER_DOCUMENT_TITLE", { issuer: info.issuer }), lang), subject: info.title });
  const totals = new Map<PosterSize, number>();
  for (const o of orders) totals.set(o.size, (totals.get(o.size) ?? 0) + o.copies);
  const heading = formatMessage(msg("TEXT_ORDER_HEADING", { issuer: info.issuer }), lang);
  const sub = formatMessage(msg("TEXT_ORDER_SUBHEADING", { title: info.title, date: info.date, bleed: info.bleed, cropMarks: info.cropMarks }), lang);
  const totalLabel = formatMessage(msg("TEXT_ORDER_TOTAL"), lang);
  const totalText = POSTER_SIZES.filter((size) => totals.has(size)).map((size) => formatMessage(msg("TEXT_ORDER_SIZE_TOTAL", { size, copies: totals.get(size)! }), lang)).join("　");
  const rows = orders.map((o) => [o.facility, o.size, `${o.copies}`, o.file, `${o.page}`]);
  const header = (["TEXT_ORDER_FACILITY", "TEXT_ORDER_SIZE", "TEXT_ORDER_COPIES", "TEXT_ORDER_FILE", "TEXT_ORDER_PAGE_SHORT"] as const).map((code) => formatMessage(msg(code), lang));
  const pageOf = (page: number, count: number) => formatMessage(msg("TEXT_ORDER_PAGE_OF", { page, count }), lang);
  const pageCountText = pageOf(0, 0) + "0123456789";
  const allText = [heading, sub, totalLabel, totalText, ...header, ...rows.flat(), pageCountText].join("\n");
  const regular = await embedFontForText(doc, await loadFont("BIZUDGothic-Regular"), allText);
  const bold = await embedFontForText(doc, await loadFont("BIZUDGothic-Bold"), allText);

  const W = 210;
  const H = 297;
  const margin = 15;
  const columns = [margin, margin + 62, margin + 80, margin + 94, W - margin - 8];
  const rowH = 5.6;
  const perPage = Math.floor((H - 2 * margin - 40) / rowH);
  const pageCount = Math.max(1, Math.ceil(rows.length / perPage));
  const draw = (page: PDFPage, t: string, x: number, y: number, size: number, font: PDFFont, maxW?: number) => {
    let s = size;
    if (maxW) {
      const w = font.widthOfTextAtSize(t, s);
      if (w > mmToPt(maxW)) s = (s * mmToPt(maxW)) / w;
    }
    page.drawText(t, { x: mmToPt(x), y: mmToPt(H - y), size: s, font, color: rgb(0.1, 0.1, 0.1) });
  };
  for (let p = 0; p < pageCount; p++) {
    const page = doc.addPage([mmToPt(W), mmToPt(H)]);
    draw(page, heading, margin, margin + 6, 13, bold, W - 2 * margin);
    draw(page, sub, margin, margin + 13, 8.5, regular, W - 2 * margin);
    let y = margin + 24;
    page.drawRectangle({ x: mmToPt(margin), y: mmToPt(H - y - 1.8), width: mmToPt(W - 2 * margin), height: mmToPt(rowH), color: rgb(0.88, 0.91, 0.95) });
    header.forEach((h, i) => draw(page, h, columns[i]! + 1, y + 2, 9, bold));
    y += rowH;
    for (const [i, row] of rows.slice(p * perPage, (p + 1) * perPage).entries()) {
      if (i % 2 === 1) page.drawRectangle({ x: mmToPt(margin), y: mmToPt(H - y - 1.8), width: mmToPt(W - 2 * margin), height: mmToPt(rowH), color: rgb(0.96, 0.96, 0.97) });
      row.forEach((cell, c) => draw(page, cell, columns[c]! + 1, y + 2, 9, regular, (columns[c + 1] ?? W - margin) - columns[c]! - 2));
      y += rowH;
    }
    if (p === pageCount - 1) {
      y += 3;
      page.drawLine({ start: { x: mmToPt(margin), y: mmToPt(H - y + 2) }, end: { x: mmToPt(W - margin), y: mmToPt(H - y + 2) }, thickness: 0.6, color: rgb(0.4, 0.4, 0.4) });
      draw(page, totalLabel, columns[0]! + 1, y + 4, 10, bold);
      draw(page, totalText, columns[1]! + 1, y + 4, 10, bold, W - margin - columns[1]!);
    }
    if (pageCount > 1) draw(page, pageOf(p + 1, pageCount), W - margin - 20, H - 8, 8, regular);
  }
  return saveDeterministic(doc);
}

/** The PDF file name of each facility, in order: safe, stable, unique (src/io/safe-file-names.ts). */
export function facilityFileNames(facilities: readonly Facility[]): string[] {
  return safeFileStems(facilities.map((f) => f.name)).map((stem) => `${stem}.pdf`);
}

/** The print order of one facility's file: a line per size (page), with its copies. */
export function facilityOrderLines(facility: Facility, file: string): OrderLine[] {
  return facility.sizes.map((size, page) => ({ facility: facility.name, size, copies: facility.copies[size] ?? 1, file, page: page + 1 }));
}

/** How many row problems a "nothing could be made" message quotes before "and n more". */
const REASONS_QUOTED = 10;

/** Row problems as parts of another message: 「3 行目・「サイズ」列：…」 (the file is the outer message's place). */
function reasonsOf(errors: readonly RowError[]): { reasons: Message[]; more?: number } {
  const reasons = errors.slice(0, REASONS_QUOTED).map((error): Message => {
    const text: Message = { code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) };
    const where = placeMessage({ row: error.row, sheetRow: error.sheetRow, column: error.column });
    return Object.keys(where.params ?? {}).length === 0 ? text : msg("TEXT_POSTERS_PLACED", { where, text });
  });
  return errors.length > REASONS_QUOTED ? { reasons, more: errors.length - REASONS_QUOTED } : { reasons };
}

/**
 * No poster could be made (every facility failed, or there were none): nothing was written. `errors` says why,
 * facility by facility. (CLI: bad input, exit 2.)
 */
export class PosterBatchError extends NafudaError {
  override name = "PosterBatchError";
  constructor(
    readonly errors: RowError[],
    file?: string,
  ) {
    super(msg("POSTER_NONE_MADE", reasonsOf(errors)), { file });
  }
}

/** A facility's problem as a row error: the render's own message when it has one, with the facility's row. */
function facilityError(facility: Facility, error: unknown): RowError {
  const place = { row: facility.row, ...(facility.sheetRow !== undefined ? { sheetRow: facility.sheetRow } : {}) };
  if (error instanceof NafudaError) return { ...place, code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) };
  return { ...place, ...msg("POSTER_NOT_MADE", { facility: facility.name, detail: error instanceof Error ? error.message : String(error) }) };
}

/**
 * Makes every poster of a facility list into `outDir`. A bad row does not stop the others. A background PDF is
 * checked first; when no poster can be made, nothing is written and a PosterBatchError says why (the previous
 * run's files, order manifest and summary included, stay as they were). Every file name is unique as file
 * systems compare names, so no poster overwrites another and the order lists what is on disk.
 */
export async function makePosters(
  policy: PosterPolicy,
  facilities: readonly Facility[],
  outDir: string,
  options: PosterBatchOptions = {},
): Promise<PosterBatchResult> {
  if (options.background) await checkPosterBackground(options.background);
  const fileNames = facilityFileNames(facilities);
  const orders: OrderLine[] = [];
  const files: string[] = [];
  const errors: RowError[] = [];
  const written = new Set<string>();
  for (const [i, original] of facilities.entries()) {
    const facility: Facility = options.sizes
      ? { ...original, sizes: [...options.sizes], copies: Object.fromEntries(options.sizes.map((s) => [s, original.copies[s] ?? 1])) }
      : original;
    const file = fileNames[i]!;
    let bytes: Uint8Array;
    try {
      bytes = await renderFacilityPosters(policy, facility, {
        bleed: options.bleed,
        cropMarks: options.cropMarks,
        dateStyle: options.dateStyle,
        background: options.background,
      });
    } catch (error) {
      errors.push(facilityError(facility, error));
      continue;
    }
    // safeFileStems makes names unique; this only guards against a change there ever overwriting a poster.
    if (written.has(fileNameKey(file))) throw new Error(formatMessage(msg("POSTER_INTERNAL_ERROR", { detail: `two facilities would write ${file}` })));
    written.add(fileNameKey(file));
    // A file that cannot be written (full disk, no permission) stops the batch: OutputFileError names it.
    await writeFileAtomic(pathInside(outDir, file), bytes);
    files.push(file);
    orders.push(...facilityOrderLines(facility, file));
    options.onFile?.({ facility, file });
  }
  if (files.length === 0) throw new PosterBatchError(errors);
  const lang = options.lang ?? defaultLang();
  await writeFileAtomic(pathInside(outDir, MANIFEST_FILE), orderManifestCsv(orders, lang));
  files.push(MANIFEST_FILE);
  const summary = await orderSummaryPdf(orders, {
    issuer: policy.issuer,
    title: policy.title,
    date: formatJapaneseDate(policy.effectiveDate, options.dateStyle ?? policy.dateStyle),
    bleed: options.bleed === true,
    cropMarks: options.cropMarks === true,
    lang,
  });
  await writeFileAtomic(pathInside(outDir, SUMMARY_FILE), summary);
  files.push(SUMMARY_FILE);
  return { orders, files, errors };
}

/** A facility list that cannot be used at all (empty, or no row usable). (CLI: bad input, exit 2.) */
export class FacilityListError extends NafudaError {
  override name = "FacilityListFileError";
  declare readonly file: string;
  constructor(file: string, message: CodedMessage) {
    super(message, { file });
  }
}

/**
 * Reads the policy and facility list, then makes everything. Policy errors, a facility list with nothing to make,
 * and a batch that made no poster throw (nothing is written).
 */
export async function runPosterBatch(
  facilitiesPath: string,
  policyPath: string,
  outDir: string,
  options: PosterBatchOptions & { sheet?: string } = {},
): Promise<PosterBatchResult> {
  const policy = await loadPolicy(policyPath);
  const list = await readFacilities(facilitiesPath, { policy, sheet: options.sheet });
  if (list.facilities.length === 0) {
    // Nothing usable at all: bad input, and nothing is written (not even an empty order).
    throw new FacilityListError(facilitiesPath, msg("FACILITY_LIST_NOTHING_TO_MAKE", reasonsOf(list.errors)));
  }
  let result: PosterBatchResult;
  try {
    result = await makePosters(policy, list.facilities, outDir, options);
  } catch (error) {
    if (error instanceof PosterBatchError && error.file === undefined) {
      throw new PosterBatchError([...list.errors, ...error.errors].map((e) => ({ ...e, file: e.file ?? facilitiesPath })), facilitiesPath);
    }
    throw error;
  }
  return { ...result, errors: [...list.errors.map((e) => ({ ...e, file: e.file ?? facilitiesPath })), ...result.errors.map((e) => ({ ...e, file: facilitiesPath }))] };
}
