/**
 * nafuda/kana — kana as names need it: classes (what a badge may print, what counts as kana), conversion to the
 * hiragana a badge prints (ー kept, half-width and iteration marks handled), and morae.
 */
export { toHiragana, katakanaToHiragana, hiraganaToKatakana, expandIterationMarks } from "./to-hiragana.js";
export { isPrintableKana, isKana, isKatakana, isHiragana, normalizeKanaInput, LONG_MARK } from "./kana-classes.js";
export { splitMora } from "./mora.js";
