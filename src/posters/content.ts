/**
 * What one facility's poster says: the policy (the facility's own, when its row names one) narrowed to the
 * facility's measures and languages, with its own title, stance and issuer where it has them, and the dates
 * written out for the printing date. Pure.
 */
import { compareDates, formatJapaneseDate, isoDate, localToday, type CalendarDate, type DateStyle } from "./dates.js";
import { facilityPolicy, type Facility, type PosterLanguage } from "./facilities.js";
import type { MeasureId } from "./measures.js";
import type { PanelLanguage, PosterPolicy } from "./policy.js";

export interface PosterMeasure {
  id: MeasureId;
  label: string;
  text: string;
  /** 「令和7年4月1日から」 when the poster is printed before the measure starts; null once it has started. */
  from: string | null;
}

export interface PosterPanel {
  language: PanelLanguage;
  title: string;
  text: string;
  /** One line per facility measure that the panel words. */
  lines: string[];
}

/** The policy's own wording, as the poster prints it, plus what the facility and options decide. */
export interface PosterContent
  extends Pick<PosterPolicy, "title" | "stance" | "conductHeading" | "conduct" | "measuresHeading" | "issuer" | "signature" | "color" | "url"> {
  /** The catch line under the title, when the policy has a message besides it; else null. */
  subtitle: string | null;
  /** The one-line message, the largest type of the poster; null: the title is. */
  message: string | null;
  /** The distance poster's slogan: the policy's distance.slogan, else the message, else the title. */
  slogan: string;
  /** The distance poster's conduct items: distance.conduct, else the conduct labels. */
  distanceConduct: string[];
  measures: PosterMeasure[];
  /** e.g. 令和6年11月1日 */
  date: string;
  /** The printing date the "from" notes were decided for, 2025-03-01. */
  asOf: string;
  facilityName: string;
  /** e.g. お問い合わせ：みどり市 総務部 人事課 \n 電話 0120-000-000（平日 8:30〜17:15）; "\n" breaks the line. */
  contact: string | null;
  panels: PosterPanel[];
}

export interface ContentOptions {
  /** Era (令和6年11月1日) or western (2024年11月1日); default: the policy's dateStyle. */
  dateStyle?: DateStyle;
  /** Panels to show; default: the facility's languages. */
  languages?: readonly PosterLanguage[];
  /** The day the poster is printed: a measure starting later is marked 「…から」. Default: today (the local day). */
  asOf?: CalendarDate;
}

/** 「令和7年4月1日から」 when `asOf` is before `from`, else null. */
export function startsText(from: CalendarDate | null | undefined, asOf: CalendarDate, style: DateStyle): string | null {
  return from && compareDates(asOf, from) < 0 ? `${formatJapaneseDate(from, style)}から` : null;
}

/** The poster text for one facility. Measures the policy does not word are left out. */
export function posterContent(listPolicy: PosterPolicy, facility: Facility, options: ContentOptions = {}): PosterContent {
  const policy = facilityPolicy(listPolicy, facility);
  const style = options.dateStyle ?? policy.dateStyle;
  const asOf = options.asOf ?? localToday();
  const measures: PosterMeasure[] = [];
  for (const id of facility.measures) {
    const m = policy.measures[id];
    if (m) measures.push({ id, label: m.label, text: m.text, from: startsText(m.from, asOf, style) });
  }
  const languages = options.languages ?? facility.languages;
  const panels: PosterPanel[] = [];
  for (const language of ["easy-ja", "en"] as const) {
    const panel = policy.panels[language];
    if (!panel || !languages.includes(language)) continue;
    panels.push({
      language,
      title: panel.title,
      text: panel.text,
      lines: measures.map((m) => panel.measures[m.id]).filter((line): line is string => !!line),
    });
  }
  let contact: string | null = facility.contact ? `お問い合わせ：${facility.contact}` : null;
  if (!contact && policy.contact) {
    const { name, phone, hours } = policy.contact;
    contact = `お問い合わせ：${name}${phone || hours ? `\n${[phone ? `電話 ${phone}` : "", hours ? `（${hours}）` : ""].join("")}` : ""}`;
  }
  // The message: the policy's `message`, or (policies written before it existed) its subtitle.
  const message = policy.message ?? policy.subtitle;
  const title = facility.title ?? policy.title;
  return {
    title,
    subtitle: policy.message ? policy.subtitle : null,
    message,
    slogan: policy.distance.slogan ?? message ?? title,
    distanceConduct: policy.distance.conduct ?? policy.conduct.map((c) => c.label),
    stance: facility.stance ?? policy.stance,
    conductHeading: policy.conductHeading,
    conduct: policy.conduct,
    measuresHeading: policy.measuresHeading,
    measures,
    date: formatJapaneseDate(policy.effectiveDate, style),
    asOf: isoDate(asOf),
    issuer: facility.issuer ?? policy.issuer,
    signature: facility.issuer ? null : policy.signature,
    facilityName: facility.name,
    contact,
    panels,
    color: policy.color,
    url: policy.url,
  };
}

/** Every character the poster prints, for font subsetting and glyph checks. */
export function contentText(content: PosterContent): string {
  return [
    content.title,
    content.subtitle ?? "",
    content.message ?? "",
    content.slogan,
    ...content.distanceConduct,
    content.stance,
    content.conductHeading,
    ...content.conduct.flatMap((c) => [c.label, c.text]),
    content.measuresHeading,
    ...content.measures.flatMap((m) => [m.label, m.text, m.from ?? ""]),
    content.date,
    "施行",
    content.issuer,
    content.signature ?? "",
    content.facilityName,
    content.contact ?? "",
    content.url ?? "",
    ...content.panels.flatMap((p) => [p.title, p.text, ...p.lines]),
  ].join("\n");
}
