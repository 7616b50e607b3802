/**
 * The print order of an output folder: the order manifest (CSV for the print shop and for Excel) and the order
 * summary (a PDF to read and to send), listing every file nafuda made there, page by page: posters (and their
 * handout and language pages), counter signs, phone stickers.
 *
 * `nafuda posters` and `nafuda signs` may write into the same folder: each keeps the other's lines. The summary
 * PDF carries the order's lines as data (its Info dictionary, key NafudaOrder), so that a later run reads them
 * back exactly; lines whose file is no longer in the folder are dropped. Same lines in, same bytes out.
 */
import { readFile } from "node:fs/promises";
import { cmyk, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, setCharacterSqueeze, type Color, type PDFFont, type PDFPage } from "pdf-lib";
import { mmToPt } from "../geometry/units.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { csvDocument } from "../io/excel-csv.js";
import { fileNameKey, pathInside } from "../io/safe-file-names.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg } from "../messages/message.js";
import { rgbToCmyk, type RgbTriple } from "../pdf/colour.js";
import { createDeterministicDocument, savePrintDocument } from "../pdf/deterministic.js";
import { embedFontForText, loadFont } from "../pdf/fonts.js";
import { isPosterSize, posterPaper } from "./sizes.js";

export const MANIFEST_FILE = "_order-manifest.csv";
export const SUMMARY_FILE = "_order-summary.pdf";

/**
 * What a line orders: a poster page, the handout page with the whole text (全文), the page of the language panels,
 * a counter sign (a tent card on A4), a sheet of phone stickers (or one sticker, for a print shop).
 */
export const ORDER_PRODUCTS = ["poster", "poster-text", "poster-languages", "counter-sign", "phone-sticker"] as const;
export type OrderProduct = (typeof ORDER_PRODUCTS)[number];
/** The products of `nafuda posters`; the others are `nafuda signs`'. */
export const POSTER_PRODUCTS: readonly OrderProduct[] = ["poster", "poster-text", "poster-languages"];
export const SIGN_PRODUCTS: readonly OrderProduct[] = ["counter-sign", "phone-sticker"];

export interface OrderLine {
  facility: string;
  /** A poster size (A4 … B2), A4横 (a tent card), a4-10up (a sticker sheet) or 91×55 (one sticker). */
  size: string;
  copies: number;
  file: string;
  /** Page of `file` (1-based). */
  page: number;
  /** Default "poster". */
  product?: OrderProduct;
  /** Trim size in mm; default the poster size's. */
  trim?: { width: number; height: number };
  /** Pieces on the page (stickers on a sheet); default 1. */
  pieces?: number;
  /** The printing date the file was made for (--as-of), 2025-03-01. */
  asOf?: string;
}

export interface OrderInfo {
  issuer: string;
  title: string;
  /** The policy's date in force, as printed. */
  date: string;
  bleed: boolean;
  cropMarks: boolean;
  lang?: Lang;
}

function trimOf(line: OrderLine): { width: number; height: number } {
  if (line.trim) return line.trim;
  if (isPosterSize(line.size)) return posterPaper(line.size);
  return { width: 0, height: 0 };
}

/** The short name of each product, for the totals. */
const SHORT = {
  poster: "TEXT_ORDER_SHORT_POSTER",
  "poster-text": "TEXT_ORDER_SHORT_POSTER_TEXT",
  "poster-languages": "TEXT_ORDER_SHORT_POSTER_LANGUAGES",
  "counter-sign": "TEXT_ORDER_SHORT_COUNTER_SIGN",
  "phone-sticker": "TEXT_ORDER_SHORT_PHONE_STICKER",
} as const satisfies Record<OrderProduct, string>;

/** What a line orders, in words: ポスター, 窓口の標識（三角柱）, 電話のシール（5 面）… */
export function productText(line: OrderLine, lang: Lang = defaultLang()): string {
  switch (line.product ?? "poster") {
    case "poster":
      return formatMessage(msg("TEXT_ORDER_PRODUCT_POSTER"), lang);
    case "poster-text":
      return formatMessage(msg("TEXT_ORDER_PRODUCT_POSTER_TEXT"), lang);
    case "poster-languages":
      return formatMessage(msg("TEXT_ORDER_PRODUCT_POSTER_LANGUAGES"), lang);
    case "counter-sign":
      return formatMessage(msg("TEXT_ORDER_PRODUCT_COUNTER_SIGN"), lang);
    case "phone-sticker":
      return formatMessage(msg("TEXT_ORDER_PRODUCT_PHONE_STICKER", { pieces: line.pieces ?? 1 }), lang);
  }
}

/**
 * The order manifest: UTF-8 with BOM (Excel opens it as UTF-8), CRLF, one line per page to print; cells that a
 * spreadsheet would run as formulas are neutralised (src/io/excel-csv.ts). The first six columns are those of
 * earlier versions; 品目 (what it is) and 基準日 (the printing date, --as-of) follow.
 */
export function orderManifestCsv(orders: readonly OrderLine[], lang: Lang = defaultLang()): string {
  const header = (["TEXT_ORDER_FACILITY", "TEXT_ORDER_SIZE", "TEXT_ORDER_TRIM_MM", "TEXT_ORDER_COPIES", "TEXT_ORDER_FILE", "TEXT_ORDER_PAGE", "TEXT_ORDER_PRODUCT", "TEXT_ORDER_AS_OF"] as const).map((code) => formatMessage(msg(code), lang));
  return csvDocument([
    header,
    ...orders.map((o) => {
      const trim = trimOf(o);
      return [o.facility, o.size, `${trim.width}×${trim.height}`, o.copies, o.file, o.page, productText(o, lang), o.asOf ?? ""];
    }),
  ]);
}

/** Summary column widths, mm (A4 portrait, 15 mm margins: 180 mm). */
const COLUMNS = [52, 38, 18, 12, 52, 8] as const;
const ROW_H = 6;
const CELL_PT = 8.5;
/** Type is condensed (長体) to this, then made smaller to this, before a cell is allowed to be tight. */
const MIN_SQUEEZE = 0.75;
const MIN_CELL_PT = 6.5;

/** Where the summary's table rows are, per page (mm from the top): for tests that check rows by rendering. */
export interface SummaryRow {
  page: number;
  top: number;
  height: number;
  cells: string[];
}

/**
 * The order summary: A4 portrait, a table of facility, product, size, copies, file and page, with totals per
 * product and size. About 38 lines a page; longer orders continue on further pages. Every row is a band of its
 * own: stripes are drawn first, then the text, each line inside its band.
 */
export async function orderSummaryPdf(orders: readonly OrderLine[], info: OrderInfo & { asOf?: string }): Promise<Uint8Array> {
  return (await orderSummary(orders, info)).pdf;
}

/** The summary PDF and the rows it drew. */
export async function orderSummary(orders: readonly OrderLine[], info: OrderInfo & { asOf?: string }): Promise<{ pdf: Uint8Array; rows: SummaryRow[] }> {
  const lang = info.lang ?? defaultLang();
  const doc = await createDeterministicDocument({ title: formatMessage(msg("TEXT_ORDER_DOCUMENT_TITLE", { issuer: info.issuer }), lang), subject: info.title });
  // Copies per product and size: what the print shop counts (sheets of stickers count as sheets).
  const totals = new Map<string, number>();
  for (const o of orders) {
    const key = `${formatMessage(msg(SHORT[o.product ?? "poster"]), lang)} ${o.size}`;
    totals.set(key, (totals.get(key) ?? 0) + o.copies);
  }
  const asOfs = [...new Set(orders.map((o) => o.asOf).filter((d): d is string => !!d))].sort();
  const heading = formatMessage(msg("TEXT_ORDER_HEADING", { issuer: info.issuer }), lang);
  const sub = formatMessage(msg("TEXT_ORDER_SUBHEADING", { title: info.title, date: info.date, bleed: info.bleed, cropMarks: info.cropMarks }), lang);
  const asOfText = asOfs.length > 0 ? formatMessage(msg("TEXT_ORDER_AS_OF_LINE", { dates: asOfs }), lang) : "";
  const totalLabel = formatMessage(msg("TEXT_ORDER_TOTAL"), lang);
  const totalLines = [...totals].map(([key, copies]) => formatMessage(msg("TEXT_ORDER_SIZE_TOTAL", { size: key, copies }), lang));
  const rows = orders.map((o) => [o.facility, productText(o, lang), o.size, `${o.copies}`, o.file, `${o.page}`]);
  const header = (["TEXT_ORDER_FACILITY", "TEXT_ORDER_PRODUCT", "TEXT_ORDER_SIZE", "TEXT_ORDER_COPIES", "TEXT_ORDER_FILE", "TEXT_ORDER_PAGE_SHORT"] as const).map((code) => formatMessage(msg(code), lang));
  const pageOf = (page: number, count: number) => formatMessage(msg("TEXT_ORDER_PAGE_OF", { page, count }), lang);
  const allText = [heading, sub, asOfText, totalLabel, ...totalLines, ...header, ...rows.flat(), pageOf(0, 0), "0123456789"].join("\n");
  const regular = await embedFontForText(doc, await loadFont("BIZUDGothic-Regular"), allText);
  const bold = await embedFontForText(doc, await loadFont("BIZUDGothic-Bold"), allText);

  const W = 210;
  const H = 297;
  const margin = 15;
  const tableTop = margin + 28;
  const totalsH = 8 + Math.ceil(totalLines.length / 3) * 5.5;
  const perPage = Math.max(1, Math.floor((H - tableTop - margin - 12 - ROW_H) / ROW_H));
  const lastRoom = Math.max(1, Math.floor((H - tableTop - margin - 12 - ROW_H - totalsH) / ROW_H));
  // Pages: full pages, then a last page with room for the totals and at least one row (never a page of totals alone).
  const full = Math.max(0, Math.ceil((rows.length - lastRoom) / perPage));
  const counts: number[] = Array.from({ length: full }, () => perPage);
  let remaining = rows.length - full * perPage;
  if (remaining < 1 && full > 0) {
    counts[full - 1]! -= 1 - remaining;
    remaining = 1;
  }
  counts.push(Math.max(0, remaining));
  const pageRows: string[][][] = [];
  let from = 0;
  for (const count of counts) {
    pageRows.push(rows.slice(from, from + count));
    from += count;
  }
  const drawn: SummaryRow[] = [];
  // Colours by the one rule (src/pdf/colour.ts): text black, K only; the bands K tints.
  const ink: Color = cmyk(0, 0, 0, 1);
  const rgb = (r: number, g: number, b: number): Color => {
    const c = rgbToCmyk([r, g, b] as RgbTriple);
    return cmyk(c.c, c.m, c.y, c.k);
  };
  /** Text at `size`, condensed then smaller (never under MIN_CELL_PT) to fit `maxW`. */
  const draw = (page: PDFPage, t: string, x: number, baseline: number, size: number, font: PDFFont, maxW?: number) => {
    let s = size;
    let squeeze = 1;
    if (maxW !== undefined) {
      const w = font.widthOfTextAtSize(t, s) / mmToPt(1);
      if (w > maxW) {
        squeeze = Math.max(MIN_SQUEEZE, maxW / w);
        if (w * squeeze > maxW) s = Math.max(MIN_CELL_PT, (s * maxW) / (w * squeeze));
      }
    }
    if (squeeze < 1) page.pushOperators(setCharacterSqueeze(Math.round(squeeze * 1000) / 10));
    page.drawText(t, { x: mmToPt(x), y: mmToPt(H - baseline), size: s, font, color: ink });
    if (squeeze < 1) page.pushOperators(setCharacterSqueeze(100));
  };
  const xs: number[] = [];
  let x = margin;
  for (const w of COLUMNS) {
    xs.push(x);
    x += w;
  }
  pageRows.forEach((chunk, p) => {
    const page = doc.addPage([mmToPt(W), mmToPt(H)]);
    draw(page, heading, margin, margin + 6, 13, bold, W - 2 * margin);
    draw(page, sub, margin, margin + 13, 8.5, regular, W - 2 * margin);
    if (asOfText) draw(page, asOfText, margin, margin + 19, 8.5, regular, W - 2 * margin);
    // Stripes first (the header band, every other row), then the text: no band covers another row's text.
    const band = (top: number, color: Color) =>
      page.drawRectangle({ x: mmToPt(margin), y: mmToPt(H - top - ROW_H), width: mmToPt(W - 2 * margin), height: mmToPt(ROW_H), color });
    band(tableTop, rgb(0.86, 0.9, 0.95));
    chunk.forEach((_, i) => {
      if (i % 2 === 1) band(tableTop + ROW_H * (i + 1), rgb(0.95, 0.955, 0.965));
    });
    const baseline = (top: number) => top + ROW_H * 0.68;
    header.forEach((h, i) => draw(page, h, xs[i]! + 1, baseline(tableTop), CELL_PT, bold, COLUMNS[i]! - 2));
    chunk.forEach((row, i) => {
      const top = tableTop + ROW_H * (i + 1);
      row.forEach((cell, c) => draw(page, cell, xs[c]! + 1, baseline(top), CELL_PT, regular, COLUMNS[c]! - 2));
      drawn.push({ page: p + 1, top, height: ROW_H, cells: row });
    });
    if (p === pageRows.length - 1) {
      let y = tableTop + ROW_H * (chunk.length + 1) + 4;
      page.drawLine({ start: { x: mmToPt(margin), y: mmToPt(H - y) }, end: { x: mmToPt(W - margin), y: mmToPt(H - y) }, thickness: 0.6, color: rgb(0.4, 0.4, 0.4) });
      y += 5.5;
      draw(page, totalLabel, margin + 1, y, 10, bold);
      totalLines.forEach((line, i) => {
        draw(page, line, margin + 22 + (i % 3) * 52, y + Math.floor(i / 3) * 5.5, 9.5, bold, 50);
      });
    }
    if (pageRows.length > 1) draw(page, pageOf(p + 1, pageRows.length), W - margin - 20, H - 8, 8, regular);
  });
  // The lines as data, for the next run that adds to this order (see the module comment).
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  infoDict?.set(PDFName.of("NafudaOrder"), PDFHexString.fromText(JSON.stringify(orders.map(canonicalLine))));
  return { pdf: await savePrintDocument(doc), rows: drawn };
}

/** A line with its keys in one order and defaults filled in (the form stored in the summary). */
function canonicalLine(line: OrderLine): Required<Omit<OrderLine, "trim">> & { trim: { width: number; height: number } } {
  const trim = trimOf(line);
  return {
    facility: line.facility,
    size: line.size,
    copies: line.copies,
    file: line.file,
    page: line.page,
    product: line.product ?? "poster",
    trim: { width: trim.width, height: trim.height },
    pieces: line.pieces ?? 1,
    asOf: line.asOf ?? "",
  };
}

function isOrderLine(value: unknown): value is OrderLine {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.facility === "string" &&
    typeof v.size === "string" &&
    typeof v.file === "string" &&
    Number.isInteger(v.copies) &&
    Number.isInteger(v.page) &&
    typeof v.product === "string" &&
    (ORDER_PRODUCTS as readonly string[]).includes(v.product)
  );
}

/** The lines of the order a previous run left in `outDir` (from its summary PDF), or [] when there is none or it is not nafuda's. */
export async function previousOrder(outDir: string): Promise<OrderLine[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(pathInside(outDir, SUMMARY_FILE));
  } catch {
    return [];
  }
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    const value = infoDict?.lookup(PDFName.of("NafudaOrder"));
    const text = value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : null;
    if (!text) return [];
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? data.filter(isOrderLine).map((line) => ({ ...line, asOf: line.asOf || undefined })) : [];
  } catch {
    return [];
  }
}

/**
 * The order after a batch of `products`: this batch's lines, with the previous order's lines of other products
 * kept when their file is still there. Sorted by product (posters, then signs), each product's lines in list order.
 */
export function mergeOrder(previous: readonly OrderLine[], lines: readonly OrderLine[], products: readonly OrderProduct[], stillThere: (file: string) => boolean): OrderLine[] {
  const written = new Set(lines.map((l) => fileNameKey(l.file)));
  const kept = previous.filter((l) => !products.includes(l.product ?? "poster") && !written.has(fileNameKey(l.file)) && stillThere(l.file));
  const rank = (l: OrderLine) => (POSTER_PRODUCTS.includes(l.product ?? "poster") ? 0 : 1);
  const all = [...kept, ...lines];
  // Stable: posters' lines (whichever batch made them) first, then the signs'.
  return all.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i).map(({ l }) => l);
}

/** Writes the manifest and the summary of `lines` into `outDir` (atomically). */
export async function writeOrder(outDir: string, lines: readonly OrderLine[], info: OrderInfo): Promise<string[]> {
  const lang = info.lang ?? defaultLang();
  await writeFileAtomic(pathInside(outDir, MANIFEST_FILE), orderManifestCsv(lines, lang));
  await writeFileAtomic(pathInside(outDir, SUMMARY_FILE), await orderSummaryPdf(lines, { ...info, lang }));
  return [MANIFEST_FILE, SUMMARY_FILE];
}
