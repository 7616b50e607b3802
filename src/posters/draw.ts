/**
 * Drawing laid-out pages (posters, signs) with pdf-lib: the page geometry for bleed and crop marks, the fonts
 * subset to what the pages print, and the shapes. Shared by src/posters/render.ts and src/signs/render.ts, so
 * that one set of print options (PrintOptions) means the same on every product.
 */
import {
  beginText,
  closePath,
  cmyk,
  endText,
  fill,
  lineTo,
  moveTo,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFillingCmykColor,
  setFontAndSize,
  setGraphicsState,
  setLineCap,
  setLineWidth,
  setTextMatrix,
  showText,
  stroke,
  LineCapStyle,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import { mmToPt, rectMmToPdf, type RectMm } from "../geometry/units.js";
import { formatMessage, msg, type CodedMessage } from "../messages/message.js";
import { describeCharacter, embedFontForText, fontInfo, loadFont, missingCharacters, parseFont } from "../pdf/fonts.js";
import { BLACK, rgbToCmyk, textInk, type Cmyk, type RgbTriple } from "../pdf/colour.js";
import { documentDate, isBadDocumentDate, OVERPRINT_RESOURCE, OVERPRINT_STATE, REGISTRATION_RESOURCE } from "../pdf/pdfx.js";
import { cropMarkLines, cropMarkMargin, DEFAULT_BLEED_MM, MARK_LINE_WIDTH_MM, type LineMm } from "../pdf/print-marks.js";
import { FONT_FILES, mmPerPt, type FontRole, type RectShape, type Shape, type TextMeasurer } from "./layout.js";
import { KI_HEIGHT_EM } from "./legibility.js";
import { QR_QUIET_ZONE, qrRuns } from "./qr.js";

/**
 * How a product is printed: the options every poster and sign takes alike (issue 13: the print-shop mode reaches
 * every product through them).
 */
export interface PrintOptions {
  /**
   * Add bleed: true = 3 mm, or a number of mm. Colour that touches the trim runs on into it. Default (and false): 3 mm
   * with crop marks or in print-shop mode, else none. Crop marks with a bleed of 0 are refused (PRINT_MARKS_NEED_BLEED).
   */
  bleed?: boolean | number;
  /** Japanese crop marks (トンボ) outside the bleed, with TrimBox and BleedBox. Default: on in print-shop mode. */
  cropMarks?: boolean;
  /**
   * Print-shop mode: PDF/X-1a:2003 (OutputIntent Japan Color 2001 Coated, XMP, dates, /ID, black text
   * overprinting), bleed and crop marks on by default, the artwork full-bleed. A city's artwork PDF must be CMYK
   * without transparency.
   */
  printShop?: boolean;
  /**
   * The document's date in print-shop files (CreationDate, ModDate, XMP): YYYY-MM-DD or an ISO date and time.
   * Default SOURCE_DATE_EPOCH, else 2020-01-01 (never the clock).
   */
  date?: string | Date;
}

/** What a set of PrintOptions comes to. */
export interface PrintPlan {
  bleed: number;
  marks: boolean;
  /** The date of a print-shop file; absent for everyday files. */
  printShop?: { date: Date };
}

/**
 * The print options decided: bleed and marks with their defaults, the print-shop date; or the message saying why
 * they cannot be used (a bad bleed, crop marks or print-shop mode without bleed, a date that cannot be read).
 */
export function printPlan(options: PrintOptions, env: Readonly<Record<string, string | undefined>> = process.env): PrintPlan | CodedMessage {
  const marks = options.cropMarks ?? options.printShop === true;
  const wantsBleed = marks || options.printShop === true;
  const bleed = (options.bleed === undefined || options.bleed === false) && wantsBleed ? DEFAULT_BLEED_MM : bleedMm(options);
  if (typeof bleed !== "number") return bleed;
  if (wantsBleed && bleed === 0) return msg("PRINT_MARKS_NEED_BLEED", { printShop: options.printShop === true });
  if (!options.printShop) return { bleed, marks };
  const date = documentDate(options.date, env);
  if (isBadDocumentDate(date)) return msg("PRINT_BAD_DATE", { value: date.bad, from: date.from });
  return { bleed, marks, printShop: { date } };
}

/** Whether a product made with these options has bleed and crop marks, as printPlan decides (for the order summary). */
export function printedWith(options: PrintOptions): { bleed: boolean; cropMarks: boolean } {
  const plan = printPlan(options);
  return "code" in plan ? { bleed: false, cropMarks: false } : { bleed: plan.bleed > 0, cropMarks: plan.marks };
}

/** The most bleed that makes sense (mm); print shops ask for 3 to 5. */
export const MAX_BLEED_MM = 50;

/** The bleed in mm, or a message saying why the value cannot be used. */
export function bleedMm(options: PrintOptions): number | CodedMessage {
  if (options.bleed === true) return DEFAULT_BLEED_MM;
  if (typeof options.bleed === "number") {
    if (!Number.isFinite(options.bleed) || options.bleed < 0 || options.bleed > MAX_BLEED_MM) {
      return msg("POSTER_BAD_BLEED", { value: String(options.bleed), limit: MAX_BLEED_MM });
    }
    return options.bleed;
  }
  return 0;
}

/** Where the trim sits on the page: the page is the trim, plus bleed, plus room for the marks. */
export interface PageFrame {
  /** mm from the page's left edge (and top edge, unless offsetY says otherwise) to the trim. */
  offset: number;
  offsetY?: number;
  bleed: number;
  marks: boolean;
  mediaW: number;
  mediaH: number;
  trim: RectMm;
}

export function pageFrame(trimW: number, trimH: number, bleed: number, marks: boolean): PageFrame {
  const markBleed = bleed || DEFAULT_BLEED_MM;
  const offset = marks ? cropMarkMargin({ bleed: markBleed }) : bleed;
  return { offset, bleed, marks, mediaW: trimW + 2 * offset, mediaH: trimH + 2 * offset, trim: { x: offset, y: offset, width: trimW, height: trimH } };
}

/** Adds a page for the frame, with TrimBox and BleedBox when it has bleed or marks. */
export function addFramedPage(doc: PDFDocument, frame: PageFrame): PDFPage {
  const page = doc.addPage([mmToPt(frame.mediaW), mmToPt(frame.mediaH)]);
  if (frame.bleed > 0 || frame.marks) {
    const t = rectMmToPdf(frame.trim, frame.mediaH);
    const b = rectMmToPdf({ x: frame.trim.x - frame.bleed, y: frame.trim.y - frame.bleed, width: frame.trim.width + 2 * frame.bleed, height: frame.trim.height + 2 * frame.bleed }, frame.mediaH);
    page.setTrimBox(t.x, t.y, t.width, t.height);
    page.setBleedBox(b.x, b.y, b.width, b.height);
  }
  return page;
}

/** Japanese crop marks around the frame's trim, in registration colour (all inks). */
export function drawCropMarks(page: PDFPage, frame: PageFrame): void {
  if (!frame.marks) return;
  drawRegistrationLines(page, cropMarkLines(frame.trim, { bleed: frame.bleed || DEFAULT_BLEED_MM }), frame.mediaH);
}

const registrationSpaces = new WeakMap<PDFDocument, PDFRef>();

/** The page's resource /CSReg: registration colour (Separation /All), one object per document. */
function useRegistration(page: PDFPage): void {
  const doc = page.doc;
  let ref = registrationSpaces.get(doc);
  if (!ref) {
    const space = doc.context.obj(["Separation", "All", "DeviceCMYK", { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 }]);
    registrationSpaces.set(doc, (ref = doc.context.register(space)));
  }
  const { Resources } = page.node.normalizedEntries();
  let spaces = Resources.lookupMaybe(PDFName.of("ColorSpace"), PDFDict);
  if (!spaces) {
    spaces = doc.context.obj({});
    Resources.set(PDFName.of("ColorSpace"), spaces);
  }
  spaces.set(PDFName.of(REGISTRATION_RESOURCE), ref);
}

/** Lines (mm, top-left origin) stroked in registration colour: crop marks, fold marks, every mark for the printer. */
export function drawRegistrationLines(page: PDFPage, lines: readonly (LineMm & { dash?: readonly number[]; width?: number })[], mediaH: number, offset = { x: 0, y: 0 }): void {
  if (lines.length === 0) return;
  useRegistration(page);
  const ops: PDFOperator[] = [pushGraphicsState(), setLineCap(LineCapStyle.Butt)];
  ops.push(PDFOperator.of("CS" as never, [PDFName.of(REGISTRATION_RESOURCE)]), PDFOperator.of("SCN" as never, [PDFNumber.of(1)]));
  for (const line of lines) {
    ops.push(setLineWidth(mmToPt(line.width ?? MARK_LINE_WIDTH_MM)));
    ops.push(PDFOperator.of("d" as never, [page.doc.context.obj((line.dash ?? []).map(mmToPt)), PDFNumber.of(0)]));
    ops.push(
      moveTo(mmToPt(line.x1 + offset.x), mmToPt(mediaH - (line.y1 + offset.y))),
      lineTo(mmToPt(line.x2 + offset.x), mmToPt(mediaH - (line.y2 + offset.y))),
      stroke(),
    );
  }
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
}

/** A pdf-lib colour from the colour rule (src/pdf/colour.ts): never DeviceRGB. */
export function inkColour(rgb: RgbTriple): Color {
  const c = rgbToCmyk(rgb);
  return cmyk(c.c, c.m, c.y, c.k);
}

const overprintStates = new WeakMap<PDFDocument, PDFRef>();

/** The page's resource /GSop (overprint on, OPM 1), for black text in print-shop files. */
function useOverprint(page: PDFPage): PDFName {
  const doc = page.doc;
  let ref = overprintStates.get(doc);
  if (!ref) overprintStates.set(doc, (ref = doc.context.register(doc.context.obj({ ...OVERPRINT_STATE }))));
  page.node.setExtGState(PDFName.of(OVERPRINT_RESOURCE), ref);
  return PDFName.of(OVERPRINT_RESOURCE);
}

const fontCache = new Map<string, Promise<Uint8Array>>();

/** The bytes of the design's faces: the bundled BIZ UD fonts, or the caller's. */
export async function loadFaces(custom?: Partial<Record<FontRole, Uint8Array>>): Promise<Record<FontRole, Uint8Array>> {
  const roles = Object.keys(FONT_FILES) as FontRole[];
  const bytes = await Promise.all(
    roles.map((role) => {
      const own = custom?.[role];
      if (own) return own;
      const name = FONT_FILES[role];
      let promise = fontCache.get(name);
      if (!promise) fontCache.set(name, (promise = loadFont(name)));
      return promise;
    }),
  );
  return Object.fromEntries(roles.map((role, i) => [role, bytes[i]!])) as Record<FontRole, Uint8Array>;
}

/** Measures text by summing glyph advances (what pdf-lib draws: no kerning), in mm; knows each face's 「木」. */
export function measurerFor(faces: Record<FontRole, Uint8Array>): TextMeasurer {
  const advances = new Map<FontRole, Map<number, number>>();
  const ki = new Map<FontRole, number>();
  const measure: TextMeasurer = (text, role, size) => {
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
  measure.kiHeight = (role) => {
    let value = ki.get(role);
    if (value === undefined) {
      const font = parseFont(faces[role]);
      const glyph = font.glyphForCodePoint(0x6728); // 木
      const box = glyph.id ? glyph.bbox : null;
      value = box && box.maxY > box.minY ? (box.maxY - box.minY) / font.unitsPerEm : KI_HEIGHT_EM;
      ki.set(role, value);
    }
    return value;
  };
  return measure;
}

/** A face lacks characters the pages print: which face, which characters. */
export interface MissingGlyphs {
  font: string;
  chars: string[];
}

/**
 * Embeds one subset per face with every character the pages print in it. Returns the fonts, or the first face
 * that lacks characters.
 */
export async function embedFaces(doc: PDFDocument, faces: Record<FontRole, Uint8Array>, pages: readonly (readonly Shape[])[]): Promise<Map<FontRole, PDFFont> | MissingGlyphs> {
  const textByRole = new Map<FontRole, string>();
  for (const shapes of pages) {
    for (const shape of shapes) if (shape.kind === "text") textByRole.set(shape.font, (textByRole.get(shape.font) ?? "") + shape.text);
  }
  const fonts = new Map<FontRole, PDFFont>();
  for (const role of Object.keys(FONT_FILES) as FontRole[]) {
    const text = textByRole.get(role);
    if (!text) continue;
    const missing = missingCharacters(faces[role], text);
    if (missing.length > 0) return { font: fontInfo(faces[role]).postscriptName ?? FONT_FILES[role], chars: missing.map(describeCharacter) };
    fonts.set(role, await embedFontForText(doc, faces[role], text));
  }
  return fonts;
}

/** A bug, not an input problem: a plain Error (the CLI exits 3), worded from the catalogue. */
export function internalError(detail: string): Error {
  return new Error(formatMessage(msg("POSTER_INTERNAL_ERROR", { detail })));
}

function shapeNumbers(shape: Shape): number[] {
  switch (shape.kind) {
    case "rect":
      return [shape.x, shape.y, shape.width, shape.height, shape.lineWidth ?? 0];
    case "text":
      return [shape.x, shape.y, shape.size, shape.scaleX];
    case "line":
      return [shape.x1, shape.y1, shape.x2, shape.y2, shape.width, ...(shape.dash ?? [])];
    case "qr":
      return [shape.x, shape.y, shape.size];
  }
}

/**
 * Draws shapes laid out in mm from the trim's top-left onto a page with the given frame. Decoration fills that
 * touch the trim edge run on into the bleed.
 */
export function drawShapes(page: PDFPage, shapes: readonly Shape[], fonts: Map<FontRole, PDFFont>, frame: PageFrame, what: string, options: { overprint?: boolean } = {}): void {
  const { offset, bleed, mediaH } = frame;
  const offsetY = frame.offsetY ?? offset;
  const trimW = frame.trim.width;
  const trimH = frame.trim.height;
  const eps = 0.01;
  const fontKeys = new Map<FontRole, ReturnType<PDFPage["node"]["newFontDictionary"]>>();
  const X = (mm: number) => mmToPt(mm + offset);
  const Y = (mm: number) => mmToPt(mediaH - (mm + offsetY));
  for (const shape of shapes) {
    if (!shapeNumbers(shape).every(Number.isFinite)) throw internalError(`${what}: a ${shape.kind} at ${shapeNumbers(shape).join(", ")}`);
    if (shape.kind === "rect") {
      let { x, y, width, height } = shape;
      if (shape.decoration && bleed > 0 && shape.fill && !shape.stroke) {
        if (x <= eps) {
          x -= bleed;
          width += bleed;
        }
        if (shape.x + shape.width >= trimW - eps) width += bleed;
        if (y <= eps) {
          y -= bleed;
          height += bleed;
        }
        if (shape.y + shape.height >= trimH - eps) height += bleed;
      }
      drawRect(page, { ...shape, x: x + offset, y: y + offsetY, width, height }, mediaH);
      continue;
    }
    if (shape.kind === "line") {
      // Marks outside the trim (a print shop's fold marks) are for the printer: registration colour, as crop marks.
      if (shape.role.endsWith("-mark")) {
        drawRegistrationLines(page, [{ x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2, width: shape.width, ...(shape.dash ? { dash: shape.dash } : {}) }], mediaH, { x: offset, y: offsetY });
        continue;
      }
      page.drawLine({
        start: { x: X(shape.x1), y: Y(shape.y1) },
        end: { x: X(shape.x2), y: Y(shape.y2) },
        thickness: mmToPt(shape.width),
        color: inkColour(shape.color),
        ...(shape.dash ? { dashArray: shape.dash.map(mmToPt), dashPhase: 0 } : {}),
      });
      continue;
    }
    if (shape.kind === "qr") {
      // White quiet zone, then one black rectangle per run of dark modules (pure K, as scanners and presses like).
      const modules = shape.matrix.count + 2 * QR_QUIET_ZONE;
      const unit = shape.size / modules;
      const q = QR_QUIET_ZONE;
      page.drawRectangle({ x: X(shape.x), y: Y(shape.y + shape.size), width: mmToPt(shape.size), height: mmToPt(shape.size), color: cmyk(0, 0, 0, 0) });
      const ops = [pushGraphicsState(), setFillingCmykColor(0, 0, 0, 1)];
      for (const [mx, my, length] of qrRuns(shape.matrix)) {
        const x0 = X(shape.x + (mx + q) * unit);
        const x1 = X(shape.x + (mx + q + length) * unit);
        const y0 = Y(shape.y + (my + q) * unit);
        const y1 = Y(shape.y + (my + q + 1) * unit);
        ops.push(moveTo(x0, y0), lineTo(x1, y0), lineTo(x1, y1), lineTo(x0, y1), closePath());
      }
      ops.push(fill(), popGraphicsState());
      page.pushOperators(...ops);
      continue;
    }
    const font = fonts.get(shape.font);
    if (!font) throw internalError(`no font embedded for ${shape.font}`);
    let key = fontKeys.get(shape.font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      fontKeys.set(shape.font, key);
    }
    const r = shape.rotation === 180 ? -1 : 1;
    // Text is K only (colour.ts textInk); black text overprints in print-shop files.
    const ink: Cmyk = textInk(shape.color);
    const overprint = options.overprint === true && ink.k === BLACK.k && ink.c + ink.m + ink.y === 0;
    page.pushOperators(
      pushGraphicsState(),
      ...(overprint ? [setGraphicsState(useOverprint(page))] : []),
      beginText(),
      setFillingCmykColor(ink.c, ink.m, ink.y, ink.k),
      setFontAndSize(key, shape.size),
      setCharacterSqueeze(Math.round(shape.scaleX * 1000) / 10),
      setTextMatrix(r, 0, 0, r, X(shape.x), Y(shape.y)),
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
    color: shape.fill ? inkColour(shape.fill) : undefined,
    borderColor: shape.stroke ? inkColour(shape.stroke) : undefined,
    borderWidth: shape.stroke ? mmToPt(shape.lineWidth ?? 0.3) : 0,
  });
}
