import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { inputProblem, PageError, pageRowError, problemOf } from "../../src/serve/messages.js";
import { formatMessage, msg, NafudaError } from "../../src/messages/message.js";
import { CATALOGUE } from "../../src/messages/catalogue.js";
import { SERVE_MESSAGES } from "../../src/messages/serve.js";
import { RosterFileError } from "../../src/roster/errors.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

describe("the page's problems: the library's message, its code and its place", () => {
  it("a row error: the message with the place (the row as Excel numbers it), the message alone, the code", () => {
    const error = { file: "roster.csv", row: 12, sheetRow: 13, column: "氏名", ...msg("ROW_NAME_EMPTY") };
    const ja = pageRowError(error, "ja");
    expect(ja).toMatchObject({ code: "ROW_NAME_EMPTY", row: 12, sheetRow: 13, column: "氏名", name: null, where: "roster.csv の 13 行目・「氏名」列" });
    expect(ja.message).toBe(`roster.csv の 13 行目・「氏名」列：${formatMessage(msg("ROW_NAME_EMPTY"), "ja")}`);
    expect(ja.text).toBe(formatMessage(msg("ROW_NAME_EMPTY"), "ja"));
    expect(ja.place).toEqual({ file: "roster.csv", row: 12, sheetRow: 13, column: "氏名" });
    const en = pageRowError(error, "en");
    expect(en.message).toBe(`roster.csv, row 13, column 氏名: ${formatMessage(msg("ROW_NAME_EMPTY"), "en")}`);
  });

  it("a NafudaError: its code, its own Japanese wording with its file", () => {
    const error = new RosterFileError("名簿.xls", msg("TABLE_OLD_XLS"));
    const problem = problemOf(error, "ja")!;
    expect(problem.code).toBe("TABLE_OLD_XLS");
    expect(problem.message).toBe(`名簿.xls：${formatMessage(msg("TABLE_OLD_XLS"), "ja")}`);
    expect(problem.where).toBe("名簿.xls");
    expect(problemOf(error, "en")!.message).toBe(`名簿.xls: ${formatMessage(msg("TABLE_OLD_XLS"), "en")}`);
  });

  it("an issue with its line and key is shown with them; anything that is not a message is not a problem", () => {
    const problem = problemOf({ file: "policy.yaml", path: "titel", line: 2, ...msg("ROW_NAME_EMPTY") }, "ja")!;
    expect(problem).toMatchObject({ code: "ROW_NAME_EMPTY", where: "policy.yaml の 2 行目・「titel」" });
    expect(problemOf({ message: 'unknown key "titel"' }, "ja")).toBeNull();
    expect(problemOf(42, "ja")).toBeNull();
  });

  it("input errors are told apart from the server's own failures", () => {
    expect(inputProblem(new RosterFileError("x.csv", msg("TABLE_EMPTY")), "ja")?.problem.code).toBe("TABLE_EMPTY");
    // A plain Error is never an input problem, whatever its name: every input error is a NafudaError.
    expect(inputProblem(Object.assign(new Error("the template does not fit"), { name: "SheetError" }), "ja")).toBeNull();
    const policy = Object.assign(new NafudaError(msg("TABLE_EMPTY")), { issues: [{ line: 3, key: "title", ...msg("ROW_NAME_EMPTY") }] });
    expect(inputProblem(policy, "ja")?.issues).toEqual([expect.objectContaining({ code: "ROW_NAME_EMPTY", where: "3 行目・「title」" })]);
    expect(inputProblem(new TypeError("x is undefined"), "ja")).toBeNull();
    expect(inputProblem("thrown text", "ja")).toBeNull();
  });

  it("the page's own errors are rendered in the language of the request", () => {
    const error = new PageError(400, msg("SERVE_FILE_MISSING", { what: msg("SERVE_TEXT_ROSTER_FILE") }));
    expect(error.render("ja")).toMatchObject({ code: "SERVE_FILE_MISSING", message: "名簿ファイルが選ばれていません。ファイルを選ぶか、ここにドラッグしてください。" });
    expect(error.render("en").message).toBe("no roster file was chosen: choose a file or drag it here.");
    expect(error.message).toBe(error.render("ja").message);
  });
});

describe("the serve area's catalogue", () => {
  const codes = Object.keys(SERVE_MESSAGES);

  it("every entry is in the catalogue, prefixed SERVE_ (notes NOTE_SERVE_), with wording in both languages", () => {
    for (const code of codes) {
      expect(code).toMatch(/^(NOTE_)?SERVE_[A-Z0-9_]+$/);
      const kind = (SERVE_MESSAGES[code as keyof typeof SERVE_MESSAGES] as { kind: string }).kind;
      expect(kind === "note", code).toBe(code.startsWith("NOTE_"));
      expect(CATALOGUE).toHaveProperty(code);
      const entry = SERVE_MESSAGES[code as keyof typeof SERVE_MESSAGES] as { kind: string; ja: (p: unknown) => string; en: (p: unknown) => string };
      const params = {
        url: "http://127.0.0.1:8931/", limit: "100 MB", value: "x", list: ["a", "b"], what: "名簿ファイル", name: "x", count: 3, hours: 8, cells: 10,
        roster: "roster.csv", done: "1,000", total: "20,000", rows: "999、1000",
        date: "2025-03-01", files: ["hospital.yaml"], file: "hospital.yaml", row: "3", pages: "3", issuer: "みどり市", title: "基本方針", size: "A4", copies: "3", page: "1", measure: "電話の録音",
        from: "令和7年4月1日から", pieces: "6", kind: "phone", code: "FACILITY_UNKNOWN_SIZE", where: "facilities.csv の 3 行目",
        // the badges tab's: parts of the page (an element the page keeps in a text), values it fills in
        long: "<span>", link: "<span>", strong: "<strong>",
        up: "↑", down: "↓", enter: "Enter", one: "1", nine: "9", space: "Space", esc: "Esc",
        status: "500", used: "2", start: "3", cell: "3", dept: "総務課", source: "辞書", sheet: "A4 名刺10面", format: "CSV", encoding: "Shift_JIS",
        names: "佐藤 花子", shown: "佐藤 花子", id: "00121", surname: "佐藤", text: "the kana is empty", kana: "さとう", romaji: "Sato",
        width: "91", height: "55", badges: "72", label: "開始日の表示",
      };
      const ja = entry.ja(params);
      const en = entry.en(params);
      expect(ja, code).not.toBe("");
      expect(en, code).not.toBe("");
      expect(ja, code).not.toBe(en);
      expect(`${ja}${en}`, code).not.toMatch(/undefined/);
      // Japanese errors are polite sentences; the English keeps no Japanese sentence ending.
      if (entry.kind === "error") expect(ja, code).toMatch(/[。）]$/);
      expect(en, code).not.toMatch(/[。]/);
    }
  });

  it("every SERVE_ code the server's source and the page use is in the catalogue, and every entry is used", () => {
    const files = [...readdirSync(join(ROOT, "src/serve")).map((file) => join(ROOT, "src/serve", file)), ...readdirSync(join(ROOT, "web")).filter((file) => /\.(js|html)$/.test(file)).map((file) => join(ROOT, "web", file))];
    // The page's own words are filled in from the catalogue: in its script (t("SERVE_PAGE_…")) and its HTML (data-text="SERVE_PAGE_…").
    const source = files.map((file) => readFileSync(file, "utf8")).join("\n");
    const used = new Set([...source.matchAll(/"((?:NOTE_)?SERVE_[A-Z0-9_]*[A-Z0-9])"/g)].map((m) => m[1]!));
    expect([...used].filter((code) => !(code in CATALOGUE))).toEqual([]);
    expect(codes.filter((code) => !used.has(code))).toEqual([]);
  });

  it("the server's source holds no Japanese sentence of its own any more (its words are in the catalogue)", () => {
    for (const file of readdirSync(join(ROOT, "src/serve"))) {
      const code = readFileSync(join(ROOT, "src/serve", file), "utf8").split("\n").filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line));
      const sentences = code.filter((line) => /[ぁ-んァ-ヶ一-龠][^"`]*[。]/.test(line));
      expect(sentences, file).toEqual([]);
    }
  });
});
