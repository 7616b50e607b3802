/**
 * Bad rosters, driven through the CLI as a user would run it, and through the library.
 * For each: the exit code README documents, a message that names the file (and row and column where
 * there is one) and says what to do, the other rows still go through, and no output half-written.
 */
import type { ReviewReport } from "../../src/review/review-sheet.js";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoster } from "../../src/roster/load-roster.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { RosterFileError } from "../../src/roster/errors.js";
import { bundledPath } from "../../src/package-root.js";
import { leftovers, nafuda } from "./helpers.js";
import { storedZip } from "./zip.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-hardening-roster-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));


/** Deterministic bytes that are no text in any encoding. */
function garbage(length: number, seed = 12345): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const SJIS_ROSTER = "職員番号,氏名,フリガナ\r\n001,佐藤　花子,サトウ　ハナコ\r\n002,鈴木　一郎,スズキ　イチロウ\r\n";
const sjis = encodeText(SJIS_ROSTER, "cp932");

/** Runs `nafuda readings FILE -o out/review.json --format json` over bytes, with a previous review sheet in place. */
function readings(name: string, bytes: Uint8Array | string, extra: string[] = []) {
  const folder = join(work, name.replace(/[^\w.-]/g, "_"));
  mkdirSync(join(folder, "out"), { recursive: true });
  writeFileSync(join(folder, name), bytes);
  writeFileSync(join(folder, "out", "review.json"), "previous run\n");
  const run = nafuda(folder, ["readings", name, "-o", "out/review.json", "--format", "json", ...extra]);
  const output = readFileSync(join(folder, "out", "review.json"), "utf8");
  const report = output === "previous run\n" ? null : (JSON.parse(output) as ReviewReport);
  expect(leftovers(folder)).toEqual([]);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace for bad input
  return { ...run, report, folder };
}

describe("files that cannot be used at all: exit 2, the file named, what to do, nothing written", () => {
  const cases: Array<{ what: string; file: string; bytes: () => Uint8Array | string; message: RegExp[]; code: string; ja: RegExp }> = [
    { what: "an empty file", file: "empty.csv", bytes: () => "", code: "ROSTER_EMPTY", ja: /^nafuda: empty\.csv：ファイルが空です（見出しの行も職員もありません）。/, message: [/empty\.csv: the file is empty/, /export the roster/] },
    { what: "a BOM and nothing else", file: "bom.csv", bytes: () => "\uFEFF", code: "ROSTER_EMPTY", ja: /^nafuda: bom\.csv：ファイルが空です/, message: [/bom\.csv: the file is empty/] },
    {
      what: "binary garbage",
      file: "garbage.csv",
      bytes: () => garbage(4096),
      code: "TEXT_NOT_JAPANESE_ENCODING",
      ja: /^nafuda: garbage\.csv：日本語の文字コード.*「CSV UTF-8 \(コンマ区切り\)」で保存し直してください/,
      message: [/garbage\.csv: the file is not text in a Japanese encoding/, /save it again as "CSV UTF-8/],
    },
    {
      what: "a picture renamed .csv",
      file: "photo.csv",
      bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(2048, 7)]),
      code: "TEXT_NOT_JAPANESE_ENCODING",
      ja: /^nafuda: photo\.csv：日本語の文字コード/,
      message: [/photo\.csv: the file is not text/],
    },
    {
      what: "Shift_JIS read as UTF-8 and saved (U+FFFD everywhere)",
      file: "mojibake-fffd.csv",
      bytes: () => new TextDecoder("utf-8").decode(sjis),
      code: "ROSTER_GARBLED_HEADER",
      ja: /^nafuda: mojibake-fffd\.csv：文字化けしています：見出しの「.*」に U\+FFFD.*元のファイルを使うか/,
      message: [/mojibake-fffd\.csv: the text is garbled \(文字化け\)/, /U\+FFFD/, /Use the original file/],
    },
    {
      what: "Shift_JIS read as Windows-1252 and saved as UTF-8",
      file: "mojibake-1252.csv",
      bytes: () => new TextDecoder("windows-1252").decode(sjis),
      code: "ROSTER_GARBLED_HEADER",
      ja: /^nafuda: mojibake-1252\.csv：文字化けしています：見出しの「.*E.*」はおそらく「職員番号」でした/,
      message: [/mojibake-1252\.csv: the text is garbled \(文字化け\): the header ".*E.*" was probably "職員番号"/, /Use the original file/],
    },
    {
      what: "Shift_JIS read as Latin-1 and saved as UTF-8",
      file: "mojibake-latin1.csv",
      bytes: () => Buffer.from(sjis).toString("latin1"),
      code: "ROSTER_GARBLED_HEADER",
      ja: /おそらく「職員番号」でした/,
      message: [/mojibake-latin1\.csv: the text is garbled \(文字化け\): the header ".*E.*" was probably "職員番号"/],
    },
    {
      what: "UTF-8 read as Windows-1252 and saved as UTF-8 again",
      file: "mojibake-double.csv",
      bytes: () => new TextDecoder("windows-1252").decode(Buffer.from(SJIS_ROSTER, "utf8")),
      code: "ROSTER_GARBLED_HEADER",
      ja: /おそらく「職員番号」でした/,
      message: [/the header ".*" was probably "職員番号"/],
    },
    {
      what: "a CSV renamed .xlsx",
      file: "roster.xlsx",
      bytes: () => readFileSync(bundledPath("test", "fixtures", "rosters", "really-a-csv.xlsx")),
      code: "TABLE_RENAMED_NOT_XLSX",
      ja: /^nafuda: roster\.xlsx：ファイル名は \.xlsx ですが、中身は Excel ブックではありません（CSV など/,
      message: [/roster\.xlsx: the name ends in \.xlsx but the file is not an Excel workbook \(it looks like a CSV/, /real extension \(\.csv\)/],
    },
    {
      what: "garbage named .xlsx",
      file: "garbage.xlsx",
      bytes: () => garbage(3000, 99),
      code: "TABLE_RENAMED_NOT_XLSX",
      ja: /^nafuda: garbage\.xlsx：ファイル名は \.xlsx ですが、中身は Excel ブックではありません。/,
      message: [/garbage\.xlsx: the name ends in \.xlsx but the file is not an Excel workbook\./, /save it as "Excel ブック/],
    },
    {
      what: "an XLSX cut short (a failed download)",
      file: "cut.xlsx",
      bytes: () => readFileSync(bundledPath("examples", "roster.xlsx")).subarray(0, 1500),
      code: "TABLE_XLSX_DAMAGED",
      ja: /^nafuda: cut\.xlsx：Excel ブックを読めません（.*）。壊れているか/,
      message: [/cut\.xlsx: the Excel workbook cannot be read/, /save it as "Excel ブック/],
    },
    {
      what: "a ZIP that is not a workbook",
      file: "notes.xlsx",
      bytes: () => storedZip({ "readme.txt": "hello", "data/list.csv": "氏名\n佐藤\n" }),
      code: "TABLE_XLSX_DAMAGED",
      ja: /^nafuda: notes\.xlsx：Excel ブックを読めません/,
      message: [/notes\.xlsx: the Excel workbook cannot be read/],
    },
    {
      what: "an old .xls (or password-protected) workbook",
      file: "old.xls",
      bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(1024, 3)]),
      code: "TABLE_OLD_XLS",
      ja: /^nafuda: old\.xls：古い形式の Excel ファイル（\.xls）か、パスワード付きのファイルは読めません/,
      message: [/old\.xls: this is an old-style Excel workbook \(\.xls\) or a password-protected workbook/, /remove any password/],
    },
    {
      what: "a header with no name column",
      file: "no-names.csv",
      bytes: () => "番号,所属\n1,総務課\n",
      code: "ROSTER_NO_NAME_COLUMN",
      ja: /^nafuda: no-names\.csv の 1 行目：氏名の列が見つかりません。見出しの行：「番号」「所属」。見出しを「氏名」にしてください/,
      message: [/no-names\.csv, row 1: no column holds the staff names\. The header row has: "番号", "所属"/, /氏名/],
    },
  ];

  it.each(cases)("$what", ({ file, bytes, message, ja }) => {
    const run = readings(file, bytes());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(ja);
    expect(run.report).toBeNull(); // the previous review sheet is untouched
    const english = readings(file, bytes(), ["--lang", "en"]);
    expect(english.status).toBe(2);
    for (const pattern of message) expect(english.stderr).toMatch(pattern);
  });

  it("the library throws a RosterFileError naming the file for the same inputs", async () => {
    for (const { file, bytes, message, code } of cases) {
      const input = bytes();
      const error = await loadRoster(typeof input === "string" ? new TextEncoder().encode(input) : input, { fileName: file }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, file).toBeInstanceOf(RosterFileError);
      expect((error as RosterFileError).file).toBe(file);
      expect((error as RosterFileError).code).toBe(code);
      expect((error as RosterFileError).format("en")).toMatch(message[0]!);
    }
  });
});

describe("rows that are bad in a roster that is fine: named by file, row and column; the other rows go through", () => {
  const header = "職員番号,氏名,フリガナ,所属";
  const rows = [
    "A01,佐藤　花子,サトウ　ハナコ,総務課", //                      1 fine
    "A02,ｽｽﾞｷ ｲﾁﾛｳ,,市民課", //                                   2 half-width katakana name
    "A03,高橋　健,ﾀｶﾊｼ ｹﾝ,市民課", //                               3 half-width katakana reading
    "A04,SMITH John,スミス　ジョン,国際交流課", //                   4 Latin letters, surname first in capitals
    "A05,John Smith,ジョン　スミス,国際交流課", //                   5 Latin letters, order unknown
    "A06,María García,,国際交流課", //                              6 Latin letters, no reading
    "A07,佐藤😀　花子,サトウ　ハナコ,総務課", //                     7 emoji
    "A08,😀,,総務課", //                                            8 only an emoji
    "A09,佐\u0001藤　花子,サトウ　ハナコ,総\u0007務課", //           9 control characters
    "A10,=cmd|' /C calc'!A0,,総務課", //                            10 formulas
    "A11,+SUM(1),,総務課", //                                       11
    "A12,-2+3,,総務課", //                                          12
    "A13,@SUM(A1),,総務課", //                                      13
    "A14,田中　次郎,タナカ　ジロウ,=HYPERLINK(\"http://x\")", //     14 a formula in another cell
    "A15,伊藤　健太,イトウ　ケンタ,税務課", //                       15 fine
  ];
  const csv = [header, ...rows].join("\r\n") + "\r\n";
  // One run for the whole block, made before any test (so no test depends on another having run first).
  let run: ReturnType<typeof readings>;
  beforeAll(() => {
    run = readings("mixed.csv", csv, ["--lang", "en"]);
  }, 60_000);
  const byId = (id: string) => run.report!.staff.find((row) => row.id === id)!;

  it("runs: exit 0, and exit 1 with --strict", () => {
    expect(run.status).toBe(0);
    expect(run.report!.summary.total).toBe(15);
    expect(readings("mixed-strict.csv", csv, ["--strict"]).status).toBe(1);
  });

  it("reads a name in half-width katakana, and a half-width reading", () => {
    expect(byId("A02")).toMatchObject({ surname: "ｽｽﾞｷ", kana: "すずき", romaji: "Suzuki", review: false });
    expect(byId("A03")).toMatchObject({ surname: "高橋", kana: "たかはし", romaji: "Takahashi", review: false });
  });

  it("reads a foreign national's name in Latin letters: certain when the surname is in capitals, reviewed otherwise", () => {
    expect(byId("A04")).toMatchObject({ surname: "SMITH", kana: "すみす", romaji: "Smith", review: false });
    const john = byId("A05");
    expect(john.review).toBe(true);
    expect(john).toMatchObject({ surname: "Smith", kana: "すみす", romaji: "Smith" }); // Western order: the last part
    expect(john.reasonCodes).toEqual(["REASON_LATIN_ORDER"]);
    expect(john.reasons.join()).toMatch(/which part is the surname is not certain \(Smith, the last part as in Western order, was taken\)/);
    expect(byId("A06")).toMatchObject({ code: "READING_NONE_LATIN", sheetRow: 7 });
    expect(byId("A06").error).toMatch(/^column フリガナ: no reading for the surname García, which is written in Latin letters: give its reading in katakana/);
    expect(run.stderr).toContain("mixed.csv, row 7, column フリガナ: no reading for the surname García");
    const japanese = readings("mixed-ja.csv", csv);
    expect(japanese.report!.staff.find((row) => row.id === "A05")!.reasons).toEqual([
      "氏名がローマ字のため、どれが姓か分かりません（欧米の順として、最後の「Smith」を姓としました）。姓の列に姓を書くか、姓を大文字で書いてください（SMITH John）。",
    ]);
    expect(japanese.stderr).toContain("エラー：mixed-ja.csv の 7 行目・「フリガナ」列：姓「García」はローマ字で書かれているため、読みがわかりません。");
  });

  it("refuses a name with an emoji, naming the character, row and column", () => {
    expect(run.stderr).toContain("error: mixed.csv, row 8, column 氏名: the name \"佐藤😀　花子\" holds 😀 (U+1F600), which is not part of a name");
    expect(run.stderr).toMatch(/row 8, .*remove it in the roster/);
    expect(run.stderr).toContain("error: mixed.csv, row 9, column 氏名: the name \"😀\" holds 😀 (U+1F600)");
    expect(byId("A07").kana).toBeUndefined();
  });

  it("drops control characters from every cell and reads the row", () => {
    expect(byId("A09")).toMatchObject({ name: "佐藤　花子", surname: "佐藤", kana: "さとう", review: false });
    expect(JSON.stringify(run.report)).not.toMatch(/\\u000[17]/);
  });

  it("refuses a name that is a spreadsheet formula, saying so", () => {
    for (const [row, start] of [[11, "="], [12, "+"], [13, "-"], [14, "@"]] as const) {
      expect(run.stderr).toContain(`error: mixed.csv, row ${row}, column 氏名: the name `);
      expect(run.stderr).toMatch(new RegExp(`row ${row}, column 氏名: .* starts with \\${start} like a spreadsheet formula, not a name: correct the cell`));
    }
  });

  it("still reads every good row", () => {
    for (const id of ["A01", "A14", "A15"]) expect(byId(id).kana, id).toMatch(/^\p{Script=Hiragana}+$/u);
    expect(run.report!.summary.errors).toBe(7); // rows 6, 7, 8, 10, 11, 12, 13
  });

  it("writes the review sheet as CSV with every formula-like cell neutralised", () => {
    const folder = run.folder;
    const sheetRun = nafudaCsv(folder, "mixed.csv");
    expect(sheetRun.status).toBe(0);
    const cells = parseCsv(readFileSync(join(folder, "out", "review.csv"), "utf8"), { bom: true, relax_column_count: true }) as string[][];
    expect(cells).toHaveLength(19); // title, instructions, a blank row, the header, 15 staff
    for (const cell of cells.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.flat()).toContain("'=cmd|' /C calc'!A0");
    expect(cells.flat().join("\n")).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(leftovers(folder)).toEqual([]);
  });
});

function nafudaCsv(folder: string, roster: string) {
  return nafuda(folder, ["readings", roster, "-o", "out/review.csv"]);
}

describe("line endings and quoting", () => {
  it("reads mixed CRLF, LF and CR line endings, counting rows right", () => {
    const run = readings("endings.csv", "氏名,フリガナ\r\n佐藤　花子,サトウ　ハナコ\n鈴木　一郎,スズキ　イチロウ\r\n,\r田中　次郎,タナカ　ジロウ\r,ミスミ\n");
    expect(run.status).toBe(0);
    expect(run.report!.staff.map((s) => [s.sheetRow, s.kana ?? s.error])).toEqual([
      [6, "「氏名」列：氏名が空です。氏名を入れるか、この行を削除してください。"],
      [2, "さとう"],
      [3, "すずき"],
      [5, "たなか"], // Excel's row 4 is empty: skipped, but counted
    ]);
    expect(run.stderr).toContain("endings.csv の 6 行目・「氏名」列：氏名が空です");
  });

  it("reads quoted cells with line breaks, commas and quotes; later rows keep their numbers", () => {
    const run = readings(
      "quoted.csv",
      '氏名,フリガナ,所属\r\n"佐藤\r\n花子",サトウ　ハナコ,"総務課\n庶務係, ""第一"""\r\n鈴木　一郎,スズキ　イチロウ,市民課\r\n"",,税務課\r\n',
    );
    expect(run.status).toBe(0);
    expect(run.report!.staff.find((s) => s.row === 1)).toMatchObject({ name: "佐藤 花子", kana: "さとう" });
    expect(run.report!.staff.find((s) => s.row === 2)).toMatchObject({ kana: "すずき" });
    // Excel shows the quoted line break inside one cell: the empty name is on Excel's row 4 (line 5 of the file).
    expect(run.stderr).toContain("quoted.csv の 4 行目・「氏名」列：氏名が空です");
  });

  it("names the line of a quote that is never closed, and exits 2", () => {
    const run = readings("unclosed.csv", '氏名,フリガナ\n佐藤　花子,サトウ\n"鈴木　一郎,スズキ\n田中　次郎,タナカ\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^nafuda: unclosed\.csv：3 行目のセルが「"」で始まっていますが、閉じる「"」がないまま最後まで続いています。/);
    expect(run.report).toBeNull();
  });

  it("leaves out a row with a stray comma, naming its row, and reads the others", () => {
    const run = readings("comma.csv", "氏名,フリガナ\n佐藤　花子,サトウ　ハナコ\n鈴木,一郎,スズキ\n田中　次郎,タナカ　ジロウ\n");
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("エラー：comma.csv の 3 行目：この行は値が 3 個ありますが、見出しは 2 個です。3 列目（「スズキ」）に見出しがありません。");
    expect(run.report!.staff.map((s) => s.kana)).toEqual(expect.arrayContaining(["さとう", "たなか"]));
  });
});

describe("garbled rows in a roster whose header is fine", () => {
  it("leaves out the garbled row, says what it probably said, reads the others", async () => {
    const garbled = new TextDecoder("windows-1252").decode(encodeText("鈴木　一郎", "cp932"));
    const run = readings("rows.csv", `name,reading\r\n佐藤　花子,サトウ　ハナコ\r\n${garbled},\r\nJosé Müller,ミュラー\r\n`, ["--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/rows\.csv, row 3, column name: the text is garbled \(文字化け\): ".+" was probably "鈴木　一郎"\. .*Correct this cell/);
    expect(run.stderr).not.toMatch(/[\u0080-\u009f]/); // C1 controls are shown as \u{…}, never sent to the terminal
    expect(run.report!.staff.find((s) => s.row === 1)!.kana).toBe("さとう");
    // A real name with accents is not mojibake.
    const jose = run.report!.staff.find((s) => s.row === 3)!;
    expect(jose.error).toBeUndefined();
    expect(run.stderr).not.toMatch(/row 4.*文字化け/);
    // Western order: Müller is the surname; its one-word reading is taken for it, and asked about.
    expect(jose).toMatchObject({ surname: "Müller", kana: "みゅらー", review: true });
    expect(jose.reasonCodes).toEqual(["REASON_LATIN_ORDER", "REASON_FOREIGN_READING_ONE_PART"]);
  });
});
