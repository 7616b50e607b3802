import { toHiragana as wanakanaToHiragana } from "wanakana";
import { normalizeKanaInput } from "./kana-classes.js";

/** ヷ ヸ ヹ ヺ have no hiragana letter: they are written as ゔ + small vowel. */
const KATAKANA_WITHOUT_HIRAGANA: Readonly<Record<string, string>> = {
  "ヷ": "ゔぁ",
  "ヸ": "ゔぃ",
  "ヹ": "ゔぇ",
  "ヺ": "ゔぉ",
};

/** Small ka/ke (ヵ ヶ ゕ ゖ) inside a reading stand for full-size か / け. */
const SMALL_KA_KE: Readonly<Record<string, string>> = {
  "ゕ": "か",
  "ゖ": "け",
};

/** Dash-like characters people type for ー in readings (after NFKC: - ~ 〜 ‐ – — ― −). */
const DASH_LIKE = /[-~\u301C\u2010-\u2015\u2212]/u;

/** Katakana wanakana does not convert (ヽ ヾ, small ヵ ヶ) or converts to unassigned code points (ヷ–ヺ → U+3097…). */
const KATAKANA_WANAKANA_MISSES: Readonly<Record<string, string>> = {
  ...KATAKANA_WITHOUT_HIRAGANA,
  "ヽ": "ゝ",
  "ヾ": "ゞ",
  "ヵ": "ゕ",
  "ヶ": "ゖ",
};
const WANAKANA_MISSES = /[ヷヸヹヺヽヾヵヶ]/gu;
/** A katakana letter or mark that becomes hiragana (ー and ・ stay as they are). */
const ANY_KATAKANA = /[\u30A1-\u30FA\u30FD\u30FE]/u;

/**
 * Katakana → hiragana (ァ–ヶ → ぁ–ゖ, ヴ → ゔ, ヽヾ → ゝゞ, ヷ–ヺ → ゔ + small vowel). ー and every other character
 * (kanji, Latin letters, ・) are kept as they are. No normalisation. wanakana converts, told to keep ー
 * (convertLongVowelMark: false: by default it guesses オーノ → おうの, but 大野 is おおの) and to pass Latin letters
 * through (passRomaji: Smith stays Smith); the katakana it misses are mapped first.
 */
export function katakanaToHiragana(s: string): string {
  if (!ANY_KATAKANA.test(s)) return s; // already hiragana: nothing for wanakana to do
  // A roster repeats its readings (10,000 staff hold some 2,000 surnames): each converted once.
  const known = converted.get(s);
  if (known !== undefined) return known;
  const prepared = s.replace(WANAKANA_MISSES, (c) => KATAKANA_WANAKANA_MISSES[c] ?? c);
  const hiragana = wanakanaToHiragana(prepared, { passRomaji: true, convertLongVowelMark: false });
  if (converted.size >= CONVERTED_LIMIT) converted.clear();
  converted.set(s, hiragana);
  return hiragana;
}
const converted = new Map<string, string>();
const CONVERTED_LIMIT = 50_000;

/** Hiragana → katakana by code point only (ぁ–ゖ → ァ–ヶ, ゝゞ → ヽヾ). ー and others kept. */
export function hiraganaToKatakana(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x3041 && cp <= 0x3096) || cp === 0x309d || cp === 0x309e) {
      out += String.fromCodePoint(cp + 0x60);
    } else out += ch;
  }
  return out;
}

function unvoiced(kana: string): string {
  const base = kana.normalize("NFD").replace(/[\u3099\u309A]/gu, "");
  return base.normalize("NFC");
}

function voiced(kana: string): string {
  const composed = (unvoiced(kana) + "\u3099").normalize("NFC");
  // Only kana with a precomposed voiced form can take ゞ (す → ず); otherwise keep it plain.
  return composed.length === 1 ? composed : unvoiced(kana);
}

/**
 * Expands the iteration marks ゝ (repeat the kana before, unvoiced) and ゞ (repeat it
 * voiced): いすゞ → いすず, さゝき → ささき. A mark with no kana before it is kept.
 */
export function expandIterationMarks(s: string): string {
  let out = "";
  let prev: string | null = null;
  for (const ch of s) {
    if ((ch === "ゝ" || ch === "ゞ") && prev !== null) {
      const repeated: string = ch === "ゝ" ? unvoiced(prev) : voiced(prev);
      out += repeated;
      prev = repeated;
    } else {
      out += ch;
      prev = ch;
    }
  }
  return out;
}

/**
 * A reading as the roster wrote it → hiragana, the form a badge prints.
 *
 * - NFKC first: half-width katakana (ｻﾄｳ), decomposed dakuten (か + U+3099), ゛ ゜.
 * - katakana → hiragana by code point, **keeping ー** (オーノ → おーの, not おうの: whether
 *   ー was お or う is unknown, so it is never guessed), ヴ → ゔ.
 * - small ヵ ヶ ゕ ゖ → か け; iteration marks ゝ ゞ ヽ ヾ expanded.
 * - a dash-like character (－ - ‐ ― − ～ 〜) right after a kana becomes ー (オ－ノ → おーの).
 * - every whitespace character (ASCII and full-width spaces, tabs) is removed; with
 *   `{ keepSpaces: true }` each run of whitespace becomes one ASCII space instead and the ends are
 *   trimmed (サトウ　ハナコ → さとう はなこ), for splitting a full-name reading.
 *
 * Anything else (kanji, Latin letters, ・) is left in place: check the result with
 * `isPrintableKana`.
 */
export function toHiragana(input: string, options: { keepSpaces?: boolean } = {}): string {
  const normalized = options.keepSpaces === true
    ? normalizeKanaInput(input).replace(/\s+/gu, " ").trim()
    : normalizeKanaInput(input).replace(/\s+/gu, "");
  let hira = katakanaToHiragana(normalized);
  hira = hira.replace(/[ゕゖ]/gu, (c) => SMALL_KA_KE[c] ?? c);
  hira = expandIterationMarks(hira);
  let out = "";
  let prev: string | null = null;
  for (const ch of hira) {
    const prevIsKana: boolean = prev !== null && ((prev >= "\u3041" && prev <= "\u3096") || prev === "ー");
    const next: string = DASH_LIKE.test(ch) && prevIsKana ? "ー" : ch;
    out += next;
    prev = next;
  }
  return out;
}
