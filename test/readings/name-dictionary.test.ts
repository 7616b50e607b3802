import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledNameDictionary, parseNameTable } from "../../src/readings/name-dictionary.js";
import { extractIpadicNames } from "../../scripts/extract-ipadic-names.js";
import { bundledPath } from "../../src/package-root.js";

describe("the IPADIC name table shipped in data/", () => {
  it("is exactly what the installed kuromoji dictionary holds (regenerate with scripts/extract-ipadic-names.ts)", () => {
    expect(readFileSync(bundledPath("data", "ipadic-names.tsv"), "utf8")).toBe(extractIpadicNames());
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
