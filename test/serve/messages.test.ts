import { describe, expect, it } from "vitest";
import { japanese, pageRowError, rowPlace } from "../../src/serve/messages.js";
import { msg } from "../../src/messages/message.js";

describe("the page's Japanese wording of library messages", () => {
  it.each([
    ["examples/x.csv: no column holds the staff names. The header row has: \"番号\", \"部署\". Name the column with the full name 氏名", "名前の列が見つかりません"],
    ["x.xls: this is an old-style Excel workbook (.xls) or a password-protected workbook, which cannot be read.", "古い形式の Excel ファイル（.xls）"],
    ["x.xls: old-style .xls files cannot be read. Open it in Excel", "古い形式の Excel ファイル（.xls）"],
    ["x.xlsx: the name ends in .xlsx but the file is not an Excel workbook (it looks like a CSV or text file that was renamed).", "ファイル名は .xlsx ですが、中身は Excel ではありません"],
    ["the name is empty: fill it in or delete the row", "氏名が空です"],
    ["no reading for the surname 鬮橋: give it in the roster's フリガナ column", "「鬮橋」の読みがわかりません"],
    ["「nakajima」 is not kana: write the surname's reading in hiragana", "「nakajima」はかなではありません"],
    ["中島 隆: kana \"なかじま\": the font BIZUDPGothic-Bold has no glyph for U+2FFF — choose a font that has it", "名札の書体（BIZUDPGothic-Bold）にない文字があります：U+2FFF"],
    ['unknown key "titel" (did you mean "title"?); valid keys here: issuer, title', "「titel」という項目はありません。「title」の書き間違いではありませんか"],
    ['"effectiveDate" is required', "「effectiveDate」がありません"],
    ["kana \"ながいながいなまえ\" is condensed to 62% at 30 pt to fit its 81 mm box", "横幅を 62%、30 ポイントまで縮めて"],
  ])("%s", (message, expected) => {
    expect(japanese(message)).toContain(expected);
  });

  it("leaves a message it has no wording for as it is", () => {
    expect(japanese("something new")).toBe("something new");
  });

  it("says where: row and column", () => {
    expect(rowPlace({ row: 12, column: "フリガナ" })).toBe("名簿の 12 行目・「フリガナ」列");
    expect(rowPlace({ row: 0 })).toBe("名簿ファイル全体");
    expect(pageRowError({ row: 3, column: "氏名", ...msg("ROW_NAME_EMPTY") })).toMatchObject({ row: 3, column: "氏名" });
  });
});
