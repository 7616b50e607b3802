import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toRomaji } from "wanakana";
import { MORA_TABLE, moraVowel } from "../../src/romaji/mora-table.js";
import { romanizeDetailed } from "../../src/romaji/romanize.js";

describe("MORA_TABLE", () => {
  it.each([
    ["し", { passport: "shi", hepburn: "shi", kunrei: "si", kana: "shi" }],
    ["ち", { passport: "chi", hepburn: "chi", kunrei: "ti", kana: "chi" }],
    ["つ", { passport: "tsu", hepburn: "tsu", kunrei: "tu", kana: "tsu" }],
    ["ふ", { passport: "fu", hepburn: "fu", kunrei: "hu", kana: "fu" }],
    ["じ", { passport: "ji", hepburn: "ji", kunrei: "zi", kana: "ji" }],
    ["ぢ", { passport: "ji", hepburn: "ji", kunrei: "zi", kana: "ji" }],
    ["づ", { passport: "zu", hepburn: "zu", kunrei: "zu", kana: "zu" }],
    ["を", { passport: "o", hepburn: "o", kunrei: "o", kana: "wo" }],
    ["ゔ", { passport: "bu", hepburn: "vu", kunrei: "vu", kana: "vu" }],
    ["しゃ", { passport: "sha", hepburn: "sha", kunrei: "sya", kana: "sha" }],
    ["ちょ", { passport: "cho", hepburn: "cho", kunrei: "tyo", kana: "cho" }],
    ["じゅ", { passport: "ju", hepburn: "ju", kunrei: "zyu", kana: "ju" }],
    ["ぢゃ", { passport: "ja", hepburn: "ja", kunrei: "zya", kana: "ja" }],
  ])("%s", (kana, spelling) => {
    expect(MORA_TABLE.get(kana)).toEqual(spelling);
  });

  it("takes the wāpuro (kana) spelling from wanakana, except the loan-word sounds it spells kana by kana", () => {
    // What wanakana.toRomaji writes for these, and why a name needs another spelling: ジェフ is Jefu, not Jiefu.
    const wanakanaWrites: Record<string, string> = {
      ゎ: "ゎ", いぇ: "ie", ふぁ: "fua", ふぃ: "fyi", ふぇ: "fye", ふぉ: "fuo", てぃ: "tei", でぃ: "dei", とぅ: "tou", どぅ: "dou",
      てゅ: "teyu", でゅ: "deyu", うぃ: "ui", うぇ: "ue", うぉ: "uo", つぁ: "tsua", つぃ: "tsui", つぇ: "tsue", つぉ: "tsuo",
      すぃ: "sui", ずぃ: "zui", くぁ: "kua", ぐぁ: "gua", くゎ: "kuゎ", ぐゎ: "guゎ", ゔぁ: "vua", ゔぃ: "vyi", ゔぇ: "vye", ゔぉ: "vuo",
    };
    for (const [mora, spelling] of MORA_TABLE) {
      const different = wanakanaWrites[mora];
      if (different === undefined) expect(spelling.kana, mora).toBe(toRomaji(mora));
      else {
        expect(toRomaji(mora), mora).toBe(different);
        expect(spelling.kana, mora).toBe(spelling.hepburn === "va" ? "va" : spelling.hepburn);
      }
    }
  });

  it("spells every entry with lower-case ASCII letters in every system", () => {
    for (const [kana, spelling] of MORA_TABLE) {
      for (const value of Object.values(spelling)) expect(value, kana).toMatch(/^[a-z]+$/);
    }
  });

  it.each([["さ", "a"], ["しょ", "o"], ["ん", null], ["っ", null], ["ー", null], ["ぬぁ", "a"]])(
    "moraVowel(%s) → %s",
    (mora, vowel) => {
      expect(moraVowel(mora)).toBe(vowel);
    },
  );
});

describe("passport spelling of any hiragana string", () => {
  const hiragana = fc.constantFrom(
    ..."あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわゐゑをんっゃゅょぁぃぅぇぉゔ",
  );
  it("is non-empty ASCII letters, or an Error", () => {
    fc.assert(
      fc.property(fc.array(hiragana, { minLength: 1, maxLength: 8 }), (chars) => {
        const reading = chars.join("");
        let romaji: string;
        try {
          romaji = romanizeDetailed(reading).romaji;
        } catch (error) {
          expect((error as Error).message).toMatch(/^romanize: /);
          return;
        }
        expect(romaji).toMatch(/^[A-Z][a-z]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});
