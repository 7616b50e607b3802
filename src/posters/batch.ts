import { unconverted } from "../messages/message.js";
/**
 * `nafuda posters`: every facility's PDF, an order manifest (CSV for the print shop) and a
 * one-page order summary PDF, all written atomically inside the output folder only.
 */
import { csvDocument } from "../io/excel-csv.js";
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { mmToPt } from "../geometry/units.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { formatRowError, type RowError } from "../model.js";
import { createDeterministicDocument, saveDeterministic } from "../pdf/deterministic.js";
import { embedFontForText, loadFont } from "../pdf/fonts.js";
import { formatJapaneseDate, type DateStyle } from "./dates.js";
import { readFacilities, type Facility } from "./facilities.js";
import { pathInside, safeFileStems } from "../io/safe-file-names.js";
import { loadPolicy, type PosterPolicy } from "./policy.js";
import { renderFacilityPosters, type PosterBackground } from "./render.js";
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
}

export interface PosterBatchResult {
  /** Order lines, facility by facility in list order, sizes A4 → B2. */
  orders: OrderLine[];
  /** Files written (facility PDFs, then the manifest and summary), relative to the folder. */
  files: string[];
  /** Rows (or facilities) that were not produced, and why. */
  errors: RowError[];
}

/** The order manifest: UTF-8 with BOM (Excel opens it as UTF-8), CRLF, one line per facility and size. */
export function orderManifestCsv(orders: readonly OrderLine[]): string {
  return csvDocument([
    ["施設名", "サイズ", "仕上がり寸法(mm)", "部数", "ファイル", "ページ"],
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
  info: { issuer: string; title: string; date: string; bleed: boolean; cropMarks: boolean },
): Promise<Uint8Array> {
  const doc = await createDeterministicDocument({ title: `${info.issuer} ポスター発注一覧`, subject: info.title });
  const totals = new Map<PosterSize, number>();
  for (const o of orders) totals.set(o.size, (totals.get(o.size) ?? 0) + o.copies);
  const heading = `${info.issuer}　カスタマーハラスメント防止ポスター　発注一覧`;
  const sub = `${info.title}（${info.date} 施行）　塗り足し：${info.bleed ? "あり 3mm" : "なし"}　トンボ：${info.cropMarks ? "あり" : "なし"}`;
  const totalText = POSTER_SIZES.filter((size) => totals.has(size)).map((size) => `${size} ${totals.get(size)}部`).join("　");
  const rows = orders.map((o) => [o.facility, o.size, `${o.copies}`, o.file, `${o.page}`]);
  const header = ["施設名", "サイズ", "部数", "ファイル", "頁"];
  const allText = [heading, sub, "合計", totalText, ...header, ...rows.flat(), "0123456789/ 頁"].join("\n");
  const regular = await embedFontForText(doc, await loadFont("BIZUDGothic-Regular"), allText);
  const bold = await embedFontForText(doc, await loadFont("BIZUDGothic-Bold"), allText);

  const W = 210;
  const H = 297;
  const margin = 15;
  const columns = [margin, margin + 62, margin + 80, margin + 94, W - margin - 8];
  const rowH = 5.6;
  const perPage = Math.floor((H - 2 * margin - 40) / rowH);
  const pageCount = Math.max(1, Math.ceil(rows.length / perPage));
  const text = (page: PDFPage, t: string, x: number, y: number, size: number, font: PDFFont, maxW?: number) => {
    let s = size;
    if (maxW) {
      const w = font.widthOfTextAtSize(t, s);
      if (w > mmToPt(maxW)) s = (s * mmToPt(maxW)) / w;
    }
    page.drawText(t, { x: mmToPt(x), y: mmToPt(H - y), size: s, font, color: rgb(0.1, 0.1, 0.1) });
  };
  for (let p = 0; p < pageCount; p++) {
    const page = doc.addPage([mmToPt(W), mmToPt(H)]);
    text(page, heading, margin, margin + 6, 13, bold, W - 2 * margin);
    text(page, sub, margin, margin + 13, 8.5, regular, W - 2 * margin);
    let y = margin + 24;
    page.drawRectangle({ x: mmToPt(margin), y: mmToPt(H - y - 1.8), width: mmToPt(W - 2 * margin), height: mmToPt(rowH), color: rgb(0.88, 0.91, 0.95) });
    header.forEach((h, i) => text(page, h, columns[i]! + 1, y + 2, 9, bold));
    y += rowH;
    for (const [i, row] of rows.slice(p * perPage, (p + 1) * perPage).entries()) {
      if (i % 2 === 1) page.drawRectangle({ x: mmToPt(margin), y: mmToPt(H - y - 1.8), width: mmToPt(W - 2 * margin), height: mmToPt(rowH), color: rgb(0.96, 0.96, 0.97) });
      row.forEach((cell, c) => text(page, cell, columns[c]! + 1, y + 2, 9, regular, (columns[c + 1] ?? W - margin) - columns[c]! - 2));
      y += rowH;
    }
    if (p === pageCount - 1) {
      y += 3;
      page.drawLine({ start: { x: mmToPt(margin), y: mmToPt(H - y + 2) }, end: { x: mmToPt(W - margin), y: mmToPt(H - y + 2) }, thickness: 0.6, color: rgb(0.4, 0.4, 0.4) });
      text(page, "合計", columns[0]! + 1, y + 4, 10, bold);
      text(page, totalText, columns[1]! + 1, y + 4, 10, bold, W - margin - columns[1]!);
    }
    if (pageCount > 1) text(page, `${p + 1} / ${pageCount} 頁`, W - margin - 20, H - 8, 8, regular);
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

/** Makes every poster of a facility list into `outDir`. A bad row does not stop the others. */
export async function makePosters(
  policy: PosterPolicy,
  facilities: readonly Facility[],
  outDir: string,
  options: PosterBatchOptions = {},
): Promise<PosterBatchResult> {
  const fileNames = facilityFileNames(facilities);
  const orders: OrderLine[] = [];
  const files: string[] = [];
  const errors: RowError[] = [];
  for (const [i, original] of facilities.entries()) {
    const facility: Facility = options.sizes
      ? { ...original, sizes: [...options.sizes], copies: Object.fromEntries(options.sizes.map((s) => [s, original.copies[s] ?? 1])) }
      : original;
    const file = fileNames[i]!;
    try {
      const bytes = await renderFacilityPosters(policy, facility, {
        bleed: options.bleed,
        cropMarks: options.cropMarks,
        dateStyle: options.dateStyle,
        background: options.background,
      });
      await writeFileAtomic(pathInside(outDir, file), bytes);
    } catch (error) {
      errors.push({ row: facility.row, ...unconverted(`${facility.name}: ${(error as Error).message}`) });
      continue;
    }
    files.push(file);
    orders.push(...facilityOrderLines(facility, file));
    options.onFile?.({ facility, file });
  }
  await writeFileAtomic(pathInside(outDir, MANIFEST_FILE), orderManifestCsv(orders));
  files.push(MANIFEST_FILE);
  const summary = await orderSummaryPdf(orders, {
    issuer: policy.issuer,
    title: policy.title,
    date: formatJapaneseDate(policy.effectiveDate, options.dateStyle ?? policy.dateStyle),
    bleed: options.bleed === true,
    cropMarks: options.cropMarks === true,
  });
  await writeFileAtomic(pathInside(outDir, SUMMARY_FILE), summary);
  files.push(SUMMARY_FILE);
  return { orders, files, errors };
}

/** A facility list that cannot be used at all (empty, or no row usable). (CLI: bad input, exit 2.) */
export class FacilityListError extends Error {
  override name = "FacilityListFileError";
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

/** Reads the policy and facility list, then makes everything. Policy errors throw (nothing is written). */
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
    const why = list.errors.map((e) => formatRowError({ ...e, file: undefined })).join("; ");
    throw new FacilityListError(facilitiesPath, `${facilitiesPath}: the facility list holds no facility that can be made${why ? ` (${why})` : " (it is empty)"}: ` +
      "fill in at least one row with a 施設名, as in examples/facilities.csv");
  }
  const result = await makePosters(policy, list.facilities, outDir, options);
  return { ...result, errors: [...list.errors.map((e) => ({ ...e, file: e.file ?? facilitiesPath })), ...result.errors.map((e) => ({ ...e, file: facilitiesPath }))] };
}

