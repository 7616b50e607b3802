import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { SHEET_PRESETS, SheetError, type SheetSpec } from "../geometry/sheets.js";
import { PAPER_SIZES } from "../geometry/units.js";

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

const SPEC_KEYS = new Set(["name", "description", "page", "columns", "rows", "cell", "pitchX", "pitchY", "marginTop", "marginLeft", "bleed", "cropMarks"]);

function pair(text: string, what: string): [number, number] {
  const match = /^\s*([\d.]+)\s*[x×*,]\s*([\d.]+)\s*$/i.exec(text);
  if (!match) throw new SheetError(`${what} "${text}": write two numbers like 91x55`);
  return [Number(match[1]), Number(match[2])];
}

/** Reads a sheet file (JSON or YAML), checking its keys. */
export async function loadSheetFile(path: string): Promise<SheetSpec> {
  const text = await readFile(path, "utf8");
  const raw: unknown = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new SheetError(`Sheet file ${path}: must hold an object`);
  const record = raw as Record<string, unknown>;
  const problems = Object.keys(record)
    .filter((key) => !SPEC_KEYS.has(key))
    .map((key) => `${key}: unknown key (known: ${[...SPEC_KEYS].join(", ")})`);
  for (const key of ["columns", "rows"]) if (typeof record[key] !== "number") problems.push(`${key}: must be a number`);
  for (const key of ["pitchX", "pitchY", "marginTop", "marginLeft", "bleed"]) {
    if (record[key] !== undefined && typeof record[key] !== "number") problems.push(`${key}: must be a number (mm)`);
  }
  if (problems.length > 0) throw new SheetError(`Sheet file ${path} is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return { name: typeof record.name === "string" ? record.name : path, ...(record as Omit<SheetSpec, "name">) };
}

/** The sheet the options ask for, or undefined for the default. */
export async function sheetFromOptions(sheet: string | undefined, geometry: SheetGeometryOptions): Promise<SheetSpec | string | undefined> {
  let spec: SheetSpec | undefined;
  if (sheet !== undefined) {
    if (SHEET_PRESETS[sheet]) spec = SHEET_PRESETS[sheet];
    else if (existsSync(sheet)) spec = await loadSheetFile(sheet);
    else throw new SheetError(`--sheet ${sheet}: not a preset (${Object.keys(SHEET_PRESETS).join(", ")}) and not a file`);
  }
  const custom = geometry.page ?? geometry.grid ?? geometry.cell ?? geometry.pitch ?? geometry.margins;
  if (custom === undefined) return spec;
  const next: SheetSpec = { ...(spec ?? { name: "custom", page: "A4", columns: 1, rows: 1 }) };
  next.name = spec ? `${spec.name} (adjusted)` : "custom";
  if (geometry.page !== undefined) {
    if (/^[a-z]+\d*$/i.test(geometry.page)) {
      if (!(geometry.page.toUpperCase() in PAPER_SIZES)) throw new SheetError(`--page ${geometry.page}: unknown paper (${Object.keys(PAPER_SIZES).join(", ")}) — or give WIDTHxHEIGHT in mm`);
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
