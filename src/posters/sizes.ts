/** The poster sizes nafuda lays out, portrait, in mm. */
import { PAPER_SIZES, type SizeMm } from "../geometry/units.js";

export const POSTER_SIZES = ["A4", "A3", "B3", "B2"] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

export function isPosterSize(value: string): value is PosterSize {
  return (POSTER_SIZES as readonly string[]).includes(value);
}

/** A4 210 × 297, A3 297 × 420, B3 364 × 515, B2 515 × 728 (JIS B). */
export function posterPaper(size: PosterSize): SizeMm {
  const paper = PAPER_SIZES[size];
  return { width: paper.width, height: paper.height };
}

/** Reads a size as written in a list or on the command line: "a3", "Ａ３", " B2 ". */
export function parsePosterSize(word: string): PosterSize | null {
  const normalized = word.normalize("NFKC").trim().toUpperCase();
  return isPosterSize(normalized) ? normalized : null;
}

/** What an office printer leaves unprinted at each edge is 4–5 mm: the office layout keeps its design this far inside. */
export const OFFICE_MARGIN_MM = 5;
