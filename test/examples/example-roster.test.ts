import { describe, expect, it } from "vitest";
import { loadRoster } from "../../src/roster/load-roster.js";
import { createReadingResolver, resolveReadings } from "../../src/readings/resolve.js";
import { katakanaToHiragana } from "../../src/kana/to-hiragana.js";
import { bundledPath } from "../../src/package-root.js";
import { PEOPLE } from "../../scripts/make-example-roster.js";

/**
 * The bundled example roster is a specification too: every one of its 72 fictional staff must get the surname
 * reading the roster's author intended (PEOPLE in scripts/make-example-roster.ts), whether it comes from the
 * roster's フリガナ, the dictionaries, or — for the two the tool rightly cannot be sure of — the example
 * confirmed readings file.
 */
describe.each(["roster.csv", "roster-utf8.csv", "roster.xlsx"])("examples/%s", (file) => {
  it("asks about exactly the surnames it cannot be sure of, and prints the intended reading for everyone", async () => {
    const roster = await loadRoster(bundledPath("examples", file));
    const result = await resolveReadings(roster.records, createReadingResolver({ analyzer: false, overrides: { file: null, rows: [], errors: [] } }));
    expect(result.errors).toEqual([]);
    expect(result.staff.filter((s) => s.review).map((s) => s.surname)).toEqual(["小鳥遊", "中島"]);
    // さんぺい is an attested reading of 三瓶 (JUMAN's surnames): the roster's サンペイ is printed without asking.
    expect(result.staff.find((s) => s.surname === "三瓶")).toMatchObject({ kana: "さんぺい", romaji: "Sampei", source: "roster", review: false });
    expect(result.staff.map((s) => s.kana)).toEqual(PEOPLE.map((p) => katakanaToHiragana(p[2])));
  });

  it("needs no review with the example confirmed readings file", async () => {
    const roster = await loadRoster(bundledPath("examples", file));
    const resolver = createReadingResolver({ analyzer: false, overrides: bundledPath("examples", "confirmed-readings.csv") });
    const result = await resolveReadings(roster.records, resolver);
    expect(result.staff.filter((s) => s.review)).toEqual([]);
    expect(result.staleOverrides).toEqual([]);
    expect(result.staff.find((s) => s.surname === "三瓶")).toMatchObject({ kana: "さんぺい", romaji: "Sampei", source: "override" });
  });
});
