import { describe, expect, it } from "vitest";
import { isHiragana, isKana, isKatakana, isPrintableKana } from "../../src/kana/kana-classes.js";

describe("isPrintableKana", () => {
  it.each([
    ["まつの", true],
    ["おーの", true],
    ["ゔ", true],
    ["ー", true],
    ["", false],
    ["マツノ", false],
    ["まつ の", false],
    ["まつ　の", false],
    ["佐藤", false],
    ["matsuno", false],
    ["さゝき", false], // iteration marks must be expanded first
    ["か\u3099", false], // decomposed: not normalised here
    ["・", false],
  ])("%j → %s", (input, expected) => {
    expect(isPrintableKana(input)).toBe(expected);
  });
});

describe("isKana / isKatakana / isHiragana", () => {
  it.each([
    // input, isKana, isKatakana, isHiragana
    ["さとう", true, false, true],
    ["サトウ", true, true, false],
    ["ｻﾄｳ", true, true, false],
    ["オーノ", true, true, false],
    ["さトう", true, false, false],
    ["ー", true, true, true],
    ["いすゞ", true, false, true],
    ["", false, false, false],
    ["サトウ タロウ", false, false, false],
    ["佐藤", false, false, false],
    ["サ・トウ", false, false, false],
    ["sato", false, false, false],
  ])("%j", (input, kana, katakana, hiragana) => {
    expect(isKana(input)).toBe(kana);
    expect(isKatakana(input)).toBe(katakana);
    expect(isHiragana(input)).toBe(hiragana);
  });
});
