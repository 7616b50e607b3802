/**
 * `nafuda calibrate --sheet a4-10up`: a page to print once on the badge printer, with the cells where nafuda puts the
 * badges, a target at every cell corner, a millimetre ruler of known length and the steps that turn two measurements
 * into --offset-x/-y and --scale (geometry: src/geometry/calibration.ts). Given those options, the page is drawn with
 * them, so a second print shows whether the targets now sit where they should. Written by the streaming writer with
 * a HarfBuzz subset of BIZ UD Gothic, K only, deterministic.
 */
import { deflateSync } from "node:zlib";
import { calibrationLayout, type CalibrationLayout } from "../geometry/calibration.js";
import { resolveSheet, sheetPreset, type PlacementOptions, type Sheet, type SheetSpec } from "../geometry/sheets.js";
import { mmToPt } from "../geometry/units.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg, NafudaError } from "../messages/message.js";
import { subsetCidFont, writeCidFont, type CidFont } from "../pdf/cid-font.js";
import { loadFont, needsNoGlyph } from "../pdf/font-files.js";
import { pdfNumber as num } from "../pdf/numbers.js";
import { infoDict, writePrintCatalogEntries } from "../pdf/print-objects.js";
import { array, dict, int, name, rectangle, ref } from "../pdf/pdf-syntax.js";
import { BytesSink, PdfWriter, type PdfSink } from "../pdf/pdf-writer.js";
import { fitText } from "../text/fit-text.js";
import { loadTemplate, type BadgeTemplate } from "./template.js";

export interface CalibrationOptions extends Pick<PlacementOptions, "offsetX" | "offsetY" | "scale"> {
  /** A sheet preset name or geometry (default a4-10up). */
  sheet?: SheetSpec | string;
  /** The template whose badge size the cells take (default "standard", 91 × 55 mm). */
  template?: BadgeTemplate | string;
  /** The language of the sheet's words (default Japanese, or NAFUDA_LANG). */
  lang?: Lang;
}

export interface CalibrationResult {
  pdf: Uint8Array;
  /** The sheet as resolved (its page, cells and margins in mm). */
  sheet: Sheet;
}

const FONT = "BIZUDGothic-Regular";

/** The calibration sheet as PDF bytes. */
export async function calibrationSheet(options: CalibrationOptions = {}): Promise<CalibrationResult> {
  const sink = new BytesSink();
  const { sheet } = await writeCalibrationSheet(sink, options);
  return { pdf: sink.bytes(), sheet };
}

/** The calibration sheet written to `sink`. */
export async function writeCalibrationSheet(sink: PdfSink, options: CalibrationOptions = {}): Promise<{ sheet: Sheet; layout: CalibrationLayout }> {
  const lang = options.lang ?? defaultLang();
  const template = typeof options.template === "object" ? options.template : await loadTemplate(options.template ?? "standard");
  const badge = { width: template.width, height: template.height };
  const sheet = resolveSheet(typeof options.sheet === "object" ? options.sheet : sheetPreset(options.sheet ?? "a4-10up"), badge, { cropMarks: false });
  if (sheet.columns * sheet.rows < 2) throw new NafudaError(msg("CALIBRATE_NO_CELLS", { sheet: sheet.name }));
  const layout = calibrationLayout(sheet, badge, options);
  const say = (message: Parameters<typeof formatMessage>[0]) => formatMessage(message, lang);
  const scaleExample = Math.round((layout.ruler.length / (layout.ruler.length - 1)) * 10000) / 10000;
  const lines = [
    { text: say(msg("TEXT_CALIBRATE_TITLE", { sheet: sheet.name })), size: 13 },
    { text: say(msg("TEXT_CALIBRATE_STEP_PRINT")), size: 8.5 },
    { text: say(msg("TEXT_CALIBRATE_STEP_SCALE", { length: layout.ruler.length, option: `${layout.ruler.length - 1} mm → --scale ${scaleExample}` })), size: 8.5 },
    { text: say(msg("TEXT_CALIBRATE_STEP_OFFSET", { x: layout.expected.x, y: layout.expected.y })), size: 8.5 },
    { text: say(msg("TEXT_CALIBRATE_STEP_SET", { x: layout.expected.x, y: layout.expected.y })), size: 8.5 },
    { text: say(msg("TEXT_CALIBRATE_STEP_CHECK")), size: 8.5 },
    { text: say(msg("TEXT_CALIBRATE_NOW", { x: options.offsetX ?? 0, y: options.offsetY ?? 0, scale: options.scale ?? 1 })), size: 8.5 },
  ];
  const expectedLabel = say(msg("TEXT_CALIBRATE_EXPECTED", { x: layout.expected.x, y: layout.expected.y }));
  const numbers = "0123456789ABmm◎ ";
  const font = await subsetCidFont(await loadFont(FONT), [...lines.map((l) => l.text), expectedLabel, numbers].join(""), FONT);

  const H = sheet.page.height;
  const X = (mm: number) => num(mmToPt(mm));
  const Y = (mm: number) => num(mmToPt(H - mm));
  const ops: string[] = [];
  // The cells, thin dashed K 40 %: where the badges go.
  ops.push("q 0 0 0 0.4 K 0.25 w [1.5 1] 0 d");
  for (const cell of layout.cells) ops.push(`${X(cell.x)} ${Y(cell.y + cell.height)} ${num(mmToPt(cell.width))} ${num(mmToPt(cell.height))} re S`);
  ops.push("Q");
  // The text box: white (no ink) over the cells in the middle of the page, then the lines.
  const boxW = Math.min(sheet.page.width - 24, 186);
  const boxX = (sheet.page.width - boxW) / 2;
  const lineGap = 1.6;
  const boxH = lines.reduce((sum, l) => sum + l.size * 0.3528 * lineGap, 0) + 6;
  // Between two rows of targets, the pair nearest the page's middle with room for the box (clear of the 4 mm crosses).
  const rows = [...new Set(layout.targets.map((t) => t.y))].sort((p, q) => p - q);
  let boxY = H / 2 - boxH / 2;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < rows.length; i++) {
    const [top, bottom] = [rows[i]!, rows[i + 1]!];
    const middle = (top + bottom) / 2;
    if (bottom - top >= boxH + 10 && Math.abs(middle - H / 2) < best) {
      best = Math.abs(middle - H / 2);
      boxY = middle - boxH / 2;
    }
  }
  ops.push(`q 0 0 0 0 k ${X(boxX)} ${Y(boxY + boxH)} ${num(mmToPt(boxW))} ${num(mmToPt(boxH))} re f 0 0 0 1 K 0.3 w ${X(boxX)} ${Y(boxY + boxH)} ${num(mmToPt(boxW))} ${num(mmToPt(boxH))} re S Q`);
  let y = boxY + 4;
  for (const line of lines) {
    y += line.size * 0.3528 * 1.35;
    ops.push(textOps(font, H, line.text, line.size, boxX + 4, y, boxW - 8));
    y += line.size * 0.3528 * (lineGap - 1.35);
  }
  // Targets: a cross 8 mm wide and a circle of 1.5 mm radius at every corner, K 100 %.
  ops.push("q 0 0 0 1 K 0.2 w 0 J");
  for (const t of layout.targets) {
    ops.push(`${X(t.x - 4)} ${Y(t.y)} m ${X(t.x + 4)} ${Y(t.y)} l S ${X(t.x)} ${Y(t.y - 4)} m ${X(t.x)} ${Y(t.y + 4)} l S`);
    ops.push(circle(mmToPt(t.x), mmToPt(H - t.y), mmToPt(1.5)));
  }
  ops.push("Q");
  const first = layout.targets[0]!;
  ops.push(textOps(font, H, expectedLabel, 7, first.x + 2.5, first.y + 12, 60));
  // The ruler A–B: a tick every mm (1.2 mm long), every 5 mm 2.2 mm, every 10 mm 3.5 mm with its number.
  const { a, b } = layout.ruler;
  ops.push(`q 0 0 0 1 K 0.15 w 0 J ${X(a.x)} ${Y(a.y + 0.01)} m ${X(b.x)} ${Y(b.y + 0.01)} l S`);
  for (const tick of layout.ticks) {
    const length = tick.mm % 10 === 0 ? 3.5 : tick.mm % 5 === 0 ? 2.2 : 1.2;
    ops.push(`${X(tick.x)} ${Y(tick.y)} m ${X(tick.x)} ${Y(tick.y + length)} l S`);
  }
  ops.push("Q");
  for (const tick of layout.ticks) if (tick.mm % 10 === 0 && tick.mm > 0 && tick.mm < layout.ruler.length - 4) ops.push(textOps(font, H, String(tick.mm), 5.5, tick.x - 1.2, tick.y + 6, 10));
  ops.push(textOps(font, H, "A", 9, a.x - 1.4, a.y + 10, 10));
  ops.push(textOps(font, H, "B", 9, b.x - 1.4, b.y + 10, 10));

  const writer = new PdfWriter(sink, { version: "1.4" });
  const type0 = writer.reserve();
  await writeCidFont(writer, font, type0);
  const contents = writer.reserve();
  await writer.writeStream(contents, { Filter: name("FlateDecode") }, deflateSync(Buffer.from(ops.join("\n") + "\n", "latin1")));
  const pages = writer.reserve();
  const page = writer.reserve();
  const media = rectangle(0, 0, mmToPt(sheet.page.width), mmToPt(H));
  await writer.writeObject(
    page,
    dict({ Type: name("Page"), Parent: ref(pages), MediaBox: media, TrimBox: media, Contents: ref(contents), Resources: dict({ ProcSet: array([name("PDF"), name("Text")]), Font: dict({ F1: ref(type0) }) }) }),
  );
  await writer.writeObject(pages, dict({ Type: name("Pages"), Kids: array([ref(page)]), Count: int(1) }));
  const extra = await writePrintCatalogEntries(writer, {});
  const catalog = writer.reserve();
  await writer.writeObject(catalog, dict({ Type: name("Catalog"), Pages: ref(pages), ...extra.catalog }));
  const info = writer.reserve();
  await writer.writeObject(info, infoDict(lines[0]!.text));
  await writer.finish({ root: catalog, info });
  return { sheet, layout };
}

/** A line of text in K 100 %, its baseline at `y` mm from the top of a page `pageH` mm high, condensed to `maxWidth` mm when wider. */
function textOps(font: CidFont, pageH: number, text: string, sizePt: number, x: number, y: number, maxWidth: number): string {
  let hex = "";
  let advance = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (needsNoGlyph(codePoint)) continue;
    const glyph = font.glyph(codePoint);
    hex += glyph.id.toString(16).padStart(4, "0");
    advance += glyph.advance;
  }
  const fit = fitText(advance, { width: mmToPt(maxWidth), height: Number.POSITIVE_INFINITY }, { maxSizePt: sizePt, minSizePt: sizePt / 2, minCondense: 0.7 });
  return `BT /F1 ${num(fit.sizePt)} Tf ${num(fit.horizontalScale * 100)} Tz 0 0 0 1 k 1 0 0 1 ${num(mmToPt(x))} ${num(mmToPt(pageH - y))} Tm <${hex}> Tj ET`;
}

/** A circle of radius r (pt) about (cx, cy) as four Bézier arcs, stroked. */
function circle(cx: number, cy: number, r: number): string {
  const k = r * 0.5523;
  const p = (x: number, y: number) => `${num(x)} ${num(y)}`;
  return (
    `${p(cx + r, cy)} m ${p(cx + r, cy + k)} ${p(cx + k, cy + r)} ${p(cx, cy + r)} c ${p(cx - k, cy + r)} ${p(cx - r, cy + k)} ${p(cx - r, cy)} c ` +
    `${p(cx - r, cy - k)} ${p(cx - k, cy - r)} ${p(cx, cy - r)} c ${p(cx + k, cy - r)} ${p(cx + r, cy - k)} ${p(cx + r, cy)} c S`
  );
}
