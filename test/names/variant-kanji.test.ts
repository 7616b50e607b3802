import { describe, expect, it } from "vitest";
import { normalizeVariantKanji, VARIANT_KANJI, VARIANT_KANJI_TABLE } from "../../src/names/variant-kanji.js";

describe("normalizeVariantKanji", () => {
  it.each([
    ["髙橋", "高橋"],
    ["山\uFA11", "山崎"], // U+FA11: NFKC keeps it, the table maps it
    ["山嵜", "山崎"],
    ["\u{20BB7}田", "吉田"], // 𠮷: a surrogate pair
    ["德永", "徳永"],
    ["渡邊", "渡辺"],
    ["渡邉", "渡辺"],
    ["齋藤", "斎藤"],
    ["齊藤", "斉藤"],
    ["櫻井", "桜井"],
    ["廣瀨", "広瀬"],
    ["濱田", "浜田"],
    ["澤田", "沢田"],
    ["中嶋", "中島"],
    ["冨田", "富田"],
    ["槇原", "槙原"],
    ["北條", "北条"],
    ["眞鍋", "真鍋"],
    ["國分", "国分"],
    ["\uFA10本", "塚本"], // compatibility ideograph U+FA10: NFKC
    ["\uF9DC", "隆"], // U+F9DC → U+9686 by NFKC
    ["辻\u{E0100}", "辻"], // ideographic variation selector removed
    ["葛\u{E0101}西", "葛西"],
    ["ｻﾄｳ", "サトウ"], // NFKC on the rest
  ])("%s → %s", (input, expected) => {
    expect(normalizeVariantKanji(input)).toBe(expected);
  });

  it.each([["龍"], ["竜"], ["峯"], ["峰"], ["籠"], ["舘"], ["佐藤"], [""]])("leaves %j alone", (input) => {
    expect(normalizeVariantKanji(input)).toBe(input);
  });

  it("has 𠮷 as one code point (two UTF-16 units)", () => {
    const entry = VARIANT_KANJI_TABLE.find((e) => e.standard === "吉");
    expect(entry?.variant.length).toBe(2);
    expect([...(entry?.variant ?? "")]).toHaveLength(1);
  });
});

describe("VARIANT_KANJI_TABLE", () => {
  it("maps single code points to different single code points, each variant once", () => {
    const variants = new Set<string>();
    for (const { variant, standard } of VARIANT_KANJI_TABLE) {
      expect([...variant]).toHaveLength(1);
      expect([...standard]).toHaveLength(1);
      expect(variant).not.toBe(standard);
      expect(variants.has(variant)).toBe(false);
      variants.add(variant);
    }
    expect(VARIANT_KANJI.size).toBe(VARIANT_KANJI_TABLE.length);
  });

  it("holds variants that NFKC does not already change, and standards that the table does not map again", () => {
    for (const { variant, standard } of VARIANT_KANJI_TABLE) {
      expect(variant.normalize("NFKC")).toBe(variant);
      expect(VARIANT_KANJI.has(standard)).toBe(false);
    }
  });

  it("does not map kanji that are common surnames in both forms", () => {
    for (const kanji of ["龍", "竜", "峯", "渕", "舘", "曾", "籠"]) expect(VARIANT_KANJI.has(kanji)).toBe(false);
  });
});
