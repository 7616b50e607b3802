/**
 * The languages nafuda speaks to people: Japanese first, English on request.
 * The choice is always explicit (an option, NAFUDA_LANG, a config key), never the machine's locale, so that the
 * same input and options give the same files on every PC.
 */
export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "ja";

/** "ja", "en", "ja-JP", "en_US.UTF-8", "English", "日本語" → the language; anything else → null. */
export function parseLang(value: unknown): Lang | null {
  if (typeof value !== "string") return null;
  const v = value.trim().toLowerCase();
  if (v === "日本語" || v === "japanese" || /^ja(?:[-_].*)?$/.test(v)) return "ja";
  if (v === "english" || /^en(?:[-_].*)?$/.test(v)) return "en";
  return null;
}

/** The language when nothing else says: NAFUDA_LANG if it names one, else Japanese. */
export function defaultLang(): Lang {
  return parseLang(process.env.NAFUDA_LANG) ?? DEFAULT_LANG;
}
