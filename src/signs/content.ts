/**
 * What a recording sign says: at a counter that records (record-counter) a tent card, beside a phone that records
 * (record-phone) a sticker. The wording is the policy's (the facility's own policy when its row names one): the
 * measure's `sign` line, else the default below; its label; 「令和7年4月1日から」 when the sign is printed before the
 * measure starts; the issuer; the English and やさしい日本語 lines of the facility's languages. Pure.
 */
import { startsText } from "../posters/content.js";
import { localToday, type CalendarDate, type DateStyle } from "../posters/dates.js";
import { facilityPolicy, type Facility } from "../posters/facilities.js";
import type { MeasureId } from "../posters/measures.js";
import type { PosterPolicy } from "../posters/policy.js";

export type SignKind = "counter" | "phone";
export const SIGN_KINDS: readonly SignKind[] = ["counter", "phone"];

/** The measure each sign tells about. */
export const SIGN_MEASURES: Readonly<Record<SignKind, MeasureId>> = { counter: "record-counter", phone: "record-phone" };

/** The sign's line when the policy gives none (measures.record-counter.sign, measures.record-phone.sign). */
export const DEFAULT_SIGN_TEXT: Readonly<Record<SignKind, string>> = {
  counter: "この窓口での会話は録音しています",
  phone: "この電話の通話は録音しています",
};

export interface SignContent {
  kind: SignKind;
  /** The measure's label, e.g. 窓口での録音・録画. */
  label: string;
  /** The sign's line, e.g. この窓口での会話は録音しています. */
  headline: string;
  /** The measure's sentence from the policy. */
  text: string;
  /** 「令和7年4月1日から」 before the measure starts, else null. */
  from: string | null;
  issuer: string;
  facilityName: string;
  /** Main colour, #rrggbb. */
  color: string;
  /** The facility's other languages: the panel's line for the measure. */
  lines: { language: "en" | "easy-ja"; text: string }[];
}

export interface SignContentOptions {
  asOf?: CalendarDate;
  dateStyle?: DateStyle;
}

/** The sign of `kind` for a facility, or null when the facility does not record that way or the policy does not word it. */
export function signContent(listPolicy: PosterPolicy, facility: Facility, kind: SignKind, options: SignContentOptions = {}): SignContent | null {
  const id = SIGN_MEASURES[kind];
  if (!facility.measures.includes(id)) return null;
  const policy = facilityPolicy(listPolicy, facility);
  const measure = policy.measures[id];
  if (!measure) return null;
  const lines: SignContent["lines"] = [];
  for (const language of ["en", "easy-ja"] as const) {
    const line = facility.languages.includes(language) ? policy.panels[language]?.measures[id] : undefined;
    if (line) lines.push({ language, text: line });
  }
  return {
    kind,
    label: measure.label,
    headline: measure.sign ?? DEFAULT_SIGN_TEXT[kind],
    text: measure.text,
    from: startsText(measure.from, options.asOf ?? localToday(), options.dateStyle ?? policy.dateStyle),
    issuer: facility.issuer ?? policy.issuer,
    facilityName: facility.name,
    color: policy.color,
    lines,
  };
}
