import { fileURLToPath } from "node:url";
import writeExcelFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { formatRowError, type StaffRecord } from "../../src/model.js";
import { thrownBy } from "../helpers/errors.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { RosterFileError } from "../../src/roster/errors.js";
import { loadRoster } from "../../src/roster/load-roster.js";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const load = (csv: string, fileName = "roster.csv") => loadRoster(utf8(csv), { fileName });
const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));

const base: Omit<StaffRecord, "row" | "sheetRow" | "name" | "fields"> = {
  id: null, surname: null, given: null, nameReading: null, surnameReading: null, romaji: null, department: null, facility: null, title: null,
};

describe("loadRoster", () => {
  it("makes one record per row with every role and every column in fields", async () => {
    const roster = await load("職員番号,氏名,フリガナ,所属,施設,役職,内線\r\n00123,髙橋　一郎,タカハシ　イチロウ,総務課,本庁舎,主事,1234\r\n");
    expect(roster.records).toEqual([
      {
        ...base, row: 1, sheetRow: 2, id: "00123", name: "髙橋　一郎", nameReading: "タカハシ　イチロウ", department: "総務課", facility: "本庁舎", title: "主事",
        fields: { 職員番号: "00123", 氏名: "髙橋　一郎", フリガナ: "タカハシ　イチロウ", 所属: "総務課", 施設: "本庁舎", 役職: "主事", 内線: "1234" },
      },
    ]);
    expect(roster).toMatchObject({ file: "roster.csv", encoding: "utf-8", format: "csv", errors: [], notes: [] });
  });

  const nameCases: { name: string; csv: string; expected: Partial<StaffRecord> }[] = [
    { name: "氏名 as written, variant kanji kept (no NFKC)", csv: "氏名\n山﨑　花子\n", expected: { name: "山﨑　花子" } },
    { name: "a name without a space", csv: "氏名\n佐藤花子\n", expected: { name: "佐藤花子" } },
    { name: "cells trimmed (ASCII and full-width spaces)", csv: "氏名,所属\n　 齋藤　綾香 　,  市民課 \n", expected: { name: "齋藤　綾香", department: "市民課" } },
    { name: "control and zero-width characters removed", csv: "氏名\n\"渡邊\u200B\u0007　修\u0000\"\n", expected: { name: "渡邊　修" } },
    { name: "a line break inside a name becomes a space", csv: "氏名\n\"小鳥遊\r\nひなた\"\n", expected: { name: "小鳥遊 ひなた" } },
    { name: "a Latin-only name is kept as is", csv: "name\nJohn SMITH\n", expected: { name: "John SMITH" } },
    { name: "full-width letters are not folded", csv: "氏名\nＡＢＣ　太郎\n", expected: { name: "ＡＢＣ　太郎" } },
    { name: "姓 + 名 joined with a full-width space", csv: "姓,名,セイ\n勅使河原,恵,テシガワラ\n", expected: { name: "勅使河原　恵", surname: "勅使河原", given: "恵", surnameReading: "テシガワラ" } },
    { name: "姓 alone", csv: "姓,名\n一色,\n", expected: { name: "一色", surname: "一色", given: null } },
    { name: "empty 氏名 filled from 姓 and 名", csv: "氏名,姓,名\n,菅,涼子\n", expected: { name: "菅　涼子", surname: "菅" } },
    { name: "English headers", csv: "Staff ID,Last Name,First Name,Romaji,Department\n7,Sato,Hanako,SATO,General Affairs\n", expected: { id: "7", name: "Sato　Hanako", surname: "Sato", given: "Hanako", romaji: "SATO", department: "General Affairs" } },
  ];
  it.each(nameCases)("$name", async ({ csv, expected }) => {
    const roster = await load(csv);
    expect(roster.errors).toEqual([]);
    expect(roster.records).toHaveLength(1);
    expect(roster.records[0]).toMatchObject(expected);
  });

  it("an empty name is a RowError on that row and column; the other rows go through", async () => {
    const roster = await load("職員番号,氏名,所属\n1,佐藤　花子,総務課\n2,　,市民課\n3,鈴木　大輔,図書館\n");
    expect(roster.records.map((record) => [record.row, record.name])).toEqual([[1, "佐藤　花子"], [3, "鈴木　大輔"]]);
    expect(roster.errors).toEqual([{ file: "roster.csv", row: 2, sheetRow: 3, column: "氏名", code: "ROW_NAME_EMPTY" }]);
    expect(formatRowError(roster.errors[0]!)).toBe("roster.csv の 3 行目・「氏名」列：氏名が空です。氏名を入れるか、この行を削除してください。");
  });

  it("a row with too many fields is left out with its error; the good rows survive", async () => {
    const roster = await load("職員番号,氏名,所属\n1,佐藤　花子,総務課\n2,山田,太郎,市民課\n3,鈴木　大輔,図書館\n");
    expect(roster.records.map((record) => record.name)).toEqual(["佐藤　花子", "鈴木　大輔"]);
    expect(roster.errors).toHaveLength(1);
    expect(roster.errors[0]).toMatchObject({ row: 2, sheetRow: 3, file: "roster.csv", code: "ROW_EXTRA_FIELDS" });
    expect(formatRowError(roster.errors[0]!)).toMatch(/^roster\.csv の 3 行目：この行は値が 4 個ありますが、見出しは 3 個です。4 列目（「市民課」）に見出しがありません。/u);
    expect(formatRowError(roster.errors[0]!, "en")).toMatch(/^roster\.csv, row 3: this row has 4 fields but the header has 3: column 4/u);
  });

  it("no name column: a RosterFileError listing the headers found and the names accepted", async () => {
    const error = await thrownBy(() => load("職員番号,所属,役職\n1,総務課,主事\n", "staff.csv"));
    expect(error).toBeInstanceOf(RosterFileError);
    expect(error).toMatchObject({ code: "ROSTER_NO_NAME_COLUMN", file: "staff.csv", sheetRow: 1 });
    expect(error.message).toMatch(/^staff\.csv の 1 行目：氏名の列が見つかりません。見出しの行：「職員番号」「所属」「役職」。/u);
    expect(error.message).toMatch(/氏名.*名前.*name.*姓.*surname.*名/su);
    expect(error.format("en")).toMatch(/^staff\.csv, row 1: no column holds the staff names/u);
  });

  it("a title line above the header is skipped", async () => {
    const roster = await load("令和7年度 職員名簿,,\n,,\n職員番号,氏名,所属\n1,佐藤　花子,総務課\n");
    expect(roster.headers).toEqual(["職員番号", "氏名", "所属"]);
    expect(roster.records).toMatchObject([{ row: 1, sheetRow: 4, id: "1", name: "佐藤　花子" }]);
    expect(roster.errors).toEqual([]);
  });

  it("notes two name columns, a repeated staff number and a user-defined character (外字)", async () => {
    const roster = await load("職員番号,氏名,名前\n1,佐藤　花子,さとう\n1,鈴木\uE001,すずき\n");
    expect(roster.records).toHaveLength(2);
    expect(roster.records[0]!.fields).toEqual({ 職員番号: "1", 氏名: "佐藤　花子", 名前: "さとう" });
    expect(roster.notes).toHaveLength(3);
    const notes = roster.notes.map((note) => formatRowError(note)).join("\n");
    expect(notes).toMatch(/「氏名」（2 列目）と「名前」（3 列目）はどちらも氏名の列に見えます/u);
    expect(notes).toMatch(/roster\.csv の 3 行目：氏名「鈴木\uE001」に外字/u);
    expect(notes).toMatch(/職員番号 1 が 2, 3 行目にあります/u);
    expect(roster.notes.map((note) => formatRowError(note, "en")).join("\n")).toMatch(/"氏名" \(column 2\) and "名前" \(column 3\) both look like the full name/u);
  });

  describe("the name used at work (旧姓使用・通称使用)", () => {
    it.each([
      {
        what: "a 通称 column with its reading is the name printed",
        csv: "職員番号,氏名,フリガナ,通称,通称フリガナ\n1,山田　花子,ヤマダ　ハナコ,松野　花子,マツノ　ハナコ\n",
        expected: { name: "松野　花子", nameReading: "マツノ　ハナコ", surname: null, surnameReading: null, nameUsed: "work", legalName: "山田　花子" },
      },
      {
        what: "職務上の氏名 is the same",
        csv: "氏名,職務上の氏名,職務上の氏名フリガナ\n山田　花子,松野　花子,まつの　はなこ\n",
        expected: { name: "松野　花子", nameReading: "まつの　はなこ", nameUsed: "work" },
      },
      {
        what: "旧姓 with 旧姓使用 = はい replaces the surname, with 旧姓フリガナ",
        csv: "氏名,フリガナ,旧姓,旧姓フリガナ,旧姓使用\n山田　花子,ヤマダ　ハナコ,松野,マツノ,はい\n",
        expected: { name: "松野　花子", surname: "松野", given: "花子", surnameReading: "マツノ", nameReading: null, nameUsed: "former", legalName: "山田　花子" },
      },
      { what: "旧姓使用 written ○ or 1 counts too", csv: "姓,名,旧姓,旧姓使用\n山田,花子,松野,○\n", expected: { name: "松野　花子", surname: "松野", nameUsed: "former" } },
      {
        what: "旧姓 alone (kept as history) changes nothing",
        csv: "氏名,フリガナ,旧姓,旧姓フリガナ\n山田　花子,ヤマダ　ハナコ,松野,マツノ\n",
        expected: { name: "山田　花子", nameReading: "ヤマダ　ハナコ", surname: null },
      },
      { what: "旧姓使用 = いいえ changes nothing", csv: "氏名,旧姓,旧姓使用\n山田　花子,松野,いいえ\n", expected: { name: "山田　花子" } },
      { what: "an empty 通称 cell keeps the legal name", csv: "氏名,通称\n山田　花子,\n", expected: { name: "山田　花子" } },
    ])("$what", async ({ csv, expected }) => {
      const roster = await load(csv);
      expect(roster.errors).toEqual([]);
      expect(roster.records[0]).toMatchObject(expected);
      if (!("nameUsed" in expected)) expect(roster.records[0]!.nameUsed).toBeUndefined();
    });
  });

  it("repeated and empty headers still get a key in fields", async () => {
    const roster = await load("氏名,,備考,備考\n佐藤,x,a,b\n");
    expect(roster.records[0]!.fields).toEqual({ 氏名: "佐藤", 列2: "x", 備考: "a", "備考 (4)": "b" });
  });

  it("reads CP932 and XLSX rosters to the same records", async () => {
    const rows = [["職員番号", "氏名", "フリガナ"], ["00101", "髙橋　健一", "タカハシ　ケンイチ"], ["00102", "山﨑　聡", ""]];
    const csv = rows.map((row) => row.join(",")).join("\r\n") + "\r\n";
    const xlsx = await writeExcelFile([
      { sheet: "メモ", data: [["メモ"]] },
      { sheet: "名簿", data: rows.map((row) => row.map((value) => ({ value, type: String }))) },
    ]).toBuffer();
    const fromCsv = await loadRoster(encodeText(csv, "cp932"), { fileName: "roster.csv" });
    const fromXlsx = await loadRoster(xlsx, { fileName: "roster.xlsx", sheet: "名簿" });
    expect(fromCsv.encoding).toBe("cp932");
    expect(fromXlsx.sheet).toBe("名簿");
    expect(fromXlsx.records).toEqual(fromCsv.records);
    expect(fromCsv.records[1]).toMatchObject({ name: "山﨑　聡", nameReading: null });
  });

  it("a numeric 職員番号 in XLSX becomes its digits", async () => {
    const xlsx = await writeExcelFile([["職員番号", "氏名"], [123, "佐藤　花子"]]).toBuffer();
    const roster = await loadRoster(xlsx, { fileName: "roster.xlsx" });
    expect(roster.records[0]).toMatchObject({ id: "123", name: "佐藤　花子" });
  });
});

describe("the bundled example roster", () => {
  it("the three example files load to identical records", async () => {
    const [cp932, utf8Bom, xlsx] = await Promise.all([
      loadRoster(example("roster.csv")),
      loadRoster(example("roster-utf8.csv")),
      loadRoster(example("roster.xlsx")),
    ]);
    expect(cp932.encoding).toBe("cp932");
    expect(utf8Bom.encoding).toBe("utf-8-bom");
    expect(xlsx.format).toBe("xlsx");
    expect(utf8Bom.records).toEqual(cp932.records);
    expect(xlsx.records).toEqual(cp932.records);
    for (const roster of [cp932, utf8Bom, xlsx]) expect(roster.errors).toEqual([]);
  });

  it("is written as the brief asks: ≥ 64 staff, CRLF, mostly spaced names and readings, about 8 without フリガナ", async () => {
    const { records, headers } = await loadRoster(example("roster.csv"));
    expect(headers).toEqual(["職員番号", "氏名", "フリガナ", "所属", "施設", "役職"]);
    expect(records.length).toBeGreaterThanOrEqual(64);
    const spaced = records.filter((record) => record.name.includes("\u3000")).length;
    expect(spaced).toBeGreaterThan(records.length * 0.8);
    expect(spaced).toBeLessThan(records.length);
    expect(records.filter((record) => record.nameReading === null)).toHaveLength(8);
    for (const record of records) {
      expect(record.id).toMatch(/^0\d{4}$/u);
      if (record.nameReading !== null) expect(record.nameReading).toMatch(/^[ァ-ヶー　]+$/u);
    }
    const names = records.map((record) => record.name).join(" ");
    for (const surname of ["東海林", "小鳥遊", "勅使河原", "髙橋", "山﨑", "齋藤", "渡邊", "三瓶", "一色", "菅", "中島"]) expect(names).toContain(surname);
    expect(names).not.toMatch(/𠮷/u);
    const bytes = await import("node:fs/promises").then((fs) => fs.readFile(example("roster.csv")));
    expect(bytes.includes(Buffer.from("\r\n"))).toBe(true);
    expect(bytes.toString("latin1").replaceAll("\r\n", "")).not.toMatch(/[\r\n]/u);
  });
});
