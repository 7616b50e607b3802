/**
 * What one facility's poster says: the policy narrowed to the facility's measures and
 * languages, with the date written out. Pure.
 */
import { formatJapaneseDate, type DateStyle } from "./dates.js";
import type { Facility, PosterLanguage } from "./facilities.js";
import type { MeasureId } from "./measures.js";
import type { PanelLanguage, PosterPolicy } from "./policy.js";

export interface PosterMeasure {
  id: MeasureId;
  label: string;
  text: string;
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
  extends Pick<PosterPolicy, "title" | "subtitle" | "stance" | "conductHeading" | "conduct" | "measuresHeading" | "issuer" | "signature" | "color"> {
  measures: PosterMeasure[];
  /** e.g. 令和6年11月1日 */
  date: string;
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
}

/** The poster text for one facility. Measures the policy does not word are left out. */
export function posterContent(policy: PosterPolicy, facility: Facility, options: ContentOptions = {}): PosterContent {
  const measures: PosterMeasure[] = [];
  for (const id of facility.measures) {
    const m = policy.measures[id];
    if (m) measures.push({ id, label: m.label, text: m.text });
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
  return {
    title: policy.title,
    subtitle: policy.subtitle,
    stance: policy.stance,
    conductHeading: policy.conductHeading,
    conduct: policy.conduct,
    measuresHeading: policy.measuresHeading,
    measures,
    date: formatJapaneseDate(policy.effectiveDate, options.dateStyle ?? policy.dateStyle),
    issuer: facility.issuer ?? policy.issuer,
    signature: facility.issuer ? null : policy.signature,
    facilityName: facility.name,
    contact,
    panels,
    color: policy.color,
  };
}

/** Every character the poster prints, for font subsetting and glyph checks. */
export function contentText(content: PosterContent): string {
  return [
    content.title,
    content.subtitle ?? "",
    content.stance,
    content.conductHeading,
    ...content.conduct.flatMap((c) => [c.label, c.text]),
    content.measuresHeading,
    ...content.measures.flatMap((m) => [m.label, m.text]),
    content.date,
    "施行",
    content.issuer,
    content.signature ?? "",
    content.facilityName,
    content.contact ?? "",
    ...content.panels.flatMap((p) => [p.title, p.text, ...p.lines]),
  ].join("\n");
}
