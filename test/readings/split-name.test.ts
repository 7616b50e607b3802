import { describe, expect, it } from "vitest";
import { lookupKey, splitFullName } from "../../src/readings/split-name.js";
import { bundledNameDictionary } from "../../src/readings/name-dictionary.js";

const dictionary = bundledNameDictionary();

describe("splitFullName", () => {
  it.each([
    // name as written, reading (hiragana, no space) or "", surname, given, method
    ["佐藤　花子", "", "佐藤", "花子", "separator"],
    ["佐藤 花子", "", "佐藤", "花子", "separator"],
    ["勅使河原　三郎", "", "勅使河原", "三郎", "separator"],
    ["佐藤花子", "", "佐藤", "花子", "dictionary"],
    ["長谷川健", "", "長谷川", "健", "dictionary"],
    ["東海林太郎", "しょうじたろう", "東海林", "太郎", "dictionary"],
    ["松野", "", "松野", "", "dictionary"],
    ["林健", "", "林", "健", "dictionary"],
  ])("%s (%s) → %s / %s by %s", (name, reading, surname, given, method) => {
    const split = splitFullName(name, dictionary, reading || undefined);
    expect([split.surname, split.given, split.method]).toEqual([surname, given, method]);
  });

  it("splits kanji followed by kana where the script changes (小鳥遊ひなた)", () => {
    expect(splitFullName("小鳥遊ひなた", dictionary)).toMatchObject({ surname: "小鳥遊", given: "ひなた", method: "script" });
  });

  it.each([
    ["林昌平", "はやししょうへい", true],
    ["長谷川文子", "はせがわふみこ", true],
    ["長谷川文子", "", false],
    ["佐藤花子", "さとうはなえ", false], // 花子 read はなえ: the dictionary does not confirm it
  ])("%s with reading %s: split confirmed by the reading = %s", (name, reading, confirmed) => {
    expect(splitFullName(name, dictionary, reading || undefined).confirmedByReading).toBe(confirmed);
  });

  it("lists the other places a name without a space could be split", () => {
    const split = splitFullName("東海林太郎", dictionary);
    expect(split.surname).toBe("東海林");
    expect(split.otherSurnames).toContain("東");
  });

  it("takes the whole name as the surname when no surname is known and there is no space", () => {
    expect(splitFullName("ンジョロゲ", dictionary)).toMatchObject({ surname: "ンジョロゲ", given: "", method: "whole" });
  });
});

describe("lookupKey: variant kanji as rosters hold them are found under their common form", () => {
  it.each([
    ["髙橋", "高橋"],
    ["山﨑", "山崎"],
    ["𠮷田", "吉田"],
    ["渡邊", "渡辺"],
    ["齋藤", "斎藤"],
  ])("%s → %s", (variant, common) => {
    expect(lookupKey(variant)).toBe(common);
    expect(dictionary.surname(lookupKey(variant)).length).toBeGreaterThan(0);
  });
});
