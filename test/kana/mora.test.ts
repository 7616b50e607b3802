import { describe, expect, it } from "vitest";
import { splitMora } from "../../src/kana/mora.js";

describe("splitMora", () => {
  it.each([
    ["しょうじ", ["しょ", "う", "じ"]],
    ["はっとり", ["は", "っ", "と", "り"]],
    ["なんば", ["な", "ん", "ば"]],
    ["にーな", ["に", "ー", "な"]],
    ["ちゅうじょう", ["ちゅ", "う", "じょ", "う"]],
    ["ふぁ", ["ふぁ"]],
    ["くゎ", ["くゎ"]],
    ["キャン", ["キャ", "ン"]],
    ["ゃ", ["ゃ"]], // nothing to join
    ["っゃ", ["っ", "ゃ"]],
    ["んょ", ["ん", "ょ"]],
    ["きゃゃ", ["きゃ", "ゃ"]],
    ["", []],
    ["𠮷だ", ["𠮷", "だ"]], // a surrogate pair stays whole
  ])("%s", (input, expected) => {
    expect(splitMora(input)).toEqual(expected);
  });
});
