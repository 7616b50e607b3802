import { describe, expect, it } from "vitest";
import { bankKanaReadings, isBankKana } from "../../src/readings/bank-kana.js";

describe("bank-transfer kana (全銀: half-width, no small kana)", () => {
  it.each([
    ["ﾊﾂﾄﾘ", true],
    ["ｼﾖｳｼﾞ ﾀﾛｳ", true],
    ["ｻﾄｳ", true],
    ["ﾊｯﾄﾘ", false], // a small kana: not bank form
    ["ハツトリ", false], // full-width
    ["はつとり", false],
    ["", false],
  ] as const)("%j may be bank-transfer kana: %s", (text, expected) => {
    expect(isBankKana(text)).toBe(expected);
  });

  it.each([
    ["はつとり", ["はつとり", "はっとり"]],
    ["しようじ", ["しようじ", "しょうじ"]],
    ["きやま", ["きやま", "きゃま"]],
    ["さとう", ["さとう"]],
    ["つつい", ["つつい", "っつい"].slice(0, 1)], // っ never starts a word, and never comes before a vowel
    ["まつ", ["まつ"]], // nor ends one
  ])("%s may stand for %j", (kana, readings) => {
    expect(bankKanaReadings(kana)).toEqual(readings);
  });

  it("tries every combination where several kana could be small (しよつちゆう)", () => {
    expect(bankKanaReadings("しよつちゆう")).toHaveLength(8);
    expect(bankKanaReadings("しよつちゆう")).toContain("しょっちゅう");
  });
});
