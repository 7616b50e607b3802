import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { packageRoot } from "../../src/package-root.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

const root = packageRoot();
function nafuda(...args: string[]) {
  return spawnSync(process.execPath, [COMPILED_CLI, ...args], { cwd: root, encoding: "utf8" });
}

describe("nafuda badges", () => {
  const out = mkdtempSync(join(tmpdir(), "nafuda-badges-"));

  it("refuses to print while readings need review, listing them", () => {
    const run = nafuda("badges", "examples/roster.csv", "-o", join(out, "refused.pdf"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^nafuda: まだ確認が済んでいない読みが 2 人分あるため、印刷しません：$/m);
    expect(run.stderr).toContain("  16 行目：小鳥遊ひなた → たかなし / Takanashi — 氏名に空白がないため、漢字とかなの境目で姓を「小鳥遊」としました。");
    expect(run.stderr).toContain("  22 行目：中島　隆 → なかじま / Nakajima（ほかの読み：なかしま） — 濁るかどうか（なかじま／なかしま）を決める根拠が足りません。");
    expect(run.stderr).not.toContain("三瓶"); // さんぺい is attested: the roster's reading is printed
    expect(run.stderr).toMatch(/確認しないまま印刷するなら --allow-unreviewed をつけます。/);
    const english = nafuda("badges", "examples/roster.csv", "-o", join(out, "refused.pdf"), "--lang", "en");
    expect(english.stderr).toMatch(/not printing: 2 reading\(s\) still need review/);
    expect(english.stderr).toMatch(/row 22: 中島　隆 → なかじま \/ Nakajima \(or なかしま\)/);
    expect(existsSync(join(out, "refused.pdf"))).toBe(false);
  }, 60_000);

  it("prints with --allow-unreviewed, and splits by 所属 with an index", async () => {
    const run = nafuda("badges", "examples/roster.csv", "-o", join(out, "all.pdf"), "--allow-unreviewed", "--offset-x", "0.5", "--start-at", "3");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/名札 72 枚、8 ページ（a4-10up）→ /);
    const doc = await PDFDocument.load(readFileSync(join(out, "all.pdf")));
    expect(doc.getPageCount()).toBe(8);

    const split = nafuda("badges", "examples/roster.csv", "-o", join(out, "by-section.pdf"), "--allow-unreviewed", "--split-by", "所属");
    expect(split.status, split.stderr).toBe(0);
    const index = readFileSync(join(out, "by-section", "index.csv"), "utf8");
    const lines = index.trimEnd().split(/\r\n/);
    expect(lines[0]).toBe("\uFEFF所属,ファイル,名札の数,ページ数");
    const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[2]), 0);
    expect(total).toBe(72);
    for (const line of lines.slice(1)) expect(existsSync(join(out, "by-section", line.split(",")[1]!))).toBe(true);
  }, 60_000);

  it("refuses a template that does not fit the sheet, with the numbers", () => {
    const run = nafuda("badges", "examples/roster.csv", "-o", join(out, "no.pdf"), "--allow-unreviewed", "--sheet", "a4-8up-card");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/91 × 55 mm .* 85\.6 × 54 mm/);
  }, 60_000);
});
