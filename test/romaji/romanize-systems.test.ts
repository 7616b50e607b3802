import { describe, expect, it } from "vitest";
import { toRomaji } from "wanakana";
import { romanize, romanizeDetailed } from "../../src/romaji/romanize.js";
import { hiraganaToKatakana } from "../../src/kana/to-hiragana.js";

// [reading, pronunciation or "", hepburn, kunrei, kana]
const TABLE: readonly (readonly [string, string, string, string, string])[] = [
  ["さとう", "サトー", "Satō", "Satô", "Satou"],
  ["おおの", "オーノ", "Ōno", "Ôno", "Oono"],
  ["ゆうこ", "ユーコ", "Yūko", "Yûko", "Yuuko"],
  ["いのうえ", "イノウエ", "Inoue", "Inoue", "Inoue"],
  ["おおうち", "オーウチ", "Ōuchi", "Ôuti", "Oouchi"],
  ["いいだ", "イーダ", "Iida", "Iida", "Iida"],
  ["さんぺい", "サンペー", "Sanpei", "Sanpei", "Sanpei"],
  ["なんば", "", "Nanba", "Nanba", "Nanba"],
  ["ほんま", "", "Honma", "Honma", "Honma"],
  ["しんや", "", "Shin'ya", "Sin'ya", "Shin'ya"],
  ["しんいち", "", "Shin'ichi", "Sin'iti", "Shin'ichi"],
  ["ほっち", "", "Hotchi", "Hotti", "Hotchi"],
  ["はっとり", "", "Hattori", "Hattori", "Hattori"],
  ["しょうじ", "ショージ", "Shōji", "Syôzi", "Shouji"],
  ["ちゅうじょう", "チュージョー", "Chūjō", "Tyûzyô", "Chuujou"],
  ["じゃはな", "", "Jahana", "Zyahana", "Jahana"],
  ["ちゃたに", "", "Chatani", "Tyatani", "Chatani"],
  ["つちや", "", "Tsuchiya", "Tutiya", "Tsuchiya"],
  ["ふくし", "", "Fukushi", "Hukusi", "Fukushi"],
  ["もちづき", "", "Mochizuki", "Motizuki", "Mochizuki"],
  ["ちぢわ", "", "Chijiwa", "Tiziwa", "Chijiwa"],
  ["をの", "", "Ono", "Ono", "Wono"],
  ["ゔ", "", "Vu", "Vu", "Vu"],
  ["にーな", "", "Nīna", "Nîna", "Niina"],
  ["よこお", "ヨコオ", "Yokoo", "Yokoo", "Yokoo"],
];

describe.each([
  ["hepburn", 2],
  ["kunrei", 3],
  ["kana", 4],
] as const)("%s", (system, column) => {
  it.each(TABLE)("%s", (...row) => {
    const [reading, pronunciation] = row;
    const options = pronunciation === "" ? { system } : { system, pronunciation };
    expect(romanize(reading, options)).toBe(row[column]);
  });
});

describe("upper case", () => {
  it.each([
    ["さとう", "passport", "SATO"],
    ["さとう", "hepburn", "SATŌ"],
    ["さとう", "kunrei", "SATÔ"],
    ["さとう", "kana", "SATOU"],
    ["まつの", "passport", "MATSUNO"],
  ] as const)("%s in %s → %s", (reading, system, expected) => {
    expect(romanize(reading, { system, case: "upper" })).toBe(expected);
  });
});

describe("kana system is never ambiguous (it spells the kana as typed)", () => {
  it.each(["こうら", "おおうち", "いのうえ"])("%s", (reading) => {
    expect(romanizeDetailed(reading, { system: "kana" }).ambiguous).toBe(false);
  });
});

describe("hepburn and kunrei flag aa/ee pairs that kana cannot decide", () => {
  it("なかあら is two vowels by default, flagged", () => {
    const result = romanizeDetailed("なかあら", { system: "hepburn" });
    expect(result.romaji).toBe("Nakaara");
    expect(result.ambiguous).toBe(true);
    expect(romanizeDetailed("なかあら").ambiguous).toBe(false); // passport writes aa either way
  });
});

describe("kana system agrees with wanakana.toRomaji on plain kana", () => {
  // Katakana input: wanakana then reads ー as the vowel before it, like we do.
  it.each([
    "さとう", "おおの", "しょうじ", "はっとり", "ほっち", "しんや", "ほんま", "つちや", "もちづき",
    "ちぢわ", "じゃはな", "きゃん", "をの", "ゐの", "ゑびす", "ゔ", "にーな", "ちゅうじょう", "りゅう",
  ])("%s", (reading) => {
    const ours = romanize(reading, { system: "kana" });
    expect(ours).toBe(capitalize(toRomaji(hiraganaToKatakana(reading))));
  });
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
