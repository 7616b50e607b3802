/**
 * PDF output of the recording signs, on the posters' print options (PrintOptions: bleed, crop marks; a later
 * print-shop mode comes through the same object) and with the posters' drawing (src/posters/draw.ts).
 *
 * - Counter sign: one page. Office (no bleed, no marks): an A4 landscape sheet with the card, its cut lines and
 *   fold lines. For a print shop (bleed or crop marks): the card is the trim, with bleed, crop marks and
 *   TrimBox/BleedBox; the folds are marked outside the trim only.
 * - Phone stickers: office: the a4-10up label sheet, one sticker per phone, as many sheets as needed (geometry from
 *   src/geometry/sheets.ts). For a print shop: one 91 × 55 sticker page with bleed and crop marks (the sheets.ts
 *   "single" preset), to be printed as many times as there are phones (a gapless label sheet cannot carry bleed).
 */
import { planPages, resolveSheet, SHEET_PRESETS, cellRects } from "../geometry/sheets.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg } from "../messages/message.js";
import { createDeterministicDocument, savePrintDocument } from "../pdf/deterministic.js";
import { DEFAULT_BLEED_MM } from "../pdf/print-marks.js";
import { addFramedPage, drawCropMarks, drawShapes, embedFaces, loadFaces, measurerFor, pageFrame, printPlan, type PageFrame, type PrintOptions, type PrintPlan } from "../posters/draw.js";
import { toFacility, type FacilityInput } from "../posters/facilities.js";
import type { FontRole, LineShape, Shape } from "../posters/layout.js";
import type { PosterPolicy } from "../posters/policy.js";
import { PosterRenderError, refuseCffFaces } from "../posters/render.js";
import type { CalendarDate, DateStyle } from "../posters/dates.js";
import { signContent, type SignContent, type SignKind } from "./content.js";
import { layoutSticker, layoutTentCard, STICKER, TENT_CARD, TENT_FOLDS, TENT_MARGIN, TENT_SHEET, tentCutLines, type SignLayout } from "./layout.js";

export interface SignOptions extends PrintOptions {
  /** The printing date: a measure starting later is marked 「…から」. Default: today. */
  asOf?: CalendarDate;
  dateStyle?: DateStyle;
  /** Replace a bundled face. */
  fonts?: Partial<Record<FontRole, Uint8Array>>;
  /** Language of the making-up instructions printed on the card's base (default Japanese, or NAFUDA_LANG). */
  lang?: Lang;
}

/** A rendered sign file: the PDF, and what each page holds. */
export interface RenderedSigns {
  pdf: Uint8Array;
  /** Per page: the stickers on it (1 for a tent card or a print-shop sticker). */
  pages: { pieces: number }[];
  /** "a4-10up" (office sticker sheet), "91×55" (one sticker for a print shop), "A4横" (tent card). */
  size: string;
  /** Trim of one piece, mm. */
  trim: { width: number; height: number };
  /** Copies of each page to print: the counter signs, or for print-shop stickers the phones; else 1. */
  copies: number;
}

/** True when the options ask for print-shop output (print-shop mode, bleed or crop marks). */
function forPrintShop(options: PrintOptions): boolean {
  return options.printShop === true || options.cropMarks === true || (options.bleed !== undefined && options.bleed !== false && options.bleed !== 0);
}

/** The print options decided, or a PosterRenderError saying why they cannot be used. */
function planOf(options: PrintOptions): PrintPlan {
  const plan = printPlan(options);
  if ("code" in plan) throw new PosterRenderError(plan);
  return plan;
}

function contentOf(policy: PosterPolicy, input: FacilityInput, kind: SignKind, options: SignOptions): SignContent | null {
  return signContent(policy, toFacility(input), kind, { asOf: options.asOf, dateStyle: options.dateStyle });
}

async function drawPages(title: string, facility: string, pages: { frame: PageFrame; parts: { shapes: Shape[]; frame: PageFrame }[] }[], options: SignOptions, plan: PrintPlan): Promise<Uint8Array> {
  const faces = await loadFaces(options.fonts);
  if (plan.printShop) refuseCffFaces(faces, options.fonts);
  const doc = await createDeterministicDocument({ title, subject: title });
  let fonts;
  try {
    fonts = await embedFaces(doc, faces, pages.flatMap((p) => p.parts.map((part) => part.shapes)));
  } catch (error) {
    throw new PosterRenderError(msg("POSTER_NOT_MADE", { facility, detail: (error as Error).message }), {}, { cause: error });
  }
  if (!(fonts instanceof Map)) throw new PosterRenderError(msg("SIGN_MISSING_GLYPHS", { facility, font: fonts.font, chars: fonts.chars }));
  for (const { frame, parts } of pages) {
    const page = addFramedPage(doc, frame);
    for (const part of parts) drawShapes(page, part.shapes, fonts, part.frame, "sign", { overprint: plan.printShop !== undefined });
    drawCropMarks(page, frame);
  }
  return savePrintDocument(doc, plan.printShop ? { printShop: { title, date: plan.printShop.date } } : {});
}

/** Short fold marks outside the trim (a print shop's card): at each fold, left and right, beyond the bleed. */
function foldMarks(bleed: number): LineShape[] {
  const marks: LineShape[] = [];
  const gap = (bleed || DEFAULT_BLEED_MM) + 1;
  for (const y of TENT_FOLDS) {
    marks.push({ kind: "line", x1: -gap - 6, y1: y, x2: -gap, y2: y, color: [0, 0, 0], width: 0.1, dash: [1.5, 1], role: "fold-mark" });
    marks.push({ kind: "line", x1: TENT_CARD.width + gap, y1: y, x2: TENT_CARD.width + gap + 6, y2: y, color: [0, 0, 0], width: 0.1, dash: [1.5, 1], role: "fold-mark" });
  }
  return marks;
}

/** The tent card's layout for a facility (null when it does not record at the counter). */
export async function layoutCounterSign(policy: PosterPolicy, input: FacilityInput, options: SignOptions = {}): Promise<(SignLayout & { headlineSize: number }) | null> {
  const content = contentOf(policy, input, "counter", options);
  if (!content) return null;
  const lang = options.lang ?? defaultLang();
  const words = {
    howTo: formatMessage(msg("TEXT_SIGN_TENT_HOWTO", { printShop: forPrintShop(options) }), lang),
    glue: formatMessage(msg("TEXT_SIGN_TENT_GLUE"), lang),
    fold: formatMessage(msg("TEXT_SIGN_TENT_FOLD"), lang),
  };
  return layoutTentCard(content, measurerFor(await loadFaces(options.fonts)), words, { foldLines: !forPrintShop(options) });
}

/**
 * A facility's counter sign (tent card), one page; null when the facility does not record at its counters.
 * `copies` is its number of recorded counters (the facility list's 標識 counter=…, default 1).
 */
export async function renderCounterSign(policy: PosterPolicy, input: FacilityInput, options: SignOptions = {}): Promise<RenderedSigns | null> {
  const facility = toFacility(input);
  const plan = planOf(options);
  const bleed = plan.bleed;
  const layout = await layoutCounterSign(policy, facility, options);
  if (!layout) return null;
  if (layout.overflow) throw new PosterRenderError(msg("SIGN_TEXT_TOO_LONG", { facility: facility.name, kind: "counter" }));
  const title = `${facility.name} 窓口の標識`;
  let page: { frame: PageFrame; parts: { shapes: Shape[]; frame: PageFrame }[] };
  if (forPrintShop(options)) {
    const frame = pageFrame(TENT_CARD.width, TENT_CARD.height, bleed, plan.marks);
    page = { frame, parts: [{ shapes: [...layout.shapes, ...(frame.marks ? foldMarks(bleed) : [])], frame }] };
  } else {
    // The office sheet: the card 8 mm inside A4 landscape, cut lines around it.
    const sheet = pageFrame(TENT_SHEET.width, TENT_SHEET.height, 0, false);
    const card: PageFrame = { ...sheet, offset: TENT_MARGIN, trim: { x: TENT_MARGIN, y: TENT_MARGIN, width: TENT_CARD.width, height: TENT_CARD.height } };
    page = { frame: sheet, parts: [{ shapes: [...layout.shapes, ...tentCutLines()], frame: card }] };
  }
  const pdf = await drawPages(title, facility.name, [page], options, plan);
  return {
    pdf,
    pages: [{ pieces: 1 }],
    size: "A4横",
    trim: forPrintShop(options) ? { width: TENT_CARD.width, height: TENT_CARD.height } : { width: TENT_SHEET.width, height: TENT_SHEET.height },
    copies: Math.max(1, facility.signs?.counter ?? 1),
  };
}

/** The sticker's layout for a facility (null when it does not record its phones). */
export async function layoutPhoneSticker(policy: PosterPolicy, input: FacilityInput, options: SignOptions = {}): Promise<(SignLayout & { headlineSize: number }) | null> {
  const content = contentOf(policy, input, "phone", options);
  return content ? layoutSticker(content, measurerFor(await loadFaces(options.fonts))) : null;
}

/**
 * A facility's phone stickers; null when it does not record its phones. `count` (default: the facility list's
 * 標識 phone=…, else 1) stickers on a4-10up sheets, or one print-shop page printed `count` times.
 */
export async function renderPhoneStickers(policy: PosterPolicy, input: FacilityInput, options: SignOptions & { count?: number } = {}): Promise<RenderedSigns | null> {
  const facility = toFacility(input);
  const plan = planOf(options);
  const bleed = plan.bleed;
  const layout = await layoutPhoneSticker(policy, facility, options);
  if (!layout) return null;
  if (layout.overflow) throw new PosterRenderError(msg("SIGN_TEXT_TOO_LONG", { facility: facility.name, kind: "phone" }));
  const count = Math.max(1, options.count ?? facility.signs?.phone ?? 1);
  const title = `${facility.name} 電話のシール`;
  if (forPrintShop(options)) {
    const sheet = resolveSheet(SHEET_PRESETS.single!, STICKER, { cropMarks: true, bleed: bleed || DEFAULT_BLEED_MM });
    const rect = cellRects(sheet)[0]!;
    const frame: PageFrame = { offset: rect.x, offsetY: rect.y, bleed: sheet.bleed, marks: true, mediaW: sheet.page.width, mediaH: sheet.page.height, trim: rect };
    const pdf = await drawPages(title, facility.name, [{ frame, parts: [{ shapes: layout.shapes, frame }] }], options, plan);
    return { pdf, pages: [{ pieces: 1 }], size: "91×55", trim: { ...STICKER }, copies: count };
  }
  const sheet = resolveSheet(SHEET_PRESETS["a4-10up"]!, STICKER);
  const plans = planPages(count, sheet);
  const pages = plans.map((plan) => {
    const frame: PageFrame = { offset: 0, bleed: 0, marks: false, mediaW: sheet.page.width, mediaH: sheet.page.height, trim: { x: 0, y: 0, width: sheet.page.width, height: sheet.page.height } };
    const parts = plan.slots.map(({ rect }) => ({
      shapes: layout.shapes,
      frame: { ...frame, offset: rect.x, offsetY: rect.y, trim: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } },
    }));
    return { frame, parts, pieces: plan.slots.length };
  });
  const pdf = await drawPages(title, facility.name, pages, options, plan);
  return { pdf, pages: pages.map((p) => ({ pieces: p.pieces })), size: "a4-10up", trim: { ...STICKER }, copies: 1 };
}

