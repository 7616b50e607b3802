import { fileURLToPath } from "node:url";
import writeExcelFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { encodeText } from "../../src/roster/encode-text.js";
import { RosterFileError } from "../../src/roster/errors.js";
import { readTable } from "../../src/roster/read-table.js";
import { formatRowError } from "../../src/model.js";
import { thrownBy } from "../helpers/errors.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/rosters/${name}`, import.meta.url));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("readTable: CSV", () => {
  const cases: {
    name: string;
    csv: string;
    headers: string[];
    rows: { row: number; sheetRow: number; line: number; cells: string[] }[];
    errors?: RegExp[];
  }[] = [
    {
      name: "a quoted cell with a newline and a comma",
      csv: '氏名,所属\r\n"佐藤\r\n花子","市民課, 窓口係"\r\n鈴木,税務課\r\n',
      headers: ["氏名", "所属"],
      rows: [
        { row: 1, sheetRow: 2, line: 2, cells: ["佐藤\r\n花子", "市民課, 窓口係"] },
        { row: 2, sheetRow: 3, line: 4, cells: ["鈴木", "税務課"] },
      ],
    },
    {
      name: '"" escapes a quote inside a quoted cell',
      csv: '氏名,役職\n"山田 ""やまちゃん"" 太郎",主事\n',
      headers: ["氏名", "役職"],
      rows: [{ row: 1, sheetRow: 2, line: 2, cells: ['山田 "やまちゃん" 太郎', "主事"] }],
    },
    {
      name: "mixed CRLF, LF and CR line endings",
      csv: "氏名,所属\r\n佐藤,総務課\n鈴木,市民課\r\n田中,税務課\r伊藤,福祉課",
      headers: ["氏名", "所属"],
      rows: [
        { row: 1, sheetRow: 2, line: 2, cells: ["佐藤", "総務課"] },
        { row: 2, sheetRow: 3, line: 3, cells: ["鈴木", "市民課"] },
        { row: 3, sheetRow: 4, line: 4, cells: ["田中", "税務課"] },
        { row: 4, sheetRow: 5, line: 5, cells: ["伊藤", "福祉課"] },
      ],
    },
    {
      name: "trailing empty lines are ignored and fully empty rows skipped (but counted, as Excel shows them)",
      csv: "氏名,所属\r\n佐藤,総務課\r\n,\r\n\r\n鈴木,市民課\r\n\r\n\r\n",
      headers: ["氏名", "所属"],
      rows: [
        { row: 1, sheetRow: 2, line: 2, cells: ["佐藤", "総務課"] },
        { row: 4, sheetRow: 5, line: 5, cells: ["鈴木", "市民課"] },
      ],
    },
    {
      name: "a short row is padded with empty cells; trailing empty extra cells are dropped",
      csv: "職員番号,氏名,所属\n1,佐藤\n2,鈴木,市民課,,\n",
      headers: ["職員番号", "氏名", "所属"],
      rows: [
        { row: 1, sheetRow: 2, line: 2, cells: ["1", "佐藤", ""] },
        { row: 2, sheetRow: 3, line: 3, cells: ["2", "鈴木", "市民課"] },
      ],
    },
    {
      name: "a row with too many fields is an error on that row naming the extra column; the others go through",
      csv: "職員番号,氏名,フリガナ,所属,施設,役職\r\n" +
        Array.from({ length: 11 }, (_, index) => `${index + 1},佐藤　花子,サトウ　ハナコ,総務課,本庁舎,主事`).join("\r\n") +
        "\r\n12,山田,太郎,ヤマダ　タロウ,総務課,本庁舎,主事,x\r\n13,鈴木,スズキ,市民課,本庁舎,主任\r\n",
      headers: ["職員番号", "氏名", "フリガナ", "所属", "施設", "役職"],
      rows: [
        ...Array.from({ length: 11 }, (_, index) => ({ row: index + 1, sheetRow: index + 2, line: index + 2, cells: [`${index + 1}`, "佐藤　花子", "サトウ　ハナコ", "総務課", "本庁舎", "主事"] })),
        { row: 13, sheetRow: 14, line: 14, cells: ["13", "鈴木", "スズキ", "市民課", "本庁舎", "主任"] },
      ],
      errors: [/^roster\.csv, row 13: this row has 8 fields but the header has 6: column 7 \("主事"\) has no header: check for an unquoted comma in the name/u],
    },
    {
      name: "a header with a trailing comma has no extra column; cells and headers are kept as written (untrimmed cells)",
      csv: " 氏名 ,所属,\n 佐藤 ,総務課,\n",
      headers: ["氏名", "所属"],
      rows: [{ row: 1, sheetRow: 2, line: 2, cells: [" 佐藤 ", "総務課"] }],
    },
  ];

  it.each(cases)("$name", async ({ csv, headers, rows, errors = [] }) => {
    const table = await readTable(utf8(csv), { fileName: "roster.csv" });
    expect(table.format).toBe("csv");
    expect(table.headers).toEqual(headers);
    expect(table.rows).toEqual(rows);
    expect(table.errors).toHaveLength(errors.length);
    errors.forEach((pattern, index) => {
      expect(formatRowError(table.errors[index]!, "en")).toMatch(pattern);
      expect(table.errors[index]!.file).toBe("roster.csv");
    });
  });

  it("reads Shift_JIS (CP932) as Excel saves it, with ① 髙 﨑", async () => {
    const table = await readTable(encodeText("氏名,所属\r\n髙橋　一郎,総務課①\r\n山﨑　花子,市民課\r\n", "cp932"), { fileName: "名簿.csv" });
    expect(table.encoding).toBe("cp932");
    expect(table.rows.map((row) => row.cells)).toEqual([["髙橋　一郎", "総務課①"], ["山﨑　花子", "市民課"]]);
  });

  it("reads Excel's Unicode text (UTF-16LE, tab-separated .txt) as TSV", async () => {
    const text = "氏名\t所属\r\n佐藤　花子\t総務課, 庶務係\r\n";
    const table = await readTable(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]), { fileName: "名簿.txt" });
    expect(table).toMatchObject({ format: "tsv", encoding: "utf-16le", headers: ["氏名", "所属"] });
    expect(table.rows[0]!.cells).toEqual(["佐藤　花子", "総務課, 庶務係"]);
  });

  it("reads EUC-JP", async () => {
    const table = await readTable(encodeText("氏名,所属\n山田　太郎,総務課\n", "euc-jp"), { fileName: "old.csv" });
    expect(table.encoding).toBe("euc-jp");
    expect(table.rows[0]!.cells).toEqual(["山田　太郎", "総務課"]);
  });

  it("an unclosed quote is a RosterFileError saying what to fix", async () => {
    const error = await thrownBy(() => readTable(utf8('氏名,所属\n"佐藤,総務課\n鈴木,市民課\n'), { fileName: "q.csv" }));
    expect(error).toBeInstanceOf(RosterFileError);
    expect(error.code).toBe("TABLE_CSV_QUOTE_NOT_CLOSED");
    expect(error.message).toBe('q.csv：2 行目のセルが「"」で始まっていますが、閉じる「"」がないまま最後まで続いています。そのセルの「"」を閉じるか、消してください。');
    expect(error.format("en")).toMatch(/^q\.csv: a double quote \(".*on line 2 .*never closed/u);
  });

  it("reads a file from disk and names it in the table", async () => {
    const table = await readTable(fixture("staff.csv"));
    expect(table).toMatchObject({ file: fixture("staff.csv"), headers: ["name", "department"], encoding: "utf-8" });
  });
});

describe("readTable: files that cannot be read", () => {
  it("a missing file is a RosterFileError naming the path", async () => {
    const path = fixture("no-such-roster.csv");
    const error = await thrownBy(() => readTable(path));
    expect(error).toMatchObject({ code: "FILE_NOT_FOUND", file: path });
    expect(error.message).toBe(`${path}：ファイルがありません。場所とファイル名（拡張子 .csv や .xlsx も）を確かめてください。`);
    expect(error.format("en")).toMatch(/does not exist/u);
  });

  it("an .xlsx that is really a CSV is a RosterFileError saying so", async () => {
    const error = await thrownBy(() => readTable(fixture("really-a-csv.xlsx")));
    expect(error.code).toBe("TABLE_RENAMED_NOT_XLSX");
    expect(error.message).toMatch(/really-a-csv\.xlsx：ファイル名は \.xlsx ですが、中身は Excel ブックではありません（CSV など/u);
    expect(error.format("en")).toMatch(/really-a-csv\.xlsx: .*not an Excel workbook.*looks like a CSV/su);
  });

  it("an old .xls (OLE) is refused with what to save it as", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readTable(ole, { fileName: "名簿.xls" })).rejects.toThrow(/Excel ブック \(\*\.xlsx\)/u);
  });

  it("a zip that is not a workbook is a RosterFileError", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(readTable(zip, { fileName: "broken.xlsx" })).rejects.toThrow(RosterFileError);
  });
});

describe("readTable: XLSX", () => {
  const workbook = async () =>
    writeExcelFile([
      {
        sheet: "表紙",
        data: [["令和7年度 職員名簿"], ["あおば市 総務課"]],
      },
      {
        sheet: "職員",
        data: [
          ["職員番号", "氏名", "採用日", "係数", "在籍"],
          [123, "髙橋　一郎", { value: new Date(Date.UTC(2019, 3, 1)), format: "yyyy/mm/dd" }, 0.1 + 0.2, true],
          ["00124", "  山﨑　花子 ", null, 1.5, false],
          [null, null, null, null, null],
          [125, "佐藤花子", null, null, null],
        ],
      },
    ]).toBuffer();

  it("reads the first sheet by default", async () => {
    const table = await readTable(await workbook(), { fileName: "名簿.xlsx" });
    expect(table).toMatchObject({ format: "xlsx", sheet: "表紙", headers: ["令和7年度 職員名簿"] });
  });

  it.each([{ sheet: "職員" }, { sheet: 2 }])("selects a sheet by name or number ($sheet), with cells as Excel shows them", async ({ sheet }) => {
    const table = await readTable(await workbook(), { fileName: "名簿.xlsx", sheet });
    expect(table.sheet).toBe("職員");
    expect(table.headers).toEqual(["職員番号", "氏名", "採用日", "係数", "在籍"]);
    expect(table.rows).toEqual([
      { row: 1, sheetRow: 2, cells: ["123", "髙橋　一郎", "2019-04-01", "0.3", "TRUE"] },
      { row: 2, sheetRow: 3, cells: ["00124", "  山﨑　花子 ", "", "1.5", "FALSE"] },
      { row: 4, sheetRow: 5, cells: ["125", "佐藤花子", "", "", ""] },
    ]);
    expect(table.errors).toEqual([]);
  });

  it("an unknown sheet name is an error listing the sheets", async () => {
    const byName = await thrownBy(async () => readTable(await workbook(), { fileName: "名簿.xlsx", sheet: "職員一覧" }));
    expect(byName.message).toBe("名簿.xlsx：「職員一覧」という名前のシートはありません。このブックのシート：「表紙」「職員」。");
    expect(byName.format("en")).toBe(`名簿.xlsx: there is no sheet named "職員一覧". The workbook's sheets are: "表紙", "職員".`);
    const byNumber = await thrownBy(async () => readTable(await workbook(), { fileName: "名簿.xlsx", sheet: 3 }));
    expect(byNumber).toMatchObject({ code: "TABLE_XLSX_NO_SHEET_NUMBER" });
    expect(byNumber.message).toMatch(/3 番目のシートはありません。このブックのシートは 2 枚で、1 から数えます：「表紙」「職員」/u);
  });

  it("sniffs a workbook from its bytes whatever the name says", async () => {
    const table = await readTable(await workbook(), { fileName: "export.dat", sheet: "職員" });
    expect(table.format).toBe("xlsx");
  });
});

describe("readTable: JSON", () => {
  it("reads an array of objects, keys as headers in order of first appearance", async () => {
    const json = JSON.stringify([{ 施設: "本庁舎", 住所: "1-1" }, { 施設: "中央図書館", 電話: 123, 開館: true }, { 施設: null }]);
    const table = await readTable(utf8(json), { fileName: "facilities.json" });
    expect(table.headers).toEqual(["施設", "住所", "電話", "開館"]);
    expect(table.rows).toEqual([
      { row: 1, sheetRow: null, cells: ["本庁舎", "1-1", "", ""] },
      { row: 2, sheetRow: null, cells: ["中央図書館", "", "123", "TRUE"] },
    ]);
  });

  it("sniffs JSON from a leading [ without an extension", async () => {
    const table = await readTable(utf8(' [{"name": "Sato"}]'), { fileName: "stdin" });
    expect(table.format).toBe("json");
  });

  it("a JSON object that is not an array is a RosterFileError", async () => {
    const error = await thrownBy(() => readTable(utf8('{"name": "Sato"}'), { fileName: "x.json" }));
    expect(error).toMatchObject({ code: "TABLE_JSON_NOT_ARRAY", file: "x.json" });
    expect(error.format("en")).toMatch(/^x\.json: a JSON table must be an array/u);
  });

  it("an item that is not an object is a row error; the others go through", async () => {
    const table = await readTable(utf8('[{"name": "Sato"}, 3, {"name": "Ito"}]'), { fileName: "x.json" });
    expect(table.rows.map((row) => row.cells)).toEqual([["Sato"], ["Ito"]]);
    expect(table.errors).toMatchObject([{ row: 2, sheetRow: null, file: "x.json", code: "ROW_JSON_NOT_OBJECT" }]);
    expect(formatRowError(table.errors[0]!)).toBe("x.json の 2 件目：この項目はオブジェクト（{\"氏名\": \"…\"}）ではないため、除きました。ほかの項目は読みました。");
  });
});
