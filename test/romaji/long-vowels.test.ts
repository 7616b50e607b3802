import { describe, expect, it } from "vitest";
import { splitMora } from "../../src/kana/mora.js";
import {
  alignPronunciation,
  analyzeLongVowels,
  decideByKanaRules,
  vowelPairAt,
} from "../../src/romaji/long-vowels.js";

const m = splitMora;

describe("vowelPairAt", () => {
  it.each([
    ["さとう", 2, "ou"],
    ["おおの", 1, "oo"],
    ["しょうじ", 1, "ou"],
    ["いいだ", 1, "ii"],
    ["さんぺい", 3, "ei"],
    ["まつうら", 2, "uu"],
    ["あおき", 1, null], // ao is never long
    ["さとう", 1, null], // と is not a vowel kana
    ["にーな", 1, null], // ー is not a pair
    ["さとう", 0, null],
  ] as const)("%s at %i → %s", (reading, index, expected) => {
    expect(vowelPairAt(m(reading), index)).toBe(expected);
  });

  it("does not start a pair on a mora that already lengthens the one before", () => {
    expect(vowelPairAt(m("おおうち"), 2, [false, true])).toBeNull();
    expect(vowelPairAt(m("おおうち"), 2, [false, false])).toBe("ou");
  });
});

describe("alignPronunciation", () => {
  it.each([
    ["さとう", "サトー", [false, false, true]],
    ["おおうち", "オーウチ", [false, true, false, false]],
    ["いのうえ", "イノウエ", [false, false, false, false]],
    ["いいだ", "イーダ", [false, true, false]],
    ["にーな", "ニーナ", [false, true, false]],
    ["もちづき", "モチズキ", [false, false, false, false]], // づ and ズ sound the same
  ] as const)("%s / %s", (reading, pronunciation, long) => {
    expect(alignPronunciation(m(reading), pronunciation)).toMatchObject({ long });
  });

  it.each([
    ["さとう", "サトーウ"], // different number of morae
    ["さとう", "カトー"],
    ["さとう", "サー"], // ー where the reading has no vowel pair... and too short
    ["はっとり", "ハートリ"], // ー against っ
    ["さとう", "佐藤"],
  ])("%s / %s does not align", (reading, pronunciation) => {
    expect(alignPronunciation(m(reading), pronunciation)).toHaveProperty("problem");
  });
});

describe("decideByKanaRules", () => {
  it.each([
    // reading, long flags, certain flags of the decisions
    ["さとう", [false, false, true], [true]],
    ["こうら", [false, false, false], [false]],
    ["こうの", [false, true, false], [false]],
    ["よこお", [false, false, false], [true]],
    ["おおうち", [false, true, false, false], [false]],
    ["しょうじ", [false, true, false], [true]],
    ["まつうら", [false, false, false, false], [false]],
  ] as const)("%s", (reading, long, certain) => {
    const decided = decideByKanaRules(m(reading));
    expect(decided.long).toEqual(long);
    expect(decided.decisions.map((d) => d.certain)).toEqual(certain);
  });

  it("keeps fixed decisions before `from` and re-decides the rest", () => {
    const morae = m("おおうち");
    const redone = decideByKanaRules(morae, { long: [false, false], decisions: [] }, 2);
    expect(redone.long).toEqual([false, false, true, false]); // お + おう + ち
  });
});

describe("analyzeLongVowels", () => {
  it("uses the pronunciation when it aligns", () => {
    expect(analyzeLongVowels(m("こうら"), "コウラ")).toMatchObject({ source: "pronunciation", long: [false, false, false] });
    expect(analyzeLongVowels(m("こうら"), "コーラ")).toMatchObject({ source: "pronunciation", long: [false, true, false] });
  });

  it("says why it fell back to kana rules", () => {
    const analysis = analyzeLongVowels(m("こうら"), "コウダ");
    expect(analysis.source).toBe("kana-rules");
    expect(analysis.pronunciationProblem).toContain("コウダ");
  });

  it("ignores an empty pronunciation", () => {
    expect(analyzeLongVowels(m("さとう"), "").pronunciationProblem).toBeNull();
  });

  it("has nothing to decide for a name without vowel pairs", () => {
    expect(analyzeLongVowels(m("まつの")).source).toBe("none");
  });
});
