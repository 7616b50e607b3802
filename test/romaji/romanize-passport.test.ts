import { describe, expect, it } from "vitest";
import { texts } from "../helpers/errors.js";
import { romanize, romanizeDetailed } from "../../src/romaji/romanize.js";

// [reading, IPADIC pronunciation (or null), passport spelling]
const WITH_PRONUNCIATION: readonly (readonly [string, string, string])[] = [
  ["さとう", "サトー", "Sato"],
  ["かとう", "カトー", "Kato"],
  ["いのうえ", "イノウエ", "Inoue"],
  ["おおうち", "オーウチ", "Ouchi"],
  ["おおの", "オーノ", "Ono"],
  ["よこお", "ヨコオ", "Yokoo"],
  ["せのお", "セノオ", "Senoo"],
  ["いいだ", "イーダ", "Iida"], // いい written in full even when pronounced long
  ["しいな", "シーナ", "Shiina"],
  ["さんぺい", "サンペー", "Sampei"], // えい written in full
  ["しょうじ", "ショージ", "Shoji"],
  ["こうら", "コウラ", "Koura"], // 小浦
  ["こうら", "コーラ", "Kora"], // 高良
  ["たかとう", "タカトー", "Takato"], // 高藤
  ["たかとお", "タカトオ", "Takatoo"], // 高遠
  ["まつうら", "マツウラ", "Matsuura"],
  ["おおこうち", "オーコーチ", "Okochi"],
  ["ゆうき", "ユーキ", "Yuki"],
  ["ぎゅう", "ギュウ", "Gyu"], // ゅう is long even where a dictionary writes ウ
  ["ふるう", "フルウ", "Furuu"], // 古宇
];

describe("passport spelling with a dictionary pronunciation", () => {
  it.each(WITH_PRONUNCIATION)("%s (%s) → %s", (reading, pronunciation, expected) => {
    const result = romanizeDetailed(reading, { pronunciation });
    expect(result.romaji).toBe(expected);
    expect(result.ambiguous).toBe(false);
    expect(result.reasons).toEqual([]);
  });

  it("reports the pronunciation as the source of long vowels", () => {
    expect(romanizeDetailed("さとう", { pronunciation: "サトー" }).longVowels).toBe("pronunciation");
    expect(romanizeDetailed("まつの", { pronunciation: "マツノ" }).longVowels).toBe("none");
  });

  it("accepts the pronunciation in hiragana and half-width katakana", () => {
    expect(romanize("おおうち", { pronunciation: "おーうち" })).toBe("Ouchi");
    expect(romanize("さとう", { pronunciation: "ｻﾄｰ" })).toBe("Sato");
  });

  it("falls back to kana rules, with a reason, when the pronunciation does not fit the reading", () => {
    const result = romanizeDetailed("さとう", { pronunciation: "カトー" });
    expect(result.romaji).toBe("Sato");
    expect(result.longVowels).toBe("kana-rules");
    expect(result.ambiguous).toBe(true);
    expect(texts(result.reasons)[0]).toContain("カトー");
  });

  it("keeps a final おお even when a pronunciation marks it long", () => {
    expect(romanize("よこお", { pronunciation: "ヨコー" })).toBe("Yokoo");
  });

  it("treats ゔ as ぶ when aligning (dictionaries write ブ)", () => {
    expect(romanizeDetailed("ゔぁいおー", { pronunciation: "バイオー" }).reasons).toEqual([]);
  });
});

// [reading, passport spelling]
const CONSONANTS: readonly (readonly [string, string])[] = [
  ["なんば", "Namba"],
  ["ほんま", "Homma"],
  ["さんぺい", "Sampei"],
  ["しんや", "Shinya"], // no apostrophe
  ["こんの", "Konno"],
  ["しんかい", "Shinkai"],
  ["はっとり", "Hattori"],
  ["きっかわ", "Kikkawa"],
  ["べっぷ", "Beppu"],
  ["いっしき", "Isshiki"],
  ["ほっち", "Hotchi"],
  ["てづか", "Tezuka"],
  ["もちづき", "Mochizuki"],
  ["ちぢわ", "Chijiwa"],
  ["つちや", "Tsuchiya"],
  ["ふくし", "Fukushi"],
  ["じゃはな", "Jahana"],
  ["きゃん", "Kyan"],
  ["ちゃたに", "Chatani"],
  ["ゐの", "Ino"],
  ["ゑびす", "Ebisu"],
  ["をがわ", "Ogawa"],
  ["ゔぁ", "Ba"],
  ["ゔ", "Bu"],
  ["まつの", "Matsuno"],
  ["ニーナ", "Nina"], // ー dropped
  ["ニイナ", "Niina"],
  ["ｻﾄｳ", "Sato"],
];

describe("passport spelling of consonants, ん, っ and ー", () => {
  it.each(CONSONANTS)("%s → %s", (reading, expected) => {
    expect(romanize(reading)).toBe(expected);
  });
});

describe("passport long vowels by kana rules (no pronunciation)", () => {
  // [reading, spelling, ambiguous]
  it.each([
    ["さとう", "Sato", false], // final おう is long
    ["しょうじ", "Shoji", false], // ょう after a small ょ
    ["ちゅうじょう", "Chujo", false],
    ["ひゅうが", "Hyuga", false],
    ["よこお", "Yokoo", false], // final おお is certain
    ["たかとお", "Takatoo", false],
    ["いいだ", "Iida", false],
    ["まつの", "Matsuno", false],
    ["こうら", "Koura", true], // 小浦 or 高良
    ["いのうえ", "Inoue", true],
    ["まつうら", "Matsuura", true],
    ["おおうち", "Ouchi", true],
    ["おおの", "Ono", true],
    ["こうの", "Kono", true],
    ["ゆうき", "Yuki", true],
    ["くずう", "Kuzu", true], // 葛生 くずう is Kuzuu: final うう is not certain
  ] as const)("%s → %s (ambiguous: %s)", (reading, expected, ambiguous) => {
    const result = romanizeDetailed(reading);
    expect(result.romaji).toBe(expected);
    expect(result.ambiguous).toBe(ambiguous);
    expect(result.reasons.length > 0).toBe(ambiguous);
  });

  it("names the other spelling in the reason", () => {
    expect(texts(romanizeDetailed("こうら").reasons).join("\n")).toContain("Kora");
    expect(texts(romanizeDetailed("おおうち").reasons).join("\n")).toContain("Oochi");
    expect(texts(romanizeDetailed("いのうえ").reasons).join("\n")).toContain("Inoe");
  });

  it("reports kana rules or none as the source", () => {
    expect(romanizeDetailed("こうら").longVowels).toBe("kana-rules");
    expect(romanizeDetailed("ニーナ").longVowels).toBe("kana-rules");
    expect(romanizeDetailed("はっとり").longVowels).toBe("none");
  });
});

describe("letter case and output", () => {
  it("writes title case by default and capitals on request", () => {
    expect(romanize("まつの")).toBe("Matsuno");
    expect(romanize("まつの", { case: "upper" })).toBe("MATSUNO");
    expect(romanize("さとう", { case: "upper", pronunciation: "サトー" })).toBe("SATO");
  });

  it.each(["さとう", "はっとり", "ほっち", "ゔぁいおりん", "あっ", "ニーナ", "ぬぁ"])(
    "passport spelling of %s is ASCII letters only",
    (reading) => {
      expect(romanize(reading)).toMatch(/^[A-Z][a-z]*$/);
    },
  );
});

describe("errors and odd input", () => {
  it.each(["", "   ", "佐藤", "sato", "さとう1", "サ・トウ", "ー", "ーの", "んー", "っ"])(
    "throws a clear Error for %j",
    (input) => {
      expect(() => romanize(input)).toThrow(/romanize: /);
    },
  );

  it("rejects an unknown system or case", () => {
    expect(() => romanize("さとう", { system: "nihon" as never })).toThrow(/unknown romaji system/);
    expect(() => romanize("さとう", { case: "lower" as never })).toThrow(/unknown letter case/);
  });

  it("flags a small っ that doubles nothing instead of dropping it silently", () => {
    const result = romanizeDetailed("あっ");
    expect(result.romaji).toBe("A");
    expect(result.ambiguous).toBe(true);
    expect(texts(result.reasons).join()).toContain("っ");
  });

  it("flags an unusual kana combination", () => {
    const result = romanizeDetailed("ぬぁ");
    expect(result.romaji).toBe("Nua");
    expect(result.ambiguous).toBe(true);
  });
});
