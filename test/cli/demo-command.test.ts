import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

const folder = mkdtempSync(join(tmpdir(), "nafuda-demo-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("nafuda demo (what `npm run demo` runs)", () => {
  it("makes the review sheets, three badge PDFs and a poster per facility from the bundled examples", () => {
    const run = spawnSync(process.execPath, [COMPILED_CLI, "demo", "-o", folder], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(["badges-a4-10up.pdf", "badges-card.pdf", "badges-print-shop.pdf", "posters", "review-confirmed.csv", "review.xlsx"]);
    for (const pdf of files.filter((f) => f.endsWith(".pdf"))) expect(statSync(join(folder, pdf)).size).toBeGreaterThan(10_000);
    const posters = readdirSync(join(folder, "posters"));
    expect(posters).toContain("_order-manifest.csv");
    expect(posters.filter((f) => f.endsWith(".pdf") && !f.startsWith("_")).length).toBeGreaterThanOrEqual(8);
    // The recording signs go to the same order: tent cards and phone stickers, in the same manifest.
    expect(posters).toContain("本庁舎_税務課窓口__窓口標識.pdf");
    expect(posters).toContain("本庁舎_税務課窓口__電話シール.pdf");
    expect(readFileSync(join(folder, "posters", "_order-manifest.csv"), "utf8")).toMatch(/本庁舎 税務課窓口,.*本庁舎_税務課窓口\.pdf[\s\S]*本庁舎_税務課窓口__電話シール\.pdf/);
    expect([...files, ...posters].filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(run.stderr).toContain("72 人：確認が必要 2 人、エラー 0 件");
    expect(run.stderr).toContain("72 人：確認が必要 0 人、エラー 0 件");
  }, 120_000);
});
