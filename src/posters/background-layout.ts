import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { didYouMean } from "../text/suggest.js";
import type { BoxMm } from "./layout.js";
import type { PosterBackground } from "./render.js";
import { parsePosterSize, POSTER_SIZES, posterPaper, type PosterSize } from "./sizes.js";

/**
 * A layout file for a city's own poster artwork (`nafuda posters --background art.pdf --layout layout.yaml`):
 * which page of the artwork each size uses, and where the text goes on it, in mm from the trim's top-left.
 *
 *   pages:        { A4: 1, B2: 2 }                               # 1 = the artwork's first page
 *   contentBoxes: { A4: { x: 15, y: 40, width: 180, height: 230 } }
 */
export type BackgroundLayout = Pick<PosterBackground, "pages" | "contentBoxes">;

export class BackgroundLayoutError extends Error {
  override name = "BackgroundLayoutFileError";
  constructor(readonly file: string, readonly issues: string[]) {
    super(`${file}: ${issues.join("; ")}`);
  }
}

const KEYS = ["pages", "contentBoxes"] as const;
const BOX_KEYS = ["x", "y", "width", "height"] as const;

/** Validates parsed layout data; every problem is reported at once, with the nearest valid key or size. */
export function parseBackgroundLayout(data: unknown, file: string): BackgroundLayout {
  const issues: string[] = [];
  const layout: BackgroundLayout = {};
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new BackgroundLayoutError(file, ["the file must hold pages and/or contentBoxes"]);
  const sized = (key: string, value: unknown, each: (size: PosterSize, v: unknown) => void) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return issues.push(`${key} must map sizes (${POSTER_SIZES.join(", ")}) to values`);
    for (const [word, v] of Object.entries(value)) {
      const size = parsePosterSize(word);
      if (!size) issues.push(`${key}.${word}: unknown size${didYouMean(word, POSTER_SIZES)}; sizes: ${POSTER_SIZES.join(", ")}`);
      else each(size, v);
    }
  };
  for (const [key, value] of Object.entries(data)) {
    if (key === "pages") {
      sized(key, value, (size, v) => {
        if (!Number.isInteger(v) || (v as number) < 1) issues.push(`pages.${size} must be a page number from 1`);
        else (layout.pages ??= {})[size] = (v as number) - 1;
      });
    } else if (key === "contentBoxes") {
      sized(key, value, (size, v) => {
        const box = v as Record<string, unknown>;
        const wrong = box && typeof box === "object" ? Object.keys(box).filter((k) => !(BOX_KEYS as readonly string[]).includes(k)) : [];
        for (const k of wrong) issues.push(`contentBoxes.${size}.${k}: unknown key${didYouMean(k, BOX_KEYS)}; keys: ${BOX_KEYS.join(", ")}`);
        if (!box || typeof box !== "object" || BOX_KEYS.some((k) => typeof box[k] !== "number")) {
          return issues.push(`contentBoxes.${size} needs x, y, width and height in mm`);
        }
        const paper = posterPaper(size);
        const b = box as unknown as BoxMm;
        if (b.x < 0 || b.y < 0 || b.width <= 0 || b.height <= 0 || b.x + b.width > paper.width || b.y + b.height > paper.height) {
          return issues.push(`contentBoxes.${size} (${b.x}, ${b.y}, ${b.width} × ${b.height} mm) does not lie inside the ${paper.width} × ${paper.height} mm page`);
        }
        (layout.contentBoxes ??= {})[size] = { x: b.x, y: b.y, width: b.width, height: b.height };
      });
    } else issues.push(`unknown key "${key}"${didYouMean(key, KEYS)}; keys: ${KEYS.join(", ")}`);
  }
  if (issues.length > 0) throw new BackgroundLayoutError(file, issues);
  return layout;
}

/** Reads a layout file (YAML or JSON). */
export async function loadBackgroundLayout(path: string): Promise<BackgroundLayout> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new BackgroundLayoutError(path, [`cannot read the layout file: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (error as Error).message}`]);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new BackgroundLayoutError(path, [`not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`]);
  }
  return parseBackgroundLayout(data, path);
}
