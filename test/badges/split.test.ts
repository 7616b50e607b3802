import { describe, expect, it } from "vitest";
import { renderBadgesSplit } from "../../src/badges/split.js";
import { thrownBy } from "../helpers/errors.js";
import { SAMPLE, staff } from "./staff-fixture.js";

describe("renderBadgesSplit", () => {
  it("writes one PDF per group and an index whose headers are Japanese by default, English on request", async () => {
    const japanese = await renderBadgesSplit(SAMPLE, "所属", { template: "standard" });
    const lines = japanese.index.split("\r\n");
    expect(lines[0]).toBe("\uFEFF所属,ファイル,名札の数,ページ数");
    expect(japanese.files.reduce((sum, f) => sum + f.badges, 0)).toBe(SAMPLE.length);
    expect(lines.slice(1).filter(Boolean)).toHaveLength(japanese.files.length);
    const english = await renderBadgesSplit(SAMPLE, "所属", { template: "standard", lang: "en" });
    expect(english.index.split("\r\n")[0]).toBe("\uFEFF所属,file,badges,pages");
    expect(english.index.split("\r\n").slice(1)).toEqual(lines.slice(1));
  });

  it("gives groups whose names differ only in Unicode normalisation or case files of their own (none replaces another)", async () => {
    const people = [
      staff(1, "松野", "まつの", "Matsuno", "総務課ガス係"),
      staff(2, "林", "はやし", "Hayashi", "総務課ガス係".normalize("NFD")),
      staff(3, "伊藤", "いとう", "Ito", "Soumu"),
      staff(4, "大野", "おおの", "Ono", "SOUMU"),
    ];
    const split = await renderBadgesSplit(people, "所属", { template: "standard" });
    expect(split.files).toHaveLength(4);
    const names = split.files.map((f) => f.fileName.normalize("NFKC").toLowerCase());
    expect(new Set(names).size).toBe(4);
    expect(split.files.map((f) => f.badges)).toEqual([1, 1, 1, 1]);
  });

  it("refuses a column the roster does not have (also constructor, __proto__) before making any PDF", async () => {
    let progress = 0;
    for (const by of ["部門", "constructor", "__proto__"]) {
      const error = await thrownBy(() => renderBadgesSplit(SAMPLE, by, { template: "standard", onProgress: () => progress++ }));
      expect(error.code).toBe("BADGES_SPLIT_UNKNOWN_COLUMN");
    }
    expect(progress).toBe(0);
  });
});
