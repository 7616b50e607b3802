/**
 * Dates as Japanese posters print them: 令和6年11月1日 (era) or 2024年11月1日 (western).
 * Pure apart from localToday: no clock, no locale, no Intl (ICU builds differ in how they name eras).
 */

import { msg, NafudaError } from "../messages/message.js";

export type DateStyle = "era" | "western";

/** A value that is not a real calendar day (formatJapaneseDate). */
export class CalendarDateError extends NafudaError {
  override name = "CalendarDateError";
}

/** A calendar date without a time or a zone. Month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface Era {
  name: string;
  /** First day of the era (inclusive). */
  start: CalendarDate;
}

/** Modern eras, newest first. Boundaries are the first day of each era. */
const ERAS: readonly Era[] = [
  { name: "令和", start: { year: 2019, month: 5, day: 1 } },
  { name: "平成", start: { year: 1989, month: 1, day: 8 } },
  { name: "昭和", start: { year: 1926, month: 12, day: 25 } },
  { name: "大正", start: { year: 1912, month: 7, day: 30 } },
  { name: "明治", start: { year: 1868, month: 1, day: 25 } },
];

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the three numbers name a real day of the Gregorian calendar. */
export function isValidCalendarDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/**
 * Reads a date written as 2024-11-01 (also 2024/11/1, 2024.11.1), a JavaScript Date
 * (its UTC calendar day, which is what YAML's timestamp type yields for a bare date),
 * or a CalendarDate. Returns null when it is not a real day.
 */
export function parseCalendarDate(value: unknown): CalendarDate | null {
  let date: CalendarDate | null = null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    date = { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  } else if (typeof value === "string") {
    const match = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(value.normalize("NFKC"));
    if (!match) return null;
    date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  } else if (value !== null && typeof value === "object") {
    const { year, month, day } = value as Record<string, unknown>;
    if (typeof year === "number" && typeof month === "number" && typeof day === "number") date = { year, month, day };
  }
  return date && isValidCalendarDate(date) ? date : null;
}

/** The era name and year for a date: { era: "令和", year: 1 } for 2019-05-01. Null before 明治. */
export function japaneseEra(date: CalendarDate): { era: string; year: number } | null {
  for (const era of ERAS) {
    if (compare(date, era.start) >= 0) return { era: era.name, year: date.year - era.start.year + 1 };
  }
  return null;
}

/**
 * 令和6年11月1日 ("era"; the first year of an era is 元年: 令和元年5月1日) or 2024年11月1日 ("western").
 * Accepts a CalendarDate, a Date (its UTC day) or an ISO-like string. Throws a CalendarDateError (code
 * POSTER_DATE_INVALID) on an impossible date.
 */
export function formatJapaneseDate(date: CalendarDate | Date | string, style: DateStyle = "era"): string {
  const day = parseCalendarDate(date);
  if (!day) throw new CalendarDateError(msg("POSTER_DATE_INVALID", { value: date instanceof Date ? String(date) : typeof date === "string" ? date : JSON.stringify(date) }));
  if (style === "western") return `${day.year}年${day.month}月${day.day}日`;
  const era = japaneseEra(day);
  if (!era) return `${day.year}年${day.month}月${day.day}日`;
  return `${era.era}${era.year === 1 ? "元" : era.year}年${day.month}月${day.day}日`;
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(compare(a, b));
}

/**
 * Today's calendar date where nafuda runs (the local day): the default printing date (--as-of). The one function
 * of this module that reads the clock; everything that prints a date takes it as an input.
 */
export function localToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** 2024-11-01: the form the policy file and the manifest use. */
export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}
