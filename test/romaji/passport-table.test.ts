import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { texts } from "../helpers/errors.js";
import { isPrintableKana } from "../../src/kana/kana-classes.js";
import { romanizeDetailed } from "../../src/romaji/romanize.js";

const file = fileURLToPath(new URL("../../bench/data/romaji-passport.tsv", import.meta.url));
const lines = readFileSync(file, "utf8").trimEnd().split("\n");
const rows = lines.slice(1).map((line) => line.split("\t"));

describe("bench/data/romaji-passport.tsv", () => {
  it("has a header and at least 150 well-formed rows", () => {
    expect(lines[0]).toBe("kanji\treading\tpassport");
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const row of rows) {
      expect(row, row.join(" ")).toHaveLength(3);
      const [kanji, reading, passport] = row as [string, string, string];
      expect(kanji).toMatch(/^\p{Script=Han}+$/u);
      expect(isPrintableKana(reading), reading).toBe(true);
      expect(passport).toMatch(/^[A-Z]+$/);
    }
  });

  it("has no duplicate kanji + reading", () => {
    const keys = rows.map(([kanji, reading]) => `${kanji}/${reading}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // Kana rules must either give the table's spelling or say that the spelling is in doubt and name
  // the table's spelling as the other possibility: never a silent wrong badge.
  it.each(rows)("%s %s: kana rules give %s or flag it", (_kanji, reading, passport) => {
    const result = romanizeDetailed(reading!, { case: "upper" });
    if (result.romaji !== passport) {
      expect(result.ambiguous).toBe(true);
      expect(texts(result.reasons).join("\n")).toContain(passport);
    }
  });
});
