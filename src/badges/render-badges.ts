import { deflateSync } from "node:zlib";
import { msg, NafudaError, placeMessage, type CodedMessage } from "../messages/message.js";
import type { RowError, StaffReading } from "../model.js";
import { mmToPt, type RectMm, type SizeMm } from "../geometry/units.js";
import {
  planPages,
  resolveSheet,
  sheetPreset,
  cellRects,
  type PlacementOptions,
  type Sheet,
  type SheetSpec,
} from "../geometry/sheets.js";
import { BackgroundFileError, libraryDetail } from "../pdf/artwork-error.js";
import { pdfNumber } from "../pdf/numbers.js";
import {
  bundledFontPath,
  describeCharacter,
  fontErrorFor,
  fontInfo,
  isBundledFontName,
  isCffOpenType,
  loadFont,
  missingCharacters,
  needsNoGlyph,
} from "../pdf/font-files.js";
import { subsetCidFont, writeCidFont, type CidFont } from "../pdf/cid-font.js";
import { warmUpHarfBuzz } from "../pdf/harfbuzz.js";
import { BytesSink, PdfWriter, type PdfLibObject, type PdfSink } from "../pdf/pdf-writer.js";
import { array, dict, exact, int, name, rectangle, ref } from "../pdf/pdf-syntax.js";
import { bleedRect, cropMarkLines, cutGuideLines, linesToContent } from "../pdf/print-marks.js";
import { BLACK, fillOperator, isKOnly, textColourToInk } from "../pdf/colour.js";
import { FontFileError } from "../pdf/font-error.js";
import { infoDict, OVERPRINT_EXT_G_STATE, REGISTRATION_COLOUR_SPACE, writePrintCatalogEntries } from "../pdf/print-objects.js";
import { documentDate, isBadDocumentDate, OVERPRINT_RESOURCE, REGISTRATION_RESOURCE } from "../pdf/pdfx.js";
import { fitText } from "../text/fit-text.js";
import { fieldText, sortForHandout } from "./fields.js";
import type { Background } from "./background.js";
import { checkTemplateNumbers, loadTemplate, templatePath, TemplateError, type BadgeField, type BadgeSide, type BadgeTemplate } from "./template.js";

/**
 * Badge PDFs, written as they are made (pdf/pdf-writer.ts): the rows are checked against the fonts first (a row
 * whose text a font lacks is left out, named), which gives every text the document prints, so the fonts are
 * HarfBuzz-subset before the first page; then each page's content stream and page object go to the output as soon
 * as the page is laid out, and the page tree, catalog and cross-reference table close the file. Memory does not grow
 * with the number of pages (170,000 badges are 17,000 pages), and nothing of pdf-lib or fontkit is loaded unless a
 * template has a background PDF (then pdf-lib embeds its page, and its objects stream through the same writer).
 *
 * The same input gives the same bytes, whether written to a file (renderBadgesToFile, the CLI), to a sink
 * (writeBadgeSheets) or returned (renderBadgeSheets, renderBadges: small jobs, the web page).
 */

export interface RenderBadgesOptions extends PlacementOptions {
  /** A template, or a built-in name ("standard", "card", "standard-duplex") or JSON path. */
  template: BadgeTemplate | string;
  /** A sheet preset name ("a4-10up", "a4-8up-card", "a4-1up", "single"), or custom geometry. Default: a4-10up for 91 × 55 badges, a4-8up-card for cards, else a4-1up. */
  sheet?: SheetSpec | string;
  /** Fonts by the name templates use, as bytes or paths: overrides the bundled fonts and template paths. */
  fonts?: Record<string, Uint8Array | string>;
  /** Print a back page behind every front page (mirrored), with the template's back side (or the front again). Default: when the template has a back. */
  duplex?: boolean;
  /** 3 mm bleed, Japanese crop marks and TrimBox/BleedBox (one-per-page sheets). */
  cropMarks?: boolean;
  /** Thin cut guides in the margins of multi-up sheets. */
  cutGuides?: boolean;
  /** "handout" (default): by 所属, then kana. "input": as given. */
  order?: "handout" | "input";
  /** Document title (default "名札"). */
  title?: string;
  /**
   * Print-shop mode: PDF/X-1a:2003 (OutputIntent Japan Color 2001 Coated, XMP, dates, /ID, black text overprinting).
   * Without a sheet: one badge a page with 3 mm bleed and crop marks ("single"); on a one-up sheet crop marks are on
   * unless `cropMarks: false`. A background PDF must be CMYK without transparency; a CFF (.otf) font is refused.
   */
  printShop?: boolean;
  /** The date print-shop files carry (CreationDate, ModDate, XMP): YYYY-MM-DD or ISO; default SOURCE_DATE_EPOCH, else 2020-01-01. */
  date?: string | Date;
  /** Called after each page is laid out. */
  onProgress?: (pagesDone: number, pagesTotal: number) => void;
}

export interface BadgeRenderResult {
  pdf: Uint8Array;
  /** Badges printed. */
  badges: number;
  pages: number;
  sheet: Sheet;
  /** Rows left out, each naming the row and what is wrong (e.g. a character the font lacks). */
  errors: RowError[];
  /** Rows printed, but with text condensed past the template's floor at its minimum size. */
  warnings: RowError[];
}

/** Rows that cannot be printed (BADGES_UNPRINTABLE); `errors` names each row and character (BADGE_MISSING_GLYPH). */
export class BadgeRenderError extends NafudaError {
  override name = "BadgeRenderError";
  constructor(readonly errors: RowError[]) {
    super(
      msg("BADGES_UNPRINTABLE", {
        count: errors.length,
        rows: errors.map((e) =>
          msg("TEXT_PLACED_ITEM", {
            where: placeMessage({ file: e.file, row: e.row, sheetRow: e.sheetRow, column: e.column }),
            text: { code: e.code, ...(e.params !== undefined ? { params: e.params } : {}) } as CodedMessage,
          }),
        ),
      }),
    );
  }
}

export interface BadgeFileResult {
  /** The file written; absent when no badge could be printed (then nothing is written and a previous file stays). */
  path?: string;
  /** Badges printed. */
  badges: number;
  pages: number;
  sheet: Sheet;
  /** Bytes written. */
  bytes: number;
  /** Rows left out, each naming the row and what is wrong (e.g. a character the font lacks). */
  errors: RowError[];
  /** Rows printed, but with text condensed past the template's floor at its minimum size. */
  warnings: RowError[];
}

interface LoadedFont {
  key: string;
  /** The font's file, or the template's name for it when it came as bytes: the place of a font error. */
  file: string;
  label: string;
  bytes: Uint8Array;
  ascent: number; // em
  descent: number; // em (negative)
  resourceName: string;
}

interface PreparedField {
  field: BadgeField;
  box: RectMm;
  font: LoadedFont;
  colourOp: string;
  /** K 100 %: overprints in print-shop files. */
  black: boolean;
}

interface PreparedSide {
  fields: PreparedField[];
  background?: Background;
  /** XObject resource name of the background page (B1, B2). */
  backgroundName?: string;
  /** Its object number (among the background objects, which are numbered first). */
  backgroundObject?: number;
}

/** A template read, its sheet resolved, its fonts loaded and its backgrounds embedded: once per run (and per split). */
interface PreparedBadges {
  template: BadgeTemplate;
  badge: SizeMm;
  sheet: Sheet;
  options: RenderBadgesOptions;
  front: PreparedSide;
  back: PreparedSide | undefined;
  duplex: boolean;
  sides: PreparedSide[];
  fonts: LoadedFont[];
  /** Background pages' objects, numbered 1…n in their own pdf-lib context, written before everything else. */
  backgroundObjects: Array<[number, PdfLibObject]>;
  /** Font → text → the characters that font lacks (kept across the groups of a split). */
  missing: Map<LoadedFont, Map<string, string[]>>;
  /** Print-shop mode: the document's date (PDF/X-1a:2003). */
  date?: Date;
}

const num = pdfNumber;

/** A field's text colour as the fill operator: K only, by the colour rule (src/pdf/colour.ts; default black). */
function colourOperator(colour: string | undefined): { op: string; black: boolean } {
  const ink = colour ? (textColourToInk(colour) ?? BLACK) : BLACK;
  return { op: fillOperator(ink), black: ink.k === 1 && isKOnly(ink) };
}

function defaultSheetFor(badge: SizeMm): string {
  if (Math.abs(badge.width - 91) < 0.5 && Math.abs(badge.height - 55) < 0.5) return "a4-10up";
  if (badge.width <= 85.61 && badge.height <= 54.01) return "a4-8up-card";
  return "a4-1up";
}

async function prepareBadges(options: RenderBadgesOptions): Promise<PreparedBadges> {
  // HarfBuzz's WebAssembly is compiled off the main thread while the template and fonts are read.
  warmUpHarfBuzz();
  const template = typeof options.template === "string" ? await loadTemplate(options.template) : options.template;
  checkTemplateNumbers(template);
  const badge = { width: template.width, height: template.height };
  const printShop = options.printShop === true;
  const sheetSpec =
    typeof options.sheet === "object" ? options.sheet : sheetPreset(options.sheet ?? (options.cropMarks || (printShop && options.cropMarks !== false) ? "single" : defaultSheetFor(badge)));
  // Print-shop mode: crop marks (with their bleed) on a one-up sheet unless asked not to; a multi-up sheet cannot carry them.
  const cropMarks = options.cropMarks ?? (printShop && sheetSpec.columns === 1 && sheetSpec.rows === 1 ? true : undefined);
  const sheet = resolveSheet(sheetSpec, badge, cropMarks !== undefined ? { cropMarks } : {});
  let date: Date | undefined;
  if (printShop) {
    const resolved = documentDate(options.date, process.env);
    if (isBadDocumentDate(resolved)) throw new NafudaError(msg("PRINT_BAD_DATE", { value: resolved.bad, from: resolved.from }));
    date = resolved;
  }

  // Sides and fonts.
  const fonts = new Map<string, LoadedFont>();
  const fontFor = async (fontName: string): Promise<LoadedFont> => {
    const override = options.fonts?.[fontName];
    const source: string | Uint8Array = override ?? (isBundledFontName(fontName) ? fontName : templatePath(template, fontName));
    const key = typeof source === "string" ? source : `bytes:${fontName}`;
    let loaded = fonts.get(key);
    if (!loaded) {
      const file = typeof source !== "string" ? fontName : isBundledFontName(source) ? bundledFontPath(source) : source;
      const bytes = await loadFont(source);
      let info;
      try {
        info = fontInfo(bytes, file);
      } catch (error) {
        throw fontErrorFor(error, file);
      }
      if (printShop && isCffOpenType(bytes)) throw new FontFileError(msg("FONT_CFF_NOT_PDFX", { font: info.postscriptName ?? fontName }), { file });
      loaded = {
        key,
        file,
        label: fontName,
        bytes,
        ascent: info.ascent / info.unitsPerEm,
        descent: info.descent / info.unitsPerEm,
        resourceName: `F${fonts.size + 1}`,
      };
      fonts.set(key, loaded);
    }
    return loaded;
  };
  const prepareSide = async (side: BadgeSide): Promise<PreparedSide> => {
    // pdf-lib is loaded only for a template with a background PDF.
    const background = side.background ? await (await import("./background.js")).readBackground(templatePath(template, side.background), badge) : undefined;
    if (background && printShop) await refuseUnreadyBackground(background);
    const fields: PreparedField[] = [];
    for (const field of side.fields) {
      const fieldName = field.name ?? field.source;
      const fromForm = background?.boxes.get(fieldName);
      const box: RectMm | undefined =
        fromForm ??
        (field.x !== undefined && field.y !== undefined && field.width !== undefined && field.height !== undefined
          ? { x: field.x, y: field.y, width: field.width, height: field.height }
          : undefined);
      if (!box) {
        throw new TemplateError(template.name, msg("TEMPLATE_NO_FORM_FIELD", { template: template.name, field: fieldName }), background ? { file: background.path } : {});
      }
      const colour = colourOperator(field.colour);
      fields.push({ field, box, font: await fontFor(field.font), colourOp: colour.op, black: colour.black });
    }
    return { fields, ...(background ? { background } : {}) };
  };
  const front = await prepareSide(template);
  const duplex = options.duplex ?? template.back !== undefined;
  const back = duplex ? (template.back && template.back !== "same" ? await prepareSide(template.back) : front) : undefined;
  const sides = back && back !== front ? [front, back] : [front];
  const backgroundObjects = sides.some((side) => side.background) ? await embedBackgrounds(sides) : [];
  return { template, badge, sheet, options, front, back, duplex, sides, fonts: [...fonts.values()], backgroundObjects, missing: new Map(), ...(date ? { date } : {}) };
}

/** Print-shop mode: a background with RGB colour or transparency is refused, naming the file (BACKGROUND_NOT_PRINT_READY). */
async function refuseUnreadyBackground(background: Background): Promise<void> {
  const { PDFDocument } = await import("pdf-lib");
  const { printReadinessProblems } = await import("../pdf/print-readiness.js");
  const found = printReadinessProblems(await PDFDocument.load(background.bytes, { updateMetadata: false, ignoreEncryption: true }), [0]);
  if (found.length > 0) throw new BackgroundFileError(background.path, msg("BACKGROUND_NOT_PRINT_READY", { role: msg("TEXT_ROLE_TEMPLATE_BACKGROUND"), found }));
}

/**
 * Each side's background page as a form XObject, by pdf-lib (embedPdf), then copied alone into a context of its own:
 * only the objects the XObject reaches (its content, resources, images, fonts), numbered 1…n, none of the donor's
 * page, annotations or form. The writer numbers the document's own objects after them.
 */
async function embedBackgrounds(sides: PreparedSide[]): Promise<Array<[number, PdfLibObject]>> {
  const { PDFContext, PDFDocument, PDFObjectCopier } = await import("pdf-lib");
  const { withoutPdfLibWarnings } = await import("../pdf/artwork-pdf.js");
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const context = PDFContext.create();
  const copier = PDFObjectCopier.for(scratch.context, context);
  let count = 0;
  for (const side of sides) {
    if (!side.background) continue;
    const bytes = side.background.bytes;
    try {
      const [page] = await withoutPdfLibWarnings(async () => {
        const pages = await scratch.embedPdf(bytes, [0]);
        for (const embedded of pages) await embedded.embed();
        return pages;
      });
      if (!page) continue;
      side.backgroundName = `B${++count}`;
      side.backgroundObject = copier.copy(page.ref).objectNumber;
    } catch (error) {
      // readBackground embedded it once already; this is the same file read again.
      throw new BackgroundFileError(side.background.path, msg("BACKGROUND_DAMAGED", { role: msg("TEXT_ROLE_TEMPLATE_BACKGROUND"), detail: libraryDetail(error) }), { cause: error });
    }
  }
  return context
    .enumerateIndirectObjects()
    .map(([reference, object]): [number, PdfLibObject] => [reference.objectNumber, object])
    .sort((a, b) => a[0] - b[0]);
}

export interface CheckedRows {
  printable: StaffReading[];
  /**
   * What each printable row prints: its texts in the order of `fieldOrder` ("" for an empty field), row after row
   * in one list (row i's at i × the number of fields): one array for 170,000 badges, not one each (~8 MB).
   */
  texts: string[];
  errors: RowError[];
  /** Every text each font prints, in first-seen order. */
  fontTexts: Map<LoadedFont, Set<string>>;
}

/** Every field of every side, once (a duplex template whose back is "same" prints the front's fields again). */
function fieldOrder(prepared: PreparedBadges): PreparedField[] {
  return prepared.sides.flatMap((side) => side.fields);
}

/** Check every row: a character a font lacks leaves the row out, named. What the others print is each font's text. */
function checkRows(prepared: PreparedBadges, ordered: readonly StaffReading[]): CheckedRows {
  const errors: RowError[] = [];
  const printable: StaffReading[] = [];
  const texts: string[] = [];
  const fontTexts = new Map<LoadedFont, Set<string>>(prepared.fonts.map((font) => [font, new Set<string>()]));
  const fields = fieldOrder(prepared);
  const missingCaches = fields.map((field) => {
    let cache = prepared.missing.get(field.font);
    if (!cache) prepared.missing.set(field.font, (cache = new Map()));
    return cache;
  });
  for (const person of ordered) {
    const own = fields.map((field) => fieldText(person, field.field.source) || field.field.fallback || "");
    let problems: CodedMessage[] | undefined;
    let firstColumn: string | undefined;
    for (let i = 0; i < fields.length; i++) {
      const text = own[i]!;
      if (text === "") continue;
      const field = fields[i]!;
      const cache = missingCaches[i]!;
      let missing = cache.get(text);
      if (!missing) cache.set(text, (missing = missingCharacters(field.font.bytes, text)));
      if (missing.length > 0) {
        firstColumn ??= field.field.source;
        (problems ??= []).push(msg("TEXT_BADGE_GLYPH_PROBLEM", { source: field.field.source, text, font: field.font.label, chars: missing.map(describeCharacter) }));
      }
    }
    if (problems) {
      const distinct = [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];
      errors.push({
        row: person.row,
        sheetRow: person.sheetRow,
        ...(firstColumn !== undefined ? { column: firstColumn } : {}),
        ...msg("BADGE_MISSING_GLYPH", { name: person.name, problems: distinct }),
        record: person.record,
      });
      continue;
    }
    printable.push(person);
    for (const text of own) texts.push(text);
    for (let i = 0; i < fields.length; i++) if (own[i] !== "") fontTexts.get(fields[i]!.font)!.add(own[i]!);
  }
  return { printable, texts, errors, fontTexts };
}

/**
 * A page's content stream, written piece by piece into one reused buffer: the pieces are the cached operator strings
 * of each text; concatenating them into one string and encoding that made V8 flatten a rope of ~40 pieces per page
 * (profiled: 23 ms per 1,000 pages, more than the layout).
 */
class ContentBuffer {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  reset(): void {
    this.length = 0;
  }

  /** Appends ASCII operators. */
  add(text: string): void {
    if (this.length + text.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, "latin1");
  }

  /** The page so far (a view: valid until the next reset or add). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

interface Shaped {
  hex: string;
  advance: number;
  glyphs: number;
}

/**
 * Writes the document for `printable` (checked rows, in order) to `sink`: fonts subset first (all their text is
 * known), then page after page, each page's objects as soon as it is laid out.
 */
async function writeDocument(
  prepared: PreparedBadges,
  checked: CheckedRows,
  sink: PdfSink,
  title: string,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<{ pages: number; warnings: RowError[] }> {
  const { template, sheet, options, front, back, duplex } = prepared;
  const { printable, texts, fontTexts } = checked;
  const badge = prepared.badge;

  // Fonts: a HarfBuzz subset per font that prints something here.
  const used: Array<{ font: LoadedFont; cid: CidFont }> = [];
  for (const font of prepared.fonts) {
    const text = fontTexts.get(font)!;
    if (text.size === 0) continue;
    used.push({ font, cid: await subsetCidFont(font.bytes, [...text].join(""), font.file) });
  }
  // An OpenType font with CFF outlines is a FontFile3 /OpenType: PDF 1.6 (refused in print-shop mode). Everything else is PDF 1.4.
  const version = used.some(({ font }) => isCffOpenType(font.bytes)) ? "1.6" : "1.4";
  const printShop = prepared.date ? { title, date: prepared.date } : undefined;
  const writer = new PdfWriter(sink, { version, firstObjectNumber: prepared.backgroundObjects.length + 1, ...(printShop ? { contentId: true } : {}) });
  for (const [objectNumber, object] of prepared.backgroundObjects) await writer.writePdfLib(objectNumber, object);
  const cidFonts = new Map<LoadedFont, CidFont>();
  const fontEntries: Record<string, string> = {};
  for (const { font, cid } of used) {
    const type0 = writer.reserve();
    await writeCidFont(writer, cid, type0);
    cidFonts.set(font, cid);
    fontEntries[font.resourceName] = ref(type0);
  }
  const xObjects: Record<string, string> = {};
  for (const side of prepared.sides) if (side.backgroundName && side.backgroundObject !== undefined) xObjects[side.backgroundName] = ref(side.backgroundObject);
  // Registration colour (all inks) for crop marks and cut guides; overprint for black text in print-shop files.
  const resources = writer.reserve();
  await writer.writeObject(
    resources,
    dict({
      ProcSet: array([name("PDF"), name("Text")]),
      Font: dict(fontEntries),
      XObject: Object.keys(xObjects).length > 0 ? dict(xObjects) : undefined,
      ColorSpace: dict({ [REGISTRATION_RESOURCE]: REGISTRATION_COLOUR_SPACE }),
      ExtGState: printShop ? dict({ [OVERPRINT_RESOURCE]: OVERPRINT_EXT_G_STATE }) : undefined,
    }),
  );

  // Shaping and fitting, once per distinct text per field.
  const warnings: RowError[] = [];
  const shapedCache = new Map<CidFont, Map<string, Shaped>>();
  const shape = (font: LoadedFont, text: string): Shaped => {
    const cid = cidFonts.get(font)!;
    let cache = shapedCache.get(cid);
    if (!cache) shapedCache.set(cid, (cache = new Map()));
    let shaped = cache.get(text);
    if (!shaped) {
      // One glyph per character through the subset's cmap, as a name badge needs (no ligatures or contextual forms;
      // PDF Tj ignores GPOS kerning anyway).
      let hex = "";
      let advance = 0;
      let glyphs = 0;
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        if (needsNoGlyph(codePoint)) continue;
        const glyph = cid.glyph(codePoint);
        hex += glyph.id.toString(16).padStart(4, "0");
        advance += glyph.advance;
        glyphs++;
      }
      cache.set(text, (shaped = { hex, advance, glyphs }));
    }
    return shaped;
  };
  const layouts = new Map<PreparedField, Map<string, string>>();
  const layout = (prepared: PreparedField, text: string, person: StaffReading): string => {
    let cache = layouts.get(prepared);
    if (!cache) layouts.set(prepared, (cache = new Map()));
    let ops = cache.get(text);
    if (ops !== undefined) return ops;
    const { field, box, font } = prepared;
    const shaped = shape(font, text);
    const spacing = field.letterSpacing ?? 0;
    const widthAt1 = shaped.advance + spacing * Math.max(0, shaped.glyphs - 1);
    const boxPt = { width: mmToPt(box.width), height: mmToPt(box.height) };
    const fit = fitText(widthAt1, boxPt, {
      maxSizePt: field.sizePt.max,
      minSizePt: field.sizePt.min,
      minCondense: field.minCondense ?? 0.75,
      lineHeightEm: font.ascent - font.descent,
    });
    if (!fit.withinLimits) {
      warnings.push({
        row: person.row,
        sheetRow: person.sheetRow,
        column: field.source,
        ...msg("WARN_BADGE_CONDENSED", { source: field.source, text, percent: Math.round(fit.horizontalScale * 100), sizePt: field.sizePt.min, boxWidth: box.width }),
        record: person.record,
      });
    }
    const align = field.align ?? "center";
    const left = mmToPt(box.x);
    const x = align === "left" ? left : align === "right" ? left + boxPt.width - fit.width : left + (boxPt.width - fit.width) / 2;
    const bottom = mmToPt(template.height - box.y - box.height);
    const lineHeight = (font.ascent - font.descent) * fit.sizePt;
    const valign = field.valign ?? "middle";
    const emBottom = valign === "bottom" ? bottom : valign === "top" ? bottom + boxPt.height - lineHeight : bottom + (boxPt.height - lineHeight) / 2;
    const baseline = emBottom - font.descent * fit.sizePt;
    const overprint = printShop !== undefined && prepared.black;
    ops =
      `${overprint ? `q /${OVERPRINT_RESOURCE} gs ` : ""}BT /${font.resourceName} ${num(fit.sizePt)} Tf ${num(fit.horizontalScale * 100)} Tz ${num(spacing * fit.sizePt)} Tc ${prepared.colourOp} ` +
      `1 0 0 1 ${num(x)} ${num(baseline)} Tm <${shaped.hex}> Tj ET${overprint ? " Q" : ""}\n`;
    cache.set(text, ops);
    return ops;
  };
  const backgroundOps = new Map<PreparedSide, string>();
  // Where each side's fields start among a row's texts (checkRows: the sides' fields in order).
  const fieldStart = new Map<PreparedSide, number>();
  let start = 0;
  for (const side of prepared.sides) {
    fieldStart.set(side, start);
    start += side.fields.length;
  }
  const content = new ContentBuffer();
  const fieldCount = start;
  const addBadge = (side: PreparedSide, person: StaffReading, row: number): void => {
    if (side.backgroundName && side.background) {
      let ops = backgroundOps.get(side);
      if (ops === undefined) {
        // Trim box onto the badge; anything beyond it shows only as far as the bleed (clip).
        const sx = mmToPt(template.width) / mmToPt(side.background.size.width);
        const sy = mmToPt(template.height) / mmToPt(side.background.size.height);
        const bleed = mmToPt(sheet.bleed);
        ops =
          `q ${num(-bleed)} ${num(-bleed)} ${num(mmToPt(template.width) + 2 * bleed)} ${num(mmToPt(template.height) + 2 * bleed)} re W n ` +
          `${num(sx)} 0 0 ${num(sy)} ${num(-side.background.trimOffsetPt.x * sx)} ${num(-side.background.trimOffsetPt.y * sy)} cm /${side.backgroundName} Do Q\n`;
        backgroundOps.set(side, ops);
      }
      content.add(ops);
    }
    const first = row * fieldCount + fieldStart.get(side)!;
    for (let i = 0; i < side.fields.length; i++) {
      const text = texts[first + i]!;
      if (text !== "") content.add(layout(side.fields[i]!, text, person));
    }
  };

  // Pages.
  const plans = planPages(printable.length, sheet, { ...options, duplex }, badge);
  const pageWidth = mmToPt(sheet.page.width);
  const pageHeight = mmToPt(sheet.page.height);
  const guides =
    options.cutGuides && !sheet.cropMarks
      ? linesToContent(cutGuideLines(cellRects(sheet, { ...options, startAt: 1 }, badge), sheet.page), sheet.page.height, { strokeColour: "/CSReg CS 1 SCN" })
      : "";
  const backGuides =
    options.cutGuides && !sheet.cropMarks && duplex
      ? linesToContent(
          cutGuideLines(cellRects(sheet, { ...options, startAt: 1, offsetX: options.backOffsetX ?? options.offsetX ?? 0, offsetY: options.backOffsetY ?? options.offsetY ?? 0 }, badge), sheet.page),
          sheet.page.height,
          { strokeColour: "/CSReg CS 1 SCN" },
        )
      : "";
  const pageTree = writer.reserve();
  const mediaBox = rectangle(0, 0, pageWidth, pageHeight);
  const placeOps = new Map<object, string>();
  const kids: number[] = [];
  for (let pageIndex = 0; pageIndex < plans.length; pageIndex++) {
    const plan = plans[pageIndex]!;
    const side = plan.side === "back" ? back! : front;
    content.reset();
    for (const { badge: index, rect } of plan.slots) {
      const person = printable[index]!;
      // The cells repeat from page to page (planPages shares their rects): their operators are made once.
      let place = placeOps.get(rect);
      if (place === undefined) {
        const x = mmToPt(rect.x);
        const y = pageHeight - mmToPt(rect.y + rect.height);
        placeOps.set(rect, (place = `q ${num(rect.scale)} 0 0 ${num(rect.scale)} ${num(x)} ${num(y)} cm\n`));
      }
      content.add(place);
      addBadge(side, person, index);
      content.add("Q\n");
    }
    let boxes: Record<string, string> = {};
    if (sheet.cropMarks) {
      const slot = plan.slots[0];
      if (slot) {
        const trim = { x: slot.rect.x, y: slot.rect.y, width: slot.rect.width, height: slot.rect.height };
        const bleed = bleedRect(trim, sheet.bleed);
        content.add(linesToContent(cropMarkLines(trim, { bleed: sheet.bleed }), sheet.page.height, { strokeColour: "/CSReg CS 1 SCN" }));
        const box = (r: RectMm) => rectangle(mmToPt(r.x), pageHeight - mmToPt(r.y + r.height), mmToPt(r.width), mmToPt(r.height));
        boxes = { BleedBox: box(bleed), TrimBox: box(trim) };
      }
    } else {
      content.add(plan.side === "back" ? backGuides : guides);
      // PDF/X asks for a TrimBox on every page: a multi-up sheet is trimmed as it is (no bleed between gapless cells).
      if (printShop) boxes = { BleedBox: mediaBox, TrimBox: mediaBox };
    }
    const contents = writer.reserve();
    // Node's zlib, not pdf-lib's pako: several times faster over a thousand small page streams. Content is ASCII.
    // (Deflating on libuv's threads while the next page is laid out was measured slower: 1.12 s against 1.00 s of
    // CPU for 10,000 badges; a 3 KB page deflates in ~20 µs.)
    await writer.writeStream(contents, { Filter: name("FlateDecode") }, deflateSync(content.bytes()));
    const page = writer.reserve();
    await writer.writeObject(page, dict({ Type: name("Page"), Parent: ref(pageTree), MediaBox: mediaBox, ...boxes, Contents: ref(contents), Resources: ref(resources) }));
    kids.push(page);
    onProgress?.(pageIndex + 1, plans.length);
  }
  await writer.writeObject(pageTree, dict({ Type: name("Pages"), Kids: array(kids.map(ref)), Count: int(kids.length) }));
  // ViewerPreferences (print at 100 %, duplex jobs flipped on the long edge); in print-shop mode the PDF/X entries.
  const extra = await writePrintCatalogEntries(writer, { ...(printShop ? { printShop } : {}), duplex });
  const catalog = writer.reserve();
  await writer.writeObject(catalog, dict({ Type: name("Catalog"), Pages: ref(pageTree), ...extra.catalog }));
  const info = writer.reserve();
  await writer.writeObject(info, infoDict(title, printShop));
  await writer.finish({ root: catalog, info, ...(extra.id ? { id: extra.id } : {}) });
  return { pages: plans.length, warnings };
}

/** The rows in the order they are printed. */
function ordered(staff: readonly StaffReading[], options: RenderBadgesOptions): StaffReading[] {
  return options.order === "input" ? [...staff] : sortForHandout(staff);
}

/**
 * Writes the badges of `staff` to `sink` as one PDF (see renderBadgeSheets for what is printed and left out), page by
 * page as the pages are made: memory does not grow with the document.
 */
export async function writeBadgeSheets(staff: readonly StaffReading[], sink: PdfSink, options: RenderBadgesOptions): Promise<Omit<BadgeRenderResult, "pdf">> {
  const prepared = await prepareBadges(options);
  const checked = checkRows(prepared, ordered(staff, options));
  const { pages, warnings } = await writeDocument(prepared, checked, sink, options.title ?? "名札", options.onProgress);
  return { badges: checked.printable.length, pages, sheet: prepared.sheet, errors: checked.errors, warnings };
}

/** Sorts (unless asked not to), checks every row against the fonts, lays out and writes the PDF; rows with errors are left out and reported. */
export async function renderBadgeSheets(staff: readonly StaffReading[], options: RenderBadgesOptions): Promise<BadgeRenderResult> {
  const sink = new BytesSink();
  const result = await writeBadgeSheets(staff, sink, options);
  return { pdf: sink.bytes(), ...result };
}

/**
 * renderBadgeSheets into the file `path`, streamed: each page goes to the file as it is made (memory stays flat at
 * 170,000 badges), through a hidden temporary file renamed over `path` at the end (io/atomic-write.ts: readers never
 * see half a PDF; on any failure or Ctrl+C the temporary file is removed and a previous `path` is unchanged). When no
 * badge can be printed, nothing is written. Rows left out and warnings are returned as with renderBadgeSheets.
 */
export async function renderBadgesToFile(staff: readonly StaffReading[], path: string, options: RenderBadgesOptions): Promise<BadgeFileResult> {
  return (await prepareBadgeRun(options)).toFile(staff, path);
}

/**
 * A run prepared once (template, sheet, fonts, backgrounds) for one or several documents (the groups of a split), so
 * that the preparing can start before the staff are known (the CLI prepares while the readings are resolved). Not
 * part of the package API.
 */
export interface BadgeRun {
  sheet: Sheet;
  /** The rows of one document checked, in print order: what is printed, what is left out. */
  check(staff: readonly StaffReading[]): CheckedRows;
  /** Writes the checked rows as one PDF to `sink`. */
  write(checked: CheckedRows, sink: PdfSink, title: string): Promise<{ pages: number; warnings: RowError[] }>;
  /** renderBadgesToFile with this run. */
  toFile(staff: readonly StaffReading[], path: string): Promise<BadgeFileResult>;
}

export async function prepareBadgeRun(options: RenderBadgesOptions): Promise<BadgeRun> {
  const prepared = await prepareBadges(options);
  const title = options.title ?? "名札";
  return {
    sheet: prepared.sheet,
    check: (staff) => checkRows(prepared, ordered(staff, options)),
    write: (checked, sink, documentTitle) => writeDocument(prepared, checked, sink, documentTitle, undefined),
    async toFile(staff, path) {
      const checked = checkRows(prepared, ordered(staff, options));
      if (checked.printable.length === 0) {
        return { badges: 0, pages: 0, sheet: prepared.sheet, bytes: 0, errors: checked.errors, warnings: [] };
      }
      const { openAtomicOutput } = await import("../io/atomic-write.js");
      const output = await openAtomicOutput(path);
      try {
        const { pages, warnings } = await writeDocument(prepared, checked, output, title, options.onProgress);
        await output.commit();
        return { path, badges: checked.printable.length, pages, sheet: prepared.sheet, bytes: output.size, errors: checked.errors, warnings };
      } catch (error) {
        await output.abort();
        throw error;
      }
    },
  };
}

/**
 * Renders badges for `staff` into one PDF: ordered by 所属 then kana, placed on `sheet`, with
 * each text fitted to its box. Throws BadgeRenderError (naming each row and character) when
 * any row cannot be printed; use renderBadgeSheets to print the others and get the errors back.
 */
export async function renderBadges(staff: readonly StaffReading[], options: RenderBadgesOptions): Promise<Uint8Array> {
  const result = await renderBadgeSheets(staff, options);
  if (result.errors.length > 0) throw new BadgeRenderError(result.errors);
  return result.pdf;
}
