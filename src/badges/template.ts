import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { bundledPath } from "../package-root.js";

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

/** A template that failed validation; `problems` has one message per wrong key. */
export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Template ${source} is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const FIELD_KEYS = new Set([
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
]);
const TEMPLATE_KEYS = new Set(["$schema", "name", "description", "width", "height", "background", "fields", "back"]);
const SIDE_KEYS = new Set(["background", "fields"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const COLOUR = /^(#[0-9a-fA-F]{6}|cmyk\(\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*){3}\))$/;

function checkField(raw: unknown, where: string, problems: string[], hasBackground: boolean): BadgeField | null {
  if (!isRecord(raw)) {
    problems.push(`${where}: must be an object`);
    return null;
  }
  for (const key of Object.keys(raw)) if (!FIELD_KEYS.has(key)) problems.push(`${where}.${key}: unknown key (known: ${[...FIELD_KEYS].join(", ")})`);
  const number = (key: string, test: (n: number) => boolean, rule: string): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || !test(value)) {
      problems.push(`${where}.${key}: must be ${rule} (got ${JSON.stringify(value)})`);
      return undefined;
    }
    return value;
  };
  if (typeof raw.source !== "string" || raw.source.trim() === "") problems.push(`${where}.source: must be "kana", "romaji", "surname", "name" or a roster column name`);
  if (typeof raw.font !== "string" || raw.font.trim() === "") problems.push(`${where}.font: must be a bundled font name or a font file path`);
  if (raw.name !== undefined && typeof raw.name !== "string") problems.push(`${where}.name: must be a string`);
  if (raw.fallback !== undefined && typeof raw.fallback !== "string") problems.push(`${where}.fallback: must be a string`);
  const box = ["x", "y", "width", "height"].map((key) =>
    number(key, (n) => (key === "x" || key === "y" ? n >= 0 : n > 0), key === "x" || key === "y" ? "a number ≥ 0 (mm)" : "a number > 0 (mm)"),
  );
  const given = ["x", "y", "width", "height"].filter((key) => raw[key] !== undefined);
  if (given.length > 0 && given.length < 4) problems.push(`${where}: give all of x, y, width, height (mm) or none`);
  if (given.length === 0 && !hasBackground) problems.push(`${where}: needs a box (x, y, width, height in mm), or a background PDF with a form field named ${JSON.stringify(raw.name ?? raw.source)}`);
  let sizePt: { max: number; min: number } | undefined;
  if (!isRecord(raw.sizePt)) {
    problems.push(`${where}.sizePt: must be { "max": pt, "min": pt }`);
  } else {
    for (const key of Object.keys(raw.sizePt)) if (key !== "max" && key !== "min") problems.push(`${where}.sizePt.${key}: unknown key (max, min)`);
    const { max, min } = raw.sizePt;
    if (typeof max !== "number" || !(max > 0)) problems.push(`${where}.sizePt.max: must be a number > 0 (pt)`);
    if (typeof min !== "number" || !(min > 0)) problems.push(`${where}.sizePt.min: must be a number > 0 (pt)`);
    if (typeof max === "number" && typeof min === "number") {
      if (min > max) problems.push(`${where}.sizePt: min ${min} is larger than max ${max}`);
      sizePt = { max, min };
    }
  }
  const minCondense = number("minCondense", (n) => n > 0 && n <= 1, "a number in (0, 1], e.g. 0.75");
  const letterSpacing = number("letterSpacing", (n) => n > -0.5 && n < 2, "a number of em between -0.5 and 2");
  if (raw.align !== undefined && !["left", "center", "right"].includes(raw.align as string)) problems.push(`${where}.align: must be "left", "center" or "right"`);
  if (raw.valign !== undefined && !["top", "middle", "bottom"].includes(raw.valign as string)) problems.push(`${where}.valign: must be "top", "middle" or "bottom"`);
  const colour = raw.colour ?? raw.color;
  if (colour !== undefined && (typeof colour !== "string" || !COLOUR.test(colour))) problems.push(`${where}.colour: must be "#RRGGBB" or "cmyk(c,m,y,k)" in percent (got ${JSON.stringify(colour)})`);
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

function checkSide(raw: Record<string, unknown>, where: string, problems: string[]): BadgeSide {
  if (raw.background !== undefined && (typeof raw.background !== "string" || raw.background === "")) problems.push(`${where}background: must be a PDF file path`);
  const hasBackground = typeof raw.background === "string";
  const fields: BadgeField[] = [];
  if (!Array.isArray(raw.fields) || raw.fields.length === 0) {
    problems.push(`${where}fields: must be a non-empty list of fields`);
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
  const source = options.source ?? "(inline)";
  const problems: string[] = [];
  if (!isRecord(raw)) throw new TemplateError(source, ["the template must be a JSON object"]);
  for (const key of Object.keys(raw)) if (!TEMPLATE_KEYS.has(key)) problems.push(`${key}: unknown key (known: ${[...TEMPLATE_KEYS].join(", ")})`);
  if (typeof raw.name !== "string" || raw.name === "") problems.push(`name: must be a string`);
  for (const key of ["width", "height"] as const) {
    const value = raw[key];
    if (typeof value !== "number" || !(value > 0) || value > 2000) problems.push(`${key}: must be the badge ${key} in mm (got ${JSON.stringify(value)})`);
  }
  const front = checkSide(raw, "", problems);
  let back: BadgeSide | "same" | undefined;
  if (raw.back !== undefined) {
    if (raw.back === "same") back = "same";
    else if (isRecord(raw.back)) {
      for (const key of Object.keys(raw.back)) if (!SIDE_KEYS.has(key)) problems.push(`back.${key}: unknown key (background, fields)`);
      back = checkSide(raw.back, "back.", problems);
    } else problems.push(`back: must be "same" or { "background"?, "fields" }`);
  }
  const width = raw.width as number;
  const height = raw.height as number;
  const checkInside = (side: BadgeSide, prefix: string) =>
    side.fields.forEach((field, i) => {
      if (field.x === undefined || field.width === undefined || field.y === undefined || field.height === undefined) return;
      if (field.x + field.width > width + 0.01 || field.y + field.height > height + 0.01) {
        problems.push(`${prefix}fields[${i}] (${field.source}): box ${field.x},${field.y} ${field.width} × ${field.height} mm reaches outside the ${width} × ${height} mm badge`);
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

/** The built-in templates in templates/badges/. */
export const BUILTIN_TEMPLATES = ["standard", "card", "standard-duplex", "band"] as const;

/** The path of a built-in template. */
export function builtinTemplatePath(name: string): string {
  return bundledPath("templates", "badges", `${name}.json`);
}

/** Loads a template by built-in name ("standard") or from a JSON file path; relative paths in it resolve against its folder. */
export async function loadTemplate(nameOrPath: string): Promise<BadgeTemplate> {
  const looksLikePath = /[\\/]|\.json$/i.test(nameOrPath);
  const path = looksLikePath ? resolve(nameOrPath) : builtinTemplatePath(nameOrPath);
  if (!looksLikePath && !existsSync(path)) {
    throw new TemplateError(nameOrPath, [`no built-in template of that name; built in: ${BUILTIN_TEMPLATES.join(", ")} (or give a .json path)`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new TemplateError(path, [(error as Error).message]);
  }
  return parseTemplate(raw, { source: path, baseDir: dirname(path) });
}

/** A path from a template, resolved against its folder. */
export function templatePath(template: BadgeTemplate, path: string): string {
  return isAbsolute(path) ? path : resolve(template.baseDir ?? process.cwd(), path);
}
