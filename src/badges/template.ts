import { dirname, isAbsolute, resolve } from "node:path";
import { readInputFileAs } from "../io/read-input-as.js";
import { msg, NafudaError, type CodedMessage, type Place } from "../messages/message.js";
import { bundledPath } from "../package-root.js";
import { suggestion } from "../text/suggest.js";

/** A template is a page of JSON; a file far larger is not one. */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

/**
 * Badge templates are data (templates/badges/*.json): the badge size, an optional background PDF,
 * and the fields as boxes in mm from the badge's top-left corner.
 */

export type Align = "left" | "center" | "right";
export type VerticalAlign = "top" | "middle" | "bottom";

/** What a field prints: the reading's kana or romaji, the surname or full name as written, or any roster column by its header (所属, 役職, …). */
export type FieldSource = "kana" | "romaji" | "surname" | "name" | (string & {});

export interface BadgeField {
  /** Field name: matches an AcroForm text field of the background PDF. Default: the source. */
  name?: string;
  source: FieldSource;
  /** Box, mm from the badge's top-left corner. May be omitted when the background PDF has a form field of this name. */
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** Bundled font name (e.g. "BIZUDPGothic-Bold") or a TTF/OTF path relative to the template file. */
  font: string;
  /** Size range, pt: set at max when it fits; condensed, then shrunk towards min when it does not. */
  sizePt: { max: number; min: number };
  /** Narrowest horizontal scale (長体) before shrinking, 0–1 (default 0.75). */
  minCondense?: number;
  align?: Align;
  valign?: VerticalAlign;
  /** "#RRGGBB", or "cmyk(c,m,y,k)" in percent. Default black. */
  colour?: string;
  /** Extra space between characters, in em (e.g. 0.05). Default 0. */
  letterSpacing?: number;
  /** Text printed when the source is empty (default: nothing). */
  fallback?: string;
}

export interface BadgeSide {
  /** Background PDF (page 1), relative to the template file. */
  background?: string;
  fields: BadgeField[];
}

export interface BadgeTemplate extends BadgeSide {
  name: string;
  description?: string;
  /** Badge size, mm. */
  width: number;
  height: number;
  /** The back side for duplex printing: "same" repeats the front. */
  back?: BadgeSide | "same";
  /** Folder that relative paths (background, fonts) are resolved against. */
  baseDir?: string;
}

/** One problem of a template: a catalogue message and the key it is about ("fields[0].sizePt.min"; none for the whole file). */
export type TemplateProblem = CodedMessage & { readonly key?: string };

const INLINE = "(inline)";

/**
 * A template that cannot be used: `problems` has one message per wrong key (code TEMPLATE_INVALID lists them), or the
 * one reason a template file cannot be read (its own code: TEMPLATE_NOT_FOUND, TEMPLATE_BAD_JSON, FILE_IS_FOLDER, …).
 * The place is the template file; `source` is it too, or the built-in name, or "(inline)".
 */
export class TemplateError extends NafudaError {
  override name = "TemplateError";
  readonly source: string;
  readonly problems: readonly TemplateProblem[];

  constructor(source: string, problems: readonly TemplateProblem[] | CodedMessage, where: Place & { cause?: unknown } = { file: source === INLINE ? undefined : source }) {
    const { cause, ...place } = where;
    const list = Array.isArray(problems) ? (problems as readonly TemplateProblem[]) : [problems as TemplateProblem];
    const message = Array.isArray(problems)
      ? msg("TEMPLATE_INVALID", { count: list.length, problems: list.map(templateProblemMessage) })
      : (problems as CodedMessage);
    super(message, place, cause !== undefined ? { cause } : {});
    this.source = source;
    this.problems = list;
  }
}

/** A problem as one line of a list: 「fields[0].x」：… / fields[0].x: … */
export function templateProblemMessage(problem: TemplateProblem): CodedMessage {
  const text: CodedMessage = { code: problem.code, ...(problem.params !== undefined ? { params: problem.params } : {}) };
  return problem.key ? msg("TEXT_KEY_ISSUE", { key: problem.key, text }) : msg("TEXT_KEY_ISSUE", { text });
}

function problem(key: string, message: CodedMessage): TemplateProblem {
  return key === "" ? message : { ...message, key };
}

const FIELD_KEYS = [
  "name",
  "source",
  "x",
  "y",
  "width",
  "height",
  "font",
  "sizePt",
  "minCondense",
  "align",
  "valign",
  "colour",
  "color",
  "letterSpacing",
  "fallback",
];
const TEMPLATE_KEYS = ["$schema", "name", "description", "width", "height", "background", "fields", "back"];
const SIDE_KEYS = ["background", "fields"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as the template wrote it, for "(got …)". */
function got(value: unknown): string {
  return value === undefined ? "undefined" : (JSON.stringify(value) ?? String(value));
}

function unknownKey(key: string, known: readonly string[]): CodedMessage {
  const hint = suggestion(key, known);
  return msg("TEMPLATE_UNKNOWN_KEY", { known: [...known], ...(hint ? { suggestion: hint } : {}) });
}

const COLOUR = /^(#[0-9a-fA-F]{6}|cmyk\(\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*){3}\))$/;

function checkField(raw: unknown, where: string, problems: TemplateProblem[], hasBackground: boolean): BadgeField | null {
  if (!isRecord(raw)) {
    problems.push(problem(where, msg("TEMPLATE_FIELD_NOT_OBJECT")));
    return null;
  }
  for (const key of Object.keys(raw)) if (!FIELD_KEYS.includes(key)) problems.push(problem(`${where}.${key}`, unknownKey(key, FIELD_KEYS)));
  const number = (key: string, test: (n: number) => boolean, rule: (got: string) => CodedMessage): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || !test(value)) {
      problems.push(problem(`${where}.${key}`, rule(got(value))));
      return undefined;
    }
    return value;
  };
  if (typeof raw.source !== "string" || raw.source.trim() === "") problems.push(problem(`${where}.source`, msg("TEMPLATE_BAD_SOURCE")));
  if (typeof raw.font !== "string" || raw.font.trim() === "") problems.push(problem(`${where}.font`, msg("TEMPLATE_BAD_FONT")));
  if (raw.name !== undefined && typeof raw.name !== "string") problems.push(problem(`${where}.name`, msg("TEMPLATE_NOT_TEXT")));
  if (raw.fallback !== undefined && typeof raw.fallback !== "string") problems.push(problem(`${where}.fallback`, msg("TEMPLATE_NOT_TEXT")));
  const box = ["x", "y", "width", "height"].map((key) =>
    key === "x" || key === "y"
      ? number(key, (n) => n >= 0, (value) => msg("TEMPLATE_NOT_POSITION", { got: value }))
      : number(key, (n) => n > 0, (value) => msg("TEMPLATE_NOT_LENGTH", { got: value })),
  );
  const given = ["x", "y", "width", "height"].filter((key) => raw[key] !== undefined);
  if (given.length > 0 && given.length < 4) problems.push(problem(where, msg("TEMPLATE_PARTIAL_BOX")));
  if (given.length === 0 && !hasBackground) problems.push(problem(where, msg("TEMPLATE_NO_BOX", { name: String(raw.name ?? raw.source) })));
  let sizePt: { max: number; min: number } | undefined;
  if (!isRecord(raw.sizePt)) {
    problems.push(problem(`${where}.sizePt`, msg("TEMPLATE_BAD_SIZE_RANGE")));
  } else {
    for (const key of Object.keys(raw.sizePt)) if (key !== "max" && key !== "min") problems.push(problem(`${where}.sizePt.${key}`, unknownKey(key, ["max", "min"])));
    const { max, min } = raw.sizePt;
    const sizeOk = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;
    if (!sizeOk(max)) problems.push(problem(`${where}.sizePt.max`, msg("TEMPLATE_NOT_SIZE_PT", { got: got(max) })));
    if (!sizeOk(min)) problems.push(problem(`${where}.sizePt.min`, msg("TEMPLATE_NOT_SIZE_PT", { got: got(min) })));
    if (sizeOk(max) && sizeOk(min)) {
      if (min > max) problems.push(problem(`${where}.sizePt`, msg("TEMPLATE_SIZE_MIN_ABOVE_MAX", { min, max })));
      sizePt = { max, min };
    }
  }
  const minCondense = number("minCondense", (n) => n > 0 && n <= 1, (value) => msg("TEMPLATE_BAD_CONDENSE", { got: value }));
  const letterSpacing = number("letterSpacing", (n) => n > -0.5 && n < 2, (value) => msg("TEMPLATE_BAD_LETTER_SPACING", { got: value }));
  if (raw.align !== undefined && !["left", "center", "right"].includes(raw.align as string)) problems.push(problem(`${where}.align`, msg("TEMPLATE_BAD_ALIGN")));
  if (raw.valign !== undefined && !["top", "middle", "bottom"].includes(raw.valign as string)) problems.push(problem(`${where}.valign`, msg("TEMPLATE_BAD_VALIGN")));
  const colour = raw.colour ?? raw.color;
  if (colour !== undefined && (typeof colour !== "string" || !COLOUR.test(colour))) problems.push(problem(`${where}.colour`, msg("TEMPLATE_BAD_COLOUR", { got: got(colour) })));
  if (typeof raw.source !== "string" || typeof raw.font !== "string" || !sizePt) return null;
  const field: BadgeField = { source: raw.source, font: raw.font, sizePt };
  if (typeof raw.name === "string") field.name = raw.name;
  if (given.length === 4 && box.every((v) => v !== undefined)) {
    [field.x, field.y, field.width, field.height] = box as [number, number, number, number];
  }
  if (minCondense !== undefined) field.minCondense = minCondense;
  if (letterSpacing !== undefined) field.letterSpacing = letterSpacing;
  if (typeof raw.align === "string") field.align = raw.align as Align;
  if (typeof raw.valign === "string") field.valign = raw.valign as VerticalAlign;
  if (typeof colour === "string") field.colour = colour;
  if (typeof raw.fallback === "string") field.fallback = raw.fallback;
  return field;
}

function checkSide(raw: Record<string, unknown>, where: string, problems: TemplateProblem[]): BadgeSide {
  if (raw.background !== undefined && (typeof raw.background !== "string" || raw.background === "")) problems.push(problem(`${where}background`, msg("TEMPLATE_BAD_BACKGROUND")));
  const hasBackground = typeof raw.background === "string";
  const fields: BadgeField[] = [];
  if (!Array.isArray(raw.fields) || raw.fields.length === 0) {
    problems.push(problem(`${where}fields`, msg("TEMPLATE_NO_FIELDS")));
  } else {
    raw.fields.forEach((f, i) => {
      const field = checkField(f, `${where}fields[${i}]`, problems, hasBackground);
      if (field) fields.push(field);
    });
  }
  return { ...(hasBackground ? { background: raw.background as string } : {}), fields };
}

/** Checks a parsed template, collecting one message per wrong key; throws TemplateError listing them. */
export function parseTemplate(raw: unknown, options: { source?: string; baseDir?: string } = {}): BadgeTemplate {
  const source = options.source ?? INLINE;
  const problems: TemplateProblem[] = [];
  if (!isRecord(raw)) throw new TemplateError(source, [msg("TEMPLATE_NOT_OBJECT")]);
  for (const key of Object.keys(raw)) if (!TEMPLATE_KEYS.includes(key)) problems.push(problem(key, unknownKey(key, TEMPLATE_KEYS)));
  if (typeof raw.name !== "string" || raw.name === "") problems.push(problem("name", msg("TEMPLATE_NOT_TEXT")));
  for (const key of ["width", "height"] as const) {
    const value = raw[key];
    if (typeof value !== "number" || !(value > 0) || value > 2000) problems.push(problem(key, msg("TEMPLATE_BAD_BADGE_SIZE", { dimension: key, got: got(value) })));
  }
  const front = checkSide(raw, "", problems);
  let back: BadgeSide | "same" | undefined;
  if (raw.back !== undefined) {
    if (raw.back === "same") back = "same";
    else if (isRecord(raw.back)) {
      for (const key of Object.keys(raw.back)) if (!SIDE_KEYS.includes(key)) problems.push(problem(`back.${key}`, unknownKey(key, SIDE_KEYS)));
      back = checkSide(raw.back, "back.", problems);
    } else problems.push(problem("back", msg("TEMPLATE_BAD_BACK")));
  }
  const width = raw.width as number;
  const height = raw.height as number;
  const checkInside = (side: BadgeSide, prefix: string) =>
    side.fields.forEach((field, i) => {
      if (field.x === undefined || field.width === undefined || field.y === undefined || field.height === undefined) return;
      if (field.x + field.width > width + 0.01 || field.y + field.height > height + 0.01) {
        problems.push(
          problem(
            `${prefix}fields[${i}]`,
            msg("TEMPLATE_BOX_OUTSIDE", { source: field.source, x: field.x, y: field.y, width: field.width, height: field.height, badgeWidth: width, badgeHeight: height }),
          ),
        );
      }
    });
  if (problems.length === 0) {
    checkInside(front, "");
    if (back && back !== "same") checkInside(back, "back.");
  }
  if (problems.length > 0) throw new TemplateError(source, problems);
  return {
    name: raw.name as string,
    ...(typeof raw.description === "string" ? { description: raw.description } : {}),
    width,
    height,
    ...front,
    ...(back !== undefined ? { back } : {}),
    ...(options.baseDir !== undefined ? { baseDir: options.baseDir } : {}),
  };
}

/**
 * The numbers of a template made in code (not through parseTemplate): badge size, boxes, sizes and scales must be
 * finite (and positive where they are sizes), so that no NaN or ∞ reaches the PDF. A TemplateError lists the others.
 */
export function checkTemplateNumbers(template: BadgeTemplate): void {
  const problems: TemplateProblem[] = [];
  const finite = (value: unknown) => typeof value === "number" && Number.isFinite(value);
  for (const key of ["width", "height"] as const) {
    if (!finite(template[key]) || !(template[key] > 0)) problems.push(problem(key, msg("TEMPLATE_BAD_BADGE_SIZE", { dimension: key, got: String(template[key]) })));
  }
  const sides: [string, BadgeSide][] = [["", template]];
  if (template.back && template.back !== "same") sides.push(["back.", template.back]);
  for (const [prefix, side] of sides) {
    (side.fields ?? []).forEach((field, i) => {
      const where = `${prefix}fields[${i}]`;
      for (const key of ["x", "y", "width", "height", "minCondense", "letterSpacing"] as const) {
        if (field[key] !== undefined && !finite(field[key])) problems.push(problem(`${where}.${key}`, msg("TEMPLATE_NOT_A_NUMBER", { got: String(field[key]) })));
      }
      for (const key of ["max", "min"] as const) {
        const value = field.sizePt?.[key];
        if (!finite(value) || !((value as number) > 0)) problems.push(problem(`${where}.sizePt.${key}`, msg("TEMPLATE_NOT_SIZE_PT", { got: String(value) })));
      }
    });
  }
  if (problems.length > 0) throw new TemplateError(template.name ?? INLINE, problems, {});
}

/** The built-in templates in templates/badges/. */
export const BUILTIN_TEMPLATES = ["standard", "card", "standard-duplex", "band"] as const;

/** The path of a built-in template. */
export function builtinTemplatePath(name: string): string {
  return bundledPath("templates", "badges", `${name}.json`);
}

/** Loads a template by built-in name ("standard") or from a JSON file path; relative paths in it resolve against its folder. */
export async function loadTemplate(nameOrPath: string): Promise<BadgeTemplate> {
  const looksLikePath = /[\\/]|\.json$/i.test(nameOrPath);
  if (!looksLikePath && !(BUILTIN_TEMPLATES as readonly string[]).includes(nameOrPath)) {
    throw new TemplateError(nameOrPath, msg("TEMPLATE_UNKNOWN_BUILTIN", { name: nameOrPath, builtins: [...BUILTIN_TEMPLATES] }), {});
  }
  const path = looksLikePath ? resolve(nameOrPath) : builtinTemplatePath(nameOrPath);
  const bytes = await readInputFileAs(
    path,
    MAX_TEMPLATE_BYTES,
    { notFound: msg("TEMPLATE_NOT_FOUND"), tooLarge: (sizes) => msg("TEMPLATE_TOO_LARGE", sizes) },
    (message, cause) => new TemplateError(path, message, { file: path, cause }),
  );
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new TemplateError(path, msg("TEMPLATE_BAD_JSON", { detail: (error as Error).message.split("\n")[0]! }), { file: path, cause: error });
  }
  return parseTemplate(raw, { source: path, baseDir: dirname(path) });
}

/** A path from a template, resolved against its folder. */
export function templatePath(template: BadgeTemplate, path: string): string {
  return isAbsolute(path) ? path : resolve(template.baseDir ?? process.cwd(), path);
}

/**
 * A badge template made from data (a city's own template held in a database or written in code), checked as a
 * template file is: throws one TemplateError listing every problem, each with its key.
 */
export function createTemplate(data: unknown): BadgeTemplate {
  return parseTemplate(data);
}
