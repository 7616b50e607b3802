import { formatRowError, type RowError } from "../model.js";
import { loadRoster, type LoadedRoster } from "../roster/load-roster.js";
import { createReadingResolver, resolveReadings, type ResolvedReadings } from "../readings/resolve.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";

export interface StaffReadingsOptions {
  roster: string;
  sheet?: string;
  overrides?: string;
  romaji: RomajiSystem;
  romajiCase: RomajiCase;
}

/**
 * What the readings and badges commands both start with: the roster read, every reading resolved, the row
 * errors of both steps with the roster's file name, and the confirmed file's own warnings printed.
 */
export async function staffReadings(options: StaffReadingsOptions): Promise<{ roster: LoadedRoster; readings: ResolvedReadings; errors: RowError[] }> {
  const roster = await loadRoster(options.roster, options.sheet !== undefined ? { sheet: options.sheet } : {});
  const resolver = createReadingResolver({
    ...(options.overrides !== undefined ? { overrides: options.overrides } : {}),
    romaji: options.romaji,
    romajiCase: options.romajiCase,
  });
  const readings = await resolveReadings(roster.records, resolver);
  const withFile = (e: RowError): RowError => ({ ...e, file: e.file ?? roster.file });
  for (const error of readings.overrideErrors) process.stderr.write(`warning: ${formatRowError(error)}\n`);
  if (readings.staleOverrides.length > 0) {
    const rows = readings.staleOverrides.map((r) => r.row).join(", ");
    process.stderr.write(`note: ${readings.staleOverrides.length} row(s) of the confirmed readings file match no one in the roster ` +
      `(rows ${rows}): staff who have left, or whose 職員番号 or name changed. They were ignored.\n`);
  }
  return { roster, readings, errors: [...roster.errors.map(withFile), ...readings.errors.map(withFile)] };
}
