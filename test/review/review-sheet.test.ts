import { describe, expect, it } from "vitest";
import { reviewReport, reviewSheetCsv } from "../../src/review/review-sheet.js";
import { csvField, neutralizeCell, unneutralizeCell } from "../../src/io/excel-csv.js";
import { isConfirmedHeader, parseConfirmedReadings } from "../../src/readings/confirmed-readings.js";
import { msg } from "../../src/messages/message.js";
import { parseTable } from "../../src/roster/read-table.js";
import type { StaffReading } from "../../src/model.js";
import { staffRecord } from "../readings/fixtures.js";

const reading = (row: number, name: string, kana: string, review: boolean): StaffReading => ({
  row, sheetRow: row + 1, id: `A${row}`, name, surname: name.split("　")[0]!, kana, romaji: "X", source: "dictionary",
  review, reasons: review ? [msg("REASON_SEVERAL_READINGS", { readings: [kana, "かわの"] })] : [], alternatives: [], record: staffRecord(row, name),
});

describe("the review sheet", () => {
  const staff = [reading(1, "佐藤　花子", "さとう", false), reading(2, "河野　一郎", "こうの", true), reading(4, "井上　陽子", "いのうえ", false)];
  const errors = [{ row: 3, sheetRow: 4, column: "氏名", ...msg("ROW_NAME_EMPTY"), record: staffRecord(3, "") }];

  it("lists errors first, then rows needing review, then the rest, each in roster order", () => {
    expect(reviewReport(staff, errors).staff.map((r) => r.row)).toEqual([3, 2, 1, 4]);
  });

  it("has the documented JSON shape: error rows carry error and no kana", () => {
    const report = reviewReport(staff, errors);
    expect(report.summary).toEqual({ total: 4, review: 1, errors: 1 });
    const failed = JSON.parse(JSON.stringify(report.staff[0]));
    expect(failed).toHaveProperty("error");
    expect(failed).not.toHaveProperty("kana");
    expect(failed).toMatchObject({ row: 3, sheetRow: 4, code: "ROW_NAME_EMPTY", error: "「氏名」列：氏名が空です。氏名を入れるか、この行を削除してください。" });
    expect(Object.keys(JSON.parse(JSON.stringify(report.staff[1])))).toEqual(
      ["row", "sheetRow", "id", "name", "surname", "kana", "printedKana", "romaji", "source", "review", "reasons", "reasonCodes", "alternatives"],
    );
    expect(report.staff[1]).toMatchObject({ reasons: ["辞書に複数の読みがあります（こうの／かわの）。"], reasonCodes: ["REASON_SEVERAL_READINGS"] });
    expect(reviewReport(staff, errors, { lang: "en" }).staff[1]!.reasons).toEqual(["the dictionaries list several readings (こうの, かわの)."]);
  });

  it("opens in Japanese Excel: UTF-8 with a BOM and CRLF line ends, the instructions above a blank row and the header", () => {
    const csv = reviewSheetCsv(reviewReport(staff, []).staff, { roster: "roster.csv" });
    const lines = csv.split("\r\n");
    expect(csv.startsWith("\uFEFF名札の読みの確認シート（roster.csv）\r\n")).toBe(true);
    expect(lines[1]).toMatch(/^使い方：/);
    expect(lines[2]).toBe("");
    expect(lines[3]).toBe("名簿の行,職員番号,氏名,姓,かな,ローマ字,名札の表記,要確認,理由,候補1,候補2,候補3,出典,エラー");
    expect(lines).toHaveLength(8);
    expect(lines[4]).toMatch(/^3,A2,河野　一郎,河野,こうの,X,,要確認,辞書に複数の読みがあります/);
    expect(lines[4]).toMatch(/,辞書,$/);
  });

  it("reads back as a confirmed readings file, row for row", async () => {
    const csv = reviewSheetCsv(reviewReport(staff, []).staff);
    const confirmed = parseConfirmedReadings(await parseTable(new TextEncoder().encode(csv), "review.csv", { isHeader: isConfirmedHeader }));
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.rows.map((r) => [r.id, r.kana, r.review, r.sheetRow])).toEqual([
      ["A2", "こうの", "pending", 5], ["A1", "さとう", "cleared", 6], ["A4", "いのうえ", "cleared", 7],
    ]);
  });
});

describe("cells are safe from formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+81-3", "'+81-3"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["＝HYPERLINK(\"http://x\")", "'＝HYPERLINK(\"http://x\")"], // typed with the IME: Excel takes ＝ as =
    ["＋81", "'＋81"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=already", "''=already"],
    ["佐藤", "佐藤"],
    ["佐藤＝太郎", "佐藤＝太郎"],
  ])("%s is written as %s and read back unchanged", (value, written) => {
    expect(neutralizeCell(value)).toBe(written);
    expect(unneutralizeCell(neutralizeCell(value))).toBe(value);
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});
