import { SMALL_GLIDE_KANA, SOKUON, HATSUON, LONG_MARK } from "./kana-classes.js";

/**
 * Splits kana into morae: a small glide kana (ゃ ゅ ょ ぁ ぃ ぅ ぇ ぉ ゎ and katakana forms)
 * joins the kana before it; っ, ん and ー are morae of their own.
 *
 *   splitMora('しょうじ') → ['しょ', 'う', 'じ']
 *   splitMora('はっとり') → ['は', 'っ', 'と', 'り']
 *
 * A small glide kana with nothing to join (first, or after っ ん ー or another glide) is a
 * mora by itself. The string is not normalised; characters that are not kana are each
 * returned as their own item (by code point), so nothing is lost.
 */
export function splitMora(kana: string): string[] {
  const morae: string[] = [];
  for (const ch of kana) {
    const last = morae[morae.length - 1];
    if (
      SMALL_GLIDE_KANA.has(ch) &&
      last !== undefined &&
      /^[\u3041-\u3096\u30A1-\u30FA]$/u.test(last) &&
      !SOKUON.has(last) &&
      !HATSUON.has(last) &&
      last !== LONG_MARK &&
      !SMALL_GLIDE_KANA.has(last)
    ) {
      morae[morae.length - 1] = last + ch;
    } else {
      morae.push(ch);
    }
  }
  return morae;
}
