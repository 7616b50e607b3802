import { describe, expect, it } from "vitest";
import { reviewReport, reviewSheetCsv } from "../../src/review/review-sheet.js";
import { csvField, neutralizeCell, unneutralizeCell } from "../../src/io/excel-csv.js";
import { parseConfirmedReadings } from "../../src/readings/confirmed-readings.js";
import { parseTable } from "../../src/roster/read-table.js";
import type { StaffReading } from "../../src/model.js";
import { staffRecord } from "../readings/fixtures.js";

const reading = (row: number, name: string, kana: string, review: boolean): StaffReading => ({
  row, id: `A${row}`, name, surname: name.split("　")[0]!, kana, romaji: "X", source: "dictionary",
  review, reasons: review ? ["辞書に複数の読みがあります"] : [], alternatives: [], record: staffRecord(row, name),
});

describe("the review sheet", () => {
  const staff = [reading(1, "佐藤　花子", "さとう", false), reading(2, "河野　一郎", "こうの", true), reading(4, "井上　陽子", "いのうえ", false)];
  const errors = [{ row: 3, column: "氏名", message: "the name is empty", record: staffRecord(3, "") }];

  it("lists errors first, then rows needing review, then the rest, each in roster order", () => {
    expect(reviewReport(staff, errors).staff.map((r) => r.row)).toEqual([3, 2, 1, 4]);
  });

  it("has the documented JSON shape: error rows carry error and no kana", () => {
    const report = reviewReport(staff, errors);
    expect(report.summary).toEqual({ total: 4, review: 1, errors: 1 });
    const failed = JSON.parse(JSON.stringify(report.staff[0]));
    expect(failed).toHaveProperty("error");
    expect(failed).not.toHaveProperty("kana");
    expect(Object.keys(JSON.parse(JSON.stringify(report.staff[1])))).toEqual(
      ["row", "id", "name", "surname", "kana", "romaji", "source", "review", "reasons", "alternatives"],
    );
  });

  it("opens in Japanese Excel: UTF-8 with a BOM and CRLF line ends", () => {
    const csv = reviewSheetCsv(reviewReport(staff, []).staff);
    expect(csv.startsWith("\uFEFF行,職員番号,氏名,姓,かな,ローマ字")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(5);
  });

  it("reads back as a confirmed readings file, row for row", async () => {
    const csv = reviewSheetCsv(reviewReport(staff, []).staff);
    const confirmed = parseConfirmedReadings(await parseTable(new TextEncoder().encode(csv), "review.csv"));
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.rows.map((r) => [r.id, r.kana, r.stillInReview])).toEqual([
      ["A2", "こうの", true], ["A1", "さとう", false], ["A4", "いのうえ", false],
    ]);
  });
});

describe("cells are safe from formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+81-3", "'+81-3"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["佐藤", "佐藤"],
  ])("%s is written as %s and read back unchanged", (value, written) => {
    expect(neutralizeCell(value)).toBe(written);
    expect(unneutralizeCell(neutralizeCell(value))).toBe(value);
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});
