import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeVariantKanji, VARIANT_KANJI, VARIANT_KANJI_TABLE } from "../../src/names/variant-kanji.js";
import { createReadingResolver } from "../../src/readings/resolve.js";
import { staffRecord } from "../readings/fixtures.js";

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

describe("the family-name forms rosters hold (issue 15), each looked up under its common form and read", () => {
  const resolver = createReadingResolver({ analyzer: false, overrides: { file: null, rows: [], errors: [] } });
  it.each([
    // surname as the roster holds it, its common form, the reading the sources give
    ["高\u{2363A}", "高橋", "たかはし"], // 𣘺 U+2363A, JIS X 0213 2-15-35, outside the BMP
    ["\u{2363A}本", "橋本", "はしもと"],
    ["槗本", "橋本", "はしもと"], // 槗 U+69D7
    ["舩橋", "船橋", "ふなばし"],
    ["靍田", "鶴田", "つるた"],
    ["靏岡", "鶴岡", "つるおか"],
    ["\u{266B0}田", "脇田", "わきた"], // 𦚰 U+266B0
    ["足逹", "足達", "あだち"],
    ["隝田", "島田", "しまだ"],
    ["溪口", "渓口", "たにぐち"],
    ["杤木", "栃木", "とちぎ"],
    ["澁谷", "渋谷", "しぶや"],
    ["瀧本", "滝本", "たきもと"],
    ["圓山", "円山", "まるやま"],
    ["萬田", "万田", "まんだ"],
    ["兒玉", "児玉", "こだま"],
    ["來栖", "来栖", "くるす"],
    ["與那覇", "与那覇", "よなは"],
    ["小埜", "小野", "おの"],
    ["淺野", "浅野", "あさの"],
    ["穗積", "穂積", "ほづみ"],
    ["莊司", "荘司", "しょうじ"],
    ["蘆田", "芦田", "あしだ"],
    ["本鄕", "本郷", "ほんごう"],
    ["橋\u{E0100}本", "橋本", "はしもと"], // an IVS (橋 with a variation selector) as Windows 10 and 戸籍 systems write it
  ])("%s → %s → %s", async (surname, common, kana) => {
    expect(normalizeVariantKanji(surname)).toBe(common);
    const r = await resolver.resolve(staffRecord(1, `${surname}　一郎`));
    expect(r).toMatchObject({ surname, kana });
  });

  it.each([
    ["桺田", "柳田"], ["曻", "昇"], ["豐田", "豊田"], ["飛驒", "飛騨"], ["寳田", "宝田"], ["寶田", "宝田"], ["壽", "寿"], ["鐵", "鉄"],
    ["亞", "亜"], ["榮", "栄"], ["實", "実"], ["靜", "静"], ["晉", "晋"],
  ])("%s → %s", (variant, common) => {
    expect(normalizeVariantKanji(variant)).toBe(common);
  });
});

/**
 * Where Debian's unicode-data is installed: every variant is a character of a Japanese character set (Unihan
 * kIRG_JSource: JIS X 0208, 0212, 0213; kIBMJapan: the IBM/NEC extension CP932 has, where 髙 and 﨑 live;
 * kRSAdobe_Japan1_6: the glyphs Japanese fonts have), so rosters can hold it, and every pair is one Unihan links (kJinmeiyoKanji,
 * kSemanticVariant, kZVariant, kSimplifiedVariant, kSpoofingVariant …), except those the table says it took by hand
 * from JIS X 0213 / JIS X 0212 family-name forms Unihan does not link.
 */
const UNIHAN = "/usr/share/unicode";
const unihanInstalled = existsSync(`${UNIHAN}/Unihan_Variants.txt.bz2`) && existsSync(`${UNIHAN}/Unihan_IRGSources.txt.bz2`);
describe("the table against Unihan", () => {
  it.skipIf(!unihanInstalled)("every variant is a Japanese-standard character, and every pair a variant Unihan links, or one taken by hand (needs Debian unicode-data)", () => {
    const fields = new Map<string, string[]>();
    for (const file of ["Unihan_Variants.txt.bz2", "Unihan_IRGSources.txt.bz2", "Unihan_OtherMappings.txt.bz2", "Unihan_RadicalStrokeCounts.txt.bz2", "Unihan_DictionaryLikeData.txt.bz2"]) {
      for (const line of execFileSync("bzcat", [`${UNIHAN}/${file}`], { encoding: "utf8", maxBuffer: 1 << 28 }).split("\n")) {
        if (!line.startsWith("U+")) continue;
        const [cp, field, value] = line.split("\t");
        const ch = String.fromCodePoint(parseInt(cp!.slice(2), 16));
        (fields.get(ch) ?? fields.set(ch, []).get(ch)!).push(`${field}\t${value}`);
      }
    }
    const code = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`;
    const links = (a: string, b: string) => (fields.get(a) ?? []).some((f) => /Variant|kJinmeiyoKanji/.test(f.split("\t")[0]!) && f.includes(code(b)));
    const byHand = new Set(["𣘺", "槗", "舩", "靍", "靏", "𦚰", "逹", "桺", "隝", "曻", "溪", "豐", "杤", "驒", "嶌", "濵", "澤", "濱", "邊", "邉", "齋", "桒", "靑", "淸", "𡈽"]);
    const unlinked: string[] = [];
    for (const { variant, standard } of VARIANT_KANJI_TABLE) {
      const japanese = (fields.get(variant) ?? []).some((f) => /^(kIRG_JSource|kJIS0213|kIBMJapan|kRSAdobe_Japan1_6)\t/.test(f));
      expect(japanese, `${variant} is in a Japanese character set (JIS X 0208/0212/0213, IBM's extension, Adobe-Japan1)`).toBe(true);
      if (!links(variant, standard) && !links(standard, variant)) unlinked.push(variant);
    }
    expect(unlinked.filter((v) => !byHand.has(v))).toEqual([]);
    expect([...byHand].filter((v) => !unlinked.includes(v))).toEqual([]); // the by-hand list says only what is true
  });
});
