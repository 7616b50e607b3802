import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/messages/catalogue.js";
import { codesMarkdown, documentedCodes } from "../../src/messages/codes.js";
import { formatMessage, formatPlace, msg, NafudaError } from "../../src/messages/message.js";
import { parseLang } from "../../src/messages/lang.js";
import { bundledPath } from "../../src/package-root.js";

describe("the message catalogue", () => {
  it("names every entry with a stable UPPER_SNAKE code", () => {
    for (const code of Object.keys(CATALOGUE)) expect(code).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
  });

  it("words every documented message in both languages, Japanese sentences ending as sentences do", () => {
    const docs = documentedCodes();
    expect(docs.length).toBeGreaterThan(50);
    for (const doc of docs) {
      expect(doc.ja.trim(), doc.code).not.toBe("");
      expect(doc.en.trim(), doc.code).not.toBe("");
      expect(doc.ja, doc.code).toMatch(/[ぁ-んァ-ン一-龠]/u); // Japanese, not English left in the ja slot
      expect(doc.ja, doc.code).toMatch(/[。）：}]$/u); // } : the message ends with a value (a library detail)
    }
  });

  it("renders nested messages in the same language as the message they stand in", () => {
    const where = msg("TEXT_PLACE", { file: "総務課.csv", sheetRow: 5 });
    const reason = msg("REASON_CONFIRMED_FILES_DISAGREE", { first: where, firstReading: "さんべ", second: where, secondReading: "さんぺい" });
    expect(formatMessage(reason, "ja")).toContain("総務課.csv の 5 行目 では さんべ");
    expect(formatMessage(reason, "en")).toContain("総務課.csv, row 5 says さんべ");
  });

  it("says where as a person reads it: the spreadsheet's row, or plainly which numbering", () => {
    expect(formatPlace({ file: "roster.csv", row: 12, sheetRow: 13, column: "フリガナ" }, "ja")).toBe("roster.csv の 13 行目・「フリガナ」列");
    expect(formatPlace({ file: "roster.csv", row: 12, sheetRow: 13, column: "フリガナ" }, "en")).toBe("roster.csv, row 13, column フリガナ");
    expect(formatPlace({ file: "roster.json", row: 4, sheetRow: null }, "ja")).toBe("roster.json の 4 件目");
    expect(formatPlace({ file: "x.csv", row: 4 }, "ja")).toBe("x.csv の データの 4 行目（見出しの次の行を 1 として）");
    expect(formatPlace({}, "ja")).toBe("");
  });

  it("gives errors a code, a place and both wordings", () => {
    const error = new NafudaError(msg("FILE_NOT_FOUND"), { file: "名簿.csv" });
    expect(error).toMatchObject({ code: "FILE_NOT_FOUND", file: "名簿.csv" });
    expect(error.format("ja")).toBe("名簿.csv：ファイルがありません。場所とファイル名（拡張子 .csv や .xlsx も）を確かめてください。");
    expect(error.format("en")).toBe("名簿.csv: the file does not exist. Check the path and the file name (and its extension: .csv or .xlsx).");
  });

  it("keeps a code it does not know as it is, never loses the message", () => {
    expect(formatMessage({ code: "SOMETHING_NEW" }, "ja")).toBe("SOMETHING_NEW");
  });

  it.each([["ja", "ja"], ["en", "en"], ["ja_JP.UTF-8", "ja"], ["en-US", "en"], ["English", "en"], ["日本語", "ja"], ["fr", null], ["", null]])(
    "reads the language %s as %s", (value, lang) => expect(parseLang(value)).toBe(lang),
  );
});

describe("the README documents every code", () => {
  it("holds the table made from the catalogue (npm run docs:codes)", () => {
    const readme = readFileSync(bundledPath("README.md"), "utf8");
    const block = readme.slice(readme.indexOf("<!-- codes:start -->") + "<!-- codes:start -->".length, readme.indexOf("<!-- codes:end -->")).trim();
    expect(block).toBe(codesMarkdown().trim());
    for (const { code } of documentedCodes()) expect(readme).toContain(`\`${code}\``);
  });
});

describe("nothing a user reads is left outside the catalogue", () => {
  it("no source file carries English-only wording through a stand-in (the conversion's UNCONVERTED is gone)", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith(".ts")) files.push(path);
      }
    };
    walk(bundledPath("src"));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/\bunconverted\(|"UNCONVERTED"|didYouMean\(/);
  });
});
