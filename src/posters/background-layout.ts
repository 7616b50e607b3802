import { defaultLang, type Lang } from "../messages/lang.js";
import { formatPlaced, msg, NafudaError, type CodedMessage, type Message } from "../messages/message.js";
import { nearest } from "../text/suggest.js";
import type { BoxMm } from "./layout.js";
import type { PosterBackground } from "./render.js";
import { parsePosterSize, POSTER_SIZES, posterPaper, type PosterSize } from "./sizes.js";
import { parsePosterYaml, readPosterText } from "./yaml-input.js";

/**
 * A layout file for a city's own poster artwork (`nafuda posters --background art.pdf --layout layout.yaml`):
 * which page of the artwork each size uses, and where the text goes on it, in mm from the trim's top-left.
 *
 *   pages:        { A4: 1, B2: 2 }                               # 1 = the artwork's first page
 *   contentBoxes: { A4: { x: 15, y: 40, width: 180, height: 230 } }
 */
export type BackgroundLayout = Pick<PosterBackground, "pages" | "contentBoxes">;

/** One problem of a layout file: a catalogue message with the key it is about (contentBoxes.A4.widht) and its line. */
export interface BackgroundLayoutIssue extends Message {
  /** Key path; "" for the whole file. */
  key: string;
  /** 1-based line, when known. */
  line: number | null;
}

/**
 * A layout file that cannot be used (CLI: bad input, exit 2). `code` is LAYOUT_INVALID; `issues` lists every
 * problem with its own code and key. The message is the one problem, or a summary line and then one line each.
 */
export class BackgroundLayoutError extends NafudaError {
  override name = "BackgroundLayoutFileError";
  declare readonly file: string;

  constructor(file: string, readonly issues: BackgroundLayoutIssue[]) {
    super(msg("LAYOUT_INVALID", { count: issues.length }), { file });
    this.message = this.format();
  }

  override format(lang: Lang = defaultLang()): string {
    const lines = (this.issues ?? []).map((issue) => formatPlaced(issue, { file: this.file, key: issue.key || undefined, line: issue.line ?? undefined }, lang));
    return lines.length === 1 ? lines[0]! : [super.format(lang), ...lines].join("\n");
  }
}

const KEYS = ["pages", "contentBoxes"] as const;
const BOX_KEYS = ["x", "y", "width", "height"] as const;

function issue(key: string, message: CodedMessage, line: number | null = null): BackgroundLayoutIssue {
  return { key, line, code: message.code, ...(message.params !== undefined ? { params: message.params } : {}) };
}

function near(word: string, candidates: Iterable<string>): { nearest?: string } {
  const hit = nearest(word, candidates);
  return hit ? { nearest: hit } : {};
}

/**
 * What is wrong with a content box for `size`, or null: x, y, width and height must be finite numbers of mm,
 * the box inside the trim, with a width and a height.
 */
export function contentBoxProblem(size: PosterSize, box: unknown): CodedMessage | null {
  if (!box || typeof box !== "object" || Array.isArray(box)) return msg("LAYOUT_BOX_NEEDS_NUMBERS");
  const record = box as Record<string, unknown>;
  if (BOX_KEYS.some((k) => !Object.hasOwn(record, k) || typeof record[k] !== "number" || !Number.isFinite(record[k]))) return msg("LAYOUT_BOX_NEEDS_NUMBERS");
  const b = box as BoxMm;
  const paper = posterPaper(size);
  if (b.x < 0 || b.y < 0 || b.width <= 0 || b.height <= 0 || b.x + b.width > paper.width || b.y + b.height > paper.height) {
    return msg("LAYOUT_BOX_OUTSIDE", { x: b.x, y: b.y, width: b.width, height: b.height, pageWidth: paper.width, pageHeight: paper.height });
  }
  return null;
}

/** Validates parsed layout data; every problem is reported at once, with the nearest valid key or size. */
export function parseBackgroundLayout(data: unknown, file: string): BackgroundLayout {
  const issues: BackgroundLayoutIssue[] = [];
  const layout: BackgroundLayout = {};
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new BackgroundLayoutError(file, [issue("", msg("LAYOUT_NOT_MAPPING"))]);
  const sized = (key: string, value: unknown, each: (size: PosterSize, v: unknown) => void) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return issues.push(issue(key, msg("LAYOUT_NOT_SIZE_MAP", { sizes: [...POSTER_SIZES] })));
    for (const [word, v] of Object.entries(value)) {
      const size = parsePosterSize(word);
      if (!size) issues.push(issue(`${key}.${word}`, msg("LAYOUT_UNKNOWN_SIZE", { word, ...near(word, POSTER_SIZES), sizes: [...POSTER_SIZES] })));
      else each(size, v);
    }
  };
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema") continue; // for editors: templates/posters/layout.schema.json
    if (key === "pages") {
      sized(key, value, (size, v) => {
        if (!Number.isInteger(v) || (v as number) < 1) issues.push(issue(`pages.${size}`, msg("LAYOUT_BAD_PAGE")));
        else (layout.pages ??= {})[size] = (v as number) - 1;
      });
    } else if (key === "contentBoxes") {
      sized(key, value, (size, v) => {
        const box = v as Record<string, unknown>;
        const wrong = box && typeof box === "object" && !Array.isArray(box) ? Object.keys(box).filter((k) => !(BOX_KEYS as readonly string[]).includes(k)) : [];
        for (const k of wrong) issues.push(issue(`contentBoxes.${size}.${k}`, msg("LAYOUT_UNKNOWN_KEY", { key: k, ...near(k, BOX_KEYS), known: [...BOX_KEYS] })));
        const problem = contentBoxProblem(size, v);
        if (problem) return issues.push(issue(`contentBoxes.${size}`, problem));
        const b = v as BoxMm;
        (layout.contentBoxes ??= {})[size] = { x: b.x, y: b.y, width: b.width, height: b.height };
      });
    } else issues.push(issue(key, msg("LAYOUT_UNKNOWN_KEY", { key, ...near(key, KEYS), known: [...KEYS] })));
  }
  if (issues.length > 0) throw new BackgroundLayoutError(file, issues);
  return layout;
}

/**
 * Reads a layout file (YAML or JSON): a regular file of at most 10 MB, in any Japanese encoding, with few aliases.
 * Throws a BackgroundLayoutError naming the file.
 */
export async function loadBackgroundLayout(path: string): Promise<BackgroundLayout> {
  const read = await readPosterText(path);
  if ("problem" in read) throw new BackgroundLayoutError(path, [issue("", read.problem)]);
  const { data, problems } = parsePosterYaml(read.text);
  if (problems.length > 0) throw new BackgroundLayoutError(path, problems.map((problem) => issue("", problem.message, problem.line)));
  return parseBackgroundLayout(data, path);
}
