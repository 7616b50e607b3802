import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

const folder = mkdtempSync(join(tmpdir(), "nafuda-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI as a user would (through tsx, from the sources). */
function nafuda(...args: string[]) {
  return spawnSync(process.execPath, [COMPILED_CLI, ...args], {
    encoding: "utf8",
    cwd: folder,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
}

describe("nafuda readings", () => {
  const roster = join(folder, "roster.csv");
  writeFileSync(roster, "職員番号,氏名,フリガナ,所属\r\nA1,佐藤　花子,サトウ　ハナコ,総務課\r\nA2,河野　一郎,,市民課\r\nA3,,,税務課\r\nA4,=1+1　太郎,,税務課\r\n");

  it("prints the documented JSON contract", () => {
    const run = nafuda("readings", roster, "--format", "json");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ total: 4, review: 1, errors: 2 }); // 河野 has two readings; row 3 is empty; =1+1 has none
    const sato = report.staff.find((s: { id: string }) => s.id === "A1");
    expect(sato).toEqual({
      row: 1, sheetRow: 2, id: "A1", name: "佐藤　花子", surname: "佐藤", kana: "さとう", printedKana: "さとう", romaji: "Sato",
      source: "roster", review: false, reasons: [], reasonCodes: [], alternatives: [],
    });
    const empty = report.staff.find((s: { row: number }) => s.row === 3);
    expect(empty).toMatchObject({ sheetRow: 4, code: "ROW_NAME_EMPTY", error: "「氏名」列：氏名が空です。氏名を入れるか、この行を削除してください。" });
    expect(run.stderr).toMatch(/の 4 行目・「氏名」列：/);
  });

  it("writes a review sheet, and with --strict exits 1 while rows need review", () => {
    const run = nafuda("readings", roster, "-o", "review.csv", "--strict");
    expect(run.status).toBe(1);
    const sheet = readFileSync(join(folder, "review.csv"), "utf8");
    expect(sheet.startsWith("\uFEFF")).toBe(true);
    expect(sheet).toContain("'=1+1　太郎"); // formula neutralised
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("takes the corrected sheet back as confirmed readings: nothing asked again", () => {
    const sheet = readFileSync(join(folder, "review.csv"), "utf8").replace(/要確認/g, "").replace(/,こうの,/, ",かわの,");
    writeFileSync(join(folder, "confirmed.csv"), sheet);
    const run = nafuda("readings", roster, "--overrides", "confirmed.csv", "--format", "json");
    const report = JSON.parse(run.stdout);
    expect(report.staff.find((s: { id: string }) => s.id === "A2")).toMatchObject({ kana: "かわの", source: "override", review: false });
    expect(report.summary.review).toBe(0);
  });

  it("names the file when it is missing, and exits 2", () => {
    const run = nafuda("readings", "nope.csv");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nope.csv");
  });
});
