import { existsSync } from "node:fs";
import { SHEET_PRESETS, SheetError, type SheetSpec } from "../geometry/sheets.js";
import { PAPER_SIZES } from "../geometry/units.js";
import { readInputFileAs } from "../io/read-input-as.js";
import { msg, type CodedMessage } from "../messages/message.js";
import { suggestion } from "../text/suggest.js";

/**
 * Sheets from the command line: a preset name, a JSON/YAML file holding a SheetSpec, and/or
 * geometry options that override it (--page A4 --grid 2x5 --cell 91x55 --pitch 95.6x64 --margins 11,14).
 */
export interface SheetGeometryOptions {
  page?: string;
  grid?: string;
  cell?: string;
  pitch?: string;
  margins?: string;
}

const SPEC_KEYS = ["name", "description", "page", "columns", "rows", "cell", "pitchX", "pitchY", "marginTop", "marginLeft", "bleed", "cropMarks"];

/** A sheet file is a few lines of JSON or YAML. */
const MAX_SHEET_FILE_BYTES = 1024 * 1024;

function pair(text: string, option: string): [number, number] {
  const match = /^\s*([\d.]+)\s*[x×*,]\s*([\d.]+)\s*$/i.exec(text);
  const numbers = match ? [Number(match[1]), Number(match[2])] : [];
  if (!match || !numbers.every(Number.isFinite)) throw new SheetError(msg("SHEET_OPTION_PAIR", { option, got: text }));
  return numbers as [number, number];
}

/** One problem of a sheet file, after its key. */
function issue(key: string, text: CodedMessage): CodedMessage {
  return msg("TEXT_KEY_ISSUE", { key, text });
}

/** Reads a sheet file (JSON or YAML), checking its keys; a SheetError names the file and each wrong key. */
export async function loadSheetFile(path: string): Promise<SheetSpec> {
  const bytes = await readInputFileAs(
    path,
    MAX_SHEET_FILE_BYTES,
    { notFound: msg("SHEET_FILE_NOT_FOUND"), tooLarge: (sizes) => msg("SHEET_FILE_TOO_LARGE", sizes) },
    (message) => new SheetError(message, { file: path }),
  );
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const yaml = /\.ya?ml$/i.test(path);
  let raw: unknown;
  // The YAML parser only for a YAML sheet file: every other badges run is spared loading it (~20 ms).
  const parseYaml = yaml ? (await import("yaml")).parse : undefined;
  try {
    raw = parseYaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const detail = ((error as Error).message ?? String(error)).split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new SheetError(msg("SHEET_FILE_SYNTAX", { format: yaml ? "YAML" : "JSON", detail }), { file: path, ...(line !== undefined ? { line } : {}) });
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new SheetError(msg("SHEET_FILE_NOT_OBJECT"), { file: path });
  const record = raw as Record<string, unknown>;
  const problems = Object.keys(record)
    .filter((key) => key !== "$schema" && !SPEC_KEYS.includes(key)) // $schema: for editors (templates/badges/sheet.schema.json)
    .map((key) => issue(key, msg("SHEET_FILE_UNKNOWN_KEY", { known: SPEC_KEYS, ...withSuggestion(key, SPEC_KEYS) })));
  for (const key of ["columns", "rows"]) if (typeof record[key] !== "number") problems.push(issue(key, msg("SHEET_FILE_NOT_NUMBER")));
  for (const key of ["pitchX", "pitchY", "marginTop", "marginLeft", "bleed"]) {
    if (record[key] !== undefined && typeof record[key] !== "number") problems.push(issue(key, msg("SHEET_FILE_NOT_NUMBER", { unit: "mm" })));
  }
  if (problems.length > 0) throw new SheetError(msg("SHEET_FILE_INVALID", { count: problems.length, problems }), { file: path, problems });
  const { $schema: _schema, ...spec } = record;
  return { name: typeof spec.name === "string" ? spec.name : path, ...(spec as Omit<SheetSpec, "name">) };
}

function withSuggestion(word: string, candidates: readonly string[]): { suggestion?: CodedMessage } {
  const hint = suggestion(word, candidates);
  return hint ? { suggestion: hint } : {};
}

/** The sheet the options ask for, or undefined for the default. */
export async function sheetFromOptions(sheet: string | undefined, geometry: SheetGeometryOptions): Promise<SheetSpec | string | undefined> {
  let spec: SheetSpec | undefined;
  if (sheet !== undefined) {
    if (Object.hasOwn(SHEET_PRESETS, sheet)) spec = SHEET_PRESETS[sheet];
    else if (existsSync(sheet)) spec = await loadSheetFile(sheet);
    else throw new SheetError(msg("SHEET_NOT_FOUND", { sheet, presets: Object.keys(SHEET_PRESETS) }));
  }
  const custom = geometry.page ?? geometry.grid ?? geometry.cell ?? geometry.pitch ?? geometry.margins;
  if (custom === undefined) return spec;
  const next: SheetSpec = { ...(spec ?? { name: "custom", page: "A4", columns: 1, rows: 1 }) };
  next.name = spec ? `${spec.name} (adjusted)` : "custom";
  if (geometry.page !== undefined) {
    if (/^[a-z]+\d*$/i.test(geometry.page)) {
      if (!Object.hasOwn(PAPER_SIZES, geometry.page.toUpperCase())) throw new SheetError(msg("SHEET_UNKNOWN_PAPER", { name: geometry.page, papers: Object.keys(PAPER_SIZES) }));
      next.page = geometry.page.toUpperCase();
    } else {
      const [width, height] = pair(geometry.page, "--page");
      next.page = { width, height };
    }
  }
  if (geometry.grid !== undefined) [next.columns, next.rows] = pair(geometry.grid, "--grid");
  if (geometry.cell !== undefined) {
    const [width, height] = pair(geometry.cell, "--cell");
    next.cell = { width, height };
  }
  if (geometry.pitch !== undefined) [next.pitchX, next.pitchY] = pair(geometry.pitch, "--pitch");
  if (geometry.margins !== undefined) [next.marginTop, next.marginLeft] = pair(geometry.margins, "--margins (top,left)");
  return next;
}

/**
 * `--font NAME=path.ttf` entries (repeatable) as the fonts option of renderBadgeSheets: the template's font name →
 * the file. A SheetError (FONT_OPTION_FORMAT, a bad option: exit 2) for an entry without "NAME=".
 */
export function parseFontOptions(entries: readonly string[]): Record<string, string> {
  const fonts: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf("=");
    if (at <= 0) throw new SheetError(msg("FONT_OPTION_FORMAT", { entry }));
    fonts[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return fonts;
}
