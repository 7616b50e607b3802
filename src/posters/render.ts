/**
 * PDF output of posters: the pure layout (layout.ts) drawn with pdf-lib, fonts subset by
 * HarfBuzz (src/pdf/fonts.ts), optional 3 mm bleed, Japanese crop marks and TrimBox/BleedBox,
 * an optional custom background PDF, deterministic bytes.
 */
import {
  PDFDocument,
  beginText,
  cmyk,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSqueeze,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFEmbeddedPage,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import { mmToPt, rectMmToPdf, type RectMm } from "../geometry/units.js";
import { formatMessage, msg, NafudaError } from "../messages/message.js";
import { createDeterministicDocument, saveDeterministic } from "../pdf/deterministic.js";
import { describeCharacter, embedFontForText, fontInfo, loadFont, missingCharacters, parseFont } from "../pdf/fonts.js";
import { cropMarkLines, cropMarkMargin, DEFAULT_BLEED_MM, MARK_LINE_WIDTH_MM } from "../pdf/print-marks.js";
import { contentBoxProblem } from "./background-layout.js";
import { posterContent, type PosterContent } from "./content.js";
import type { DateStyle } from "./dates.js";
import { toFacility, type FacilityInput, type PosterLanguage } from "./facilities.js";
import { FONT_FILES, layoutPoster, mmPerPt, type BoxMm, type FontRole, type PosterLayout, type RectShape, type TextMeasurer } from "./layout.js";
import type { PosterPolicy } from "./policy.js";
import { posterPaper, POSTER_SIZES, type PosterSize } from "./sizes.js";

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

export interface PosterOptions {
  /** Add bleed: true = 3 mm, or a number of mm. Bands extend into it. */
  bleed?: boolean | number;
  /** Japanese crop marks (トンボ) outside the bleed. */
  cropMarks?: boolean;
  /** 令和6年11月1日 ("era") or 2024年11月1日 ("western"); default the policy's. */
  dateStyle?: DateStyle;
  /** Panels to show; default the facility's languages. */
  languages?: readonly PosterLanguage[];
  background?: PosterBackground;
  /** Replace a bundled face (TTF/OTF bytes); must hold every character printed. */
  fonts?: Partial<Record<FontRole, Uint8Array>>;
}

export interface RenderPosterOptions extends PosterOptions {
  size: PosterSize;
}

export interface RenderFacilityOptions extends PosterOptions {
  /** Sizes, one page each; default the facility's sizes. */
  sizes?: readonly PosterSize[];
}

const fontCache = new Map<string, Promise<Uint8Array>>();

async function fontBytes(role: FontRole, custom?: Partial<Record<FontRole, Uint8Array>>): Promise<Uint8Array> {
  const own = custom?.[role];
  if (own) return own;
  const name = FONT_FILES[role];
  let promise = fontCache.get(name);
  if (!promise) {
    promise = loadFont(name);
    fontCache.set(name, promise);
  }
  return promise;
}

async function loadFaces(custom?: Partial<Record<FontRole, Uint8Array>>): Promise<Record<FontRole, Uint8Array>> {
  const roles = Object.keys(FONT_FILES) as FontRole[];
  const bytes = await Promise.all(roles.map((role) => fontBytes(role, custom)));
  return Object.fromEntries(roles.map((role, i) => [role, bytes[i]!])) as Record<FontRole, Uint8Array>;
}

/** Measures text by summing glyph advances (what pdf-lib draws: no kerning), in mm. */
export function measurerFor(faces: Record<FontRole, Uint8Array>): TextMeasurer {
  const advances = new Map<FontRole, Map<number, number>>();
  return (text, role, size) => {
    let table = advances.get(role);
    if (!table) advances.set(role, (table = new Map()));
    const font = parseFont(faces[role]);
    let units = 0;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      let advance = table.get(cp);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        table.set(cp, advance);
      }
      units += advance;
    }
    return units * size * mmPerPt;
  };
}

/** A poster that cannot be made as asked: text too long, characters the fonts lack, no sizes (CLI: bad input). */
export class PosterRenderError extends NafudaError {
  override name = "PosterRenderError";
}

/** A background PDF that cannot be used: unreadable, a page without a real size, a page that is not there. */
export class PosterBackgroundError extends NafudaError {
  override name = "PosterBackgroundFileError";
}

/** The most bleed that makes sense (mm); print shops ask for 3 to 5. */
export const MAX_BLEED_MM = 50;

function bleedOf(options: PosterOptions): number {
  if (options.bleed === true) return DEFAULT_BLEED_MM;
  if (typeof options.bleed === "number") {
    if (!Number.isFinite(options.bleed) || options.bleed < 0 || options.bleed > MAX_BLEED_MM) {
      throw new PosterRenderError(msg("POSTER_BAD_BLEED", { value: String(options.bleed), limit: MAX_BLEED_MM }));
    }
    return options.bleed;
  }
  return 0;
}

/** A bug, not an input problem: a plain Error (the CLI exits 3), worded from the catalogue. */
function internalError(detail: string): Error {
  return new Error(formatMessage(msg("POSTER_INTERNAL_ERROR", { detail })));
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

interface PagePlan {
  size: PosterSize;
  layout: PosterLayout;
}

/** Lays out the pages of one facility's file (pure apart from font loading). */
export async function layoutFacilityPosters(
  policy: PosterPolicy,
  input: FacilityInput,
  options: RenderFacilityOptions = {},
): Promise<{ content: PosterContent; pages: PagePlan[] }> {
  const facility = toFacility(input);
  const faces = await loadFaces(options.fonts);
  const measure = measurerFor(faces);
  const content = posterContent(policy, facility, { dateStyle: options.dateStyle, languages: options.languages });
  const sizes = options.sizes ?? facility.sizes;
  if (sizes.length === 0) throw new PosterRenderError(msg("POSTER_NO_SIZES", { facility: facility.name }));
  for (const size of sizes) {
    const box = options.background?.contentBoxes?.[size];
    const problem = box ? contentBoxProblem(size, box) : null;
    if (problem) throw new PosterRenderError(msg("POSTER_BAD_CONTENT_BOX", { size, problem }));
  }
  const pages = sizes.map((size) => ({
    size,
    layout: layoutPoster(content, size, measure, {
      decorations: !options.background,
      contentBox: options.background?.contentBoxes?.[size],
    }),
  }));
  return { content, pages };
}

/** One facility's posters: a PDF with one page per size (default the facility's sizes). */
export async function renderFacilityPosters(policy: PosterPolicy, input: FacilityInput, options: RenderFacilityOptions = {}): Promise<Uint8Array> {
  const facility = toFacility(input);
  const bleed = bleedOf(options);
  const { pages } = await layoutFacilityPosters(policy, facility, options);
  const overflowing = pages.filter((p) => p.layout.overflow).map((p) => p.size);
  if (overflowing.length > 0) {
    throw new PosterRenderError(msg("POSTER_TEXT_TOO_LONG", { facility: facility.name, sizes: overflowing, ...(policy.file ? { policy: policy.file } : {}) }));
  }
  const faces = await loadFaces(options.fonts);
  const doc = await createDeterministicDocument({
    title: `${facility.name} カスタマーハラスメント防止ポスター`,
    subject: `${policy.issuer} ${policy.title}`,
  });

  // One subset per face with every character the file prints in it.
  const textByRole = new Map<FontRole, string>();
  for (const { layout } of pages) {
    for (const shape of layout.shapes) {
      if (shape.kind === "text") textByRole.set(shape.font, (textByRole.get(shape.font) ?? "") + shape.text);
    }
  }
  const fonts = new Map<FontRole, PDFFont>();
  for (const role of Object.keys(FONT_FILES) as FontRole[]) {
    const text = textByRole.get(role);
    if (!text) continue;
    let missing: string[];
    try {
      missing = missingCharacters(faces[role], text);
      if (missing.length === 0) fonts.set(role, await embedFontForText(doc, faces[role], text));
    } catch (error) {
      throw new PosterRenderError(msg("POSTER_NOT_MADE", { facility: facility.name, detail: (error as Error).message }), {}, { cause: error });
    }
    if (missing.length > 0) {
      const font = fontInfo(faces[role]).postscriptName ?? FONT_FILES[role];
      throw new PosterRenderError(msg("POSTER_MISSING_GLYPHS", { facility: facility.name, font, chars: missing.map(describeCharacter) }));
    }
  }

  let background: { doc: PDFDocument; cache: Map<number, PDFEmbeddedPage> } | null = null;
  if (options.background) background = { doc: await checkPosterBackground(options.background), cache: new Map() };

  for (const { size, layout } of pages) {
    const marks = options.cropMarks === true;
    const markBleed = bleed || DEFAULT_BLEED_MM;
    const offset = marks ? cropMarkMargin({ bleed: markBleed }) : bleed;
    const mediaW = layout.width + 2 * offset;
    const mediaH = layout.height + 2 * offset;
    const page = doc.addPage([mmToPt(mediaW), mmToPt(mediaH)]);
    const trim: RectMm = { x: offset, y: offset, width: layout.width, height: layout.height };
    if (bleed > 0 || marks) {
      const bleedRect: RectMm = { x: offset - bleed, y: offset - bleed, width: layout.width + 2 * bleed, height: layout.height + 2 * bleed };
      const t = rectMmToPdf(trim, mediaH);
      const b = rectMmToPdf(bleedRect, mediaH);
      page.setTrimBox(t.x, t.y, t.width, t.height);
      page.setBleedBox(b.x, b.y, b.width, b.height);
    }

    if (background && options.background) {
      const index = pickBackgroundPage(background.doc, size, bleed, options.background.pages?.[size]);
      let embedded = background.cache.get(index);
      if (!embedded) {
        [embedded] = await doc.embedPdf(background.doc, [index]);
        background.cache.set(index, embedded!);
      }
      const bgPage = background.doc.getPage(index);
      const { width, height } = bgPage.getSize();
      const withBleed = bleed > 0 && Math.abs(width - mmToPt(layout.width + 2 * bleed)) < mmToPt(1) && Math.abs(height - mmToPt(layout.height + 2 * bleed)) < mmToPt(1);
      const area = withBleed ? { x: offset - bleed, y: offset - bleed, width: layout.width + 2 * bleed, height: layout.height + 2 * bleed } : trim;
      const r = rectMmToPdf(area, mediaH);
      // drawPage scales by width / the page's own width: never let a non-finite factor into the PDF.
      if (![r.x, r.y, r.width / embedded!.width, r.height / embedded!.height].every(Number.isFinite)) {
        throw internalError(`background page ${index + 1}: ${pt(embedded!.width)} × ${pt(embedded!.height)} pt`);
      }
      page.drawPage(embedded!, { x: r.x, y: r.y, width: r.width, height: r.height });
    }

    drawLayout(page, layout, fonts, { offset, bleed, mediaH });

    if (marks) {
      for (const line of cropMarkLines(trim, { bleed: markBleed })) {
        page.drawLine({
          start: { x: mmToPt(line.x1), y: mmToPt(mediaH - line.y1) },
          end: { x: mmToPt(line.x2), y: mmToPt(mediaH - line.y2) },
          thickness: mmToPt(MARK_LINE_WIDTH_MM),
          color: cmyk(1, 1, 1, 1),
        });
      }
    }
  }
  return saveDeterministic(doc);
}

/** One poster page in one size, as a PDF. */
export async function renderPoster(policy: PosterPolicy, facility: FacilityInput, options: RenderPosterOptions): Promise<Uint8Array> {
  const { size, ...rest } = options;
  return renderFacilityPosters(policy, facility, { ...rest, sizes: [size] });
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

function toRgb(color: readonly [number, number, number]) {
  return rgb(color[0], color[1], color[2]);
}

function drawLayout(page: PDFPage, layout: PosterLayout, fonts: Map<FontRole, PDFFont>, frame: { offset: number; bleed: number; mediaH: number }): void {
  const { offset, bleed, mediaH } = frame;
  const eps = 0.01;
  const fontKeys = new Map<FontRole, ReturnType<PDFPage["node"]["newFontDictionary"]>>();
  for (const shape of layout.shapes) {
    const numbers = shape.kind === "rect" ? [shape.x, shape.y, shape.width, shape.height, shape.lineWidth ?? 0] : [shape.x, shape.y, shape.size, shape.scaleX];
    if (!numbers.every(Number.isFinite)) throw internalError(`${layout.size}: a ${shape.kind === "rect" ? "box" : `text (${shape.role})`} at ${numbers.join(", ")}`);
    if (shape.kind === "rect") {
      let { x, y, width, height } = shape;
      if (shape.decoration && bleed > 0 && shape.fill && !shape.stroke) {
        // Bands that touch the trim edge run on into the bleed.
        if (x <= eps) {
          x -= bleed;
          width += bleed;
        }
        if (shape.x + shape.width >= layout.width - eps) width += bleed;
        if (y <= eps) {
          y -= bleed;
          height += bleed;
        }
        if (shape.y + shape.height >= layout.height - eps) height += bleed;
      }
      drawRect(page, { ...shape, x: x + offset, y: y + offset, width, height }, mediaH);
      continue;
    }
    const font = fonts.get(shape.font);
    if (!font) throw internalError(`no font embedded for ${shape.font}`);
    let key = fontKeys.get(shape.font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      fontKeys.set(shape.font, key);
    }
    page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFillingRgbColor(shape.color[0], shape.color[1], shape.color[2]),
      setFontAndSize(key, shape.size),
      setCharacterSqueeze(Math.round(shape.scaleX * 1000) / 10),
      setTextMatrix(1, 0, 0, 1, mmToPt(shape.x + offset), mmToPt(mediaH - (shape.y + offset))),
      showText(font.encodeText(shape.text)),
      endText(),
      popGraphicsState(),
    );
  }
}

function drawRect(page: PDFPage, shape: RectShape, mediaH: number): void {
  const r = rectMmToPdf(shape, mediaH);
  page.drawRectangle({
    x: r.x,
    y: r.y,
    width: r.width,
    height: r.height,
    color: shape.fill ? toRgb(shape.fill) : undefined,
    borderColor: shape.stroke ? toRgb(shape.stroke) : undefined,
    borderWidth: shape.stroke ? mmToPt(shape.lineWidth ?? 0.3) : 0,
  });
}
