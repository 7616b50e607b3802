import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { neutralizeCell } from "../../src/io/excel-csv.js";
import { fileNameKey } from "../../src/io/safe-file-names.js";
import { formatMessage } from "../../src/messages/message.js";
import { formatRowError } from "../../src/model.js";
import { bundledPath } from "../../src/package-root.js";
import { FacilityListError, MANIFEST_FILE, makePosters, orderManifestCsv, PosterBatchError, posterOrderLines, runPosterBatch, SUMMARY_FILE } from "../../src/posters/batch.js";
import { readFacilities } from "../../src/posters/facilities.js";
import { toFacility } from "../../src/posters/facilities.js";
import { loadPolicy, PolicyError } from "../../src/posters/policy.js";
import { PosterBackgroundError } from "../../src/posters/render.js";
import { thrownBy } from "../helpers/errors.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-poster-batch-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const POLICY = bundledPath("examples", "policy.yaml");
const policy = await loadPolicy(POLICY);

function list(name: string, lines: string[]): string {
  const file = join(work, name);
  writeFileSync(file, ["施設名,対策,サイズ,部数,言語", ...lines].join("\n"));
  return file;
}

describe("posters batch", () => {
  it("writes one PDF per facility, the manifest and the summary; bad rows are reported, the rest made", async () => {
    const facilities = list("list.csv", [
      "本庁舎 市民課窓口,end-conversation police record-counter pairs,A4 A3,A4=3 A3=1,ja en",
      "../../逃げる施設,police,A4,1,ja",
      ",police,A4,1,ja",
      "北公民館,police,A5,1,ja",
      "中央図書館,police record-phone,B3,2,ja",
    ]);
    const out = join(work, "out");
    const asOf = { year: 2025, month: 3, day: 1 };
    const result = await runPosterBatch(facilities, POLICY, out, { asOf });
    expect(result.errors.map((e) => `${e.file}:${e.sheetRow}:${e.column}:${e.code}`)).toEqual([
      `${facilities}:4:施設名:FACILITY_NAME_EMPTY`,
      `${facilities}:5:サイズ:FACILITY_UNKNOWN_SIZE`,
    ]);
    const files = readdirSync(out).sort();
    expect(files).toEqual([MANIFEST_FILE, SUMMARY_FILE, "中央図書館.pdf", "本庁舎_市民課窓口.pdf", "逃げる施設.pdf"].sort());
    expect(readdirSync(work).sort()).toEqual(["list.csv", "out"]);

    const manifest = readFileSync(join(out, MANIFEST_FILE), "utf8");
    // A line per page: the A4 poster (the office layout: its tighter margins inside the 5 mm border leave room for
    // the conduct lines at 12 pt) and its English page, the A3 poster and its English page; the printing date in
    // every line.
    expect(manifest.split("\r\n").filter(Boolean)).toEqual([
      "\uFEFF施設名,サイズ,仕上がり寸法(mm),部数,ファイル,ページ,品目,基準日",
      "本庁舎 市民課窓口,A4,210×297,3,本庁舎_市民課窓口.pdf,1,ポスター,2025-03-01",
      "本庁舎 市民課窓口,A4,210×297,3,本庁舎_市民課窓口.pdf,2,ポスター（英語・やさしい日本語）,2025-03-01",
      "本庁舎 市民課窓口,A3,297×420,1,本庁舎_市民課窓口.pdf,3,ポスター,2025-03-01",
      "../../逃げる施設,A4,210×297,1,逃げる施設.pdf,1,ポスター,2025-03-01",
      "中央図書館,B3,364×515,2,中央図書館.pdf,1,ポスター,2025-03-01",
    ]);
    const counter = await PDFDocument.load(readFileSync(join(out, "本庁舎_市民課窓口.pdf")));
    expect(counter.getPageCount()).toBe(3);
    const summary = await PDFDocument.load(readFileSync(join(out, SUMMARY_FILE)));
    expect(summary.getPageCount()).toBe(1);
    expect(summary.getTitle()).toBe("みどり市 ポスター発注一覧");

    // The web page's order (layout only, no PDFs) is the batch's.
    const read = await readFacilities(facilities, { policy });
    expect(await posterOrderLines(policy, read.facilities, { asOf })).toEqual(result.orders);

    // Same input, same bytes (stable names and deterministic PDFs).
    const again = join(work, "again");
    await runPosterBatch(facilities, POLICY, again, { asOf });
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file)))).toBe(true);
  });

  it("the order files speak English when asked (Japanese stays the default)", async () => {
    const lines = [{ facility: "北公民館", size: "A4" as const, copies: 2, file: "北公民館.pdf", page: 1 }];
    expect(orderManifestCsv(lines, "en").split("\r\n")[0]).toBe("\uFEFFFacility,Size,Trim size (mm),Copies,File,Page,Item,As of");
    expect(orderManifestCsv(lines, "ja").split("\r\n")[0]).toBe("\uFEFF施設名,サイズ,仕上がり寸法(mm),部数,ファイル,ページ,品目,基準日");
    expect(orderManifestCsv(lines, "en").split("\r\n")[1]).toBe("北公民館,A4,210×297,2,北公民館.pdf,1,Poster,");
    const out = join(work, "english");
    await makePosters(policy, [toFacility({ name: "北公民館", measures: ["police"] })], out, { lang: "en" });
    expect(readFileSync(join(out, MANIFEST_FILE), "utf8").startsWith("\uFEFFFacility,Size,")).toBe(true);
    expect((await PDFDocument.load(readFileSync(join(out, SUMMARY_FILE)))).getTitle()).toBe("みどり市 poster order");
  });

  it("stops with a PolicyError naming the policy file and key, writing nothing", async () => {
    const file = join(work, "policy.yaml");
    writeFileSync(file, readFileSync(POLICY, "utf8").replace("effectiveDate:", "efectiveDate:"));
    const out = join(work, "none");
    const error = await thrownBy(() => runPosterBatch(bundledPath("examples", "facilities.csv"), file, out));
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.code).toBe("POLICY_INVALID");
    expect((error as PolicyError).issues.map((i) => [i.path, i.code])).toEqual([["efectiveDate", "POLICY_UNKNOWN_KEY"], ["effectiveDate", "POLICY_REQUIRED"]]);
    expect(error.message).toMatch(/^.*policy\.yaml の \d+ 行目・「efectiveDate」：「efectiveDate」という項目はありません。「effectiveDate」の書き間違いではありませんか。/m);
    expect(error.format("en")).toMatch(/policy\.yaml, line \d+, key efectiveDate: unknown key "efectiveDate" \(did you mean "effectiveDate"\?\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("a list with no facility to make is a FacilityListError saying why, writing nothing", async () => {
    const facilities = list("unusable.csv", ["北公民館,police,A9,1,ja", ",police,A4,1,ja"]);
    const out = join(work, "unusable");
    const error = await thrownBy(() => runPosterBatch(facilities, POLICY, out));
    expect(error).toBeInstanceOf(FacilityListError);
    expect(error.code).toBe("FACILITY_LIST_NOTHING_TO_MAKE");
    expect(error.file).toBe(facilities);
    expect(error.message).toBe(
      `${facilities}：施設一覧に、ポスターを作れる施設がありません（2 行目・「サイズ」列：「A9」というサイズは作れません。「A4」の書き間違いではありませんか。作れるサイズ：「A4」「A3」「B3」「B2」。` +
        "／3 行目・「施設名」列：施設名が空です。施設名を入れるか、この行を削除してください。）。examples/facilities.csv のように、「施設名」と「対策」のある行を 1 行以上書いてください。",
    );
    expect(error.format("en")).toBe(
      `${facilities}: the facility list holds no facility that can be made (row 2, column サイズ: unknown size "A9" (did you mean "A4"?); known: A4, A3, B3, B2; ` +
        "row 3, column 施設名: the facility name is empty): fill in at least one row with a 施設名, as in examples/facilities.csv",
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("posters batch: issue 10", () => {
  it("when no poster can be made, nothing is written and the previous run's order stays (was: empty order files replaced it)", async () => {
    const out = join(work, "previous");
    await makePosters(policy, [toFacility({ name: "北公民館", measures: ["police"] })], out);
    const before = Object.fromEntries(readdirSync(out).map((file) => [file, readFileSync(join(out, file))]));
    expect(Object.keys(before).sort()).toEqual([MANIFEST_FILE, SUMMARY_FILE, "北公民館.pdf"].sort());

    const wordy = { ...policy, stance: policy.stance.repeat(40) };
    const error = await thrownBy(() => makePosters(wordy, [toFacility({ name: "北公民館", measures: ["police"], row: 1, sheetRow: 2 })], out));
    expect(error).toBeInstanceOf(PosterBatchError);
    expect(error.code).toBe("POSTER_NONE_MADE");
    expect((error as PosterBatchError).errors.map((e) => [e.sheetRow, e.code])).toEqual([[2, "POSTER_TEXT_TOO_LONG"]]);
    expect(error.message).toBe(
      "ポスターを 1 枚も作れませんでした（2 行目：「北公民館」のポスターは、いちばん小さい文字にしても A4 に文が入りきりません。" +
        `${policy.file} の stance（基本姿勢）、conduct（行為）の説明、panels（英語・やさしい日本語の文）を短くしてください。）。` +
        "出力先には何も書いていません（前回の発注一覧もそのままです）。直してから、もう一度実行してください。",
    );
    expect(error.format("en")).toMatch(/^no poster could be made \(row 2: 北公民館: the text does not fit on A4 .*\)\. Nothing was written to the output folder \(a previous order is unchanged\)/);
    const after = Object.fromEntries(readdirSync(out).map((file) => [file, readFileSync(join(out, file))]));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [file, bytes] of Object.entries(before)) expect(after[file]!.equals(bytes), file).toBe(true);

    const none = join(work, "no-facilities");
    expect((await thrownBy(() => makePosters(policy, [], none))).code).toBe("POSTER_NONE_MADE");
    expect(existsSync(none)).toBe(false);
  });

  it("runPosterBatch says so too, naming the facility list", async () => {
    const facilities = list("all-fail.csv", ["北公民館,police,A4,1,ja"]);
    const wordyPolicy = join(work, "wordy.yaml");
    writeFileSync(wordyPolicy, readFileSync(POLICY, "utf8").replace(/^stance: \|-\n/m, `stance: |-\n  ${"ご意見には真摯に対応します。".repeat(300)}\n`));
    const out = join(work, "all-fail");
    const error = await thrownBy(() => runPosterBatch(facilities, wordyPolicy, out));
    expect(error).toBeInstanceOf(PosterBatchError);
    expect(error.file).toBe(facilities);
    expect(error.message.startsWith(`${facilities}：ポスターを 1 枚も作れませんでした（2 行目：「北公民館」のポスターは`)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it("facilities named like another's file, or differing only by case or width, each get their own file; the order lists what is on disk", async () => {
    const names = ["北/公民館", "北\\公民館", "ABC館", "abc館", "ＡＢＣ館", "Café", "Cafe\u0301"];
    const first = (await makePosters(policy, names.slice(0, 2).map((name) => toFacility({ name, measures: ["police"] })), join(work, "probe"))).orders[0]!.file;
    // A facility named exactly like the first one's file (was: it overwrote that poster).
    names.push(first.replace(/\.pdf$/, ""));
    const out = join(work, "collisions");
    const result = await makePosters(policy, names.map((name) => toFacility({ name, measures: ["police"] })), out);
    const posters = result.files.filter((file) => file.endsWith(".pdf") && !file.startsWith("_"));
    expect(posters).toHaveLength(names.length);
    expect(new Set(posters.map(fileNameKey)).size).toBe(names.length);
    const onDisk = readdirSync(out).filter((file) => !file.startsWith("_"));
    expect(onDisk.sort()).toEqual([...posters].sort());
    const manifest = parseCsv(readFileSync(join(out, MANIFEST_FILE), "utf8"), { bom: true }) as string[][];
    expect(manifest.slice(1).map((row) => row[4]).sort()).toEqual([...posters].sort());
    expect(manifest.slice(1).map((row) => row[0])).toEqual(names.map(neutralizeCell));
  });

  it("formula-like facility names: the manifest's name cells are neutralised, its file cells are the real names and need none", async () => {
    const names = ["=cmd|' /C calc'!A0", "@SUM(A1)", "+81-3", "-1", "＝ＳＵＭ（Ａ１）", "＠本庁舎"];
    const out = join(work, "formulas");
    const result = await makePosters(policy, names.map((name) => toFacility({ name, measures: ["police"] })), out);
    const manifest = parseCsv(readFileSync(join(out, MANIFEST_FILE), "utf8"), { bom: true }) as string[][];
    expect(manifest.slice(1).map((row) => row[0])).toEqual(names.map(neutralizeCell));
    for (const row of manifest.slice(1)) {
      expect(row[4]).not.toMatch(/^[=+\-@＝＋－＠\t\r]/);
      expect(existsSync(join(out, row[4]!)), row[4]).toBe(true);
    }
    expect(result.files.filter((file) => !file.startsWith("_"))).toHaveLength(names.length);
  });

  it("a background PDF with a 0 × 0 page is refused before anything is written, naming the file", async () => {
    const art = await PDFDocument.create();
    art.addPage([0, 0]);
    const out = join(work, "zero-page");
    mkdirSync(out);
    const pdf = await art.save();
    const error = await thrownBy(() => makePosters(policy, [toFacility({ name: "北公民館", measures: ["police"] })], out, { background: { pdf, file: "art.pdf" } }));
    expect(error).toBeInstanceOf(PosterBackgroundError);
    expect(error.code).toBe("POSTER_BACKGROUND_PAGE_SIZE");
    expect(error.message).toBe("art.pdf：背景の PDF の 1 ページ目の大きさが正しくありません（0 × 0 pt）。幅と高さのあるページで、デザインのソフトから PDF を書き出し直してください。");
    expect(readdirSync(out)).toEqual([]);
  });

  it("a row's render problem names the row as Excel numbers it", async () => {
    const facilities = list("glyph.csv", ["北公民館,police,A4,1,ja", "図書館 \u{1F600},police,A4,1,ja"]);
    const result = await runPosterBatch(facilities, POLICY, join(work, "glyph"));
    expect(result.errors.map((e) => e.code)).toEqual(["POSTER_MISSING_GLYPHS"]);
    expect(formatRowError(result.errors[0]!, "ja")).toMatch(new RegExp(`^${facilities.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} の 3 行目：「図書館 \u{1F600}」のポスターに、書体 \\S+ にない文字があります：U\\+1F600`, "u"));
    expect(formatMessage(result.errors[0]!, "en")).toMatch(/has no glyph for U\+1F600/);
  });
});

describe("the order summary's heading says what the files carry", async () => {
  const { posterOrderInfo } = await import("../../src/posters/batch.js");
  const { signOrderInfo } = await import("../../src/signs/batch.js");
  // Options as the commands pass them (--bleed is false unless typed) → what the files have.
  const cases: [string, Parameters<typeof posterOrderInfo>[1], { bleed: boolean; cropMarks: boolean }][] = [
    ["nothing asked", { bleed: false }, { bleed: false, cropMarks: false }],
    ["--bleed", { bleed: true }, { bleed: true, cropMarks: false }],
    ["--crop-marks (they bring the bleed)", { bleed: false, cropMarks: true }, { bleed: true, cropMarks: true }],
    ["--print-shop", { bleed: false, printShop: true, date: "2025-03-01" }, { bleed: true, cropMarks: true }],
    ["--print-shop --no-crop-marks", { bleed: false, printShop: true, cropMarks: false, date: "2025-03-01" }, { bleed: true, cropMarks: false }],
  ];
  for (const [name, options, expected] of cases) {
    it(`${name}: posters and signs alike`, () => {
      expect(posterOrderInfo(policy, options, "ja")).toMatchObject(expected);
      expect(signOrderInfo(policy, options, "ja")).toMatchObject(expected);
    });
  }
});
