/**
 * The built-in poster designs, laid out in millimetres. Pure: text is measured through a TextMeasurer; the result
 * is a list of shapes that render.ts turns into PDF.
 *
 * Two designs, chosen per size:
 * - "full" (A4, A3 by default): the counter poster and handout with the whole text — the one-line message in the
 *   largest type, then the stance, the conduct with a line each, the measures, the date, the issuer and the link.
 *   Body text is never under 12 pt on A4 (A3: 14.4 pt); the body grows when there is room.
 * - "distance" (B3, B2 by default; A3 when chosen): the hall poster read from across the room — a short slogan,
 *   the conduct as a few large items, the measures, the date and the issuer; no stance (the A4 has it).
 * The message (or slogan) is set at the size the distance rule (legibility.ts: 4 mm of character height per metre)
 * gives for the size's reading distance: A4 3 m, A3 4 m, B3 6 m, B2 8 m (A3 as a distance poster 5 m). In the distance design every other text
 * is sized by distance too (the title and the conduct items for half the slogan's distance, the measures for a
 * third to a quarter, the date and issuer for a quarter, the small print for a fifth), scaled as one between 70 %
 * and 140 % to fill the page.
 * The English and やさしい日本語 panels go on the poster when they fit at their readable size, else on a page of
 * their own (the same size, after the poster).
 */
import { fitText } from "../text/fit-text.js";
import { breakText, type BreakOptions } from "./linebreak.js";
import type { PosterContent } from "./content.js";
import { KI_HEIGHT_EM, messageDistance, MIN_BODY_PT_A4, sizeForDistance } from "./legibility.js";
import { qrMatrix, QR_QUIET_ZONE, type QrMatrix } from "./qr.js";
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
  /** The paragraph this line belongs to (lines of one paragraph share it) and the line's number in it, from 0. */
  para?: number;
  line?: number;
  /** The width the paragraph was broken to, mm. */
  box?: number;
  /** 180: drawn upside down about its anchor (the far face of a tent card). */
  rotation?: 0 | 180;
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

/** A straight line: fold and cut lines of signs, rules. */
export interface LineShape {
  kind: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: Rgb;
  /** Stroke width, mm. */
  width: number;
  /** Dash and gap lengths, mm; none: solid. */
  dash?: readonly number[];
  role: string;
}

/** A QR code: `size` mm square including the quiet zone, top-left at x, y. */
export interface QrShape {
  kind: "qr";
  x: number;
  y: number;
  size: number;
  matrix: QrMatrix;
  /** What it encodes. */
  text: string;
}

export type Shape = TextShape | RectShape | LineShape | QrShape;

export type PosterDesign = "full" | "distance";
/**
 * A poster page; the handout page with the whole text (全文) when the poster could not carry the conduct lines;
 * the page of the English and やさしい日本語 panels when they fit on neither.
 */
export type PosterPageKind = "poster" | "text" | "languages";

export interface PosterLayout {
  size: PosterSize;
  design: PosterDesign;
  page: PosterPageKind;
  /** Trim size in mm. */
  width: number;
  height: number;
  shapes: Shape[];
  /** The factor applied to the body type sizes to fill the page (1 = the design's sizes). */
  scale: number;
  /** True when even the smallest allowed type did not fit; the text is then cut off at the bottom. */
  overflow: boolean;
  /** Whether the conduct list carries each item's line or only the labels. */
  conductDetail: "full" | "labels";
  /** Where the language panels are: on this page, on a page of their own, or none asked for. */
  panels: "here" | "own-page" | "none";
}

/** Width in mm of `text` set in `font` at `size` pt (before any horizontal scaling). */
export type TextMeasurer = ((text: string, font: FontRole, size: number) => number) & {
  /** Ink height of 「木」 in em in `font` (the character height of the distance rule); default KI_HEIGHT_EM. */
  kiHeight?: (font: FontRole) => number;
};

/** A rectangle in mm, top-left origin. */
export interface BoxMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** 長体 (horizontal condensing) goes down to this before type is made smaller. */
export const MIN_CONDENSE = 0.8;
const ASCENT = 0.88;

export const mmPerPt = 25.4 / 72;

/*
 * Colours (src/pdf/colour.ts turns them into ink): text is black (K 100 %), grey (a K tint) or white on a band (no
 * ink), never in colour, so that small type prints on one plate; the city's colour is in the bands, bars, cards and
 * frames. Tints are 5 % or more (an ink under 3 % does not print).
 */
const WHITE: Rgb = [1, 1, 1];
const INK: Rgb = [0, 0, 0];
const GREY: Rgb = [0.3, 0.3, 0.3];
const PANEL_FILL: Rgb = [0.94, 0.94, 0.94];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function mix(color: Rgb, other: Rgb, amount: number): Rgb {
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
export interface Block {
  height: number;
  shapes: Shape[];
}

export function moveBlock(shapes: readonly Shape[], dx: number, dy: number): Shape[] {
  return shapes.map((shape) =>
    shape.kind === "line" ? { ...shape, x1: shape.x1 + dx, x2: shape.x2 + dx, y1: shape.y1 + dy, y2: shape.y2 + dy } : { ...shape, x: shape.x + dx, y: shape.y + dy },
  );
}

export interface ParagraphOptions {
  font: FontRole;
  size: number;
  width: number;
  leading: number;
  color: Rgb;
  role: string;
  words?: boolean;
  balance?: boolean;
  align?: "left" | "center" | "right";
}

/** Sets text: paragraphs broken by the poster line breaker, each line a text shape. Shared by posters and signs. */
export class Composer {
  private para = 0;
  constructor(readonly measure: TextMeasurer) {}

  /** Baseline of a line whose box of height `lineBox` starts at `top`. */
  baseline(top: number, size: number, lineBox: number): number {
    const em = size * mmPerPt;
    return top + (lineBox - em) / 2 + ASCENT * em;
  }

  /** Wrapped text; returns the block (from y = 0). A single piece wider than the line is condensed, then made smaller. */
  paragraph(text: string, options: ParagraphOptions): Block {
    const { font, size, width, leading, color, role } = options;
    const breakOptions: BreakOptions = { words: options.words, balance: options.balance };
    const paragraphs = breakText(text, width, (t) => this.measure(t, font, size), breakOptions);
    const lineBox = size * mmPerPt * leading;
    const shapes: Shape[] = [];
    let i = 0;
    for (const paragraph of paragraphs) {
      const para = this.para++;
      paragraph.lines.forEach((line, index) => {
        const fitted = fitLine(this.measure, line, font, size, width);
        const w = this.measure(line, font, fitted.size) * fitted.scaleX;
        const x = options.align === "center" ? (width - w) / 2 : options.align === "right" ? width - w : 0;
        shapes.push({ kind: "text", x, y: this.baseline(i * lineBox, size, lineBox), text: line, font, size: fitted.size, color, scaleX: fitted.scaleX, role, para, line: index, box: width });
        i++;
      });
    }
    return { height: i * lineBox, shapes };
  }
}

interface DesignSpec {
  design: PosterDesign;
  margin: number;
  gutter: number;
  /** QR code side, mm (quiet zone included). */
  qr: number;
  kicker: number;
  title: number;
  subtitle: number;
  message: number;
  /** null: the design has no stance (distance). */
  stance: number | null;
  heading: number;
  conductLabel: number;
  /** null: the conduct are items without their lines (distance). */
  conductText: number | null;
  conductCols: readonly number[];
  measureLabel: number;
  measureText: number;
  panelTitle: number;
  panelText: number;
  footer: number;
  issuerFoot: number;
  contact: number;
  minScale: number;
  maxScale: number;
}

/** The message's size: the distance rule's, 3 % over it (for the press and the paper), rounded up to a whole point. */
const messageSize = (pt: number) => Math.ceil(pt * 1.03);

/** The type sizes of the full design: A4 at its minimum (body 12 pt), A3 at 1.2 times. */
function fullSpec(size: PosterSize, ki: number): DesignSpec {
  const k = size === "A4" ? 1 : size === "A3" ? 1.2 : size === "B3" ? 1.45 : 2;
  const base = MIN_BODY_PT_A4 * k;
  return {
    design: "full",
    margin: 11 * Math.sqrt(k),
    gutter: 5 * k,
    qr: 22 * k,
    kicker: base,
    title: 20 * k,
    subtitle: 14 * k,
    message: messageSize(sizeForDistance(messageDistance(size, "full"), ki)),
    stance: base,
    heading: 14.5 * k,
    conductLabel: 13 * k,
    conductText: base,
    conductCols: [1, 2, 3],
    measureLabel: 13 * k,
    measureText: 12.5 * k,
    panelTitle: 13.5 * k,
    panelText: base,
    footer: base,
    issuerFoot: 15 * k,
    contact: base,
    minScale: 1,
    maxScale: 1.3,
  };
}

/** The type sizes of the distance design, from the reading distance D of the slogan; nothing under 12 pt. */
function distanceSpec(size: PosterSize, ki: number): DesignSpec {
  const d = messageDistance(size, "distance");
  const at = (metres: number) => Math.max(MIN_BODY_PT_A4, sizeForDistance(metres, ki));
  const paper = posterPaper(size);
  return {
    design: "distance",
    margin: paper.width * 0.05,
    gutter: paper.width * 0.021,
    qr: Math.max(30, paper.width * 0.088),
    kicker: at(d / 4),
    title: at(d / 2),
    subtitle: at(d / 3),
    message: messageSize(sizeForDistance(d, ki)),
    stance: null,
    heading: at((3 * d) / 8),
    conductLabel: at(d / 2),
    conductText: null,
    conductCols: [2, 3],
    measureLabel: at(d / 3),
    measureText: at(d / 4),
    panelTitle: at(d / 4),
    panelText: at(d / 5),
    footer: at(d / 5),
    issuerFoot: at(d / 4),
    contact: at(d / 5),
    // Never below 12 pt, whatever the scale.
    minScale: Math.max(0.7, MIN_BODY_PT_A4 / Math.min(at(d / 5), at(d / 4))),
    maxScale: 1.4,
  };
}

/** The design a size gets unless told otherwise: counter sizes the full text, hall sizes the distance poster. */
export const DEFAULT_DESIGNS: Readonly<Record<PosterSize, PosterDesign>> = { A4: "full", A3: "full", B3: "distance", B2: "distance" };

export interface LayoutOptions {
  /**
   * Where the content goes, mm from the trim's top-left; default the whole page (the built-in
   * design). With a custom background, the area its artwork leaves free.
   */
  contentBox?: BoxMm;
  /** Draw the built-in bands, cards and frames (default true; false over a custom background). */
  decorations?: boolean;
  /**
   * The conduct list with each item's line ("full"), labels only ("labels"), or "auto" (default): full unless
   * it does not fit at the smallest type, as with a long policy.
   */
  conductDetail?: "auto" | "full" | "labels";
  /** "full" or "distance"; default DEFAULT_DESIGNS (A3 may be either). */
  design?: PosterDesign;
  /** Where the English and やさしい日本語 panels go: "auto" (default: on the poster when they fit), or "own-page". */
  panels?: "auto" | "own-page";
  /**
   * Keep the design, bands included, this many mm inside the paper's edge on every page (the office layout: an office
   * printer leaves 4–5 mm unprinted). Default 0: the bands reach the trim (and the bleed, when there is bleed).
   */
  safeMargin?: number;
}

interface Frame {
  c: Composer;
  content: PosterContent;
  spec: DesignSpec;
  box: BoxMm;
  innerX: number;
  innerW: number;
  m: number;
  primary: Rgb;
  tint: Rgb;
  decorations: boolean;
}

const textShapes = (shapes: readonly Shape[]) => shapes.filter((s): s is TextShape => s.kind === "text");

/** The band at the top: issuer and facility, then the title (and subtitle); the message below it when there is one. */
function header(f: Frame, options: { message: string | null; page: PosterPageKind }): { shapes: Shape[]; bottom: number } {
  const { c, content, spec, box, innerX, innerW, m, primary, decorations } = f;
  const shapes: Shape[] = [];
  const onBand = decorations ? WHITE : INK;
  let y = box.y + m * 0.7;
  // Issuer left, facility right on one line when both fit, else one above the other.
  const kickerColor = decorations ? WHITE : GREY;
  const issuerW = c.measure(content.issuer, "display", spec.kicker);
  const facilityW = c.measure(content.facilityName, "display", spec.kicker);
  if (issuerW + facilityW + spec.gutter * 2 <= innerW) {
    const issuer = c.paragraph(content.issuer, { font: "display", size: spec.kicker, width: innerW, leading: 1.3, color: kickerColor, role: "issuer-kicker" });
    const facility = c.paragraph(content.facilityName, { font: "display", size: spec.kicker, width: innerW, leading: 1.3, color: onBand, role: "facility", align: "right" });
    shapes.push(...moveBlock(issuer.shapes, innerX, y), ...moveBlock(facility.shapes, innerX, y));
    y += issuer.height;
  } else {
    const facility = c.paragraph(content.facilityName, { font: "display", size: spec.kicker, width: innerW, leading: 1.3, color: onBand, role: "facility" });
    shapes.push(...moveBlock(facility.shapes, innerX, y));
    y += facility.height;
    const issuer = c.paragraph(content.issuer, { font: "display", size: spec.kicker, width: innerW, leading: 1.3, color: kickerColor, role: "issuer-kicker" });
    shapes.push(...moveBlock(issuer.shapes, innerX, y));
    y += issuer.height;
  }
  y += spec.kicker * mmPerPt * 0.25;
  // Without a message the title is the largest type (the distance rule's size).
  const titleSize = options.message === null && options.page === "poster" ? spec.message : options.page === "text" ? spec.title * 1.1 : spec.title;
  const title = c.paragraph(content.title, { font: "display", size: titleSize, width: innerW, leading: 1.2, color: onBand, role: "title", balance: true });
  shapes.push(...moveBlock(title.shapes, innerX, y));
  y += title.height;
  if (content.subtitle && options.page === "poster") {
    const sub = c.paragraph(content.subtitle, { font: "display", size: spec.subtitle, width: innerW, leading: 1.3, color: onBand, role: "subtitle", balance: true });
    shapes.push(...moveBlock(sub.shapes, innerX, y + spec.subtitle * mmPerPt * 0.15));
    y += sub.height + spec.subtitle * mmPerPt * 0.15;
  }
  y += m * 0.55;
  if (decorations) shapes.unshift({ kind: "rect", x: box.x, y: box.y, width: box.width, height: y - box.y, fill: primary, decoration: true });
  if (options.message !== null) {
    y += m * 0.55;
    const message = c.paragraph(options.message, { font: "display", size: spec.message, width: innerW, leading: 1.16, color: INK, role: "message", balance: true, align: "center" });
    shapes.push(...moveBlock(message.shapes, innerX, y));
    y += message.height + m * 0.25;
  }
  return { shapes, bottom: y };
}

/** The foot: the QR code and address of the full policy, the contact, the date in force, the issuer (compact: the last two). */
function footer(f: Frame, compact = false): { shapes: Shape[]; top: number } {
  const { c, spec, box, innerX, innerW, m, primary, decorations } = f;
  const content = compact ? { ...f.content, url: null, contact: null } : f.content;
  const shapes: Shape[] = [];
  // The right column is as wide as its widest line (within 30–45 % of the width); the rest is the link's and contact's.
  const dateText = `${content.date} 施行`;
  const natural = Math.max(
    c.measure(dateText, "body", spec.footer),
    c.measure(content.issuer, "display", spec.issuerFoot),
    content.signature ? c.measure(content.signature, "body", spec.footer) : 0,
  );
  const rightW = Math.min(innerW * 0.45, Math.max(innerW * 0.3, natural + 0.5));
  const right: Block[] = [];
  right.push(c.paragraph(dateText, { font: "body", size: spec.footer, width: rightW, leading: 1.45, color: INK, role: "date", align: "right" }));
  right.push(c.paragraph(content.issuer, { font: "display", size: spec.issuerFoot, width: rightW, leading: 1.3, color: INK, role: "issuer", align: "right" }));
  if (content.signature) right.push(c.paragraph(content.signature, { font: "body", size: spec.footer, width: rightW, leading: 1.45, color: INK, role: "signature", align: "right" }));
  const rightH = right.reduce((sum, b) => sum + b.height, 0);

  const leftW = innerW - rightW - spec.gutter;
  const left: Shape[] = [];
  let leftH = 0;
  let textX = 0;
  let textW = leftW;
  let ty = 0;
  if (content.url) {
    const matrix = qrMatrix(content.url);
    // Never finer than 0.5 mm a module, which office printers and phone cameras both manage.
    const size = Math.max(spec.qr, (matrix.count + 2 * QR_QUIET_ZONE) * 0.5);
    left.push({ kind: "qr", x: 0, y: 0, size, matrix, text: content.url });
    textX = size + spec.gutter * 0.2;
    textW = leftW - textX;
    leftH = size;
    // The caption lines up with the code's dark modules, inside its quiet zone.
    ty = (size * QR_QUIET_ZONE) / (matrix.count + 2 * QR_QUIET_ZONE);
    const caption = c.paragraph("基本方針の全文はこちら", { font: "bodyBold", size: spec.footer, width: textW, leading: 1.4, color: INK, role: "url-caption" });
    left.push(...moveBlock(caption.shapes, textX, ty));
    ty += caption.height;
    const url = c.paragraph(content.url, { font: "body", size: spec.footer, width: textW, leading: 1.35, color: INK, role: "url" });
    left.push(...moveBlock(url.shapes, textX, ty));
    ty += url.height + spec.footer * mmPerPt * 0.3;
  }
  if (content.contact) {
    const contact = c.paragraph(content.contact, { font: "body", size: spec.contact, width: textW, leading: 1.45, color: GREY, role: "contact" });
    left.push(...moveBlock(contact.shapes, textX, ty));
    ty += contact.height;
  }
  leftH = Math.max(leftH, ty);
  const footH = Math.max(rightH, leftH);
  const bottom = box.y + box.height - m * 0.75;
  const top = bottom - footH;
  shapes.push(...moveBlock(left, innerX, top + (footH - leftH) / 2));
  let ry = top + (footH - rightH);
  for (const b of right) {
    shapes.push(...moveBlock(b.shapes, innerX + innerW - rightW, ry));
    ry += b.height;
  }
  const ruleY = top - m * 0.45;
  if (decorations) shapes.push({ kind: "rect", x: innerX, y: ruleY, width: innerW, height: 0.3 * Math.max(1, spec.footer / 12), fill: mix(primary, WHITE, 0.55), decoration: true });
  return { shapes, top: ruleY };
}

function heading(f: Frame, text: string, size: number, width: number, role: string): Block {
  const em = size * mmPerPt;
  const barW = em * 0.3;
  const block = f.c.paragraph(text, { font: "display", size, width: width - barW - em * 0.45, leading: 1.3, color: INK, role });
  return {
    height: block.height,
    shapes: [{ kind: "rect", x: 0, y: (em * 1.3 - em * 1.05) / 2, width: barW, height: block.height - em * 0.25, fill: f.primary, decoration: false }, ...moveBlock(block.shapes, barW + em * 0.45, 0)],
  };
}

function conductBlock(f: Frame, s: number, width: number, cols: number, detail: "full" | "labels"): Block {
  const { c, content, spec, primary, tint, decorations } = f;
  const items = spec.conductText === null ? content.distanceConduct.map((label) => ({ label, text: "" })) : content.conduct;
  const n = Math.min(cols, Math.max(1, items.length));
  const gap = spec.gutter * (spec.conductText !== null && detail === "full" ? 0.55 : 0.45);
  const colW = (width - (n - 1) * gap) / n;
  const labelSize = spec.conductLabel * s;
  const textSize = (spec.conductText ?? spec.conductLabel) * s;
  const pad = (spec.conductText === null ? labelSize * 0.45 : textSize * 0.85) * mmPerPt;
  const bar = Math.max(1.2, textSize * mmPerPt * 0.3);
  const innerW = colW - 2 * pad - bar;
  const withText = spec.conductText !== null && detail === "full";
  if (withText && cols === 1) return conductList(f, s, width);
  const cards = items.map((item) => {
    const label = c.paragraph(item.label, { font: "display", size: labelSize, width: innerW, leading: 1.25, color: INK, role: spec.conductText === null ? "conduct-item" : "conduct-label", balance: spec.conductText === null });
    if (!withText) return { label, text: { height: 0, shapes: [] as Shape[] }, height: pad * 1.6 + label.height, between: 0 };
    const text = c.paragraph(item.text, { font: "body", size: textSize, width: innerW, leading: 1.45, color: INK, role: "conduct-text" });
    const between = textSize * mmPerPt * 0.25;
    return { label, text, height: pad + label.height + between + text.height + pad * 0.9, between };
  });
  const shapes: Shape[] = [];
  let y = 0;
  for (let start = 0; start < cards.length; start += n) {
    const row = cards.slice(start, start + n);
    const rowH = Math.max(...row.map((card) => card.height));
    row.forEach((card, i) => {
      const x = i * (colW + gap);
      if (decorations) {
        shapes.push({ kind: "rect", x, y, width: colW, height: rowH, fill: tint, decoration: true });
        shapes.push({ kind: "rect", x, y, width: bar, height: rowH, fill: primary, decoration: true });
      }
      shapes.push(...moveBlock(card.label.shapes, x + bar + pad, y + (withText ? pad : (rowH - card.label.height) / 2)));
      shapes.push(...moveBlock(card.text.shapes, x + bar + pad, y + pad + card.label.height + card.between));
    });
    y += rowH + (start + n < cards.length ? gap : 0);
  }
  return { height: y, shapes };
}

/** The conduct as a definition list: the label on the left, its line on the right, a row each (the compact full text). */
function conductList(f: Frame, s: number, width: number): Block {
  const { c, content, spec, primary, tint, decorations } = f;
  const labelSize = spec.conductLabel * s;
  const textSize = spec.conductText! * s;
  const pad = textSize * mmPerPt * 0.4;
  const bar = Math.max(1.2, textSize * mmPerPt * 0.3);
  const gap = pad * 0.5;
  // The label column that makes the list shortest (wide labels on one line, or long lines on one line).
  let best: Block | null = null;
  for (const share of [0.22, 0.26, 0.3, 0.34, 0.38]) {
    const labelW = width * share;
    const textW = width - bar - labelW - 3 * pad;
    const shapes: Shape[] = [];
    let y = 0;
    for (const item of content.conduct) {
      const label = c.paragraph(item.label, { font: "display", size: labelSize, width: labelW, leading: 1.28, color: INK, role: "conduct-label", balance: true });
      const text = c.paragraph(item.text, { font: "body", size: textSize, width: textW, leading: 1.4, color: INK, role: "conduct-text" });
      const h = Math.max(label.height, text.height) + 2 * pad;
      if (decorations) {
        shapes.push({ kind: "rect", x: 0, y, width, height: h, fill: tint, decoration: true });
        shapes.push({ kind: "rect", x: 0, y, width: bar, height: h, fill: primary, decoration: true });
      }
      shapes.push(...moveBlock(label.shapes, bar + pad, y + (h - label.height) / 2));
      shapes.push(...moveBlock(text.shapes, bar + 2 * pad + labelW, y + (h - text.height) / 2));
      y += h + gap;
    }
    const block = { height: Math.max(0, y - gap), shapes };
    if (!best || block.height < best.height - 0.01) best = block;
  }
  return best!;
}

function measuresBlock(f: Frame, s: number, width: number): Block {
  const { c, content, spec, primary, decorations } = f;
  const labelSize = spec.measureLabel * s;
  const textSize = spec.measureText * s;
  const pad = textSize * mmPerPt * (spec.design === "full" ? 0.5 : 0.7);
  const gap = spec.gutter * 0.3;
  const labelColor = decorations ? WHITE : INK;
  const shapes: Shape[] = [];
  const widest = Math.max(...content.measures.map((m) => Math.max(...m.label.split(/・/).map((part) => c.measure(part, "display", labelSize)))));
  const labelW = Math.min(width * 0.36, Math.max(width * 0.24, widest + 2 * pad));
  const textW = width - labelW - 2 * pad;
  let y = 0;
  for (const measure of content.measures) {
    const label = c.paragraph(measure.label, { font: "display", size: labelSize, width: labelW - 2 * pad, leading: 1.22, color: labelColor, role: "measure-label", align: "center", balance: true });
    const from = measure.from ? c.paragraph(measure.from, { font: "bodyBold", size: textSize, width: textW, leading: 1.35, color: INK, role: "measure-from" }) : null;
    const text = c.paragraph(measure.text, { font: "bodyBold", size: textSize, width: textW, leading: 1.38, color: INK, role: "measure-text" });
    const right = (from?.height ?? 0) + text.height;
    const h = Math.max(label.height, right) + 1.3 * pad;
    if (decorations) {
      shapes.push({ kind: "rect", x: 0, y, width, height: h, stroke: primary, lineWidth: 0.35 * Math.max(1, textSize / 12.5), fill: WHITE, decoration: true });
      shapes.push({ kind: "rect", x: 0, y, width: labelW, height: h, fill: primary, decoration: true });
    }
    shapes.push(...moveBlock(label.shapes, pad, y + (h - label.height) / 2));
    const ry = y + (h - right) / 2;
    if (from) shapes.push(...moveBlock(from.shapes, labelW + pad, ry));
    shapes.push(...moveBlock(text.shapes, labelW + pad, ry + (from?.height ?? 0)));
    y += h + gap;
  }
  return { height: Math.max(0, y - gap), shapes };
}

/** The panels side by side (on the poster) or one above the other (their own page, larger). */
function panelsBlock(f: Frame, s: number, width: number, stacked: boolean): Block {
  const { c, content, spec, primary, decorations } = f;
  const n = content.panels.length;
  const across = stacked ? 1 : n;
  const gap = spec.gutter;
  const panelW = (width - (across - 1) * gap) / across;
  const titleSize = spec.panelTitle * s;
  const textSize = spec.panelText * s;
  const pad = textSize * mmPerPt * 0.9;
  const innerW = panelW - 2 * pad;
  const built = content.panels.map((panel) => {
    const english = panel.language === "en";
    const font: FontRole = english ? "latin" : "body";
    const title = c.paragraph(panel.title, { font: "display", size: titleSize, width: innerW, leading: 1.3, color: INK, role: `panel-${panel.language}-title`, words: true });
    const text = c.paragraph(panel.text, { font, size: textSize, width: innerW, leading: 1.42, color: INK, role: `panel-${panel.language}-text`, words: true });
    const bullet = english ? "•" : "・";
    const bulletW = c.measure(`${bullet} `, font, textSize);
    const lines = panel.lines.map((line) => {
      const block = c.paragraph(line, { font, size: textSize, width: innerW - bulletW, leading: 1.42, color: INK, role: `panel-${panel.language}-measure`, words: true });
      const mark = c.paragraph(bullet, { font, size: textSize, width: bulletW, leading: 1.42, color: INK, role: "bullet" });
      return { height: block.height, shapes: [...mark.shapes, ...moveBlock(block.shapes, bulletW, 0)] };
    });
    const space = textSize * mmPerPt * 0.4;
    const height = pad * 0.8 + title.height + space + text.height + (lines.length > 0 ? space : 0) + lines.reduce((sum, b) => sum + b.height, 0) + pad;
    return { title, text, lines, space, height };
  });
  const shapes: Shape[] = [];
  let y = 0;
  for (let start = 0; start < built.length; start += across) {
    const row = built.slice(start, start + across);
    const height = Math.max(...row.map((b) => b.height));
    row.forEach((panel, i) => {
      const x = i * (panelW + gap);
      shapes.push({ kind: "rect", x, y, width: panelW, height, fill: decorations ? PANEL_FILL : undefined, stroke: mix(primary, WHITE, 0.45), lineWidth: 0.3 * Math.max(1, textSize / 10), decoration: decorations });
      let py = y + pad * 0.8;
      shapes.push(...moveBlock(panel.title.shapes, x + pad, py));
      py += panel.title.height + panel.space;
      shapes.push(...moveBlock(panel.text.shapes, x + pad, py));
      py += panel.text.height + panel.space;
      for (const line of panel.lines) {
        shapes.push(...moveBlock(line.shapes, x + pad, py));
        py += line.height;
      }
    });
    y += height + (start + across < built.length ? gap : 0);
  }
  return { height: y, shapes };
}

interface Flow {
  blocks: Block[];
  /** Gap after each block but the last; `weights[i]` says how much of the spare room gap i takes. */
  gaps: number[];
  weights: number[];
}

function flowHeight(flow: Flow): number {
  return flow.blocks.reduce((sum, b) => sum + b.height, 0) + flow.gaps.reduce((a, b) => a + b, 0);
}

/** The scaled part of a poster page: stance, conduct, measures, panels (as asked). */
function posterFlow(f: Frame, s: number, choice: { cols: number; detail: "full" | "labels"; panels: boolean; stance?: boolean }): Flow {
  const { content, spec, innerW } = f;
  const blocks: Block[] = [];
  const gaps: number[] = [];
  const weights: number[] = [];
  const big = spec.heading * s * mmPerPt * 0.65;
  const small = spec.heading * s * mmPerPt * 0.3;
  const push = (block: Block, gap: number, weight: number) => {
    if (blocks.length > 0) {
      gaps.push(gap);
      weights.push(weight);
    }
    blocks.push(block);
  };
  if (spec.stance !== null && choice.stance !== false) push(f.c.paragraph(content.stance, { font: "body", size: spec.stance * s, width: innerW, leading: 1.6, color: INK, role: "stance" }), 0, 0);
  push(heading(f, content.conductHeading, spec.heading * s, innerW, "conduct-heading"), big, 3);
  push(conductBlock(f, s, innerW, choice.cols, choice.detail), small, 1);
  if (content.measures.length > 0) {
    push(heading(f, content.measuresHeading, spec.heading * s, innerW, "measures-heading"), big, 3);
    push(measuresBlock(f, s, innerW), small, 1);
  }
  if (choice.panels && content.panels.length > 0) push(panelsBlock(f, s, innerW, false), big, 3);
  return { blocks, gaps, weights };
}

/** The largest scale in [min, max] at which `flow(s)` fits `available`, or null. */
function fitScale(min: number, max: number, available: number, flow: (s: number) => Flow): number | null {
  if (flowHeight(flow(max)) <= available) return max;
  if (flowHeight(flow(min)) > available) return null;
  let low = min;
  let high = max;
  for (let i = 0; i < 12; i++) {
    const mid = (low + high) / 2;
    if (flowHeight(flow(mid)) <= available) low = mid;
    else high = mid;
  }
  return Math.floor(low * 1000) / 1000;
}

/** Places the flow between top and bottom, spreading the spare room into its gaps (or centring it when it has none). */
function placeFlow(flow: Flow, x: number, top: number, bottom: number): Shape[] {
  const shapes: Shape[] = [];
  const spare = Math.max(0, bottom - top - flowHeight(flow));
  const weightSum = flow.weights.reduce((a, b) => a + b, 0);
  let y = top + (weightSum === 0 ? spare / 2 : 0);
  flow.blocks.forEach((block, i) => {
    shapes.push(...moveBlock(block.shapes, x, y));
    y += block.height;
    if (i < flow.gaps.length) y += flow.gaps[i]! + (weightSum > 0 ? (spare * flow.weights[i]!) / weightSum : 0);
  });
  return shapes;
}

function frameFor(content: PosterContent, size: PosterSize, measure: TextMeasurer, options: LayoutOptions): Frame {
  const paper = posterPaper(size);
  const design = options.design ?? DEFAULT_DESIGNS[size];
  const ki = measure.kiHeight?.("display") ?? KI_HEIGHT_EM;
  const spec = design === "full" ? fullSpec(size, ki) : distanceSpec(size, ki);
  const inset = options.safeMargin ?? 0;
  const box: BoxMm = options.contentBox ?? { x: inset, y: inset, width: paper.width - 2 * inset, height: paper.height - 2 * inset };
  // The office layout keeps the text where the full-bleed design has it (the inset comes out of the margin).
  const m = options.contentBox ? spec.margin * Math.min(1, box.width / paper.width) : Math.max(spec.margin - inset, spec.margin * 0.5);
  const primary = hexToRgb(content.color);
  return {
    c: new Composer(measure),
    content,
    spec,
    box,
    innerX: box.x + m,
    innerW: box.width - 2 * m,
    m,
    primary,
    tint: mix(primary, WHITE, 0.85),
    decorations: options.decorations ?? true,
  };
}

/**
 * Lays out one poster size. The poster takes, in this order, the first arrangement that fits at its smallest
 * type: the conduct with their lines and the panels, the conduct with their lines without the panels, the conduct
 * labels with the panels, the labels without them; among the column counts that fit it takes the one with the
 * largest type. When the conduct lines did not fit (A4: the 12 pt body and the message's 36 pt leave no room for
 * them), a handout page (全文) follows with the whole text; the panels go on the poster or the handout when they
 * fit there, else on a page of their own.
 */
export function layoutPosterPages(content: PosterContent, size: PosterSize, measure: TextMeasurer, options: LayoutOptions = {}): PosterLayout[] {
  const f = frameFor(content, size, measure, options);
  const hasPanels = content.panels.length > 0;
  const details: ("full" | "labels")[] = f.spec.conductText === null ? ["labels"] : options.conductDetail === "labels" ? ["labels"] : options.conductDetail === "full" ? ["full"] : ["full", "labels"];
  const placements: boolean[] = !hasPanels ? [false] : options.panels === "own-page" ? [false] : [true, false];
  const poster = fitPage(f, size, "poster", details, placements);
  const pages = [poster.layout];
  let panelsPlaced = !hasPanels || poster.panels;
  // The handout and language pages take the whole page (a city's artwork frames the poster only).
  const plain = options.contentBox ? frameFor(content, size, measure, { ...options, contentBox: undefined }) : f;
  if (poster.detail === "labels" && f.spec.conductText !== null && options.conductDetail !== "labels") {
    const text = fitPage(plain, size, "text", ["full"], panelsPlaced ? [false] : placements);
    pages.push(text.layout);
    panelsPlaced ||= text.panels;
  }
  if (!panelsPlaced) pages.push(languagesPage(plain, size));
  const where = !hasPanels ? "none" : poster.panels ? "here" : "own-page";
  pages[0] = { ...pages[0]!, panels: where };
  return pages;
}

/**
 * One page of the poster or the handout, fitted: the first arrangement (detail, panels) that fits, with the best
 * columns. A poster whose handout carries the whole text may, as a last resort (a small content box over a city's
 * artwork), leave out the stance, then the link and contact of its foot.
 */
function fitPage(f: Frame, size: PosterSize, page: "poster" | "text", details: ("full" | "labels")[], placements: boolean[]): { layout: PosterLayout; detail: "full" | "labels"; panels: boolean } {
  const paper = posterPaper(size);
  const message = page === "text" ? null : f.spec.design === "distance" ? f.content.slogan : f.content.message;
  const head = header(f, { message, page });
  const handout = page === "poster" && f.spec.stance !== null && details.includes("labels");
  const variants = handout
    ? [{ stance: true, compact: false }, { stance: false, compact: false }, { stance: false, compact: true }]
    : [{ stance: true, compact: false }];
  type Choice = { s: number; cols: number; detail: "full" | "labels"; panels: boolean; stance: boolean; compact: boolean };
  let chosen: Choice | null = null;
  search: for (const { stance, compact } of variants) {
    const foot = footer(f, compact);
    const available = foot.top - f.m * 0.6 - (head.bottom + f.m * 0.5);
    for (const detail of stance ? details : (["labels"] as const)) {
      for (const panels of placements) {
        let best: { s: number; cols: number } | null = null;
        for (const cols of f.spec.conductCols) {
          if (detail === "labels" && cols === 1) continue;
          const s = fitScale(f.spec.minScale, f.spec.maxScale, available, (x) => posterFlow(f, x, { cols, detail, panels, stance }));
          if (s !== null && (!best || s > best.s + 1e-6)) best = { s, cols };
        }
        if (best) {
          chosen = { ...best, detail, panels, stance, compact };
          break search;
        }
      }
    }
  }
  const overflow = chosen === null;
  const final: Choice = chosen ?? { s: f.spec.minScale, cols: f.spec.conductCols[0]!, detail: details[details.length - 1]!, panels: false, stance: true, compact: false };
  const foot = footer(f, final.compact);
  const top = head.bottom + f.m * 0.5;
  const bottom = foot.top - f.m * 0.6;
  const flow = posterFlow(f, final.s, final);
  const shapes = [...head.shapes, ...placeFlow(flow, f.innerX, top, bottom), ...foot.shapes];
  const hasPanels = f.content.panels.length > 0;
  return {
    layout: { size, design: f.spec.design, page, width: paper.width, height: paper.height, shapes, scale: final.s, overflow, conductDetail: final.detail, panels: !hasPanels ? "none" : final.panels ? "here" : "own-page" },
    detail: final.detail,
    panels: final.panels,
  };
}

/** The page of the language panels: the band, the panels one above the other in larger type, the date and issuer. */
function languagesPage(f: Frame, size: PosterSize): PosterLayout {
  const paper = posterPaper(size);
  const head = header(f, { message: null, page: "languages" });
  const foot = footer(f);
  const top = head.bottom + f.m * 0.6;
  const bottom = foot.top - f.m * 0.6;
  const flow = (s: number): Flow => ({ blocks: [panelsBlock(f, s, f.innerW, true)], gaps: [], weights: [] });
  const min = f.spec.design === "full" ? 1 : f.spec.minScale;
  const s = fitScale(min, 2.2, bottom - top, flow);
  const shapes = [...head.shapes, ...placeFlow(flow(s ?? min), f.innerX, top, bottom), ...foot.shapes];
  return { size, design: f.spec.design, page: "languages", width: paper.width, height: paper.height, shapes, scale: s ?? min, overflow: s === null, conductDetail: "labels", panels: "here" };
}

/** Lays out one poster page (the poster itself; layoutPosterPages also gives the language page when there is one). */
export function layoutPoster(content: PosterContent, size: PosterSize, measure: TextMeasurer, options: LayoutOptions = {}): PosterLayout {
  return layoutPosterPages(content, size, measure, options)[0]!;
}

/** The text shapes of a layout (for tests and previews). */
export function layoutTexts(layout: Pick<PosterLayout, "shapes">): TextShape[] {
  return textShapes(layout.shapes);
}
