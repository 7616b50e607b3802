/**
 * How large text must be to be read from a distance: the rule every poster and sign of nafuda is laid out by.
 *
 * The rule: Japanese text seen from d metres needs a character height of at least 4 mm per metre — the table of
 * viewing distance and character size of 国土交通省's barrier-free guidelines for public signs (視距離 1–2 m: 9 mm,
 * 4–5 m: 20 mm, 10 m: 40 mm, 20 m: 80 mm, 30 m: 120 mm 以上), where the character height (文字高) of Japanese is
 * the height of 「木」 in the typeface. In BIZ UD Gothic 「木」's ink is 0.950 em tall, so 4 mm per metre is a type
 * size of 4.21 mm (11.9 pt) per metre.
 *
 * Body text follows the municipal readability guides instead: at least 12 pt on an A4 poster (which the 4 mm rule
 * puts at a reading distance of 1 m).
 */
import type { PosterSize } from "./sizes.js";

/** Character height (文字高) per metre of viewing distance, mm. */
export const MM_PER_METRE = 4;

/** Ink height of 「木」 in em in the bundled BIZ UD faces (measured from the fonts; a custom face measures its own). */
export const KI_HEIGHT_EM = 0.9502;

/** The character height 「木」 would have in text of `sizePt`, mm. */
export function characterHeightMm(sizePt: number, kiHeightEm = KI_HEIGHT_EM): number {
  return ((sizePt * 25.4) / 72) * kiHeightEm;
}

/** The smallest type size (pt) whose character height reads from `metres` away. */
export function sizeForDistance(metres: number, kiHeightEm = KI_HEIGHT_EM): number {
  return (MM_PER_METRE * metres * 72) / 25.4 / kiHeightEm;
}

/** The distance (m) from which text of `sizePt` can be read. */
export function readingDistance(sizePt: number, kiHeightEm = KI_HEIGHT_EM): number {
  return characterHeightMm(sizePt, kiHeightEm) / MM_PER_METRE;
}

/**
 * The distance each poster's one-line message (or slogan) is read from: a counter poster by someone in the queue
 * (A4 3 m, A3 4 m), a hall poster from across the room (B3 6 m, B2 8 m).
 */
export const MESSAGE_DISTANCE_M: Readonly<Record<PosterSize, number>> = { A4: 3, A3: 4, B3: 6, B2: 8 };

/** An A3 (or A4) hung as a distance poster is read from further than at a counter: A4 4 m, A3 5 m; B3 and B2 as above. */
export const DISTANCE_DESIGN_M: Readonly<Record<PosterSize, number>> = { A4: 4, A3: 5, B3: 6, B2: 8 };

/** The reading distance of a poster's message (or slogan) in a design. */
export function messageDistance(size: PosterSize, design: "full" | "distance"): number {
  return design === "distance" ? DISTANCE_DESIGN_M[size] : MESSAGE_DISTANCE_M[size];
}

/** The smallest body text on an A4 poster, pt (municipal readability guides). */
export const MIN_BODY_PT_A4 = 12;
