import { describe, expect, it } from "vitest";
import { fieldText, groupStaff, sortForHandout } from "../../src/badges/fields.js";
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
