/** --print-shop, --date, --one-size-per-file, --poster-layout and calibrate on the command line (issue 13), as people run nafuda. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";
import { printCheck } from "../pdf/print-check.js";

const root = packageRoot();
const work = mkdtempSync(join(tmpdir(), "nafuda-print-shop-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
function nafuda(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [COMPILED_CLI, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "", ...env } });
}

describe("print-shop options on the command line", () => {
  it("badges --print-shop --date: PDF/X-1a, one badge a page with bleed and crop marks, the date given", async () => {
    const output = join(work, "badges.pdf");
    const run = nafuda(["badges", "examples/roster.csv", "-o", output, "--allow-unreviewed", "--print-shop", "--date", "2025-04-01"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/名札 72 枚、72 ページ（single）→ /);
    const bytes = readFileSync(output);
    expect((await printCheck(bytes, { pdfx: true })).problems).toEqual([]);
    expect(bytes.toString("latin1")).toContain("/CreationDate (D:20250401000000Z)");
    const bad = nafuda(["badges", "examples/roster.csv", "-o", join(work, "bad.pdf"), "--allow-unreviewed", "--print-shop", "--date", "2025/04/01"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("文書の日付「2025/04/01」が読めません。");
  }, 60_000);

  it("posters --print-shop --one-size-per-file --sizes A3 B2: ASCII file names, PDF/X, SOURCE_DATE_EPOCH; --crop-marks alone brings bleed", async () => {
    const list = join(work, "list.csv");
    writeFileSync(list, "施設名,施設コード,対策,サイズ\n本庁舎 市民課窓口,HQ,police pairs,A3\n中央図書館,,police,B2\n");
    const output = join(work, "posters");
    const run = nafuda(["posters", list, "--policy", "examples/policy.yaml", "-o", output, "--as-of", "2025-03-01", "--print-shop", "--one-size-per-file"], { SOURCE_DATE_EPOCH: "1735689600" });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(output).sort()).toEqual(["F003_B2.pdf", "HQ_A3.pdf", "_order-manifest.csv", "_order-summary.pdf"]);
    // Each ASCII name is said with the facility it holds and its one size; two facilities, not two files, are counted.
    expect(run.stderr).toContain("  HQ_A3.pdf  本庁舎 市民課窓口（A3）\n");
    expect(run.stderr).toContain("  F003_B2.pdf  中央図書館（B2）\n");
    expect(run.stderr).toMatch(/^2 施設、/m);
    const a3 = readFileSync(join(output, "HQ_A3.pdf"));
    expect((await printCheck(a3, { pdfx: true })).problems).toEqual([]);
    expect(a3.toString("latin1")).toContain("/CreationDate (D:20250101000000Z)");
    expect(readFileSync(join(output, "_order-manifest.csv"), "utf8")).toContain("本庁舎 市民課窓口,A3,297×420,1,HQ_A3.pdf,1,ポスター,2025-03-01");

    const marks = join(work, "marks");
    const crop = nafuda(["posters", list, "--policy", "examples/policy.yaml", "-o", marks, "--as-of", "2025-03-01", "--crop-marks", "--sizes", "A4"]);
    expect(crop.status, crop.stderr).toBe(0);
    const text = readFileSync(join(marks, "中央図書館.pdf")).toString("latin1");
    expect(text).toMatch(/\/BleedBox \[/);
    expect(text).not.toContain("/OutputIntents");
  }, 90_000);

  it("signs --print-shop: the card and the sticker as PDF/X with crop marks", async () => {
    const output = join(work, "signs");
    const run = nafuda(["signs", "examples/facilities.csv", "--policy", "examples/policy.yaml", "-o", output, "--as-of", "2025-03-01", "--print-shop"]);
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(output).filter((f) => f.endsWith(".pdf") && !f.startsWith("_"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files.slice(0, 2)) expect((await printCheck(readFileSync(join(output, file)), { pdfx: true })).problems, file).toEqual([]);
  }, 60_000);

  it("calibrate --lang en writes the sheet", () => {
    const output = join(work, "cal.pdf");
    const run = nafuda(["calibrate", "--sheet", "a4-10up", "-o", output, "--lang", "en"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Wrote the calibration sheet (a4-10up) to ${output}. Print it at actual size (100 %) and measure as the sheet says.\n`);
  }, 30_000);
});
