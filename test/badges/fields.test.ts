import { describe, expect, it } from "vitest";
import { BadgeOptionError, fieldText, groupStaff, sortForHandout } from "../../src/badges/fields.js";
import { thrownBy } from "../helpers/errors.js";
import { SAMPLE, staff } from "./staff-fixture.js";

describe("fields, order and groups", () => {
  it("reads reading fields, roster columns and their record fallbacks", () => {
    const s = staff(1, "松野", "まつの", "Matsuno", "総務課", { facility: "本庁舎", title: "主事", fields: { 役職: "主事", 内線: "1234" } });
    expect(fieldText(s, "kana")).toBe("まつの");
    expect(fieldText(s, "romaji")).toBe("Matsuno");
    expect(fieldText(s, "内線")).toBe("1234");
    expect(fieldText(s, "所属")).toBe("総務課");
    expect(fieldText(s, "施設")).toBe("本庁舎");
    expect(fieldText(s, "なし")).toBe("");
  });

  it("makes one printed line: controls to spaces, zero-width characters gone", () => {
    const s = staff(1, "松野", "まつの", "Matsuno", "総務部\n総務課\u200b", { fields: { 所属: "総務部\r\n総務課\u200b", 係: "  庶務\t係  " } });
    expect(fieldText(s, "所属")).toBe("総務部 総務課");
    expect(fieldText(s, "係")).toBe("庶務 係");
  });

  it("sorts by 所属 then kana, rows without 所属 last", () => {
    const sorted = sortForHandout(SAMPLE).map((s) => s.kana);
    expect(sorted.at(-1)).toBe("はやし");
    const tax = sorted.filter((k) => ["いがらし", "いとう", "おおの"].includes(k));
    expect(tax).toEqual(["いがらし", "いとう", "おおの"]);
  });

  it("gives each group a safe, unique file name (the rules themselves: test/io/safe-file-names.test.ts)", () => {
    expect(groupStaff([staff(30, "北", "きた", "Kita", "総務課/庶務係")], "所属")[0]!.fileStem).toBe("総務課_庶務係");
    const groups = groupStaff([...SAMPLE, staff(20, "西", "にし", "Nishi", "総務課:"), staff(21, "東", "ひがし", "Higashi", "総務課?")], "所属");
    const stems = groups.map((g) => g.fileStem);
    expect(new Set(stems.map((s) => s.toLowerCase())).size).toBe(stems.length);
    expect(stems.filter((s) => s.startsWith("総務課")).length).toBe(3); // 総務課, 総務課: and 総務課? collide, told apart by a hash
    expect(groups.at(-1)).toMatchObject({ key: "", fileStem: "未設定" });
  });
});

describe("field sources that are names of Object.prototype, and sources the roster lacks", () => {
  it("reads a column named constructor, __proto__ or toString as a column, and nothing when there is none", () => {
    const s = staff(1, "松野", "まつの", "Matsuno", "総務課", { fields: JSON.parse('{"constructor":"A棟","__proto__":"B棟"}') as Record<string, string> });
    expect(fieldText(s, "constructor")).toBe("A棟");
    expect(fieldText(s, "__proto__")).toBe("B棟");
    expect(fieldText(staff(2, "林", "はやし", "Hayashi", null), "constructor")).toBe("");
    expect(fieldText(staff(2, "林", "はやし", "Hayashi", null), "toString")).toBe("");
  });

  it("groupStaff refuses a column the roster does not have, listing the roster's columns", async () => {
    for (const by of ["constructor", "__proto__", "部門"]) {
      const error = await thrownBy(() => groupStaff(SAMPLE, by));
      expect(error).toBeInstanceOf(BadgeOptionError);
      expect(error.code).toBe("BADGES_SPLIT_UNKNOWN_COLUMN");
      expect(error.params).toMatchObject({ column: by, columns: ["氏名", "所属"] });
    }
    const error = await thrownBy(() => groupStaff(SAMPLE, "部門"));
    expect(error.message).toBe("名簿に「部門」の列がないため、名札を分けられません。--split-by には名簿の列の見出し（所属、施設など）を書いてください。名簿の列：「氏名」「所属」。");
    expect(error.format("en")).toBe('the roster has no column "部門" to split the badges by: give --split-by a column header of the roster (e.g. 所属 or 施設); its columns: "氏名", "所属"');
    // A column the roster has, an alias with values (施設 → the record's facility) and the reading sources are fine.
    expect(groupStaff(SAMPLE, "所属").length).toBeGreaterThan(1);
    expect(groupStaff([staff(1, "北", "きた", "Kita", null, { facility: "本庁舎" })], "施設")).toMatchObject([{ key: "本庁舎" }]);
    expect(groupStaff(SAMPLE, "kana")).toHaveLength(SAMPLE.length);
    expect(groupStaff([], "部門")).toEqual([]);
  });
});

describe("split file names never collide where file systems fold names", () => {
  const nfc = "総務課ガス係";
  const nfd = nfc.normalize("NFD");
  it.each([
    ["NFC and NFD", [nfc, nfd]],
    ["half- and full-width katakana (NFKC)", ["ｿｳﾑ", "ソウム"]],
    ["case", ["Soumu", "SOUMU", "soumu"]],
    ["a name and one that cleans to the same stem", ["総務課", "総務課:", "総務課?"]],
  ])("%s", (_, departments) => {
    const people = departments.map((department, i) => staff(i + 1, "北", "きた", "Kita", department));
    const groups = groupStaff(people, "所属");
    expect(groups).toHaveLength(departments.length);
    const folded = groups.map((g) => `${g.fileStem}.pdf`.normalize("NFKC").toLowerCase());
    expect(new Set(folded).size).toBe(departments.length);
    // The same groups always get the same names.
    expect(groupStaff([...people].reverse(), "所属").map((g) => g.fileStem)).toEqual(groups.map((g) => g.fileStem));
  });
});
