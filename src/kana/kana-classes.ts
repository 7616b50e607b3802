/**
 * Character classes for kana. Every check normalises with NFKC first where the
 * doc says so, so half-width katakana (ｻﾄｳ) and decomposed dakuten (か + U+3099) count.
 *
 * Ranges used (Unicode Hiragana block U+3040–U+309F, Katakana block U+30A0–U+30FF):
 * - hiragana letters ぁ–ゖ U+3041–U+3096 (includes ゔ U+3094, small ゕ ゖ)
 * - hiragana iteration marks ゝ ゞ U+309D–U+309E
 * - katakana letters ァ–ヺ U+30A1–U+30FA (includes ヴ, small ヵ ヶ, ヷ–ヺ)
 * - prolonged sound mark ー U+30FC, katakana iteration marks ヽ ヾ U+30FD–U+30FE
 * The middle dot ・ U+30FB, ゠ U+30A0 and ヿ U+30FF are not kana letters and never count.
 *
 * Written here rather than taken from wanakana's isKana/isHiragana/isKatakana, which count ・ as katakana (it
 * separates the parts of a foreign name: ジョン・スミス is not one reading), leave out the iteration marks
 * ゝ ゞ ヽ ヾ (いすゞ is a reading) and half-width katakana (ｻﾄｳ is one, as payroll systems write it).
 */

/** The prolonged sound mark ー (U+30FC), the only non-hiragana character a badge may print. */
export const LONG_MARK = "ー";

/** Small kana that join the kana before them into one mora (しょ, ふぁ, くゎ). */
export const SMALL_GLIDE_KANA: ReadonlySet<string> = new Set([
  "ゃ", "ゅ", "ょ", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "ゎ",
  "ャ", "ュ", "ョ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ヮ",
]);

/** The small tsu (っ ッ): doubles the next consonant. */
export const SOKUON: ReadonlySet<string> = new Set(["っ", "ッ"]);

/** The moraic nasal (ん ン). */
export const HATSUON: ReadonlySet<string> = new Set(["ん", "ン"]);

/** The five plain vowel kana in hiragana. */
export const VOWEL_KANA: ReadonlySet<string> = new Set(["あ", "い", "う", "え", "お"]);

const PRINTABLE = /^[\u3041-\u3096\u30FC]+$/u;
const HIRAGANA = /^[\u3041-\u3096\u309D\u309E\u30FC]+$/u;
const KATAKANA = /^[\u30A1-\u30FA\u30FC-\u30FE]+$/u;
const KANA = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE]+$/u;

/**
 * NFKC, after turning the spacing (voiced) sound marks ゛ ゜ (U+309B/U+309C) into their
 * combining forms, which NFKC alone would turn into a space plus a combining mark.
 */
export function normalizeKanaInput(s: string): string {
  return s.replace(/\u309B/gu, "\u3099").replace(/\u309C/gu, "\u309A").normalize("NFKC");
}

/**
 * True iff `s` is non-empty and only hiragana (ぁ–ゖ, including ゔ) and ー: the only
 * characters a badge may print. No normalisation: this checks the string as it is.
 */
export function isPrintableKana(s: string): boolean {
  return PRINTABLE.test(s);
}

/** True iff `s` is non-empty and, after NFKC, only hiragana, ゝ ゞ and ー. */
export function isHiragana(s: string): boolean {
  return HIRAGANA.test(normalizeKanaInput(s));
}

/** True iff `s` is non-empty and, after NFKC, only katakana, ヽ ヾ and ー (ｻﾄｳ counts). */
export function isKatakana(s: string): boolean {
  return KATAKANA.test(normalizeKanaInput(s));
}

/**
 * True iff `s` is non-empty and, after NFKC, only hiragana, katakana, their iteration
 * marks and ー. Spaces, ・, kanji and Latin letters make it false.
 */
export function isKana(s: string): boolean {
  return KANA.test(normalizeKanaInput(s));
}
