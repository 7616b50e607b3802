/**
 * Issue 10, badges --split-by. Before: groups whose names differ only in Unicode normalisation or case got one file
 * name ("3 badges in 2 PDF(s)", one PDF on disk: the second overwrote the first); `--split-by constructor` reached
 * "is not a function"; a column the roster does not have silently made one file of everybody.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderBadgesSplit } from "../../src/badges/split.js";
import { staff } from "../badges/staff-fixture.js";
import { thrownBy } from "../helpers/errors.js";
import { leftovers, nafuda } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-hardening-split-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const nfc = "総務課ガス係";
const nfd = nfc.normalize("NFD");

describe("--split-by: one file per group, none overwritten", () => {
  it("the library gives NFC/NFD, half/full-width and upper/lower-case groups names that differ after NFKC and case folding", async () => {
    const people = [
      staff(1, "松野", "まつの", "Matsuno", nfc),
      staff(2, "林", "はやし", "Hayashi", nfd),
      staff(3, "伊藤", "いとう", "Ito", "ｿｳﾑ"),
      staff(4, "大野", "おおの", "Ono", "ソウム"),
      staff(5, "東", "ひがし", "Higashi", "Soumu"),
      staff(6, "西", "にし", "Nishi", "SOUMU"),
    ];
    const split = await renderBadgesSplit(people, "所属", { template: "standard" });
    expect(split.files).toHaveLength(6);
    expect(new Set(split.files.map((f) => f.fileName.normalize("NFKC").toLowerCase())).size).toBe(6);
  });

  it("the CLI writes as many PDFs as it counts: 3 badges in 3 PDFs, all three on disk", () => {
    const folder = join(work, "nfc-nfd");
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "roster.csv"),
      `職員番号,氏名,フリガナ,所属\r\n1,佐藤　花子,サトウ　ハナコ,${nfc}\r\n2,鈴木　一郎,スズキ　イチロウ,${nfd}\r\n3,田中　次郎,タナカ　ジロウ,SOUMU\r\n`,
    );
    const run = nafuda(folder, ["badges", "roster.csv", "--split-by", "所属", "-o", "out"]);
    expect(run.status, run.stderr).toBe(0);
    const pdfs = readdirSync(join(folder, "out")).filter((name) => name.endsWith(".pdf"));
    expect(pdfs).toHaveLength(3);
    const index = readFileSync(join(folder, "out", "index.csv"), "utf8").trimEnd().split("\r\n").slice(1);
    expect(index).toHaveLength(3);
    expect(index.map((line) => line.split(",")[1]).sort()).toEqual([...pdfs].sort());
    expect(leftovers(folder)).toEqual([]);
  });
});

describe("--split-by a column the roster does not have", () => {
  const roster = "職員番号,氏名,フリガナ,所属\r\n1,佐藤　花子,サトウ　ハナコ,総務課\r\n2,鈴木　一郎,スズキ　イチロウ,市民課\r\n";

  it.each(["部門", "constructor", "__proto__", "toString"])("the library: %s is BADGES_SPLIT_UNKNOWN_COLUMN listing the roster's columns", async (by) => {
    const people = [staff(1, "松野", "まつの", "Matsuno", "総務課")];
    const error = await thrownBy(() => renderBadgesSplit(people, by, { template: "standard" }));
    expect(error.code).toBe("BADGES_SPLIT_UNKNOWN_COLUMN");
    expect(error.message).toContain(`名簿に「${by}」の列がないため`);
    expect(error.message).toContain("名簿の列：「氏名」「所属」。");
  });

  it.each(["部門", "constructor"])("the CLI: --split-by %s exits 2 naming the roster's columns, writes nothing", (by) => {
    const folder = join(work, `unknown-${by}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "roster.csv"), roster);
    const run = nafuda(folder, ["badges", "roster.csv", "--split-by", by, "-o", "out"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`名簿に「${by}」の列がないため`);
    expect(run.stderr).toContain("「職員番号」「氏名」「フリガナ」「所属」");
    expect(run.stderr).not.toMatch(/is not a function|\n\s+at /);
    expect(readdirSync(folder)).toEqual(["roster.csv"]);
  });
});
