/**
 * Bank-transfer kana (全銀 format): payroll systems keep カナ氏名 the way bank transfers need it, in half-width
 * katakana with no small kana: ﾊﾂﾄﾘ for はっとり, ｼﾖｳｼﾞ for しょうじ, ｷﾔﾏ for きゃま. Read as it is, such a reading is
 * wrong (はつとり); this module lists what it may stand for, so that the resolver can keep the one a surname source
 * attests.
 */

/** Half-width katakana (and spaces) only. */
const HALF_WIDTH = /^[\uFF65-\uFF9F\s\u3000]+$/u;
/** The small kana half-width katakana has: ｧ ｨ ｩ ｪ ｫ ｬ ｭ ｮ ｯ. */
const HALF_WIDTH_SMALL = /[\uFF67-\uFF6F]/u;

/** True when the text is half-width katakana holding no small kana: it may be bank-transfer kana. */
export function isBankKana(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && HALF_WIDTH.test(trimmed) && !HALF_WIDTH_SMALL.test(trimmed);
}

const SMALL: Readonly<Record<string, string>> = { つ: "っ", や: "ゃ", ゆ: "ゅ", よ: "ょ" };
/** Kana a small ゃ ゅ ょ can follow (the i-row): き し ち に ひ み り and their voiced forms. */
const BEFORE_YA = /[きしちにひみりぎじぢびぴ]/u;
/** Kana a small っ can come before: any consonant-initial kana that doubles (not a vowel, ん, や-row or ー). */
const AFTER_TSU = /[かきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどはひふへほばびぶべぼぱぴぷぺぽ]/u;

/** At most this many positions are tried (2^n readings): names have few. */
const MAX_POSITIONS = 8;

/**
 * The readings a bank-transfer reading (in hiragana, as read: はつとり) may stand for: itself, and every way to
 * make its つ や ゆ よ small where a small kana can stand (っ between two kana, before one that doubles; ゃ ゅ ょ
 * after an i-row kana): はつとり → はつとり, はっとり. The reading as read comes first.
 */
export function bankKanaReadings(kana: string): string[] {
  const chars = [...kana];
  const positions: number[] = [];
  chars.forEach((c, i) => {
    if (c === "つ" && i > 0 && i < chars.length - 1 && AFTER_TSU.test(chars[i + 1]!)) positions.push(i);
    else if ((c === "や" || c === "ゆ" || c === "よ") && i > 0 && BEFORE_YA.test(chars[i - 1]!)) positions.push(i);
  });
  const used = positions.slice(0, MAX_POSITIONS);
  const readings: string[] = [];
  for (let mask = 0; mask < 1 << used.length; mask++) {
    const out = [...chars];
    used.forEach((position, bit) => {
      if (mask & (1 << bit)) out[position] = SMALL[out[position]!]!;
    });
    readings.push(out.join(""));
  }
  return readings;
}
