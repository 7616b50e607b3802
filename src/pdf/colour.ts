/**
 * The one colour rule of every PDF nafuda writes (issue 13): colours given as `#RRGGBB` (a template's field, a
 * policy's `color`, the built-in designs) become ink, so that no page holds DeviceRGB and black prints black.
 *
 * 1. White (#FFFFFF) is no ink: `0 0 0 0`.
 * 2. A neutral colour — red, green and blue within 4 % (10 of 255) of each other — is a grey: K only, K = 1 − the mean
 *    of R, G and B (#000000 → K 100 %, #333333 → K 80 %, #808080 → K 50 %). Never rich black, never four-colour grey.
 * 3. Any other colour is CMYK with full grey replacement: K = 1 − max(R, G, B), then C = (1 − R − K) / (1 − K), and M
 *    and Y likewise from G and B (#1E4E9C → C 81 M 50 Y 0 K 39). At least one of C, M, Y is 0, so the total ink stays
 *    under 300 %. A city's brand colour is given as `cmyk(c,m,y,k)` where a template takes one.
 * 4. Every ink is rounded to 0.1 %; an ink under 3 % (which disappears on an offset press) is left out. A tint that
 *    loses all its inks that way is white: designs keep their tints at 5 % or more.
 *
 * Pure: numbers in, numbers and operator text out; no PDF library here.
 */

/** An ink colour: cyan, magenta, yellow and black, each 0–1. */
export interface Cmyk {
  readonly c: number;
  readonly m: number;
  readonly y: number;
  readonly k: number;
}

/** RGB, each 0–1 (as the designs write colours). */
export type RgbTriple = readonly [number, number, number];

/** Inks under this (3 %) are left out: they do not print on an offset press. */
export const MIN_INK = 0.03;
/** Red, green and blue within this (4 %) of each other are a neutral grey, printed in K only. */
export const NEUTRAL_SPREAD = 0.04;

/** No ink at all (white). */
export const NO_INK: Cmyk = { c: 0, m: 0, y: 0, k: 0 };
/** Black: K 100 % only. */
export const BLACK: Cmyk = { c: 0, m: 0, y: 0, k: 1 };

const ink = (value: number): number => {
  const clamped = Math.min(1, Math.max(0, value));
  const rounded = Math.round(clamped * 1000) / 1000;
  return rounded < MIN_INK ? 0 : rounded;
};

/** The rule above, from RGB (each 0–1). */
export function rgbToCmyk(rgb: RgbTriple): Cmyk {
  const [r, g, b] = rgb.map((v) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0))) as [number, number, number];
  if (r >= 1 && g >= 1 && b >= 1) return NO_INK;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min <= NEUTRAL_SPREAD + 1e-9) return { c: 0, m: 0, y: 0, k: ink(1 - (r + g + b) / 3) };
  const k = 1 - max;
  const part = (v: number) => (1 - v - k) / (1 - k);
  return { c: ink(part(r)), m: ink(part(g)), y: ink(part(b)), k: ink(k) };
}

/** `#RRGGBB` (or `RRGGBB`) as RGB 0–1; null when it is not six hex digits. */
export function parseHexColour(hex: string): RgbTriple | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const n = Number.parseInt(match[1]!, 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** The rule above, from `#RRGGBB`; null when it is not a colour in that form. */
export function hexToCmyk(hex: string): Cmyk | null {
  const rgb = parseHexColour(hex);
  return rgb ? rgbToCmyk(rgb) : null;
}

/** `cmyk(c,m,y,k)` in percent (a template's form) as inks 0–1, rounded and floored as rule 4 says; null when not that form. */
export function parseCmykColour(text: string): Cmyk | null {
  const match = /^cmyk\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/i.exec(text.trim());
  if (!match) return null;
  const [c, m, y, k] = match.slice(1, 5).map((v) => Number(v) / 100) as [number, number, number, number];
  if (![c, m, y, k].every(Number.isFinite)) return null;
  return { c: ink(c), m: ink(m), y: ink(y), k: ink(k) };
}

/** A colour as a template or policy writes it (`#RRGGBB` or `cmyk(…)`) as ink; null when it is neither. */
export function colourToCmyk(text: string): Cmyk | null {
  return text.trim().startsWith("#") ? hexToCmyk(text) : parseCmykColour(text);
}

/** True when the colour is K only (or no ink): what text must be. */
export function isKOnly(colour: Cmyk): boolean {
  return colour.c === 0 && colour.m === 0 && colour.y === 0;
}

/** Total ink, 0–4 (4 = 400 %). */
export function totalInk(colour: Cmyk): number {
  return colour.c + colour.m + colour.y + colour.k;
}

const n = (value: number): string => String(Math.round(value * 1000) / 1000);

/** The fill operator: `c m y k k`. */
export function fillOperator(colour: Cmyk): string {
  return `${n(colour.c)} ${n(colour.m)} ${n(colour.y)} ${n(colour.k)} k`;
}

/** The stroke operator: `c m y k K`. */
export function strokeOperator(colour: Cmyk): string {
  return `${n(colour.c)} ${n(colour.m)} ${n(colour.y)} ${n(colour.k)} K`;
}

/**
 * 5. Text is K only: a text colour that the rule above prints as K (or no ink) is printed so; any other is printed as
 *    the K tint of its lightness (K = 1 − (0.299 R + 0.587 G + 0.114 B)), white as no ink. Small coloured text set in
 *    four inks goes fuzzy when the plates are a little off register; a single plate cannot.
 */
export function textInk(rgb: RgbTriple): Cmyk {
  const colour = rgbToCmyk(rgb);
  if (isKOnly(colour)) return colour;
  const [r, g, b] = rgb;
  return { c: 0, m: 0, y: 0, k: ink(1 - (0.299 * r + 0.587 * g + 0.114 * b)) };
}

/** A `#RRGGBB` or `cmyk(…)` text colour as K only (rule 5); null when it is neither form. */
export function textColourToInk(text: string): Cmyk | null {
  const rgb = text.trim().startsWith("#") ? parseHexColour(text) : null;
  if (rgb) return textInk(rgb);
  const colour = parseCmykColour(text);
  if (!colour) return null;
  if (isKOnly(colour)) return colour;
  // A CMYK text colour: the K tint of the lightness of what it would print (naively, RGB = (1 − ink) × (1 − K)).
  return textInk([(1 - colour.c) * (1 - colour.k), (1 - colour.m) * (1 - colour.k), (1 - colour.y) * (1 - colour.k)]);
}
