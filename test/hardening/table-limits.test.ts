/**
 * Small hostile files against the table readers (rosters, facility lists, confirmed readings): each is refused
 * or read within a documented bound, fast, with a message naming the file (README: Limits). Time and memory are
 * checked only as generous denial-of-service ceilings, measured in the child process (speed lives in benchmarks).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, openSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { readTable } from "../../src/roster/read-table.js";
import { loadRoster } from "../../src/roster/load-roster.js";
import { DEFAULT_TABLE_LIMITS } from "../../src/roster/limits.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { formatRowError } from "../../src/model.js";
import { thrownBy } from "../helpers/errors.js";
import { leftovers, nafuda } from "./helpers.js";
import { deflatedZip, sheetXml, storedZip, workbookParts } from "./zip.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-limits-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const RSS_PRELOAD = pathToFileURL(bundledPath("test", "hardening", "max-rss-preload.mjs")).href;

/** `nafuda readings FILE` in a child, its peak RSS and time measured there. */
function readingsIn(name: string, bytes: Uint8Array | string, extra: string[] = []) {
  const folder = join(work, name.replace(/[^\w.-]/g, "_"));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), bytes);
  const rssFile = join(folder, "rss.json");
  const run = nafuda(folder, ["readings", name, "-o", "review.json", "--format", "json", ...extra], {
    nodeFlags: ["--import", RSS_PRELOAD], env: { NAFUDA_RSS_FILE: rssFile }, timeout: 120_000,
  });
  const measured = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssBytes: number; seconds: number };
  expect(leftovers(folder)).toEqual([]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return { ...run, ...measured, folder, mb: measured.maxRssBytes / 1024 / 1024 };
}

const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>氏名</t></is></c><c r="B1" t="inlineStr"><is><t>フリガナ</t></is></c></row>';
const PERSON_ROW = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>佐藤　花子</t></is></c><c r="B${r}" t="inlineStr"><is><t>サトウ　ハナコ</t></is></c></row>`;

describe("XLSX: the reader never does more work than the sheet's real content", () => {
  it("a cell reference no sheet can have (ZZZZZZZ99999999999) is a damaged workbook, said at once", async () => {
    const xlsx = storedZip(workbookParts(sheetXml(`${HEADER_ROW}<row r="2"><c r="ZZZZZZZ99999999999" t="inlineStr"><is><t>x</t></is></c></row>`)));
    const started = performance.now();
    const error = await thrownBy(() => readTable(xlsx, { fileName: "bad-ref.xlsx" }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe("TABLE_XLSX_BAD_CELL");
    expect(error.message).toMatch(/^bad-ref\.xlsx：Excel ブックのセル番地「ZZZZZZZ99999999999」が正しくありません/);
  });

  it("one cell at XFD1048576 costs one cell: that row is named, the others are read (2 KB file, in a child)", () => {
    const xlsx = deflatedZip(workbookParts(sheetXml(`${HEADER_ROW}${PERSON_ROW(2)}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`)));
    expect(xlsx.length).toBeLessThan(4096);
    const run = readingsIn("far-cell.xlsx", xlsx);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("far-cell.xlsx の 1048576 行目：この行は 1,000 列を超えて値があるため、除きました。");
    const report = JSON.parse(readFileSync(join(run.folder, "review.json"), "utf8"));
    expect(report.staff[1]).toMatchObject({ sheetRow: 2, kana: "さとう" });
    expect(run.mb).toBeLessThan(400);
    expect(run.seconds).toBeLessThan(20);
  });

  it("a zip bomb (a sheet that inflates a thousand times) stops at the inflation limit, in a child, and names the file", () => {
    const cells = `<row r="2">${'<c t="inlineStr"><is><t>a</t></is></c>'.repeat(1000)}</row>`;
    const [head, tail] = sheetXml(HEADER_ROW + "|").split("|") as [string, string];
    // ~200 MB of XML, a few hundred KB deflated.
    const bomb = Buffer.concat([Buffer.from(head), Buffer.alloc(200 * 1024 * 1024 - (200 * 1024 * 1024) % cells.length, cells), Buffer.from(tail)]);
    const xlsx = deflatedZip(workbookParts(bomb));
    expect(xlsx.length).toBeLessThan(4 * 1024 * 1024);
    const run = readingsIn("bomb.xlsx", xlsx);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^nafuda: bomb\.xlsx：Excel ブックの中身（xl\/worksheets\/sheet1\.xml）が、展開すると \d+ MB を超えます/);
    expect(run.mb).toBeLessThan(500);
    expect(run.seconds).toBeLessThan(30);
  });

  it("parts the workbook never references are never inflated (a bomb in xl/media costs nothing)", async () => {
    const unused = "0".repeat(300 * 1024 * 1024);
    const xlsx = deflatedZip(workbookParts(sheetXml(HEADER_ROW + PERSON_ROW(2)), { "xl/media/image1.png": unused }));
    const started = performance.now();
    const table = await readTable(xlsx, { fileName: "media.xlsx" });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(table.rows.map((r) => r.cells)).toEqual([["佐藤　花子", "サトウ　ハナコ"]]);
  });

  it("a zip with more parts than any workbook has is refused before anything is read", async () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i < DEFAULT_TABLE_LIMITS.xlsxMaxEntries + 1; i++) parts[`x/${i}`] = "";
    const error = await thrownBy(() => readTable(storedZip(parts), { fileName: "parts.xlsx" }));
    expect(error.code).toBe("TABLE_XLSX_TOO_MANY_ENTRIES");
  });
});

describe("JSON and CSV: bounded, linear", () => {
  it("a 4 MB JSON roster with 300 different columns per person is refused at the column limit", async () => {
    const people = Array.from({ length: 1000 }, (_, i) => Object.fromEntries([["氏名", "佐藤　花子"], ...Array.from({ length: 300 }, (_, j) => [`c${i}_${j}`, "x"])]));
    const bytes = new TextEncoder().encode(JSON.stringify(people));
    const started = performance.now();
    const error = await thrownBy(() => readTable(bytes, { fileName: "wide.json" }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ code: "TABLE_TOO_MANY_COLUMNS", file: "wide.json" });
  });

  it("a 70-million-character name is that row's error; the others are read (in a child)", () => {
    const csv = `職員番号,氏名,フリガナ\r\n1,佐藤　花子,サトウ　ハナコ\r\n2,${"長".repeat(70_000_000)},\r\n3,鈴木　一郎,スズキ　イチロウ\r\n`;
    const run = readingsIn("long-name.csv", csv);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("long-name.csv の 3 行目：セルの文字が多すぎます（70,000,000 文字、上限は Excel と同じ 32,767 文字）。");
    const report = JSON.parse(readFileSync(join(run.folder, "review.json"), "utf8"));
    expect(report.staff.filter((s: { kana?: string }) => s.kana).map((s: { kana: string }) => s.kana)).toEqual(["さとう", "すずき"]);
    expect(run.mb).toBeLessThan(2048);
    expect(run.seconds).toBeLessThan(60);
  });

  it("600 KB of blank lines and short rows is read in linear time (in a child)", () => {
    const csv = "氏名,フリガナ\r\n" + "\r\n".repeat(150_000) + ",\r\n".repeat(100_000) + "x\r\n".repeat(50_000) + "佐藤　花子,サトウ　ハナコ\r\n";
    expect(csv.length).toBeGreaterThan(600_000);
    const run = readingsIn("blank.csv", csv);
    expect(run.status).toBe(0);
    expect(run.seconds).toBeLessThan(30);
  });

  it("a UTF-8 roster with one row in Shift_JIS: that row is read and named, the others as they are", async () => {
    const bytes = new Uint8Array([
      ...Buffer.from("職員番号,氏名,フリガナ\r\n1,佐藤　花子,サトウ　ハナコ\r\n", "utf8"),
      ...encodeText("2,髙橋　一郎,タカハシ　イチロウ\r\n", "cp932"),
      ...Buffer.from("3,鈴木　一郎,スズキ　イチロウ\r\n", "utf8"),
    ]);
    const roster = await loadRoster(bytes, { fileName: "mixed.csv" });
    expect(roster.records.map((r) => r.name)).toEqual(["佐藤　花子", "髙橋　一郎", "鈴木　一郎"]);
    expect(roster.notes.map((n) => formatRowError(n))).toEqual([
      "mixed.csv の 3 行目：この行だけ文字コードが Shift_JIS でした（ほかの行は UTF-8）。Shift_JIS として読みましたが、かなと名前が正しいか確かめ、名簿を一つの文字コードで保存し直してください。",
    ]);
  });
});

describe("files that are not files, or too large, are refused before a byte is read", () => {
  it("/dev/zero as a roster or as the confirmed readings: exit 2 at once", () => {
    const roster = nafuda(work, ["readings", "/dev/zero", "--lang", "en"], { timeout: 20_000 });
    expect(roster.status).toBe(2);
    expect(roster.stderr).toBe("nafuda: /dev/zero: this is not a regular file (a device or a pipe). Give the path of a saved file.\n");
    writeFileSync(join(work, "r.csv"), "氏名\n佐藤　花子\n");
    const confirmed = nafuda(work, ["readings", "r.csv", "--overrides", "/dev/zero"], { timeout: 20_000 });
    expect(confirmed.status).toBe(2);
    expect(confirmed.stderr).toContain("/dev/zero：ふつうのファイルではありません");
  });

  it("a file over the size limit is refused by its size, without reading it", () => {
    const path = join(work, "huge.csv");
    closeSync(openSync(path, "w"));
    truncateSync(path, DEFAULT_TABLE_LIMITS.maxFileBytes + 1); // sparse: no disk used, nothing to read
    const run = nafuda(work, ["readings", "huge.csv"], { timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("nafuda: huge.csv：ファイルが大きすぎます（256 MB、上限 256 MB）。名簿なら 20 万人分でもこの上限に収まります。別のファイルを選んでいないか確かめるか、所属ごとに分けてください。\n");
  });
});
