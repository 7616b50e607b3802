/**
 * The recording signs, laid out in mm. Pure: text is measured through the posters' TextMeasurer.
 *
 * Counter sign: a tent card on A4 landscape that folds into a triangle standing on the counter. From the top of
 * the sheet: face 1 (printed upside down), the apex fold, face 2, a fold, the base that lies on the counter, a fold,
 * the glue tab that goes under face 1's lower edge. Standing, both faces read upright, one to each side of the
 * counter. All three folds are mountain folds (the print outside). On an office sheet the card sits 8 mm inside
 * the sheet's edges (which printers leave blank) with cut lines around it; for a print shop the card itself is
 * the trim (with bleed and crop marks) and the folds are marked outside it.
 * Its line is set for the queue: at least 24 pt (readable from 2 m by the 4 mm-per-metre rule), larger when it fits.
 *
 * Phone sticker: 91 × 55 mm, for the a4-10up label sheet (src/geometry/sheets.ts), with a 2.5 mm white border
 * so that a sheet fed a little off still looks right; read from arm's length, nothing under 8 pt.
 */
import { Composer, mix, moveBlock, hexToRgb, type Block, type LineShape, type Rgb, type Shape, type TextMeasurer, type TextShape } from "../posters/layout.js";
import { sizeForDistance } from "../posters/legibility.js";
import type { SignContent } from "./content.js";

const WHITE: Rgb = [1, 1, 1];
// Text black, grey or white only (src/pdf/colour.ts: text is K only); the city's colour is in the blocks and bands.
const INK: Rgb = [0, 0, 0];
const GREY: Rgb = [0.35, 0.35, 0.35];
const GUIDE: Rgb = [0.45, 0.45, 0.45];

/** A4 landscape, the tent card's sheet. */
export const TENT_SHEET = { width: 297, height: 210 } as const;
/** The card's distance from the office sheet's edges, mm. */
export const TENT_MARGIN = 8;
/** Panel heights, mm, from the top of the card: face, face, base, glue tab (72 + 72 + 40 + 10 = 194). */
export const TENT_PANELS = { face: 72, base: 40, tab: 10 } as const;
/** The card (the trim for a print shop): 281 × 194 mm. */
export const TENT_CARD = { width: TENT_SHEET.width - 2 * TENT_MARGIN, height: 2 * TENT_PANELS.face + TENT_PANELS.base + TENT_PANELS.tab } as const;
/** Fold lines, mm from the card's top: the apex, face 2 / base, base / tab. */
export const TENT_FOLDS = [TENT_PANELS.face, 2 * TENT_PANELS.face, 2 * TENT_PANELS.face + TENT_PANELS.base] as const;
/** The smallest line on a counter sign (read from 2 m). */
export const COUNTER_SIGN_MIN_PT = Math.ceil(sizeForDistance(2));

/** The sticker's size, mm (a cell of the a4-10up sheet). */
export const STICKER = { width: 91, height: 55 } as const;
/** The smallest type on a sticker, pt. */
export const STICKER_MIN_PT = 8;

export interface SignLayout {
  /** Trim size, mm (the card, or the sticker). */
  width: number;
  height: number;
  shapes: Shape[];
  /** True when the line did not fit even at the smallest size. */
  overflow: boolean;
}

/** Texts that say how to make the card, in the run's language (from the catalogue). */
export interface TentWords {
  /** How to cut, fold and glue it. */
  howTo: string;
  /** The glue tab's word. */
  glue: string;
  /** 山折り, on each fold. */
  fold: string;
}

/** One face, upright, in a box of width × height from (0, 0). */
function face(c: Composer, content: SignContent, width: number, height: number): { block: Block; overflow: boolean; headline: number } {
  const primary = hexToRgb(content.color);
  const shapes: Shape[] = [];
  const blockW = 54;
  shapes.push({ kind: "rect", x: 0, y: 0, width: blockW, height, fill: primary, decoration: true });
  const label = c.paragraph(content.label, { font: "display", size: 16, width: blockW - 10, leading: 1.25, color: WHITE, role: "sign-label", balance: true, align: "center" });
  const from = content.from ? c.paragraph(content.from, { font: "bodyBold", size: 12, width: blockW - 8, leading: 1.3, color: WHITE, role: "sign-from", align: "center", balance: true }) : null;
  const leftH = label.height + (from ? from.height + 2 : 0);
  shapes.push(...moveBlock(label.shapes, 5, (height - leftH) / 2));
  if (from) shapes.push(...moveBlock(from.shapes, 4, (height - leftH) / 2 + label.height + 2));

  const x = blockW + 7;
  const w = width - x - 7;
  const top = 6;
  const bottom = height - 5;
  const rest = (size: number) => {
    const blocks: Block[] = [];
    blocks.push(c.paragraph(content.headline, { font: "display", size, width: w, leading: 1.18, color: INK, role: "sign-headline", balance: true }));
    blocks.push(c.paragraph(content.text, { font: "body", size: 12.5, width: w, leading: 1.35, color: INK, role: "sign-text" }));
    for (const line of content.lines) {
      blocks.push(c.paragraph(line.text, { font: line.language === "en" ? "latin" : "body", size: 12, width: w, leading: 1.3, color: GREY, role: `sign-${line.language}`, words: true }));
    }
    return blocks;
  };
  const heightOf = (blocks: Block[]) => blocks.reduce((sum, b) => sum + b.height, 0) + (blocks.length - 1) * 1.5;
  const issuer = c.paragraph(content.issuer, { font: "display", size: 12, width: w, leading: 1.25, color: GREY, role: "sign-issuer", align: "right" });
  const room = bottom - top - issuer.height - 1.5;
  let size = 46;
  let blocks = rest(size);
  // At most two lines of the headline, as large as fits.
  while (size > COUNTER_SIGN_MIN_PT && (heightOf(blocks) > room || textLines(blocks[0]!) > 2)) {
    size -= 1;
    blocks = rest(size);
  }
  const overflow = heightOf(blocks) > room;
  let y = top + Math.max(0, (room - heightOf(blocks)) / 2);
  for (const block of blocks) {
    shapes.push(...moveBlock(block.shapes, x, y));
    y += block.height + 1.5;
  }
  shapes.push(...moveBlock(issuer.shapes, x, bottom - issuer.height));
  return { block: { height, shapes }, overflow, headline: size };
}

function textLines(block: Block): number {
  return block.shapes.filter((s) => s.kind === "text").length;
}

/** Shapes turned 180° about the centre of the box (x, y, width, height): the far face of the tent. */
export function rotate180(shapes: readonly Shape[], box: { x: number; y: number; width: number; height: number }): Shape[] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return shapes.map((shape): Shape => {
    switch (shape.kind) {
      case "rect":
        return { ...shape, x: 2 * cx - shape.x - shape.width, y: 2 * cy - shape.y - shape.height };
      case "text":
        return { ...shape, x: 2 * cx - shape.x, y: 2 * cy - shape.y, rotation: shape.rotation === 180 ? 0 : 180 };
      case "line":
        return { ...shape, x1: 2 * cx - shape.x1, y1: 2 * cy - shape.y1, x2: 2 * cx - shape.x2, y2: 2 * cy - shape.y2 };
      case "qr":
        return { ...shape, x: 2 * cx - shape.x - shape.size, y: 2 * cy - shape.y - shape.size };
    }
  });
}

/**
 * The tent card, in the card's coordinates (281 × 194 mm from its top-left). Fold lines are part of it; the cut
 * lines and the print shop's fold marks are added by the renderer (they depend on how it is printed).
 */
export function layoutTentCard(content: SignContent, measure: TextMeasurer, words: TentWords, options: { foldLines?: boolean } = {}): SignLayout & { headlineSize: number } {
  const c = new Composer(measure);
  const { width } = TENT_CARD;
  const faceH = TENT_PANELS.face;
  const shapes: Shape[] = [];
  const upright = face(c, content, width, faceH);
  // Face 2 below the apex, upright; face 1 above it, turned so that its top is at the apex too.
  shapes.push(...rotate180(upright.block.shapes, { x: 0, y: 0, width, height: faceH }));
  shapes.push(...moveBlock(upright.block.shapes, 0, faceH));
  // The base: how to make it, and which facility it is for (it lies on the counter, unseen).
  const baseTop = TENT_FOLDS[1];
  const primary = hexToRgb(content.color);
  const howTo = c.paragraph(words.howTo, { font: "body", size: 10, width: width - 20, leading: 1.4, color: GREY, role: "sign-howto" });
  const facility = c.paragraph(`${content.facilityName}　${content.label}`, { font: "bodyBold", size: 10, width: width - 20, leading: 1.4, color: GREY, role: "sign-facility" });
  const baseH = howTo.height + facility.height + 2;
  shapes.push(...moveBlock(facility.shapes, 10, baseTop + (TENT_PANELS.base - baseH) / 2));
  shapes.push(...moveBlock(howTo.shapes, 10, baseTop + (TENT_PANELS.base - baseH) / 2 + facility.height + 2));
  // The glue tab.
  const tabTop = TENT_FOLDS[2];
  shapes.push({ kind: "rect", x: 12, y: tabTop + 1.5, width: width - 24, height: TENT_PANELS.tab - 3, fill: mix(primary, WHITE, 0.88), decoration: false });
  const glue = c.paragraph(words.glue, { font: "bodyBold", size: 9, width: width - 24, leading: 1.2, color: GREY, role: "sign-glue", align: "center" });
  shapes.push(...moveBlock(glue.shapes, 12, tabTop + (TENT_PANELS.tab - glue.height) / 2));
  if (options.foldLines !== false) {
    for (const y of TENT_FOLDS) {
      shapes.push({ kind: "line", x1: 0, y1: y, x2: width, y2: y, color: GUIDE, width: 0.25, dash: [2, 1.5], role: "fold" });
      const mark = c.paragraph(words.fold, { font: "body", size: 6.5, width: 20, leading: 1.1, color: GUIDE, role: "fold-label" });
      shapes.push(...moveBlock(mark.shapes, 1.5, y + 0.6));
    }
  }
  return { width, height: TENT_CARD.height, shapes, overflow: upright.overflow, headlineSize: upright.headline };
}

/** The cut lines around the card on an office sheet (card coordinates): the outline, the glue tab's corners cut. */
export function tentCutLines(): LineShape[] {
  const { width, height } = TENT_CARD;
  const tabTop = TENT_FOLDS[2];
  const inset = TENT_PANELS.tab;
  const points: [number, number][] = [
    [0, 0],
    [width, 0],
    [width, tabTop],
    [width - inset, height],
    [inset, height],
    [0, tabTop],
    [0, 0],
  ];
  const lines: LineShape[] = [];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1]!;
    const [x2, y2] = points[i]!;
    lines.push({ kind: "line", x1, y1, x2, y2, color: GUIDE, width: 0.2, role: "cut" });
  }
  return lines;
}

/** A phone sticker, 91 × 55 mm from its top-left. */
export function layoutSticker(content: SignContent, measure: TextMeasurer): SignLayout & { headlineSize: number } {
  const c = new Composer(measure);
  const primary = hexToRgb(content.color);
  const { width, height } = STICKER;
  const border = 2.5;
  const shapes: Shape[] = [];
  const bandH = 11;
  shapes.push({ kind: "rect", x: border, y: border, width: width - 2 * border, height: height - 2 * border, stroke: primary, lineWidth: 0.5, fill: WHITE, decoration: false });
  shapes.push({ kind: "rect", x: border, y: border, width: width - 2 * border, height: bandH, fill: primary, decoration: false });
  const label = c.paragraph(content.label, { font: "display", size: 11, width: width - 2 * border - 6, leading: 1.2, color: WHITE, role: "sign-label", align: "center" });
  shapes.push(...moveBlock(label.shapes, border + 3, border + (bandH - label.height) / 2));
  const x = border + 3.5;
  const w = width - 2 * x;
  const top = border + bandH + 2;
  const issuer = c.paragraph(content.issuer, { font: "display", size: STICKER_MIN_PT, width: w, leading: 1.2, color: GREY, role: "sign-issuer", align: "right" });
  const bottom = height - border - 1.5;
  const room = bottom - top - issuer.height - 0.8;
  const rest = (size: number) => {
    const blocks: Block[] = [c.paragraph(content.headline, { font: "display", size, width: w, leading: 1.18, color: INK, role: "sign-headline", balance: true })];
    if (content.from) blocks.push(c.paragraph(content.from, { font: "bodyBold", size: 9, width: w, leading: 1.3, color: INK, role: "sign-from" }));
    for (const line of content.lines) {
      blocks.push(c.paragraph(line.text, { font: line.language === "en" ? "latin" : "body", size: STICKER_MIN_PT, width: w, leading: 1.25, color: GREY, role: `sign-${line.language}`, words: true }));
    }
    return blocks;
  };
  const heightOf = (blocks: Block[]) => blocks.reduce((sum, b) => sum + b.height, 0) + (blocks.length - 1) * 0.8;
  let size = 22;
  let blocks = rest(size);
  while (size > 11 && (heightOf(blocks) > room || textLines(blocks[0]!) > 3)) {
    size -= 0.5;
    blocks = rest(size);
  }
  const overflow = heightOf(blocks) > room;
  let y = top + Math.max(0, (room - heightOf(blocks)) / 2);
  for (const block of blocks) {
    shapes.push(...moveBlock(block.shapes, x, y));
    y += block.height + 0.8;
  }
  shapes.push(...moveBlock(issuer.shapes, x, bottom - issuer.height));
  return { width, height, shapes, overflow, headlineSize: size };
}

/** The text shapes of a sign (for tests). */
export function signTexts(layout: Pick<SignLayout, "shapes">): TextShape[] {
  return layout.shapes.filter((s): s is TextShape => s.kind === "text");
}

