/**
 * A 50 MB roster (a fictional HR export: 200,000 staff, 12 columns), generated in a temp folder and removed.
 * `nafuda readings` must finish with the review sheet, name the one bad row at the end, stay within the
 * 1 GB memory target (peak RSS, measured in the child by a preload) and take well under 30 s.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { generateLargeRoster } from "./large-roster.js";
import { leftovers, nafuda } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-50mb-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RSS_PRELOAD = pathToFileURL(bundledPath("test", "hardening", "max-rss-preload.mjs")).href;
const MEMORY_TARGET = 1024 * 1024 * 1024;

describe("a 50 MB CSV roster", () => {
  it("is read, resolved and written as a review sheet within 1 GB and in seconds; a bad row is named", () => {
    const roster = join(work, "roster.csv");
    const rows = generateLargeRoster(roster, 50 * 1024 * 1024);
    appendFileSync(roster, "9999999,😀,,総務課,本庁舎,主事,,,,,,\r\n");
    const size = statSync(roster).size;
    expect(size).toBeGreaterThanOrEqual(50 * 1024 * 1024);

    const rssFile = join(work, "rss.json");
    const run = nafuda(work, ["readings", "roster.csv", "-o", "review.csv"], {
      nodeFlags: ["--import", RSS_PRELOAD],
      env: { NAFUDA_RSS_FILE: rssFile },
      timeout: 60_000,
    });
    const measured = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssBytes: number; seconds: number };
    console.log(`50 MB CSV (${(size / 1048576).toFixed(1)} MiB, ${rows + 1} rows): ${measured.seconds.toFixed(1)} s, peak RSS ${(measured.maxRssBytes / 1048576).toFixed(0)} MiB`);

    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`roster.csv の ${rows + 2} 行目・「氏名」列：氏名「😀」に名前に使わない文字（絵文字や記号）😀 (U+1F600)`);
    expect(run.stderr).toMatch(new RegExp(`${rows + 1} 人：確認が必要 \\d+ 人、エラー 1 件`));
    const sheet = readFileSync(join(work, "review.csv"), "utf8");
    expect(sheet.split("\r\n").length).toBe(rows + 1 + 5); // title, instructions, blank, header, rows, final line break
    expect(leftovers(work)).toEqual([]);
    expect(measured.maxRssBytes).toBeLessThan(MEMORY_TARGET);
    expect(measured.seconds).toBeLessThan(25);
  });
});
