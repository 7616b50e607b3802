import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRoster } from "../../src/roster/load-roster.js";
import { readTable } from "../../src/roster/read-table.js";
import { isConfirmedHeader, parseConfirmedReadings } from "../../src/readings/confirmed-readings.js";
import { createReadingResolver, resolveReadings, type ReadingResolverOptions, type ResolvedReadings } from "../../src/readings/resolve.js";
import { reviewReport, reviewSheetCsv, reviewSheetGrid } from "../../src/review/review-sheet.js";
import { reviewSheetXlsx } from "../../src/review/review-workbook.js";
import { romajiFitsKana } from "../../src/romaji/fits.js";
import type { StaffReading } from "../../src/model.js";
import { encodeText } from "../../src/roster/encode-text.js";
import {
  csvGrid, excelOpensCsv, excelSavesShiftJis, excelSavesUtf8, excelSavesXlsx, sortBy, type ExcelValue,
} from "../helpers/excel.js";
import { thrownBy } from "../helpers/errors.js";

/**
 * The loop every city runs: nafuda writes the review sheet, a person corrects it in Excel and saves it, nafuda
 * reads it back as the confirmed readings. Each case is something Excel or a person does to the sheet; each
 * asserts which corrections are applied, which rows go to review, and that no badge would print a かな and a
 * ローマ字 that disagree unless a person confirmed that pair (済).
 */

const ROSTER = fileURLToPath(new URL("../../examples/roster.csv", import.meta.url));
const resolver = (overrides: ReadingResolverOptions["overrides"]) =>
  createReadingResolver({ analyzer: false, ...(overrides ? { overrides } : {}) });

async function firstRun() {
  const roster = await loadRoster(ROSTER);
  const readings = await resolveReadings(roster.records, resolver(undefined));
  return { roster, readings };
}

/** The column of a header in the sheet grid (the header is the row that starts with 名簿の行). */
const headerIndex = (grid: readonly string[][]) => grid.findIndex((row) => row[0] === "名簿の行");

/** What the person does in Excel: the corrections of this test, by 職員番号. */
function correct(grid: string[][]): string[][] {
  const h = headerIndex(grid);
  const col = (name: string) => grid[h]!.indexOf(name);
  const edits: Record<string, Partial<Record<"かな" | "ローマ字" | "要確認", string>>> = {
    "00112": { かな: "さんべ", 要確認: "" }, // 三瓶: the kana corrected, the romaji (Sampei) left as it was
    "00115": { 要確認: "" }, // 小鳥遊: confirmed as shown
    "00121": { 要確認: "" }, // 中島 隆: confirmed as shown
    "00104": { ローマ字: "Ohno" }, // 大野: the person's own spelling, which fits おおの
    "00109": { ローマ字: "Hatori" }, // 服部: a romaji that does not spell はっとり, 要確認 left empty
    "00108": { ローマ字: "Eeda", 要確認: "済" }, // 飯田: a spelling of the person's own, confirmed as a pair
  };
  return grid.map((row, i) => {
    if (i <= h) return row;
    const id = row[col("職員番号")]!;
    const edit = edits[id];
    if (!edit) return row;
    const next = [...row];
    for (const [key, value] of Object.entries(edit)) next[col(key)] = value!;
    return next;
  });
}

async function sheetAsWritten(): Promise<string> {
  const { readings, roster } = await firstRun();
  return reviewSheetCsv(reviewReport(readings.staff, [...roster.errors, ...readings.errors]).staff, { roster: "roster.csv" });
}

async function readBack(bytes: Uint8Array, fileName: string): Promise<ResolvedReadings> {
  const roster = await loadRoster(ROSTER);
  const confirmed = parseConfirmedReadings(await readTable(bytes, { fileName, isHeader: isConfirmedHeader }));
  return resolveReadings(roster.records, resolver(confirmed));
}

const byId = (result: ResolvedReadings, id: string) => result.staff.find((s) => s.id === id)!;

/** No reading prints a kana/romaji pair that disagree unless confirmed with 済 (飯田 here). */
function expectNoUnconfirmedMismatch(result: ResolvedReadings, confirmedPairs: string[] = ["00108"]) {
  for (const s of result.staff) {
    if (confirmedPairs.includes(s.id ?? "")) continue;
    expect(romajiFitsKana(s.romaji, s.kana), `${s.name}: ${s.kana} / ${s.romaji}`).toBe(true);
  }
}

/** Every correction applied: the three reviewed rows, Ohno, the 済 pair; 服部's romaji asked about. */
function expectCorrectionsApplied(result: ResolvedReadings) {
  expect(byId(result, "00112")).toMatchObject({ kana: "さんべ", romaji: "Sambe", source: "override", review: false });
  expect(byId(result, "00115")).toMatchObject({ kana: "たかなし", source: "override", review: false });
  expect(byId(result, "00121")).toMatchObject({ kana: "なかじま", source: "override", review: false });
  expect(byId(result, "00104")).toMatchObject({ kana: "おおの", romaji: "Ohno", review: false });
  expect(byId(result, "00108")).toMatchObject({ kana: "いいだ", romaji: "Eeda", review: false });
  const hattori = byId(result, "00109");
  expect(hattori).toMatchObject({ kana: "はっとり", romaji: "Hattori", review: true });
  expect(hattori.reasons.map((r) => r.code)).toEqual(["REASON_ROMAJI_DOES_NOT_FIT"]);
  expect(result.staff.filter((s) => s.review).map((s) => s.id)).toEqual(["00109"]);
  expect(result.staleOverrides).toEqual([]);
  expectNoUnconfirmedMismatch(result);
}

describe("the review sheet through Excel and back: every correction survives", () => {
  const cases: { name: string; save: (grid: ExcelValue[][]) => Promise<Uint8Array> | Uint8Array; file: string }[] = [
    { name: "opened in Excel (zeros of 職員番号 stripped) and saved as CSV (Shift_JIS)", save: excelSavesShiftJis, file: "review.csv" },
    { name: "opened in Excel and saved as CSV UTF-8", save: excelSavesUtf8, file: "review.csv" },
    { name: "opened in Excel and saved as a workbook (職員番号 as number cells)", save: excelSavesXlsx, file: "review.xlsx" },
    { name: "re-sorted by かな, saved as Shift_JIS", save: (g) => excelSavesShiftJis(sortBy(g, 3, 4)), file: "review.csv" },
    {
      name: "rows filtered out and an empty column added at the right, saved as a workbook",
      save: (g) => excelSavesXlsx(g.filter((row, i) => i <= 3 || ![3, 4, 6].includes(Number(row[0]))).map((row) => [...row, ""])),
      file: "review.xlsx",
    },
  ];
  it.each(cases)("$name", async ({ save, file }) => {
    const corrected = correct(csvGrid(await sheetAsWritten()));
    const text = corrected.map((row) => row.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n");
    const result = await readBack(await save(excelOpensCsv(text)), file);
    expectCorrectionsApplied(result);
  });

  it("a pair confirmed with 済 is written back as 済, so next year's sheet keeps it", async () => {
    const corrected = correct(csvGrid(await sheetAsWritten()));
    const result = await readBack(excelSavesUtf8(excelOpensCsv(corrected.map((row) => row.join(",")).join("\r\n"))), "review.csv");
    const nextYear = reviewReport(result.staff, []).staff;
    const iida = nextYear.find((r) => r.id === "00108")!;
    expect(iida).toMatchObject({ kana: "いいだ", romaji: "Eeda", review: false, pairConfirmed: true });
    const grid = csvGrid(reviewSheetCsv(nextYear));
    const h = grid.findIndex((row) => row[0] === "名簿の行");
    const row = grid.find((cells) => cells[1] === "00108")!;
    expect(row[grid[h]!.indexOf("要確認")]).toBe("済");
    // And read back once more, the pair still prints as confirmed.
    const again = await readBack(excelSavesUtf8(excelOpensCsv(reviewSheetCsv(nextYear).replace(/^\uFEFF/, ""))), "review.csv");
    expect(byId(again, "00108")).toMatchObject({ romaji: "Eeda", review: false });
  });

  it("the sheet as nafuda wrote it, read back untouched", async () => {
    const corrected = correct(csvGrid(await sheetAsWritten()));
    const text = "\uFEFF" + corrected.map((row) => row.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(",")).join("\r\n");
    expectCorrectionsApplied(await readBack(new Uint8Array(Buffer.from(text, "utf8")), "review.csv"));
  });

  it("the XLSX review sheet keeps 職員番号 as text cells, and reads back after the same corrections", async () => {
    const { readings, roster } = await firstRun();
    const rows = reviewReport(readings.staff, [...roster.errors, ...readings.errors]).staff;
    const xlsx = await reviewSheetXlsx(rows, { roster: "roster.csv" });
    // Twice the same bytes: nothing depends on the clock.
    expect(Buffer.from(await reviewSheetXlsx(rows, { roster: "roster.csv" })).equals(Buffer.from(xlsx))).toBe(true);
    const table = await readTable(xlsx, { fileName: "review.xlsx", isHeader: isConfirmedHeader });
    expect(table.sheet).toBe("確認シート");
    expect(table.headerSheetRow).toBe(4);
    expect(table.rows.find((r) => r.cells[2] === "三瓶　浩二")!.cells[1]).toBe("00112");
    // The person's corrections, written into the grid nafuda would show, saved by Excel as a workbook again
    // (text cells stay text there: the grid is saved as strings).
    const corrected = correct(reviewSheetGrid(rows, { roster: "roster.csv" }));
    expectCorrectionsApplied(await readBack(await excelSavesXlsx(corrected), "review.xlsx"));
  });

  it("full-width digits, stray spaces and 氏名 with its space removed still match", async () => {
    const corrected = correct(csvGrid(await sheetAsWritten())).map((row, i) =>
      i <= 3 ? row : [row[0]!, ` ${row[1]!.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `, row[2]!.replace(/\u3000/g, ""), ...row.slice(3)]);
    const bytes = excelSavesUtf8(corrected);
    expectCorrectionsApplied(await readBack(bytes, "review.csv"));
  });

  it("last year's sheet (English 出典, data-row 行 numbers, the old column order) still reads back", async () => {
    const old = [
      "行,職員番号,氏名,姓,かな,ローマ字,出典,要確認,理由,候補,エラー",
      "12,00112,三瓶　浩二,三瓶,さんべ,Sampei,override,,,さんぺい みかめ,",
      "15,00115,小鳥遊ひなた,小鳥遊,たかなし,Takanashi,roster,,,,",
      "21,00121,中島　隆,中島,なかじま,Nakajima,dictionary,,,なかしま,",
    ].join("\r\n");
    const result = await readBack(excelSavesShiftJis(excelOpensCsv(old)), "去年の確認シート.csv");
    expect(byId(result, "00112")).toMatchObject({ kana: "さんべ", romaji: "Sambe", review: false });
    expect(result.staff.filter((s) => s.review)).toEqual([]);
  });
});

describe("what Excel does to ids that are not plain numbers", () => {
  const roster = (rows: string[]) => new Uint8Array(Buffer.from(["職員番号,氏名,フリガナ", ...rows].join("\r\n") + "\r\n", "utf8"));
  async function loop(rosterRows: string[], confirmedRows: string[][]) {
    const loaded = await loadRoster(roster(rosterRows), { fileName: "roster.csv" });
    const text = ["職員番号,氏名,かな,ローマ字,要確認", ...confirmedRows.map((r) => r.join(","))].join("\r\n");
    const bytes = excelSavesShiftJis(excelOpensCsv(text));
    const confirmed = parseConfirmedReadings(await readTable(bytes, { fileName: "confirmed.csv", isHeader: isConfirmedHeader }));
    return resolveReadings(loaded.records, resolver(confirmed));
  }

  it("ids like 1-2 that Excel turns into dates: matched by name, and said so", async () => {
    const result = await loop(["1-2,菅　涼子,スガ　リョウコ", "1-3,菅　陽平,カン　ヨウヘイ"], [["1-2", "菅　涼子", "すげ", "", ""]]);
    expect(result.staff[0]).toMatchObject({ kana: "すげ", source: "override", review: false });
    expect(result.staff[1]).toMatchObject({ kana: "かん", source: "roster" });
    expect(result.overrideNotes.map((n) => n.code)).toEqual(["NOTE_CONFIRMED_ID_UNUSABLE"]);
  });

  it("ids past 15 digits that Excel rounds: matched by name, and said so", async () => {
    const result = await loop(["12345678901234567890,松野　愛,マツノ　アイ"], [["12345678901234567890", "松野　愛", "まつの", "", ""]]);
    expect(result.staff[0]).toMatchObject({ kana: "まつの", source: "override", review: false });
    expect(result.overrideNotes.map((n) => n.code)).toEqual(["NOTE_CONFIRMED_ID_UNUSABLE"]);
  });

  it("a character a Shift_JIS save lost (𠮷田 → ?田): matched by id, the roster's name kept", async () => {
    const result = await loop(["00201,𠮷田　一郎,ヨシダ　イチロウ"], [["00201", "𠮷田　一郎", "よした", "Yoshita", ""]]);
    expect(result.staff[0]).toMatchObject({ name: "𠮷田　一郎", kana: "よした", romaji: "Yoshita", source: "override" });
  });

  it("the same character lost and no usable id: matched by the name with ? standing for the lost character", async () => {
    const result = await loop(["1-5,𠮷田　一郎,ヨシダ　イチロウ"], [["1-5", "𠮷田　一郎", "よした", "", ""]]);
    expect(result.staff[0]).toMatchObject({ name: "𠮷田　一郎", kana: "よした", source: "override" });
  });

  it("two people of the same name and no usable id: neither gets the reading, both are asked about", async () => {
    const result = await loop(["1-2,中島　隆,", "1-3,中島　隆,"], [["1-2", "中島　隆", "なかしま", "", ""]]);
    for (const s of result.staff) {
      expect(s).toMatchObject({ source: "dictionary", review: true });
      expect(s.reasons.map((r) => r.code)).toContain("REASON_CONFIRMED_SAME_NAME");
      expect(s.alternatives).toContain("なかしま");
    }
  });

  it("an id that now belongs to someone of another name is not applied (a changed surname)", async () => {
    const result = await loop(["00301,佐藤　花子,サトウ　ハナコ"], [["00301", "鈴木　花子", "すずき", "", ""]]);
    expect(result.staff[0]).toMatchObject({ kana: "さとう", source: "roster" });
    expect(result.staleOverrides).toHaveLength(1);
  });
});

describe("a confirmed file that matches almost no one is an error, not a note", () => {
  it("a file of another roster: CONFIRMED_MOSTLY_UNMATCHED with the numbers, nothing printed as if confirmed", async () => {
    const roster = await loadRoster(ROSTER);
    const other = ["職員番号,氏名,かな", ...Array.from({ length: 12 }, (_, i) => `${9000 + i},別人　${i},べつじん`), "00112,三瓶　浩二,さんべ"].join("\r\n");
    const confirmed = parseConfirmedReadings(await readTable(encodeText(other, "cp932"), { fileName: "別の名簿.csv", isHeader: isConfirmedHeader }));
    const error = await thrownBy(() => resolveReadings(roster.records, resolver(confirmed)));
    expect(error.code).toBe("CONFIRMED_MOSTLY_UNMATCHED");
    expect(error.message).toBe(
      "別の名簿.csv：この確認済みよみファイルの 13 行のうち 12 行が、名簿のだれとも合いません（職員番号で合った行 1、氏名で合った行 0）。" +
        "別の名簿や別の年度のファイルか、職員番号の付け方が違うファイルかもしれません。この名簿から作った確認シートを選んでください。" +
        "退職などで合わない行が多いだけなら、その行を消してから、もう一度実行してください。",
    );
  });

  it("a few people who left stay a note", async () => {
    const roster = await loadRoster(ROSTER);
    const text = ["職員番号,氏名,かな", "00112,三瓶　浩二,さんべ", "09999,退職　者,たいしょく"].join("\r\n");
    const confirmed = parseConfirmedReadings(await readTable(encodeText(text, "cp932"), { fileName: "c.csv", isHeader: isConfirmedHeader }));
    const result = await resolveReadings(roster.records, resolver(confirmed));
    expect(result.staleOverrides.map((r) => r.id)).toEqual(["09999"]);
    expect(result.overrideNotes.map((n) => n.code)).toEqual(["NOTE_CONFIRMED_STALE"]);
  });
});

describe("several confirmed files (one per section) merged", () => {
  const table = async (name: string, rows: string[]) =>
    parseConfirmedReadings(await readTable(new Uint8Array(Buffer.from(["職員番号,氏名,かな,ローマ字,要確認", ...rows].join("\r\n"), "utf8")), { fileName: name, isHeader: isConfirmedHeader }));

  it("files that agree are merged; files that disagree on one person send that person to review, naming both files", async () => {
    const roster = await loadRoster(ROSTER);
    const a = await table("総務課.csv", ["00112,三瓶　浩二,さんべ,,", "00121,中島　隆,なかじま,,"]);
    const b = await table("市民病院.csv", ["00112,三瓶　浩二,さんぺい,,", "00115,小鳥遊ひなた,たかなし,,"]);
    const result = await resolveReadings(roster.records, resolver([a, b]));
    expect(byId(result, "00121")).toMatchObject({ kana: "なかじま", review: false });
    expect(byId(result, "00115")).toMatchObject({ kana: "たかなし", review: false });
    const sampei: StaffReading = byId(result, "00112");
    expect(sampei).toMatchObject({ review: true, source: "override" });
    expect(sampei.reasons.map((r) => r.code)).toEqual(["REASON_CONFIRMED_FILES_DISAGREE"]);
    expect(reviewReport([sampei], []).staff[0]!.reasons[0]).toBe(
      "確認済みよみファイルどうしで違います：総務課.csv の 2 行目 では さんべ、市民病院.csv の 2 行目 では さんぺい。正しい方を一つに決めてください。",
    );
  });
});

it("the example roster's file as a control: nothing here reads a file nafuda did not write", () => {
  expect(readFileSync(ROSTER).subarray(0, 2)).toEqual(Buffer.from(encodeText("職", "cp932")));
});
