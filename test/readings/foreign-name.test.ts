import { describe, expect, it } from "vitest";
import { isForeignScript, splitForeignName } from "../../src/readings/foreign-name.js";
import { createReadingResolver, resolveReadings } from "../../src/readings/resolve.js";
import { isConfirmedHeader, parseConfirmedReadings } from "../../src/readings/confirmed-readings.js";
import { readTable } from "../../src/roster/read-table.js";
import { reviewReport, reviewSheetCsv } from "../../src/review/review-sheet.js";
import { fieldText } from "../../src/badges/fields.js";
import { formatRowError, type StaffReading, type StaffRecord } from "../../src/model.js";
import type { SurnameAnalyzer } from "../../src/readings/analyzer.js";
import { staffRecord } from "./fixtures.js";

const noAnalyzer: SurnameAnalyzer = { read: async (s) => s };
const noOverrides = { file: null, rows: [], errors: [] };

describe("splitting a foreign national's name without 姓/名 columns", () => {
  it.each([
    // 氏名, surname, given, order
    ["SMITH John", "SMITH", "John", "capitals"], // passports and Japanese forms: the family name in capitals
    ["John SMITH", "SMITH", "John", "capitals"],
    ["NGUYEN Van An", "NGUYEN", "Van An", "capitals"],
    ["John Smith", "Smith", "John", "western"], // Western order: the last part, flagged
    ["María García", "García", "María", "western"],
    ["Mary O'Brien", "O'Brien", "Mary", "western"],
    ["Jean-Luc Picard", "Picard", "Jean-Luc", "western"],
    ["ＳＭＩＴＨ　Ｊｏｈｎ", "SMITH", "John", "capitals"], // full-width letters and space, as Japanese IMEs type them
    ["ジョン・スミス", "スミス", "ジョン", "western"], // katakana with ・: Western order
    ["マリア・ガルシア・ロペス", "ロペス", "マリア・ガルシア", "western"],
    ["ジョン＝スミス", "スミス", "ジョン", "western"],
    ["ｼﾞｮﾝ･ｽﾐｽ", "スミス", "ジョン", "western"], // half-width, as old systems export it
  ])("%s → surname %s, given %s (%s)", (name, surname, given, order) => {
    const split = splitForeignName(name);
    expect(split).toMatchObject({ surname, given, method: "foreign", foreign: { order } });
  });

  it.each([
    ["松野　太郎"], // Japanese: split by the usual rules
    ["スミス　ジョン"], // katakana with a space: read like any roster name, surname first
    ["Smith"], // one part: its own surname
    ["ジョン"],
    ["佐藤・花子"], // a ・ between kanji is not a foreign name
  ])("%s is not split as a foreign name", (name) => {
    expect(splitForeignName(name)).toBeNull();
  });

  it.each([
    ["Smith", true], ["García", true], ["スミス", true], ["ジョン・スミス", true], ["松野", false], ["まつの", false], ["小鳥遊", false],
  ])("isForeignScript(%s) = %s", (surname, foreign) => {
    expect(isForeignScript(surname)).toBe(foreign);
  });
});

async function resolveAll(records: StaffRecord[], options: Parameters<typeof createReadingResolver>[0] = {}) {
  const resolver = createReadingResolver({ analyzer: noAnalyzer, overrides: noOverrides, ...options });
  return resolveReadings(records, resolver);
}
const byRow = (staff: readonly StaffReading[], row: number) => staff.find((s) => s.row === row)!;

describe("foreign nationals' names on the badge", () => {
  const roster = [
    staffRecord(1, "ジョン・スミス"),
    staffRecord(2, "SMITH John", { nameReading: "スミス　ジョン" }),
    staffRecord(3, "Maria Garcia", { nameReading: "マリア　ガルシア" }),
    staffRecord(4, "グエン　バン", { romaji: "Nguyen" }),
    staffRecord(5, "松野　太郎", { nameReading: "マツノ　タロウ" }),
  ];

  it("is never the whole name taken as a surname: the family name is found, and a guess is asked about", async () => {
    const { staff, errors } = await resolveAll(roster);
    expect(errors.map((e) => formatRowError(e))).toEqual([]);
    expect(byRow(staff, 1)).toMatchObject({ surname: "スミス", kana: "すみす", review: true });
    expect(byRow(staff, 1).reasons.map((r) => r.code)).toEqual(["REASON_FOREIGN_ORDER", "REASON_FOREIGN_ROMAJI"]);
    expect(byRow(staff, 2)).toMatchObject({ surname: "SMITH", kana: "すみす", romaji: "Smith", review: false });
    expect(byRow(staff, 3)).toMatchObject({ surname: "Garcia", kana: "がるしあ", romaji: "Garcia", review: true });
    expect(byRow(staff, 3).reasons.map((r) => r.code)).toEqual(["REASON_LATIN_ORDER"]);
    // A katakana surname with the person's own spelling in ローマ字 (Nguyen) that does not spell the kana: a badge
    // prints such a pair only once a person confirmed it (済), so it is asked about, the spelling named.
    expect(byRow(staff, 4)).toMatchObject({ surname: "グエン", kana: "ぐえん", review: true });
    expect(byRow(staff, 4).reasons.map((r) => [r.code, r.params?.romaji])).toEqual([["REASON_ROMAJI_DOES_NOT_FIT", "Nguyen"]]);
  });

  it("prints hiragana by default (the mission's rule), katakana where the city says foreignNamesIn: katakana", async () => {
    const hiragana = await resolveAll(roster);
    expect(hiragana.staff.map((s) => s.printedKana)).toEqual(["すみす", "すみす", "がるしあ", "ぐえん", "まつの"]);
    const katakana = await resolveAll(roster, { foreignNamesIn: "katakana" });
    expect(katakana.staff.map((s) => s.printedKana)).toEqual(["スミス", "スミス", "ガルシア", "グエン", "まつの"]);
    // kana stays the hiragana reading: the contract's meaning does not change with the setting.
    expect(katakana.staff.map((s) => s.kana)).toEqual(["すみす", "すみす", "がるしあ", "ぐえん", "まつの"]);
    // The badge's kana field prints printedKana.
    expect(fieldText(byRow(katakana.staff, 2), "kana")).toBe("スミス");
    expect(fieldText(byRow(katakana.staff, 5), "kana")).toBe("まつの");
  });

  it("takes a person's 名札の表記 from the confirmed file over the city's setting, and writes it back", async () => {
    const csv = "職員番号,氏名,かな,ローマ字,名札の表記,要確認\r\nA2,SMITH John,すみす,Smith,ひらがな,\r\nA4,グエン　バン,ぐえん,Nguyen,カタカナ,済\r\n";
    const confirmed = parseConfirmedReadings(await readTable(new TextEncoder().encode(csv), { fileName: "confirmed.csv", isHeader: isConfirmedHeader }));
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.rows.map((r) => r.printedAs)).toEqual(["hiragana", "katakana"]);
    const records = [staffRecord(2, "SMITH John", { id: "A2" }), staffRecord(4, "グエン　バン", { id: "A4" })];
    const { staff } = await resolveAll(records, { overrides: confirmed, foreignNamesIn: "katakana" });
    expect(staff.map((s) => [s.printedKana, s.printedAs, s.romaji, s.review])).toEqual([["すみす", "hiragana", "Smith", false], ["グエン", "katakana", "Nguyen", false]]);
    const sheet = reviewSheetCsv(reviewReport(staff, []).staff).split("\r\n");
    expect(sheet[3]).toContain(",名札の表記,");
    expect(sheet.slice(4, 6).map((line) => line.split(",")[6])).toEqual(["ひらがな", "カタカナ"]);
  });

  it("refuses a 名札の表記 that is neither, naming the row, and keeps the other rows", async () => {
    const csv = "職員番号,かな,名札の表記\r\nA1,すみす,ローマ字\r\nA2,ぐえん,\r\n";
    const confirmed = parseConfirmedReadings(await readTable(new TextEncoder().encode(csv), { fileName: "confirmed.csv", isHeader: isConfirmedHeader }));
    expect(confirmed.rows.map((r) => [r.id, r.printedAs])).toEqual([["A2", null]]);
    expect(confirmed.errors.map((e) => formatRowError(e, "ja"))).toEqual([
      "confirmed.csv の 2 行目・「名札の表記」列：「名札の表記」の「ローマ字」は使えません。「カタカナ」か「ひらがな」と書くか、空欄にしてください（空欄は市の設定どおり）。",
    ]);
  });

  it("gives the JSON contract's printedKana for every reading", async () => {
    const { staff } = await resolveAll(roster, { foreignNamesIn: "katakana" });
    const report = JSON.parse(JSON.stringify(reviewReport(staff, [])));
    expect(report.staff.map((r: { kana: string; printedKana: string }) => `${r.kana}/${r.printedKana}`)).toEqual(
      expect.arrayContaining(["すみす/スミス", "がるしあ/ガルシア", "まつの/まつの"]),
    );
  });
});
