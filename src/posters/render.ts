/**
 * PDF output of posters: the pure layout (layout.ts) drawn with pdf-lib (draw.ts), fonts subset by HarfBuzz
 * (src/pdf/fonts.ts), optional bleed, Japanese crop marks and TrimBox/BleedBox, an optional custom background
 * PDF, deterministic bytes. A size's poster may take two pages: the poster and the page of the language panels
 * that did not fit on it.
 */
import { PDFDocument, type PDFEmbeddedPage } from "pdf-lib";
import { mmToPt, rectMmToPdf } from "../geometry/units.js";
import { msg, NafudaError } from "../messages/message.js";
import { createDeterministicDocument, savePrintDocument } from "../pdf/deterministic.js";
import { printReadinessProblems } from "../pdf/print-readiness.js";
import { DEFAULT_BLEED_MM } from "../pdf/print-marks.js";
import { contentBoxProblem } from "./background-layout.js";
import { fontInfo, isCffOpenType } from "../pdf/font-files.js";
import { posterContent, type PosterContent } from "./content.js";
import type { CalendarDate, DateStyle } from "./dates.js";
import { addFramedPage, drawCropMarks, drawShapes, embedFaces, internalError, loadFaces, measurerFor, pageFrame, printPlan, type PrintOptions, type PrintPlan } from "./draw.js";
import { facilityPolicy, toFacility, type FacilityInput, type PosterLanguage } from "./facilities.js";
import { layoutPosterPages, type BoxMm, type FontRole, type PosterDesign, type PosterLayout, type PosterPageKind } from "./layout.js";
import type { PosterPolicy } from "./policy.js";
import { OFFICE_MARGIN_MM, posterPaper, POSTER_SIZES, type PosterSize } from "./sizes.js";

export { measurerFor, MAX_BLEED_MM, type PrintOptions } from "./draw.js";

/** A custom background that replaces the built-in design (bands, cards, frames). */
export interface PosterBackground {
  /** The background PDF's bytes. */
  pdf: Uint8Array;
  /** Its path or name, for messages. */
  file?: string;
  /**
   * Page of the background to use per size (0-based). Default: the first page whose size is the
   * poster's trim size or trim + bleed, else page 0. A page the size of trim + 2 × bleed is placed
   * over the bleed box, any other page is scaled to the trim box.
   */
  pages?: Partial<Record<PosterSize, number>>;
  /** Where the text goes on the background, mm from the trim's top-left, per size; default the whole page. */
  contentBoxes?: Partial<Record<PosterSize, BoxMm>>;
}

export interface PosterOptions extends PrintOptions {
  /** 令和6年11月1日 ("era") or 2024年11月1日 ("western"); default the policy's. */
  dateStyle?: DateStyle;
  /** Panels to show; default the facility's languages. */
  languages?: readonly PosterLanguage[];
  background?: PosterBackground;
  /** Replace a bundled face (TTF/OTF bytes); must hold every character printed. */
  fonts?: Partial<Record<FontRole, Uint8Array>>;
  /** The printing date: measures that start later are marked 「…から」. Default: today. */
  asOf?: CalendarDate;
  /** The design per size (A3 may be "full" or "distance"); default A4/A3 full, B3/B2 distance. */
  designs?: Partial<Record<PosterSize, PosterDesign>>;
  /**
   * "office" (default for A4 and A3 printed at the office: no bleed, no crop marks, not print-shop): the bands and
   * text stay OFFICE_MARGIN_MM (5 mm) inside the paper's edge, which office printers leave unprinted. "full-bleed": to
   * the edge. With bleed, crop marks, print-shop mode, a city's artwork, or on B3 and B2, always full-bleed.
   */
  posterLayout?: "office" | "full-bleed";
}

export interface RenderPosterOptions extends PosterOptions {
  size: PosterSize;
}

export interface RenderFacilityOptions extends PosterOptions {
  /** Sizes, one page each; default the facility's sizes. */
  sizes?: readonly PosterSize[];
}

/** A poster that cannot be made as asked: text too long, characters the fonts lack, no sizes (CLI: bad input). */
export class PosterRenderError extends NafudaError {
  override name = "PosterRenderError";
}

/** A background PDF that cannot be used: unreadable, a page without a real size, a page that is not there. */
export class PosterBackgroundError extends NafudaError {
  override name = "PosterBackgroundFileError";
}

const pt = (n: number): string => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(n));

/**
 * Loads a background PDF and checks it before any poster is made: readable, every page with a real size (a 0 × 0
 * or non-finite page would put infinite numbers into the poster), and every page that `pages` names there.
 * Throws a PosterBackgroundError naming the file.
 */
export async function checkPosterBackground(background: PosterBackground): Promise<PDFDocument> {
  const place = { file: background.file };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(background.pdf, { updateMetadata: false });
  } catch (error) {
    throw new PosterBackgroundError(msg("POSTER_BACKGROUND_UNREADABLE", { detail: (error as Error).message.split("\n")[0]! }), place, { cause: error });
  }
  const count = doc.getPageCount();
  if (count === 0) throw new PosterBackgroundError(msg("POSTER_BACKGROUND_UNREADABLE", { detail: "no pages" }), place);
  for (let i = 0; i < count; i++) {
    let size: { width: number; height: number };
    try {
      size = doc.getPage(i).getSize();
    } catch {
      size = { width: Number.NaN, height: Number.NaN };
    }
    if (!usableSize(size.width) || !usableSize(size.height)) {
      throw new PosterBackgroundError(msg("POSTER_BACKGROUND_PAGE_SIZE", { page: i + 1, width: pt(size.width), height: pt(size.height) }), place);
    }
  }
  for (const size of POSTER_SIZES) {
    const chosen = background.pages?.[size];
    if (chosen !== undefined && (!Number.isInteger(chosen) || chosen < 0 || chosen >= count)) {
      throw new PosterBackgroundError(msg("POSTER_BACKGROUND_NO_PAGE", { page: chosen + 1, count, size }), place);
    }
  }
  return doc;
}

/** A page side in pt: finite, at least 1 mm, at most PDF's own limit (14 400 units). */
function usableSize(value: number): boolean {
  return Number.isFinite(value) && value >= mmToPt(1) && value <= 14_400;
}

/** The office layout's margin for a size (mm), or 0 for full-bleed (see PosterOptions.posterLayout). */
export function officeMargin(size: PosterSize, plan: PrintPlan, options: Pick<PosterOptions, "posterLayout" | "background">): number {
  const office = (size === "A4" || size === "A3") && !options.background && plan.bleed === 0 && !plan.marks && !plan.printShop;
  return office && options.posterLayout !== "full-bleed" ? OFFICE_MARGIN_MM : 0;
}

/** One page of a facility's file: which size, and whether it is the poster or the page of its language panels. */
export interface PosterPagePlan {
  size: PosterSize;
  page: PosterPageKind;
  layout: PosterLayout;
}

/** Lays out the pages of one facility's file (pure apart from font loading). */
export async function layoutFacilityPosters(
  policy: PosterPolicy,
  input: FacilityInput,
  options: RenderFacilityOptions = {},
): Promise<{ content: PosterContent; pages: PosterPagePlan[] }> {
  const facility = toFacility(input);
  const faces = await loadFaces(options.fonts);
  const measure = measurerFor(faces);
  const content = posterContent(policy, facility, { dateStyle: options.dateStyle, languages: options.languages, asOf: options.asOf });
  const sizes = options.sizes ?? facility.sizes;
  if (sizes.length === 0) throw new PosterRenderError(msg("POSTER_NO_SIZES", { facility: facility.name }));
  for (const size of sizes) {
    const box = options.background?.contentBoxes?.[size];
    const problem = box ? contentBoxProblem(size, box) : null;
    if (problem) throw new PosterRenderError(msg("POSTER_BAD_CONTENT_BOX", { size, problem }));
  }
  const plan = printPlan(options);
  if ("code" in plan) throw new PosterRenderError(plan);
  const pages = sizes.flatMap((size) =>
    layoutPosterPages(content, size, measure, {
      decorations: !options.background,
      contentBox: options.background?.contentBoxes?.[size],
      design: options.designs?.[size],
      safeMargin: officeMargin(size, plan, options),
    }).map((layout) => ({ size, page: layout.page, layout })),
  );
  return { content, pages };
}

/** A facility's poster file and what is on each of its pages (for the order). */
export interface RenderedPosters {
  pdf: Uint8Array;
  pages: { size: PosterSize; page: PosterPageKind }[];
}

/** One facility's posters with the list of its pages: the poster of each size, and its language page when it has one. */
export async function renderFacilityPosterFile(policy: PosterPolicy, input: FacilityInput, options: RenderFacilityOptions = {}): Promise<RenderedPosters> {
  const facility = toFacility(input);
  const plan = printPlan(options);
  if ("code" in plan) throw new PosterRenderError(plan);
  const bleed = plan.bleed;
  const own = facilityPolicy(policy, facility);
  const { pages } = await layoutFacilityPosters(policy, facility, options);
  const overflowing = [...new Set(pages.filter((p) => p.layout.overflow).map((p) => p.size))];
  if (overflowing.length > 0) {
    throw new PosterRenderError(msg("POSTER_TEXT_TOO_LONG", { facility: facility.name, sizes: overflowing, ...(own.file ? { policy: own.file } : {}) }));
  }
  const faces = await loadFaces(options.fonts);
  if (plan.printShop) refuseCffFaces(faces, options.fonts);
  const title = `${facility.name} カスタマーハラスメント防止ポスター`;
  const doc = await createDeterministicDocument({ title, subject: `${facility.issuer ?? own.issuer} ${facility.title ?? own.title}` });
  let fonts;
  try {
    fonts = await embedFaces(doc, faces, pages.map((p) => p.layout.shapes));
  } catch (error) {
    throw new PosterRenderError(msg("POSTER_NOT_MADE", { facility: facility.name, detail: (error as Error).message }), {}, { cause: error });
  }
  if (!(fonts instanceof Map)) throw new PosterRenderError(msg("POSTER_MISSING_GLYPHS", { facility: facility.name, font: fonts.font, chars: fonts.chars }));

  let background: { doc: PDFDocument; cache: Map<number, PDFEmbeddedPage> } | null = null;
  if (options.background) {
    background = { doc: await checkPosterBackground(options.background), cache: new Map() };
    if (plan.printShop) refuseUnreadyArtwork(background.doc, options.background.file);
  }

  for (const { size, layout } of pages) {
    const frame = pageFrame(layout.width, layout.height, bleed, plan.marks);
    const page = addFramedPage(doc, frame);
    // The city's artwork is the poster's; the handout and language pages are plain text pages.
    if (background && options.background && layout.page === "poster") {
      const index = pickBackgroundPage(background.doc, size, bleed, options.background.pages?.[size]);
      let embedded = background.cache.get(index);
      if (!embedded) {
        [embedded] = await doc.embedPdf(background.doc, [index]);
        background.cache.set(index, embedded!);
      }
      const bgPage = background.doc.getPage(index);
      const { width, height } = bgPage.getSize();
      const withBleed = bleed > 0 && Math.abs(width - mmToPt(layout.width + 2 * bleed)) < mmToPt(1) && Math.abs(height - mmToPt(layout.height + 2 * bleed)) < mmToPt(1);
      const area = withBleed ? { x: frame.offset - bleed, y: frame.offset - bleed, width: layout.width + 2 * bleed, height: layout.height + 2 * bleed } : frame.trim;
      const r = rectMmToPdf(area, frame.mediaH);
      // drawPage scales by width / the page's own width: never let a non-finite factor into the PDF.
      if (![r.x, r.y, r.width / embedded!.width, r.height / embedded!.height].every(Number.isFinite)) {
        throw internalError(`background page ${index + 1}: ${pt(embedded!.width)} × ${pt(embedded!.height)} pt`);
      }
      page.drawPage(embedded!, { x: r.x, y: r.y, width: r.width, height: r.height });
    }
    drawShapes(page, layout.shapes, fonts, frame, size, { overprint: plan.printShop !== undefined });
    drawCropMarks(page, frame);
  }
  const pdf = await savePrintDocument(doc, plan.printShop ? { printShop: { title, date: plan.printShop.date } } : {});
  return { pdf, pages: pages.map(({ size, page }) => ({ size, page })) };
}

/** One facility's posters: a PDF with the pages of each size (default the facility's sizes). */
export async function renderFacilityPosters(policy: PosterPolicy, input: FacilityInput, options: RenderFacilityOptions = {}): Promise<Uint8Array> {
  return (await renderFacilityPosterFile(policy, input, options)).pdf;
}

/** One poster size, as a PDF (the poster, and its language page when the panels do not fit on it). */
export async function renderPoster(policy: PosterPolicy, facility: FacilityInput, options: RenderPosterOptions): Promise<Uint8Array> {
  const { size, ...rest } = options;
  return renderFacilityPosters(policy, facility, { ...rest, sizes: [size] });
}

/** In print-shop mode: a face given as an OpenType font with CFF outlines is refused (FONT_CFF_NOT_PDFX). */
export function refuseCffFaces(faces: Record<string, Uint8Array>, custom: Partial<Record<string, Uint8Array>> | undefined): void {
  for (const [role, bytes] of Object.entries(faces)) {
    if (custom?.[role] && isCffOpenType(bytes)) {
      throw new PosterRenderError(msg("FONT_CFF_NOT_PDFX", { font: fontInfo(bytes).postscriptName ?? role }));
    }
  }
}

/** In print-shop mode: artwork with RGB colour or transparency is refused, naming the file (BACKGROUND_NOT_PRINT_READY). */
export function refuseUnreadyArtwork(doc: PDFDocument, file: string | undefined): void {
  const found = printReadinessProblems(doc);
  if (found.length > 0) throw new PosterBackgroundError(msg("BACKGROUND_NOT_PRINT_READY", { role: msg("TEXT_ROLE_OPTION_PDF", { option: "--background" }), found }), { file });
}

function pickBackgroundPage(doc: PDFDocument, size: PosterSize, bleed: number, chosen: number | undefined): number {
  const count = doc.getPageCount();
  if (chosen !== undefined) {
    if (!Number.isInteger(chosen) || chosen < 0 || chosen >= count) {
      throw new PosterBackgroundError(msg("POSTER_BACKGROUND_NO_PAGE", { page: chosen + 1, count, size }));
    }
    return chosen;
  }
  const paper = posterPaper(size);
  const near = (a: number, b: number) => Math.abs(a - b) < mmToPt(1);
  for (let i = 0; i < count; i++) {
    const { width, height } = doc.getPage(i).getSize();
    for (const extra of [0, 2 * bleed, 2 * DEFAULT_BLEED_MM]) {
      if (near(width, mmToPt(paper.width + extra)) && near(height, mmToPt(paper.height + extra))) return i;
    }
  }
  return 0;
}
