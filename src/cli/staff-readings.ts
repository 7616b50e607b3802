import { stat } from "node:fs/promises";
import type { RowError } from "../model.js";
import { loadRoster, type LoadedRoster } from "../roster/load-roster.js";
import { createReadingResolver, resolveReadings, type ResolvedReadings } from "../readings/resolve.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
import type { Output } from "./output.js";
import { collectGarbageAfterLargeStage, favourSmallHeapForLargeRun } from "./collect-garbage.js";

export interface StaffReadingsOptions {
  roster: string;
  sheet?: string | undefined;
  overrides?: readonly string[] | undefined;
  romaji: RomajiSystem;
  romajiCase: RomajiCase;
  foreignNamesIn?: "hiragana" | "katakana" | undefined;
}

/**
 * What the readings and badges commands both start with: the roster read, every reading resolved, the row
 * errors of both steps with the roster's file name, and what the roster and the confirmed files had to say
 * printed (notes, warnings, rows of the confirmed files that could not be used or matched no one).
 */
export async function staffReadings(
  options: StaffReadingsOptions, out: Output,
): Promise<{ roster: LoadedRoster; readings: ResolvedReadings; errors: RowError[] }> {
  // A roster file of a few megabytes is a large run from its first step (its reading is the first peak of memory).
  favourSmallHeapForLargeRun({ bytes: await fileSize(options.roster) });
  const roster = await loadRoster(options.roster, options.sheet !== undefined ? { sheet: /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet } : {});
  favourSmallHeapForLargeRun({ rows: roster.records.length });
  collectGarbageAfterLargeStage(roster.records.length);
  const resolver = createReadingResolver({
    ...(options.overrides !== undefined && options.overrides.length > 0 ? { overrides: options.overrides } : {}),
    romaji: options.romaji,
    romajiCase: options.romajiCase,
    ...(options.foreignNamesIn ? { foreignNamesIn: options.foreignNamesIn } : {}),
  });
  // A large roster's readings leave much behind: collected every 60,000 people and at the end.
  const readings = await resolveReadings(roster.records, resolver, {
    onProgress: (done, total) => {
      if (done % 60_000 === 0 || done === total) collectGarbageAfterLargeStage(total);
    },
  });
  const withFile = (e: RowError): RowError => ({ ...e, file: e.file ?? roster.file });
  out.notes(roster.notes.map(withFile));
  out.warnings(readings.overrideErrors);
  out.notes(readings.overrideNotes);
  return { roster, readings, errors: [...roster.errors.map(withFile), ...readings.errors.map(withFile)] };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // loadRoster says what is wrong with it
  }
}

/** An option given once or several times (yargs array), as a list of non-empty strings. */
export function listOption(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String).filter((item) => item !== "");
}
