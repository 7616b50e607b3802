import { describe, expect, it } from "vitest";
import {
  expandIterationMarks,
  hiraganaToKatakana,
  katakanaToHiragana,
  toHiragana,
} from "../../src/kana/to-hiragana.js";

describe("toHiragana", () => {
  it.each([
    ["サトウ", "さとう"],
    ["まつの", "まつの"],
    ["オーノ", "おーの"], // ー kept: wanakana would give おうの
    ["ニーナ", "にーな"],
    ["ﾏﾂﾉ", "まつの"], // half-width katakana
    ["ｶﾞﾓｳ", "がもう"], // half-width with voiced mark
    ["ｵｰﾉ", "おーの"], // half-width ｰ
    ["か\u3099とう", "がとう"], // decomposed dakuten
    ["ハ\u309Aン", "ぱん"], // decomposed handakuten
    ["か゛とう", "がとう"], // spacing dakuten ゛
    ["ヴ", "ゔ"],
    ["ヴァ", "ゔぁ"],
    ["ヷ", "ゔぁ"],
    ["イチヵワ", "いちかわ"], // small ヵ inside a reading
    ["ケヶ", "けけ"],
    ["サトウ　タロウ", "さとうたろう"], // full-width space removed
    [" さ と う ", "さとう"],
    ["イスヾ", "いすず"], // katakana iteration mark, voiced
    ["さゝき", "ささき"],
    ["オ－ノ", "おーの"], // full-width hyphen-minus typed for ー
    ["オ-ノ", "おーの"],
    ["ヰヱヲ", "ゐゑを"],
  ])("%s → %s", (input, expected) => {
    expect(toHiragana(input)).toBe(expected);
  });

  it("leaves characters that are not kana in place", () => {
    expect(toHiragana("佐藤")).toBe("佐藤");
    expect(toHiragana("-ノ")).toBe("-の"); // a dash with no kana before it is not ー
    expect(toHiragana("A・B")).toBe("A・B");
  });

  it("keeps one space between parts with keepSpaces", () => {
    expect(toHiragana("  サトウ　　ハナコ ", { keepSpaces: true })).toBe("さとう はなこ");
  });
});

describe("katakanaToHiragana / hiraganaToKatakana", () => {
  it("map by code point and keep ー", () => {
    expect(katakanaToHiragana("ァアヴヵヶーヽヾ")).toBe("ぁあゔゕゖーゝゞ");
    expect(hiraganaToKatakana("ぁあゔーゝ")).toBe("ァアヴーヽ");
    expect(katakanaToHiragana("ｶ")).toBe("ｶ"); // no NFKC here
  });
});

describe("expandIterationMarks", () => {
  it.each([
    ["いすゞ", "いすず"],
    ["さゝき", "ささき"],
    ["ばゝ", "ばは"], // ゝ repeats unvoiced
    ["ゝ", "ゝ"], // nothing to repeat
    ["あゞ", "ああ"], // あ has no voiced form
  ])("%s → %s", (input, expected) => {
    expect(expandIterationMarks(input)).toBe(expected);
  });
});
