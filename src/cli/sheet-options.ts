import { msg } from "../messages/message.js";
import type { Output } from "./output.js";

/** The sheet presets' names, for --help (kept here so that help does not load the geometry code). */
export const SHEET_PRESET_NAMES = "a4-10up, a4-8up-card, a4-1up, single";

/** A label sheet given by its measurements instead of (or over) a preset: what badges and calibrate both take. */
export interface SheetLayoutArgs {
  page?: string;
  grid?: string;
  cell?: string;
  pitch?: string;
  margins?: string;
}

/** --page, --grid, --cell, --pitch and --margins, for yargs' .options() (src/badges/sheet-option.ts reads them). */
export function sheetLayoutOptions(out: Output) {
  const describe = (code: "OPT_PAGE" | "OPT_GRID" | "OPT_CELL" | "OPT_PITCH" | "OPT_MARGINS") => out.text(msg(code));
  return {
    page: { type: "string", describe: describe("OPT_PAGE") },
    grid: { type: "string", describe: describe("OPT_GRID") },
    cell: { type: "string", describe: describe("OPT_CELL") },
    pitch: { type: "string", describe: describe("OPT_PITCH") },
    margins: { type: "string", describe: describe("OPT_MARGINS") },
  } as const;
}
