import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledNameDictionary, parseNameTable } from "../../src/readings/name-dictionary.js";
import { extractIpadicNames } from "../../scripts/extract-ipadic-names.js";
import { extractJumanSurnames, jumanInstalled } from "../../scripts/extract-juman-surnames.js";
import { extractOtherReadings } from "../../scripts/extract-other-readings.js";
import { extractUnidicSurnames, unidicInstalled } from "../../scripts/extract-unidic-surnames.js";
import { bundledPath } from "../../src/package-root.js";

const shipped = (file: string) => readFileSync(bundledPath("data", file), "utf8");

describe("the IPADIC name table shipped in data/", () => {
  it("is exactly what the installed kuromoji dictionary holds (regenerate with scripts/extract-ipadic-names.ts)", () => {
    expect(shipped("ipadic-names.tsv")).toBe(extractIpadicNames());
  });

  const dictionary = bundledNameDictionary();
  it.each([
    // surname, readings most common first (as the dictionary's cost orders them), pronunciation of the first
    ["佐藤", ["さとう"], "サトー"],
    ["井上", ["いのうえ"], "イノウエ"],
    ["大内", ["おおうち"], "オーウチ"],
    ["横尾", ["よこお"], "ヨコオ"],
    ["飯田", ["いいだ"], "イーダ"],
    ["中島", ["なかじま", "なかしま"], "ナカジマ"],
    ["菅", ["かん", "すが", "すげ"], "カン"],
    ["東海林", ["しょうじ"], "ショージ"],
  ])("%s reads %j", (surname, readings, pronunciation) => {
    const entries = dictionary.surname(surname);
    expect(entries.map((e) => e.reading)).toEqual(readings);
    expect(entries[0]!.pronunciation).toBe(pronunciation);
  });

  it("knows given names separately from surnames", () => {
    expect(dictionary.givenName("花子").map((e) => e.reading)).toContain("はなこ");
    expect(dictionary.surname("花子")).toEqual([]);
  });

  it("keeps the cheaper entry when a reading is listed twice and orders by cost", () => {
    const table = parseNameTable(["sei\t東\tヒガシ\tヒガシ\t900", "sei\t東\tアズマ\tアズマ\t500", "sei\t東\tヒガシ\tヒガシ\t950"].join("\n"));
    expect(table.surname("東").map((e) => [e.reading, e.cost])).toEqual([["あずま", 500], ["ひがし", 900]]);
  });
});

describe("the UniDic surname table shipped in data/", () => {
  // Skipped, and says so, where UniDic is not installed: apt-get install unidic-mecab.
  it.skipIf(!unidicInstalled())(
    "is exactly what the installed UniDic lexicon holds (needs Debian unidic-mecab; regenerate with scripts/extract-unidic-surnames.ts)",
    async () => {
      expect(shipped("unidic-surnames.tsv")).toBe(await extractUnidicSurnames());
    },
  );
});

describe("JUMAN's common surnames and the place and word readings shipped in data/", () => {
  // Skipped, and says so, where JUMAN is not installed: apt-get install juman-dic.
  it.skipIf(!jumanInstalled())("juman-surnames.tsv is exactly what the installed JUMAN dictionary holds (needs Debian juman-dic)", () => {
    expect(shipped("juman-surnames.tsv")).toBe(extractJumanSurnames());
  });
  it.skipIf(!jumanInstalled())("place-and-word-readings.tsv is exactly what IPADIC (kuromoji) and JUMAN hold (needs Debian juman-dic)", () => {
    expect(shipped("place-and-word-readings.tsv")).toBe(extractOtherReadings());
  });

  const dictionary = bundledNameDictionary();
  it("lists the 1,500 commonest surnames with every reading in real use and how many people bear them", () => {
    expect(dictionary.commonSurname!("鈴木")).toEqual([{ surface: "鈴木", reading: "すずき", rank: 1, perMillion: 9610 }]);
    expect(dictionary.commonSurname!("角田").map((e) => e.reading).sort()).toEqual(["かくた", "かどた", "つのだ"]);
    expect(dictionary.commonSurname!("松林").map((e) => e.reading)).toEqual(["まつばやし"]);
    expect(new Set(shipped("juman-surnames.tsv").trim().split("\n").map((l) => l.split("\t")[0])).size).toBe(1498);
  });
  it("tells a town's or a word's reading from a surname's (三戸 さんのへ is the town in Aomori; 林 りん is a word)", () => {
    expect(dictionary.otherReadings!("三戸")).toContainEqual({ reading: "さんのへ", kinds: ["place", "town"] });
    expect(dictionary.otherReadings!("林").find((o) => o.reading === "りん")?.kinds).toEqual(["word"]);
    expect(dictionary.otherReadings!("東海林")).toEqual([]);
  });
  it("parses the optional tables, and does without them", () => {
    const table = parseNameTable("sei\t林\tハヤシ\tハヤシ\t7571\n", "", {
      commonSurnames: "林\tはやし\t21\t4190\n",
      otherReadings: "林\tりん\tword\n",
    });
    expect(table.commonSurname!("林")).toEqual([{ surface: "林", reading: "はやし", rank: 21, perMillion: 4190 }]);
    expect(table.otherReadings!("林")).toEqual([{ reading: "りん", kinds: ["word"] }]);
    expect([...table.surnames!()]).toEqual(["林"]);
    const bare = parseNameTable("sei\t林\tハヤシ\tハヤシ\t7571\n");
    expect([bare.commonSurname!("林"), bare.otherReadings!("林")]).toEqual([[], []]);
  });
});
