import { deflateSync } from "node:zlib";
import { PDFName, type PDFFont, type PDFRef } from "pdf-lib";
import type { Font } from "@pdf-lib/fontkit";
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
import { BackgroundFileError, libraryDetail, withoutPdfLibWarnings } from "../pdf/artwork-pdf.js";
import { createDeterministicDocument, pdfNumber, saveDeterministic } from "../pdf/deterministic.js";
import {
  bundledFontPath,
  describeCharacter,
  embedFontForText,
  fontErrorFor,
  fontInfo,
  isBundledFontName,
  loadFont,
  missingCharacters,
  needsNoGlyph,
} from "../pdf/fonts.js";
import { bleedRect, cropMarkLines, cutGuideLines, linesToContent, setPrintBoxes } from "../pdf/print-marks.js";
import { fitText } from "../text/fit-text.js";
import { fieldText, sortForHandout } from "./fields.js";
import { readBackground, type Background } from "./background.js";
import { checkTemplateNumbers, loadTemplate, templatePath, TemplateError, type BadgeField, type BadgeSide, type BadgeTemplate } from "./template.js";

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

interface LoadedFont {
  key: string;
  /** The font's file, or the template's name for it when it came as bytes: the place of a font error. */
  file: string;
  label: string;
  bytes: Uint8Array;
  ascent: number; // em
  descent: number; // em (negative)
  text: Set<string>;
  pdfFont?: PDFFont;
  shaper?: Font;
  resourceName: string;
  shaped: Map<string, { hex: string; advance: number; glyphs: number }>;
  glyphs: Map<string, { hex: string; advance: number }>;
}

interface PreparedField {
  field: BadgeField;
  box: RectMm;
  font: LoadedFont;
  colourOp: string;
  layouts: Map<string, string>;
}

interface PreparedSide {
  fields: PreparedField[];
  background?: Background;
  backgroundName?: string;
  backgroundRef?: PDFRef;
}

const num = pdfNumber;

function colourOperator(colour: string | undefined): string {
  if (!colour) return "0 g";
  if (colour.startsWith("#")) {
    const v = (i: number) => num(parseInt(colour.slice(i, i + 2), 16) / 255);
    return `${v(1)} ${v(3)} ${v(5)} rg`;
  }
  const parts = colour.replace(/^cmyk\(|\)$/g, "").split(",").map((p) => num(Number(p.trim()) / 100));
  return `${parts.join(" ")} k`;
}

function defaultSheetFor(badge: SizeMm): string {
  if (Math.abs(badge.width - 91) < 0.5 && Math.abs(badge.height - 55) < 0.5) return "a4-10up";
  if (badge.width <= 85.61 && badge.height <= 54.01) return "a4-8up-card";
  return "a4-1up";
}

/** Sorts (unless asked not to), checks every row against the fonts, lays out and writes the PDF; rows with errors are left out and reported. */
export async function renderBadgeSheets(staff: readonly StaffReading[], options: RenderBadgesOptions): Promise<BadgeRenderResult> {
  const template = typeof options.template === "string" ? await loadTemplate(options.template) : options.template;
  checkTemplateNumbers(template);
  const badge = { width: template.width, height: template.height };
  const sheetSpec = typeof options.sheet === "object" ? options.sheet : sheetPreset(options.sheet ?? (options.cropMarks ? "single" : defaultSheetFor(badge)));
  const sheet = resolveSheet(sheetSpec, badge, options.cropMarks !== undefined ? { cropMarks: options.cropMarks } : {});
  const ordered = options.order === "input" ? [...staff] : sortForHandout(staff);

  // Sides and fonts.
  const fonts = new Map<string, LoadedFont>();
  const fontFor = async (name: string): Promise<LoadedFont> => {
    const override = options.fonts?.[name];
    const source: string | Uint8Array =
      override ?? (isBundledFontName(name) ? name : templatePath(template, name));
    const key = typeof source === "string" ? source : `bytes:${name}`;
    let loaded = fonts.get(key);
    if (!loaded) {
      const file = typeof source !== "string" ? name : isBundledFontName(source) ? bundledFontPath(source) : source;
      const bytes = await loadFont(source);
      let info;
      try {
        info = fontInfo(bytes, file);
      } catch (error) {
        throw fontErrorFor(error, file);
      }
      loaded = {
        key,
        file,
        label: name,
        bytes,
        ascent: info.ascent / info.unitsPerEm,
        descent: info.descent / info.unitsPerEm,
        text: new Set(),
        resourceName: `F${fonts.size + 1}`,
        shaped: new Map(),
        glyphs: new Map(),
      };
      fonts.set(key, loaded);
    }
    return loaded;
  };
  const prepareSide = async (side: BadgeSide): Promise<PreparedSide> => {
    const background = side.background ? await readBackground(templatePath(template, side.background), badge) : undefined;
    const fields: PreparedField[] = [];
    for (const field of side.fields) {
      const name = field.name ?? field.source;
      const fromForm = background?.boxes.get(name);
      const box: RectMm | undefined =
        fromForm ??
        (field.x !== undefined && field.y !== undefined && field.width !== undefined && field.height !== undefined
          ? { x: field.x, y: field.y, width: field.width, height: field.height }
          : undefined);
      if (!box) {
        throw new TemplateError(template.name, msg("TEMPLATE_NO_FORM_FIELD", { template: template.name, field: name }), background ? { file: background.path } : {});
      }
      fields.push({ field, box, font: await fontFor(field.font), colourOp: colourOperator(field.colour), layouts: new Map() });
    }
    return { fields, ...(background ? { background } : {}) };
  };
  const front = await prepareSide(template);
  const duplex = options.duplex ?? template.back !== undefined;
  const back = duplex ? (template.back && template.back !== "same" ? await prepareSide(template.back) : front) : undefined;
  const sides = back && back !== front ? [front, back] : [front];

  // Check every row: a character a font lacks leaves the row out, named.
  const errors: RowError[] = [];
  const printable: StaffReading[] = [];
  const missingCache = new Map<string, string[]>();
  for (const person of ordered) {
    const problems: CodedMessage[] = [];
    let firstColumn: string | undefined;
    for (const side of sides) {
      for (const prepared of side.fields) {
        const text = fieldText(person, prepared.field.source) || prepared.field.fallback || "";
        if (text === "") continue;
        const cacheKey = `${prepared.font.key}\u0000${text}`;
        let missing = missingCache.get(cacheKey);
        if (!missing) missingCache.set(cacheKey, (missing = missingCharacters(prepared.font.bytes, text)));
        if (missing.length > 0) {
          firstColumn ??= prepared.field.source;
          problems.push(msg("TEXT_BADGE_GLYPH_PROBLEM", { source: prepared.field.source, text, font: prepared.font.label, chars: missing.map(describeCharacter) }));
        }
      }
    }
    if (problems.length > 0) {
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
    for (const side of sides) {
      for (const prepared of side.fields) {
        const text = fieldText(person, prepared.field.source) || prepared.field.fallback || "";
        if (text !== "") prepared.font.text.add(text);
      }
    }
  }

  // The document, fonts, backgrounds and one shared resource dictionary.
  const doc = await createDeterministicDocument({ title: options.title ?? "名札" });
  const fontDict: Record<string, PDFRef> = {};
  for (const font of fonts.values()) {
    if (font.text.size === 0) continue;
    font.pdfFont = await embedFontForText(doc, font.bytes, [...font.text].join(""), { file: font.file });
    font.shaper = (font.pdfFont as unknown as { embedder?: { font?: Font } }).embedder?.font;
    fontDict[font.resourceName] = font.pdfFont.ref;
  }
  const xObjects: Record<string, PDFRef> = {};
  let backgroundCount = 0;
  for (const side of sides) {
    if (!side.background) continue;
    let page;
    try {
      const bytes = side.background.bytes;
      [page] = await withoutPdfLibWarnings(() => doc.embedPdf(bytes, [0]));
    } catch (error) {
      // readBackground embedded it once already; this is the same file read again.
      throw new BackgroundFileError(side.background.path, msg("BACKGROUND_DAMAGED", { role: msg("TEXT_ROLE_TEMPLATE_BACKGROUND"), detail: libraryDetail(error) }), { cause: error });
    }
    if (!page) continue;
    side.backgroundName = `B${++backgroundCount}`;
    side.backgroundRef = page.ref;
    xObjects[side.backgroundName] = page.ref;
  }
  const registration = doc.context.obj([
    PDFName.of("Separation"),
    PDFName.of("All"),
    PDFName.of("DeviceCMYK"),
    doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 }),
  ]);
  const resources = doc.context.obj({
    ProcSet: [PDFName.of("PDF"), PDFName.of("Text")],
    Font: doc.context.obj(fontDict),
    ...(backgroundCount > 0 ? { XObject: doc.context.obj(xObjects) } : {}),
    ColorSpace: doc.context.obj({ CSReg: registration }),
  });
  const resourcesRef = doc.context.register(resources);

  // Shaping and fitting, once per distinct text per field.
  const warnings: RowError[] = [];
  const shape = (font: LoadedFont, text: string) => {
    let shaped = font.shaped.get(text);
    if (!shaped) {
      if (font.shaper) {
        // One glyph per character through the cmap, as a name badge needs (no ligatures or
        // contextual forms; PDF Tj ignores GPOS kerning anyway), cached per character.
        const shaper = font.shaper;
        const scale = 1 / shaper.unitsPerEm;
        let hex = "";
        let advance = 0;
        let glyphs = 0;
        for (const char of text) {
          if (needsNoGlyph(char.codePointAt(0)!)) continue;
          let glyph = font.glyphs.get(char);
          if (!glyph) {
            const g = shaper.glyphForCodePoint(char.codePointAt(0)!);
            font.glyphs.set(char, (glyph = { hex: g.id.toString(16).padStart(4, "0"), advance: g.advanceWidth * scale }));
          }
          hex += glyph.hex;
          advance += glyph.advance;
          glyphs++;
        }
        shaped = { hex, advance, glyphs };
      } else {
        const encoded = font.pdfFont!.encodeText(text).toString();
        shaped = { hex: encoded.slice(1, -1), advance: font.pdfFont!.widthOfTextAtSize(text, 1), glyphs: encoded.length / 4 };
      }
      font.shaped.set(text, shaped);
    }
    return shaped;
  };
  const layout = (prepared: PreparedField, text: string, person: StaffReading): string => {
    let ops = prepared.layouts.get(text);
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
    ops =
      `BT /${font.resourceName} ${num(fit.sizePt)} Tf ${num(fit.horizontalScale * 100)} Tz ${num(spacing * fit.sizePt)} Tc ${prepared.colourOp} ` +
      `1 0 0 1 ${num(x)} ${num(baseline)} Tm <${shaped.hex}> Tj ET\n`;
    prepared.layouts.set(text, ops);
    return ops;
  };
  const badgeOps = (side: PreparedSide, person: StaffReading): string => {
    let out = "";
    if (side.backgroundName && side.background) {
      // Trim box onto the badge; anything beyond it shows only as far as the bleed (clip).
      const sx = mmToPt(template.width) / mmToPt(side.background.size.width);
      const sy = mmToPt(template.height) / mmToPt(side.background.size.height);
      const bleed = mmToPt(sheet.bleed);
      out +=
        `q ${num(-bleed)} ${num(-bleed)} ${num(mmToPt(template.width) + 2 * bleed)} ${num(mmToPt(template.height) + 2 * bleed)} re W n ` +
        `${num(sx)} 0 0 ${num(sy)} ${num(-side.background.trimOffsetPt.x * sx)} ${num(-side.background.trimOffsetPt.y * sy)} cm /${side.backgroundName} Do Q\n`;
    }
    for (const prepared of side.fields) {
      const text = fieldText(person, prepared.field.source) || prepared.field.fallback || "";
      if (text !== "") out += layout(prepared, text, person);
    }
    return out;
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
  plans.forEach((plan, pageIndex) => {
    const side = plan.side === "back" ? back! : front;
    let content = "";
    for (const { badge: index, rect } of plan.slots) {
      const person = printable[index]!;
      const x = mmToPt(rect.x);
      const y = pageHeight - mmToPt(rect.y + rect.height);
      content += `q ${num(rect.scale)} 0 0 ${num(rect.scale)} ${num(x)} ${num(y)} cm\n${badgeOps(side, person)}Q\n`;
    }
    const page = doc.addPage([pageWidth, pageHeight]);
    if (sheet.cropMarks) {
      const slot = plan.slots[0];
      if (slot) {
        const trim = { x: slot.rect.x, y: slot.rect.y, width: slot.rect.width, height: slot.rect.height };
        const bleed = bleedRect(trim, sheet.bleed);
        content += linesToContent(cropMarkLines(trim, { bleed: sheet.bleed }), sheet.page.height, { strokeColour: "/CSReg CS 1 SCN" });
        const toPdf = (r: RectMm) => ({ x: mmToPt(r.x), y: pageHeight - mmToPt(r.y + r.height), width: mmToPt(r.width), height: mmToPt(r.height) });
        setPrintBoxes(page, { mediaBox: { x: 0, y: 0, width: pageWidth, height: pageHeight }, bleedBox: toPdf(bleed), trimBox: toPdf(trim) });
      }
    } else {
      content += plan.side === "back" ? backGuides : guides;
    }
    // Node's zlib is several times faster than pdf-lib's pako for a thousand page streams.
    const stream = doc.context.stream(deflateSync(content), { Filter: "FlateDecode" }); // content is ASCII
    page.node.set(PDFName.of("Contents"), doc.context.register(stream));
    page.node.set(PDFName.of("Resources"), resourcesRef);
    options.onProgress?.(pageIndex + 1, plans.length);
  });

  const pdf = await saveDeterministic(doc);
  return { pdf, badges: printable.length, pages: plans.length, sheet, errors, warnings };
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

