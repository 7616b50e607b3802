/**
 * The built-in poster design, laid out in millimetres for each size (A4, A3, B3, B2 portrait).
 * Pure: text is measured through a TextMeasurer; the result is a list of shapes that
 * render.ts turns into PDF. Each size has its own type sizes, margins and grid (conduct in
 * 2 or 3 columns, measures as rows or tiles) chosen for how far away it is read; the body is
 * then scaled as one so that the content fills the page without overflowing.
 */
import { fitText } from "../text/fit-text.js";
import { breakLines } from "./linebreak.js";
import type { PosterContent } from "./content.js";
import { posterPaper, type PosterSize } from "./sizes.js";

/** The four faces the design uses (all BIZ UD, bundled). */
export type FontRole = "body" | "bodyBold" | "display" | "latin";
export const FONT_FILES: Readonly<Record<FontRole, string>> = {
  body: "BIZUDGothic-Regular",
  bodyBold: "BIZUDGothic-Bold",
  display: "BIZUDPGothic-Bold",
  latin: "BIZUDPGothic-Regular",
};

export type Rgb = readonly [number, number, number];

export interface TextShape {
  kind: "text";
  /** Left end of the text, mm from the trim's left edge. */
  x: number;
  /** Baseline, mm from the trim's top edge. */
  y: number;
  text: string;
  font: FontRole;
  /** Type size in pt. */
  size: number;
  color: Rgb;
  /** Horizontal scale (長体), 1 = 100 %. */
  scaleX: number;
  /** Which part of the poster this belongs to, for tests and custom layouts. */
  role: string;
}

export interface RectShape {
  kind: "rect";
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: Rgb;
  stroke?: Rgb;
  /** Stroke width in mm. */
  lineWidth?: number;
  /** Decoration (bands, cards): left out when a custom background replaces the design. */
  decoration: boolean;
}

export type Shape = TextShape | RectShape;

export interface PosterLayout {
  size: PosterSize;
  /** Trim size in mm. */
  width: number;
  height: number;
  shapes: Shape[];
  /** The factor applied to the body type sizes to fill the page (1 = the size's design sizes). */
  scale: number;
  /** True when even the smallest allowed type did not fit; the text is then cut off at the bottom. */
  overflow: boolean;
  /** Whether the conduct list carries each item's line or only the labels. */
  conductDetail: "full" | "labels";
}

/** Width in mm of `text` set in `font` at `size` pt (before any horizontal scaling). */
export type TextMeasurer = (text: string, font: FontRole, size: number) => number;

/** A rectangle in mm, top-left origin. */
export interface BoxMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface SizeSpec {
  margin: number;
  gutter: number;
  title: number;
  subtitle: number;
  stance: number;
  heading: number;
  conductLabel: number;
  conductText: number;
  conductCols: number;
  measureLabel: number;
  measureText: number;
  measureStyle: "rows" | "tiles";
  panelTitle: number;
  panelText: number;
  facility: number;
  footer: number;
  contact: number;
  /** conductDetail "auto" keeps the conduct lines down to this body scale. */
  detailScale: number;
}

/**
 * Design sizes per paper, in pt. Counter posters (A4, A3) are read from about 1–2 m, hall posters
 * (B3, B2) from several metres, so the larger sizes get relatively larger body type, wider grids
 * and tiles instead of rows. Body type never falls below ~10 pt on A4 at the smallest scale.
 */
const SPECS: Record<PosterSize, SizeSpec> = {
  A4: { margin: 12, gutter: 5, title: 30, subtitle: 15, stance: 12.5, heading: 15.5, conductLabel: 12.5, conductText: 10.5, conductCols: 2, measureLabel: 12, measureText: 12.5, measureStyle: "rows", panelTitle: 11.5, panelText: 10, facility: 20, footer: 11, contact: 9 , detailScale: 0.85 },
  A3: { margin: 16, gutter: 7, title: 42, subtitle: 21, stance: 17.5, heading: 22, conductLabel: 18, conductText: 14.5, conductCols: 2, measureLabel: 17, measureText: 17.5, measureStyle: "rows", panelTitle: 16, panelText: 14, facility: 28, footer: 15, contact: 12 , detailScale: 0.8 },
  B3: { margin: 20, gutter: 8, title: 52, subtitle: 27, stance: 22, heading: 27, conductLabel: 21.5, conductText: 16.5, conductCols: 3, measureLabel: 21, measureText: 20, measureStyle: "tiles", panelTitle: 19, panelText: 16.5, facility: 36, footer: 18, contact: 14.5 , detailScale: 0.72 },
  B2: { margin: 26, gutter: 11, title: 74, subtitle: 38, stance: 31, heading: 38, conductLabel: 30, conductText: 23.5, conductCols: 3, measureLabel: 29.5, measureText: 28, measureStyle: "tiles", panelTitle: 27, panelText: 23, facility: 52, footer: 25, contact: 20 , detailScale: 0.72 },
};

const MIN_SCALE = 0.55;
const MAX_SCALE = 1.3;
/** 長体 (horizontal condensing) goes down to this before type is made smaller. */
export const MIN_CONDENSE = 0.8;
const ASCENT = 0.88;

export const mmPerPt = 25.4 / 72;

const WHITE: Rgb = [1, 1, 1];
const INK: Rgb = [0.12, 0.12, 0.13];
const GREY: Rgb = [0.3, 0.31, 0.33];
const ACCENT: Rgb = [0.76, 0.25, 0.05];
const PANEL_FILL: Rgb = [0.965, 0.97, 0.975];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

function mix(color: Rgb, other: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => color[i]! * (1 - amount) + other[i]! * amount) as unknown as Rgb;
}

/**
 * One line fitted to `width`: condensed (長体) down to MIN_CONDENSE first, then made smaller,
 * computed in one step from the measured width (the same rule as badges: src/text/fit-text.ts).
 */
export function fitLine(measure: TextMeasurer, text: string, font: FontRole, size: number, width: number): { size: number; scaleX: number } {
  const natural = measure(text, font, size);
  if (natural <= width || natural === 0) return { size, scaleX: 1 };
  const fit = fitText(natural / size, { width, height: Number.POSITIVE_INFINITY }, { maxSizePt: size, minSizePt: size / 1000, minCondense: MIN_CONDENSE });
  return { size: fit.sizePt, scaleX: fit.horizontalScale };
}

/** A block of shapes laid out from y = 0, to be moved into place. */
interface Block {
  height: number;
  shapes: Shape[];
}

function moveBlock(shapes: Shape[], dx: number, dy: number): Shape[] {
  return shapes.map((shape) => ({ ...shape, x: shape.x + dx, y: shape.y + dy }));
}

class Composer {
  constructor(readonly measure: TextMeasurer) {}

  /** Baseline of a line whose box of height `lineBox` starts at `top`. */
  baseline(top: number, size: number, lineBox: number): number {
    const em = size * mmPerPt;
    return top + (lineBox - em) / 2 + ASCENT * em;
  }

  /** Wrapped text; returns the block (from y = 0) and its lines. */
  paragraph(
    text: string,
    options: { font: FontRole; size: number; width: number; leading: number; color: Rgb; role: string; words?: boolean; align?: "left" | "center" | "right" },
  ): Block {
    const { font, size, width, leading, color, role } = options;
    const lines = breakLines(text, width, (t) => this.measure(t, font, size), { words: options.words });
    const lineBox = size * mmPerPt * leading;
    const shapes: Shape[] = lines.map((line, i) => {
      const fitted = fitLine(this.measure, line, font, size, width); // only for single runs wider than the box
      const w = this.measure(line, font, fitted.size) * fitted.scaleX;
      const x = options.align === "center" ? (width - w) / 2 : options.align === "right" ? width - w : 0;
      return { kind: "text", x, y: this.baseline(i * lineBox, size, lineBox), text: line, font, size: fitted.size, color, scaleX: fitted.scaleX, role };
    });
    return { height: lines.length * lineBox, shapes };
  }

  /** One line fitted into `width`, in a line box of `leading` × size. */
  line(text: string, options: { font: FontRole; size: number; width: number; leading: number; color: Rgb; role: string; align?: "left" | "center" | "right" }): Block {
    const fitted = fitLine(this.measure, text, options.font, options.size, options.width);
    const w = this.measure(text, options.font, fitted.size) * fitted.scaleX;
    const lineBox = options.size * mmPerPt * options.leading;
    const x = options.align === "center" ? (options.width - w) / 2 : options.align === "right" ? options.width - w : 0;
    return {
      height: lineBox,
      shapes: [{ kind: "text", x, y: this.baseline(0, fitted.size, lineBox), text, font: options.font, size: fitted.size, color: options.color, scaleX: fitted.scaleX, role: options.role }],
    };
  }
}

export interface LayoutOptions {
  /**
   * Where the content goes, mm from the trim's top-left; default the whole page (the built-in
   * design). With a custom background, the area its artwork leaves free.
   */
  contentBox?: BoxMm;
  /** Draw the built-in bands, cards and frames (default true; false over a custom background). */
  decorations?: boolean;
  /**
   * The conduct list with each item's line ("full"), labels only ("labels"), or "auto" (default):
   * full unless that would set the body smaller than the size's threshold (A4 85 %, A3 80 %,
   * B3/B2 72 % of its design sizes), as on an A4 counter poster carrying both language panels.
   */
  conductDetail?: "auto" | "full" | "labels";
}


/** Lays out one poster. */
export function layoutPoster(content: PosterContent, size: PosterSize, measure: TextMeasurer, options: LayoutOptions = {}): PosterLayout {
  const paper = posterPaper(size);
  const spec = SPECS[size];
  const decorations = options.decorations ?? true;
  const box: BoxMm = options.contentBox ?? { x: 0, y: 0, width: paper.width, height: paper.height };
  const c = new Composer(measure);
  const primary = hexToRgb(content.color);
  const tint = mix(primary, WHITE, 0.9);
  const m = spec.margin * Math.min(1, box.width / paper.width);
  const innerX = box.x + m;
  const innerW = box.width - 2 * m;
  const shapes: Shape[] = [];
  const titleColor = decorations ? WHITE : primary;

  // ---- Header band: issuer kicker, title (one line, or two if it would shrink too much), subtitle stripe.
  const kickerSize = spec.subtitle * 0.72;
  let y = box.y + m * 0.75;
  const header: Shape[] = [];
  const kicker = c.line(content.issuer, { font: "display", size: kickerSize, width: innerW, leading: 1.3, color: decorations ? mix(WHITE, primary, 0.15) : GREY, role: "issuer-kicker" });
  header.push(...moveBlock(kicker.shapes, innerX, y));
  y += kicker.height + kickerSize * mmPerPt * 0.2;
  const titleFit = fitLine(measure, content.title, "display", spec.title, innerW);
  let titleBlock: Block;
  if (titleFit.size < spec.title * 0.8) {
    titleBlock = c.paragraph(content.title, { font: "display", size: spec.title * 0.85, width: innerW, leading: 1.22, color: titleColor, role: "title" });
  } else {
    titleBlock = c.line(content.title, { font: "display", size: spec.title, width: innerW, leading: 1.22, color: titleColor, role: "title" });
  }
  header.push(...moveBlock(titleBlock.shapes, innerX, y));
  y += titleBlock.height + m * 0.55;
  const bandBottom = y;
  if (decorations) shapes.push({ kind: "rect", x: box.x, y: box.y, width: box.width, height: bandBottom - box.y, fill: primary, decoration: true });
  shapes.push(...header);
  if (content.subtitle) {
    const stripeH = spec.subtitle * mmPerPt * 1.85;
    if (decorations) shapes.push({ kind: "rect", x: box.x, y, width: box.width, height: stripeH, fill: ACCENT, decoration: true });
    const sub = c.line(content.subtitle, { font: "display", size: spec.subtitle, width: innerW, leading: 1.85, color: decorations ? WHITE : ACCENT, role: "subtitle" });
    shapes.push(...moveBlock(sub.shapes, innerX, y));
    y += stripeH;
  }
  const flowTop = y + m * 0.7;

  // ---- Foot: facility band at the very bottom, date/issuer and contact above it.
  const facilityBandH = spec.facility * mmPerPt * 2.1;
  const bandTop = box.y + box.height - facilityBandH;
  if (decorations) shapes.push({ kind: "rect", x: box.x, y: bandTop, width: box.width, height: facilityBandH, fill: primary, decoration: true });
  const facility = c.line(content.facilityName, { font: "display", size: spec.facility, width: innerW, leading: 2.1, color: titleColor, role: "facility", align: "center" });
  shapes.push(...moveBlock(facility.shapes, innerX, bandTop));

  const rightLines: Block[] = [];
  const rightW = innerW * 0.46;
  rightLines.push(c.line(`${content.date} 施行`, { font: "body", size: spec.footer, width: rightW, leading: 1.45, color: INK, role: "date", align: "right" }));
  rightLines.push(c.line(content.issuer, { font: "display", size: spec.footer * 1.3, width: rightW, leading: 1.35, color: INK, role: "issuer", align: "right" }));
  if (content.signature) rightLines.push(c.line(content.signature, { font: "body", size: spec.footer, width: rightW, leading: 1.45, color: INK, role: "signature", align: "right" }));
  const rightH = rightLines.reduce((sum, b) => sum + b.height, 0);
  const leftW = innerW - rightW - spec.gutter;
  const contactBlock = content.contact
    ? c.paragraph(content.contact, { font: "body", size: spec.contact, width: leftW, leading: 1.5, color: GREY, role: "contact" })
    : { height: 0, shapes: [] };
  const footH = Math.max(rightH, contactBlock.height);
  const footTop = bandTop - m * 0.45 - footH;
  let ry = footTop;
  for (const b of rightLines) {
    shapes.push(...moveBlock(b.shapes, innerX + innerW - rightW, ry));
    ry += b.height;
  }
  shapes.push(...moveBlock(contactBlock.shapes, innerX, footTop + footH - contactBlock.height));
  if (decorations) shapes.push({ kind: "rect", x: innerX, y: footTop - m * 0.45, width: innerW, height: 0.25 * Math.max(1, spec.footer / 11), fill: mix(primary, WHITE, 0.6), decoration: true });
  const flowBottom = footTop - m * 0.8;
  const available = flowBottom - flowTop;

  // ---- The flow, scaled as one to fill [flowTop, flowBottom].
  const flow = (s: number, detail: "full" | "labels"): { blocks: Block[]; gaps: number[] } => {
    const blocks: Block[] = [];
    const gaps: number[] = [];
    const big = spec.heading * s * mmPerPt * 0.9;
    const small = spec.heading * s * mmPerPt * 0.35;

    blocks.push(c.paragraph(content.stance, { font: "body", size: spec.stance * s, width: innerW, leading: 1.62, color: INK, role: "stance" }));

    gaps.push(big);
    blocks.push(heading(c, content.conductHeading, spec.heading * s, innerW, primary, "conduct-heading"));
    gaps.push(small);
    blocks.push(conductGrid(c, content, spec, s, innerW, primary, tint, decorations, detail));

    if (content.measures.length > 0) {
      gaps.push(big);
      blocks.push(heading(c, content.measuresHeading, spec.heading * s, innerW, primary, "measures-heading"));
      gaps.push(small);
      blocks.push(measuresBlock(c, content, spec, s, innerW, primary, decorations));
    }
    if (content.panels.length > 0) {
      gaps.push(big);
      blocks.push(panelsBlock(c, content, spec, s, innerW, primary, decorations));
    }
    return { blocks, gaps };
  };
  const heightOf = (f: { blocks: Block[]; gaps: number[] }) => f.blocks.reduce((sum, b) => sum + b.height, 0) + f.gaps.reduce((a, b) => a + b, 0);

  const fit = (detail: "full" | "labels"): { scale: number; overflow: boolean } => {
    let low = MIN_SCALE;
    let high = MAX_SCALE;
    if (heightOf(flow(high, detail)) <= available) return { scale: high, overflow: false };
    if (heightOf(flow(low, detail)) > available) return { scale: low, overflow: true };
    for (let i = 0; i < 14; i++) {
      const mid = (low + high) / 2;
      if (heightOf(flow(mid, detail)) <= available) low = mid;
      else high = mid;
    }
    return { scale: Math.floor(low * 1000) / 1000, overflow: false };
  };
  const wanted = options.conductDetail ?? "auto";
  let conductDetail: "full" | "labels" = wanted === "labels" ? "labels" : "full";
  let fitted = fit(conductDetail);
  if (wanted === "auto" && (fitted.scale < spec.detailScale || fitted.overflow)) {
    conductDetail = "labels";
    fitted = fit(conductDetail);
  }
  const { scale, overflow } = fitted;
  const final = flow(scale, conductDetail);
  // Spread what is left over into the gaps between sections (more to the big gaps).
  const spare = Math.max(0, available - heightOf(final));
  const weights = final.gaps.map((g, i) => (i % 2 === 0 ? 3 : 1) * (g > 0 ? 1 : 0));
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  let fy = flowTop + (final.gaps.length === 0 ? spare / 2 : 0);
  final.blocks.forEach((block, i) => {
    shapes.push(...moveBlock(block.shapes, innerX, fy));
    fy += block.height;
    const gap = final.gaps[i];
    if (gap !== undefined) fy += gap + (spare * weights[i]!) / weightSum;
  });

  return { size, width: paper.width, height: paper.height, shapes, scale, overflow, conductDetail };
}

function heading(c: Composer, text: string, size: number, width: number, color: Rgb, role: string): Block {
  const em = size * mmPerPt;
  const barW = em * 0.32;
  const lineBox = em * 1.3;
  const line = c.line(text, { font: "display", size, width: width - barW - em * 0.45, leading: 1.3, color, role });
  return {
    height: lineBox,
    shapes: [
      { kind: "rect", x: 0, y: (lineBox - em * 1.05) / 2, width: barW, height: em * 1.05, fill: color, decoration: false },
      ...moveBlock(line.shapes, barW + em * 0.45, 0),
    ],
  };
}

function conductGrid(c: Composer, content: PosterContent, spec: SizeSpec, s: number, width: number, primary: Rgb, tint: Rgb, decorations: boolean, detail: "full" | "labels"): Block {
  const cols = Math.min(spec.conductCols, Math.max(1, content.conduct.length));
  const gap = spec.gutter * (detail === "full" ? 0.55 : 0.4);
  const colW = (width - (cols - 1) * gap) / cols;
  const labelSize = spec.conductLabel * s;
  const textSize = spec.conductText * s;
  const pad = textSize * mmPerPt * 0.85;
  const bar = textSize * mmPerPt * 0.3;
  const innerW = colW - 2 * pad - bar;
  const cards = content.conduct.map((item) => {
    // Labels break after ・ when they must (誹謗中傷 stays whole), else anywhere kinsoku allows.
    const label = c.paragraph(item.label.replace(/・/g, "・\u200b"), { font: "display", size: labelSize, width: innerW, leading: 1.3, color: primary, role: "conduct-label", words: true });
    if (detail === "labels") return { label, text: { height: 0, shapes: [] }, height: pad * 1.3 + label.height, between: 0 };
    const text = c.paragraph(item.text, { font: "body", size: textSize, width: innerW, leading: 1.45, color: INK, role: "conduct-text" });
    const between = textSize * mmPerPt * 0.25;
    return { label, text, height: pad + label.height + between + text.height + pad * 0.9, between };
  });
  const shapes: Shape[] = [];
  let y = 0;
  for (let start = 0; start < cards.length; start += cols) {
    const row = cards.slice(start, start + cols);
    const rowH = Math.max(...row.map((card) => card.height));
    row.forEach((card, i) => {
      const x = i * (colW + gap);
      if (decorations) {
        shapes.push({ kind: "rect", x, y, width: colW, height: rowH, fill: tint, decoration: true });
        shapes.push({ kind: "rect", x, y, width: bar, height: rowH, fill: primary, decoration: true });
      }
      shapes.push(...moveBlock(card.label.shapes, x + bar + pad, y + (detail === "labels" ? (rowH - card.label.height) / 2 : pad)));
      shapes.push(...moveBlock(card.text.shapes, x + bar + pad, y + pad + card.label.height + card.between));
    });
    y += rowH + (start + cols < cards.length ? gap : 0);
  }
  return { height: y, shapes };
}

function measuresBlock(c: Composer, content: PosterContent, spec: SizeSpec, s: number, width: number, primary: Rgb, decorations: boolean): Block {
  const labelSize = spec.measureLabel * s;
  const textSize = spec.measureText * s;
  const pad = textSize * mmPerPt * 0.7;
  const gap = spec.gutter * 0.6;
  const labelColor = decorations ? WHITE : primary;
  const shapes: Shape[] = [];
  const frame = (x: number, y: number, w: number, h: number) =>
    decorations ? [{ kind: "rect", x, y, width: w, height: h, stroke: primary, lineWidth: 0.35 * Math.max(1, s * spec.measureText / 12.5), fill: WHITE, decoration: true } as RectShape] : [];
  if (spec.measureStyle === "rows" || content.measures.length === 1) {
    // Label box on the left (as wide as the widest label, within limits), text on the right.
    const widest = Math.max(...content.measures.map((mm) => c.measure(mm.label, "display", labelSize)));
    const labelW = Math.min(width * 0.36, Math.max(width * 0.22, widest + 2 * pad));
    const textW = width - labelW - 2 * pad;
    let y = 0;
    for (const measure of content.measures) {
      const label = c.paragraph(measure.label.replace(/・/g, "・\u200b"), { font: "display", size: labelSize, width: labelW - 2 * pad, leading: 1.25, color: labelColor, role: "measure-label", align: "center", words: true });
      const text = c.paragraph(measure.text, { font: "bodyBold", size: textSize, width: textW, leading: 1.4, color: INK, role: "measure-text" });
      const h = Math.max(label.height, text.height) + 1.4 * pad;
      shapes.push(...frame(0, y, width, h));
      if (decorations) shapes.push({ kind: "rect", x: 0, y, width: labelW, height: h, fill: primary, decoration: true });
      shapes.push(...moveBlock(label.shapes, pad, y + (h - label.height) / 2));
      shapes.push(...moveBlock(text.shapes, labelW + pad, y + (h - text.height) / 2));
      y += h + gap * 0.6;
    }
    return { height: y - gap * 0.6, shapes };
  }
  // Tiles: two columns, label strip on top.
  const cols = 2;
  const colW = (width - gap) / cols;
  const tiles = content.measures.map((measure) => {
    const label = c.line(measure.label, { font: "display", size: labelSize, width: colW - 2 * pad, leading: 1.6, color: labelColor, role: "measure-label" });
    const text = c.paragraph(measure.text, { font: "bodyBold", size: textSize, width: colW - 2 * pad, leading: 1.4, color: INK, role: "measure-text" });
    return { label, text };
  });
  let y = 0;
  for (let start = 0; start < tiles.length; start += cols) {
    const row = tiles.slice(start, start + cols);
    const labelH = Math.max(...row.map((t) => t.label.height));
    const textH = Math.max(...row.map((t) => t.text.height)) + 1.4 * pad;
    row.forEach((tile, i) => {
      const x = i * (colW + gap);
      shapes.push(...frame(x, y, colW, labelH + textH));
      if (decorations) shapes.push({ kind: "rect", x, y, width: colW, height: labelH, fill: primary, decoration: true });
      shapes.push(...moveBlock(tile.label.shapes, x + pad, y));
      shapes.push(...moveBlock(tile.text.shapes, x + pad, y + labelH + 0.7 * pad));
    });
    y += labelH + textH + (start + cols < tiles.length ? gap : 0);
  }
  return { height: y, shapes };
}

function panelsBlock(c: Composer, content: PosterContent, spec: SizeSpec, s: number, width: number, primary: Rgb, decorations: boolean): Block {
  const n = content.panels.length;
  const gap = spec.gutter;
  const panelW = (width - (n - 1) * gap) / n;
  const titleSize = spec.panelTitle * s;
  const textSize = spec.panelText * s;
  const pad = textSize * mmPerPt * 0.9;
  const innerW = panelW - 2 * pad;
  const built = content.panels.map((panel) => {
    const english = panel.language === "en";
    const font: FontRole = english ? "latin" : "body";
    const title = c.paragraph(panel.title, { font: "display", size: titleSize, width: innerW, leading: 1.3, color: primary, role: `panel-${panel.language}-title`, words: true });
    const text = c.paragraph(panel.text, { font, size: textSize, width: innerW, leading: 1.4, color: INK, role: `panel-${panel.language}-text`, words: true });
    const bullet = english ? "•" : "・";
    const bulletW = c.measure(`${bullet} `, font, textSize);
    const lines = panel.lines.map((line) => {
      const block = c.paragraph(line, { font, size: textSize, width: innerW - bulletW, leading: 1.4, color: INK, role: `panel-${panel.language}-measure`, words: true });
      const mark = c.line(bullet, { font, size: textSize, width: bulletW, leading: 1.4, color: primary, role: "bullet" });
      return { height: block.height, shapes: [...mark.shapes, ...moveBlock(block.shapes, bulletW, 0)] };
    });
    const space = textSize * mmPerPt * 0.35;
    const height = pad * 0.8 + title.height + space + text.height + (lines.length > 0 ? space : 0) + lines.reduce((sum, b) => sum + b.height, 0) + pad;
    return { title, text, lines, space, height };
  });
  const height = Math.max(...built.map((b) => b.height));
  const shapes: Shape[] = [];
  built.forEach((panel, i) => {
    const x = i * (panelW + gap);
    shapes.push({ kind: "rect", x, y: 0, width: panelW, height, fill: decorations ? PANEL_FILL : undefined, stroke: mix(primary, WHITE, 0.45), lineWidth: 0.3 * Math.max(1, s * spec.panelText / 10), decoration: !decorations ? false : true });
    let y = pad * 0.8;
    shapes.push(...moveBlock(panel.title.shapes, x + pad, y));
    y += panel.title.height + panel.space;
    shapes.push(...moveBlock(panel.text.shapes, x + pad, y));
    y += panel.text.height + panel.space;
    for (const line of panel.lines) {
      shapes.push(...moveBlock(line.shapes, x + pad, y));
      y += line.height;
    }
  });
  return { height, shapes };
}
