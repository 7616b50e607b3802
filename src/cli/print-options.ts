import type { CalendarDate } from "../posters/dates.js";
import { msg } from "../messages/message.js";
import { EXIT, type Output } from "./output.js";

/**
 * --crop-marks as the library takes it: on when asked; off only when typed (--no-crop-marks), so that a config's
 * `cropMarks: false` leaves print-shop mode's default (marks on) as it is. For badges, posters and signs.
 */
export function cropMarksOption(cropMarks: boolean | undefined): { cropMarks?: boolean } {
  return cropMarks === true || process.argv.includes("--no-crop-marks") ? { cropMarks: cropMarks === true } : {};
}

/** --as-of (the printing date the start-date lines are written for; default today), or null once refused. */
export async function asOfOption(value: string | undefined, out: Output): Promise<CalendarDate | null> {
  const { parseCalendarDate, localToday } = await import("../posters/dates.js");
  const asOf = value === undefined ? localToday() : parseCalendarDate(value);
  if (!asOf) out.refuse(msg("POSTER_BAD_AS_OF", { value: String(value) }));
  return asOf;
}

/** A posters or signs run that failed: a policy with several problems lists each on its own line (exit 2). */
export function failBatch(out: Output, error: unknown): void {
  const issues = (error as { issues?: unknown }).issues;
  if (Array.isArray(issues) && issues.length > 1 && error instanceof Error) {
    for (const line of error.message.split("\n")) process.stderr.write(`${out.text(msg("TEXT_PREFIX_ERROR"))}${out.lang === "ja" ? "：" : ": "}${line}\n`);
    process.exitCode = EXIT.badInput;
    return;
  }
  out.fail(error);
}
