import { msg, NafudaError } from "../messages/message.js";

/**
 * Text fitting in one step, the way Japanese typesetting does it: first condense horizontally
 * (長体) down to a floor, then shrink the size; never overflow, never clip, never step-shrink.
 */

export interface FitBox {
  /** Box width, pt. */
  width: number;
  /** Box height, pt (+∞: no limit). */
  height: number;
}

export interface FitStyle {
  /** Largest size, pt (the size every name that fits is set at). */
  maxSizePt: number;
  /** Smallest size, pt. Below it the text is condensed past the floor rather than shrunk. */
  minSizePt: number;
  /** Narrowest horizontal scale before shrinking, e.g. 0.75 (長体 25%). 1 = never condense. */
  minCondense: number;
  /** Height of one line in em (ascent − descent); the size never makes it taller than the box. Default 1. */
  lineHeightEm?: number;
}

export interface FitResult {
  /** Font size, pt. */
  sizePt: number;
  /** Horizontal scale (PDF Tz / 100): 1 = normal, 0.8 = condensed to 80%. */
  horizontalScale: number;
  /** Width the text takes at that size and scale, pt (≤ box width). */
  width: number;
  /** False when even the minimum size needed condensing past the floor (text still fits, but tighter than the template allows). */
  withinLimits: boolean;
}

/** Rounds down to 1/1000 so that rounding never makes text overflow. */
function floor3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded <= value ? rounded : Math.floor(value * 1000) / 1000;
}

/**
 * The size and horizontal scale for text whose advance width at 1 pt is `widthAtSize1` (pt,
 * including letter spacing), computed from that one measurement:
 *
 * 1. size = the largest allowed (max, and no taller than the box);
 * 2. if it is too wide, condense to exactly the box width, as long as that is ≥ minCondense;
 * 3. otherwise hold the floor and shrink the size to fit, down to minSizePt;
 * 4. at the minimum size, condense further (reported as `withinLimits: false`) — never overflow.
 */
export function fitText(widthAtSize1: number, box: FitBox, style: FitStyle): FitResult {
  if (!(style.maxSizePt > 0) || !(style.minSizePt > 0) || style.minSizePt > style.maxSizePt || !Number.isFinite(style.maxSizePt)) {
    throw new NafudaError(msg("FIT_BAD_SIZE_RANGE", { min: String(style.minSizePt), max: String(style.maxSizePt) }));
  }
  if (!(style.minCondense > 0 && style.minCondense <= 1)) {
    throw new NafudaError(msg("FIT_BAD_CONDENSE", { got: String(style.minCondense) }));
  }
  const lineHeight = style.lineHeightEm ?? 1;
  // Nothing that is not a number may reach the PDF: refuse it here, where it can still be named. (A box of unlimited
  // height, +∞, is fine: the size is then capped by maxSizePt alone.)
  for (const [what, value] of [["widthAtSize1", widthAtSize1], ["box.width", box.width], ["lineHeightEm", lineHeight]] as const) {
    if (!Number.isFinite(value)) throw new NafudaError(msg("FIT_NOT_FINITE", { what, got: String(value) }));
  }
  if (Number.isNaN(box.height) || box.height === Number.NEGATIVE_INFINITY) throw new NafudaError(msg("FIT_NOT_FINITE", { what: "box.height", got: String(box.height) }));
  const cap = floor3(Math.min(style.maxSizePt, box.height / lineHeight));
  let size = Math.max(cap, 0);
  if (size < style.minSizePt) size = style.minSizePt;
  if (widthAtSize1 <= 0 || box.width <= 0) {
    return { sizePt: size, horizontalScale: 1, width: 0, withinLimits: box.width > 0 || widthAtSize1 <= 0 };
  }
  const naturalWidth = widthAtSize1 * size;
  if (naturalWidth <= box.width) {
    return { sizePt: size, horizontalScale: 1, width: naturalWidth, withinLimits: true };
  }
  const condense = box.width / naturalWidth;
  if (condense >= style.minCondense) {
    const scale = floor3(condense);
    return { sizePt: size, horizontalScale: scale, width: naturalWidth * scale, withinLimits: true };
  }
  const shrunk = floor3(box.width / (widthAtSize1 * style.minCondense));
  if (shrunk >= style.minSizePt) {
    return { sizePt: shrunk, horizontalScale: style.minCondense, width: widthAtSize1 * shrunk * style.minCondense, withinLimits: true };
  }
  const scale = floor3(box.width / (widthAtSize1 * style.minSizePt));
  return { sizePt: style.minSizePt, horizontalScale: scale, width: widthAtSize1 * style.minSizePt * scale, withinLimits: false };
}
