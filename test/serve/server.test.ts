import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { attachment, badgeReport, DEFAULT_MAX_UPLOAD_BYTES, isAllowedHost, REPORT_HEADER_BYTES, serveTableLimits, startServer } from "../../src/serve/server.js";
import { REVIEW_SHEET_HEADERS } from "../../src/review/review-sheet.js";
import { readTable } from "../../src/roster/read-table.js";
import { isConfirmedHeader } from "../../src/readings/confirmed-readings.js";
import { formatMessage, msg } from "../../src/messages/message.js";
import { csvDocument } from "../../src/io/excel-csv.js";
import { cell, sheet, workbook, zipBombWorkbook } from "./hostile.js";
import { excelDamagedReviewSheet, listing, postForm, send, startChildServer, type ChildServer } from "./helpers.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const EXAMPLES = join(ROOT, "examples");
const roster = { path: join(EXAMPLES, "roster.csv") };
const LIMIT = 256 * 1024;


// The server runs in a child process whose working folder and temp folder are new and empty, so that the
// last test can check that nothing at all was written while it read rosters and made PDFs.
let server: ChildServer;
let port = 0;
let work: string;
let temp: string;
let cwdBefore: string[];
let tempBefore: string[];
const stderr = () => server.stderr();

beforeAll(async () => {
  server = await startChildServer("serve", LIMIT);
  ({ port, work, temp } = server);
  cwdBefore = listing(work);
  tempBefore = listing(temp);
});

afterAll(() => server?.stop());

interface Row {
  row: number; sheetRow: number | null; id: string | null; name: string; kana: string | null; romaji: string | null; source: string | null;
  review: boolean; reasons: string[]; alternatives: string[]; department: string | null; edited: boolean;
  reasonCodes: string[];
  error: { code: string; message: string; text: string; column: string | null } | null;
}
interface Problem { code: string; message: string; where: string }
interface ErrorReply { error: string; code: string; where: string; place: Record<string, unknown>; issues?: Problem[]; hints?: string[] }
interface ReadingsReply {
  files: { roster: string; confirmed: string | null; rosterKind: string; encoding: string | null; format: string };
  rows: Row[];
  summary: { total: number; review: number; errors: number };
  editErrors: { row: number; sheetRow: number | null; code: string; message: string; text: string }[];
  notes: Problem[];
  confirmed: {
    rows: number; errors: Problem[]; notes: Problem[]; staleCount: number; stale: { name: string | null; sheetRow: number | null }[];
    matched: { total: number; byId: number; byName: number; unmatched: number }[];
  };
}

const nakajimaEdit = (kana: string, romaji: string | null = null) => JSON.stringify([{ row: 21, id: "00121", name: "中島　隆", kana, romaji }]);

describe("the Host and Origin checks", () => {
  it("answers localhost and 127.0.0.1 on its own port", async () => {
    expect((await send(port, { path: "/" })).status).toBe(200);
    expect((await send(port, { path: "/", headers: { host: `localhost:${port}` } })).status).toBe(200);
    const page = await send(port, { path: "/" });
    expect(page.text()).toContain("名簿を選ぶ");
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("refuses any other Host with 403 (DNS rebinding)", async () => {
    for (const host of ["evil.example", `evil.example:${port}`, `127.0.0.1:${port + 1}`, "127.0.0.1", `192.168.1.10:${port}`, `localhost.evil.example:${port}`]) {
      const reply = await send(port, { path: "/", headers: { host } });
      expect(reply.status, host).toBe(403);
      expect(reply.json()).toMatchObject({ code: "SERVE_WRONG_HOST", error: `このページは http://127.0.0.1:${port}/ で開いてください。` });
    }
    const api = await postForm(port, "/api/readings", { roster }, { host: `attacker.example:${port}` });
    expect(api.status).toBe(403);
  });

  it("refuses a request without a Host header", async () => {
    const raw = await new Promise<string>((done) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.0\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("end", () => done(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it("refuses a POST from another site's page (Origin)", async () => {
    const reply = await postForm(port, "/api/readings", { roster }, { origin: "http://evil.example" });
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ code: "SERVE_CROSS_SITE", error: "ほかのサイトからの操作は受け付けません。" });
    expect((await postForm(port, "/api/readings", { roster }, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it("isAllowedHost takes only the exact names and port", () => {
    expect(isAllowedHost("LOCALHOST:8931", 8931)).toBe(true);
    expect(isAllowedHost("127.0.0.1:8931", 8931)).toBe(true);
    expect(isAllowedHost("127.0.0.1:8932", 8931)).toBe(false);
    expect(isAllowedHost(undefined, 8931)).toBe(false);
    expect(isAllowedHost("[::1]:8931", 8931)).toBe(false);
  });
});

describe("the upload limit", () => {
  it("answers 413 with a plain message when Content-Length is over the limit", async () => {
    const big = new Uint8Array(LIMIT + 1000).fill(0x41);
    const reply = await postForm(port, "/api/readings", { roster: { bytes: big, name: "big.csv" } });
    expect(reply.status).toBe(413);
    expect(reply.json().error).toMatch(/^ファイルが大きすぎます（上限 256 KB）。/);
    expect(reply.json().code).toBe("SERVE_TOO_LARGE");
  });

  it("answers 413 when a chunked upload grows past the limit", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x42);
    const reply = await send(port, {
      method: "POST",
      path: "/api/readings",
      headers: { "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
      chunks: [chunk, chunk, chunk, chunk, chunk],
    });
    expect(reply.status).toBe(413);
  });

  it("still serves the next request", async () => {
    expect((await postForm(port, "/api/readings", { roster })).status).toBe(200);
  });
});

describe("readings", () => {
  it("reads the example roster (CP932 CSV) with the library: every row, the two to check first, rows as Excel numbers them", async () => {
    const reply = await postForm(port, "/api/readings", { roster });
    expect(reply.status).toBe(200);
    const data = reply.json<ReadingsReply>();
    expect(data.files).toMatchObject({ roster: "roster.csv", rosterKind: "roster", encoding: "cp932", format: "csv" });
    expect(data.summary).toEqual({ total: 72, review: 2, errors: 0 });
    // The two to check, then the roster's order.
    expect(data.rows.slice(0, 3).map((r) => r.row)).toEqual([15, 21, 1]);
    const nakajima = data.rows.find((r) => r.row === 21)!;
    expect(nakajima).toMatchObject({
      sheetRow: 22, name: "中島　隆", kana: "なかじま", romaji: "Nakajima", source: "dictionary", review: true, alternatives: ["なかしま"], department: "市民病院",
    });
    expect(nakajima.reasonCodes.length).toBeGreaterThan(0);
    expect(nakajima.reasonCodes.length).toBe(nakajima.reasons.length);
    expect(data.rows.find((r) => r.row === 1)).toMatchObject({ sheetRow: 2, kana: "さとう", romaji: "Sato", review: false });
    // さんぺい is an attested reading of 三瓶 (JUMAN's surnames): the roster's サンペイ is printed without asking.
    expect(data.rows.find((r) => r.row === 12)).toMatchObject({ sheetRow: 13, name: "三瓶　浩二", kana: "さんぺい", romaji: "Sampei", source: "roster", review: false });
  });

  it("reads the XLSX roster the same way", async () => {
    const data = (await postForm(port, "/api/readings", { roster: { path: join(EXAMPLES, "roster.xlsx") } })).json<ReadingsReply>();
    expect(data.files.format).toBe("xlsx");
    expect(data.summary).toEqual({ total: 72, review: 2, errors: 0 });
  });

  it("answers in the language the form asks for: Japanese by default, English with lang=en", async () => {
    const ja = (await postForm(port, "/api/readings", { roster, rows: "21" })).json<ReadingsReply>();
    const en = (await postForm(port, "/api/readings", { roster, rows: "21", lang: "en" })).json<ReadingsReply>();
    expect(en.rows[0]!.reasonCodes).toEqual(ja.rows[0]!.reasonCodes);
    for (const reason of ja.rows[0]!.reasons) expect(reason).toMatch(/。$/);
    for (const reason of en.rows[0]!.reasons) expect(reason).toMatch(/^[a-zA-Z].*\.$/);
    const missing = await postForm(port, "/api/readings", { lang: "en" });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ code: "SERVE_FILE_MISSING", error: "no roster file was chosen: choose a file or drag it here." });
    const noNames = await postForm(port, "/api/readings", { roster: { bytes: new TextEncoder().encode("番号,部署\n1,総務課\n"), name: "表.csv" }, lang: "en" });
    expect(noNames.json<ErrorReply>()).toMatchObject({ code: "ROSTER_NO_NAME_COLUMN", where: "表.csv, row 1" });
    expect(noNames.json<ErrorReply>().error).toMatch(/^表\.csv, row 1: no column holds the staff names\./);
    const unknown = await postForm(port, "/api/readings", { roster, lang: "fr" });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ code: "SERVE_LANG_UNKNOWN", error: "言語「fr」は選べません。ja（日本語）か en（英語）を選んでください。" });
  });

  it("an edit goes back as a confirmed reading: the row is confirmed, the romaji spelt again from the kana", async () => {
    const data = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("なかしま") })).json<ReadingsReply>();
    expect(data.rows.find((r) => r.row === 21)).toMatchObject({ kana: "なかしま", romaji: "Nakashima", source: "override", review: false, edited: true });
    expect(data.summary.review).toBe(1);
    const typed = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("ナカジマ", "Nakazima"), rows: "21" })).json<ReadingsReply>();
    expect(typed.rows).toHaveLength(1);
    expect(typed.rows[0]).toMatchObject({ row: 21, kana: "なかじま", romaji: "Nakazima", source: "override", review: false });
  });

  it("a typed romaji that does not spell the kana is not printed unless the pair is confirmed (済)", async () => {
    const typed = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("なかじま", "Smith"), rows: "21" })).json<ReadingsReply>();
    expect(typed.rows[0]).toMatchObject({ kana: "なかじま", romaji: "Nakajima", source: "override", review: true, reasonCodes: ["REASON_ROMAJI_DOES_NOT_FIT"] });
    expect(typed.rows[0]!.reasons[0]).toBe(formatMessage(msg("REASON_ROMAJI_DOES_NOT_FIT", { kana: "なかじま", romaji: "Smith", spelt: "Nakajima" }), "ja"));
    const pair = JSON.stringify([{ row: 21, id: "00121", name: "中島　隆", kana: "なかじま", romaji: "Smith", pair: true }]);
    const confirmed = (await postForm(port, "/api/readings", { roster, edits: pair, rows: "21" })).json<ReadingsReply>();
    expect(confirmed.rows[0]).toMatchObject({ kana: "なかじま", romaji: "Smith", source: "override", review: false });
  });

  it("an edit that is not kana is reported on its row, in the library's words, and the row stays as it was", async () => {
    const data = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("nakajima"), rows: "21" })).json<ReadingsReply>();
    expect(data.editErrors).toEqual([expect.objectContaining({
      row: 21, sheetRow: 22, code: "CONFIRMED_NOT_KANA", text: "「nakajima」はかなではありません。姓の読みをひらがな（かカタカナ）で書いてください。",
    })]);
    expect(data.editErrors[0]!.message).toBe("画面での修正 の 22 行目・「かな」列：「nakajima」はかなではありません。姓の読みをひらがな（かカタカナ）で書いてください。");
    expect(data.rows[0]).toMatchObject({ kana: "なかじま", review: true });
  });

  it("takes the example confirmed readings file: nothing left to check", async () => {
    const data = (await postForm(port, "/api/readings", { roster, confirmed: { path: join(EXAMPLES, "confirmed-readings.csv") } })).json<ReadingsReply>();
    expect(data.summary).toMatchObject({ total: 72, review: 0 });
    expect(data.files.confirmed).toBe("confirmed-readings.csv");
  });

  it("finds the roster when the two files come in each other's places", async () => {
    const data = (await postForm(port, "/api/readings", {
      roster: { bytes: await confirmedSheet(nakajimaEdit("なかしま")), name: "確認済みよみ.csv" },
      confirmed: roster,
    })).json<ReadingsReply>();
    expect(data.files).toMatchObject({ roster: "roster.csv", confirmed: "確認済みよみ.csv", rosterKind: "roster" });
    expect(data.rows.find((r) => r.row === 21)).toMatchObject({ kana: "なかしま", source: "override" });
  });

  it("a previous review sheet alone is roster and confirmed file at once (its title and instructions skipped)", async () => {
    const data = (await postForm(port, "/api/readings", { roster: { bytes: await confirmedSheet(nakajimaEdit("なかしま")), name: "前回.csv" } })).json<ReadingsReply>();
    expect(data.files.rosterKind).toBe("review-sheet");
    expect(data.summary.total).toBe(72);
    // The review sheet's header is its 4th line; its one row left to check (小鳥遊) comes first, then the roster's
    // order, where 中島 (row 21) is the 20th of the others.
    expect(data.rows.find((r) => r.name === "中島　隆")).toMatchObject({ kana: "なかしま", source: "override", review: false, sheetRow: 4 + 1 + 20 });
  });

  it("a surname no dictionary knows goes to the analyzer (loaded once in the server), and is sent to review", async () => {
    const csv = new TextEncoder().encode("氏名,所属\n鬮橋　太郎,総務課\n");
    const data = (await postForm(port, "/api/readings", { roster: { bytes: csv, name: "x.csv" } })).json<ReadingsReply>();
    expect(data.rows[0]).toMatchObject({ name: "鬮橋　太郎", source: "analyzer", review: true });
  });

  it("a file with no name column: the library's Japanese message, its code and where", async () => {
    const reply = await postForm(port, "/api/readings", { roster: { bytes: new TextEncoder().encode("番号,部署\n1,総務課\n"), name: "表.csv" } });
    expect(reply.status).toBe(422);
    const data = reply.json<ErrorReply>();
    expect(data).toMatchObject({ code: "ROSTER_NO_NAME_COLUMN", where: "表.csv の 1 行目", place: { file: "表.csv", sheetRow: 1 } });
    expect(data.error).toMatch(/^表\.csv の 1 行目：氏名の列が見つかりません。見出しの行：「番号」「部署」。見出しを「氏名」にしてください/);
  });

  it("an old .xls or a damaged workbook is explained, for the roster and for the confirmed file", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const asRoster = await postForm(port, "/api/readings", { roster: { bytes: xls, name: "名簿.xls" } });
    expect(asRoster.status).toBe(422);
    expect(asRoster.json<ErrorReply>()).toMatchObject({ code: "TABLE_OLD_XLS", where: "名簿.xls" });
    expect(asRoster.json<ErrorReply>().error).toBe(`名簿.xls：${formatMessage(msg("TABLE_OLD_XLS"), "ja")}`);
    const asConfirmed = await postForm(port, "/api/readings", { roster, confirmed: { bytes: new TextEncoder().encode("PK\u0003\u0004broken"), name: "確認.xlsx" } });
    expect(asConfirmed.status).toBe(422);
    expect(asConfirmed.json<ErrorReply>()).toMatchObject({ code: "TABLE_XLSX_DAMAGED", where: "確認.xlsx" });
    expect(asConfirmed.json<ErrorReply>().error).toMatch(/^確認\.xlsx：Excel ブックを読めません（/);
  });

  it("asks for a file when none is sent, and for a form when the body is not one", async () => {
    const none = await postForm(port, "/api/readings", { romaji: "passport" });
    expect(none.status).toBe(400);
    expect(none.json()).toMatchObject({ code: "SERVE_FILE_MISSING", error: "名簿ファイルが選ばれていません。ファイルを選ぶか、ここにドラッグしてください。" });
    const notForm = await send(port, { method: "POST", path: "/api/readings", headers: { "content-type": "application/json" }, body: "{}" });
    expect(notForm.status).toBe(415);
    expect(notForm.json()).toMatchObject({ code: "SERVE_NOT_A_FORM" });
    const badRomaji = await postForm(port, "/api/readings", { roster, romaji: "nihon" });
    expect(badRomaji.json()).toMatchObject({ code: "SERVE_ROMAJI_SYSTEM_UNKNOWN", error: "ローマ字の書き方「nihon」は選べません。「passport」「hepburn」「kunrei」「kana」から選んでください。" });
  });
});

/** The confirmed readings file as the page downloads it, with these edits. */
async function confirmedSheet(edits: string, from: Parameters<typeof postForm>[2]["roster"] = roster): Promise<Uint8Array> {
  const reply = await postForm(port, "/api/confirmed.csv", { roster: from, edits });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** The two corrections of the example roster (its two rows to check), as the page sends them. */
const twoEdits = JSON.stringify([
  { row: 15, id: "00115", name: "小鳥遊ひなた", kana: "たかなし", romaji: null },
  { row: 21, id: "00121", name: "中島　隆", kana: "なかしま", romaji: null },
]);

describe("the Excel round trip of the confirmed readings (issue 9)", () => {
  it("a confirmed file Excel damaged (zeros of 職員番号 stripped, re-sorted, Shift_JIS) still applies every correction", async () => {
    const damaged = excelDamagedReviewSheet(await confirmedSheet(twoEdits));
    const text = new TextDecoder("shift_jis").decode(damaged);
    expect(text).toContain("\r\n22,121,中島　隆,");
    expect(text).not.toContain("00121");
    const reply = await postForm(port, "/api/readings", { roster, confirmed: { bytes: damaged, name: "確認済みよみ.csv" } });
    expect(reply.status).toBe(200);
    const data = reply.json<ReadingsReply>();
    expect(data.summary).toEqual({ total: 72, review: 0, errors: 0 });
    // Every row of the sheet is confirmed by it, 三瓶 (never corrected: the roster's さんぺい) too.
    expect(data.rows.find((r) => r.row === 12)).toMatchObject({ kana: "さんぺい", source: "override", review: false });
    expect(data.rows.find((r) => r.row === 15)).toMatchObject({ kana: "たかなし", source: "override", review: false });
    expect(data.rows.find((r) => r.row === 21)).toMatchObject({ kana: "なかしま", romaji: "Nakashima", source: "override", review: false });
    expect(data.confirmed.staleCount).toBe(0);
    expect(data.confirmed.matched).toEqual([{ file: "確認済みよみ.csv", total: 72, byId: 72, byName: 0, unmatched: 0 }]);
    expect(data.confirmed.notes.map((n) => n.code)).toContain("NOTE_CONFIRMED_ID_CHANGED_BY_EXCEL");
    // An edit on the page wins over the file's row for that person (its id has lost its zeros there).
    const edited = (await postForm(port, "/api/readings", { roster, confirmed: { bytes: damaged, name: "確認済みよみ.csv" }, edits: nakajimaEdit("なかじま"), rows: "21" })).json<ReadingsReply>();
    expect(edited.rows[0]).toMatchObject({ kana: "なかじま", source: "override", review: false, edited: true });
  });

  it("the XLSX download keeps the zeros of 職員番号 (text cells) and reads back as the confirmed file", async () => {
    const reply = await postForm(port, "/api/confirmed.xlsx", { roster, edits: twoEdits });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(reply.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("roster_確認済みよみ.xlsx")}`);
    const table = await readTable(reply.body, { fileName: "x.xlsx", isHeader: isConfirmedHeader });
    expect(table.headers).toEqual(REVIEW_SHEET_HEADERS);
    expect(table.headerSheetRow).toBe(4);
    expect(table.rows.find((r) => r.cells[2] === "中島　隆")!.cells.slice(0, 6)).toEqual(["22", "00121", "中島　隆", "中島", "なかしま", "Nakashima"]);
    const data = (await postForm(port, "/api/readings", { roster, confirmed: { bytes: reply.body, name: "roster_確認済みよみ.xlsx" } })).json<ReadingsReply>();
    expect(data.summary.review).toBe(0);
    expect(data.rows.find((r) => r.row === 21)).toMatchObject({ kana: "なかしま", source: "override" });
  });

  it("a confirmed file of another roster is refused in Japanese, with the numbers, the likely causes and what to do", async () => {
    const other = csvDocument([
      ["職員番号", "氏名", "フリガナ"],
      ...Array.from({ length: 20 }, (_, i) => [`A${String(i + 1).padStart(3, "0")}`, `架空　${"一二三四五六七八九十"[i % 10]}${i < 10 ? "郎" : "子"}`, "カクウ　イチロウ"]),
    ]);
    const sheetOfOther = await confirmedSheet("[]", { bytes: new TextEncoder().encode(other), name: "他の市.csv" });
    const reply = await postForm(port, "/api/readings", { roster, confirmed: { bytes: sheetOfOther, name: "他の市_確認済みよみ.csv" } });
    expect(reply.status).toBe(422);
    const data = reply.json<ErrorReply>();
    expect(data.code).toBe("CONFIRMED_MOSTLY_UNMATCHED");
    expect(data.where).toBe("他の市_確認済みよみ.csv");
    expect(data.error).toBe(
      "他の市_確認済みよみ.csv：この確認済みよみファイルの 20 行のうち 20 行が、名簿のだれとも合いません（職員番号で合った行 0、氏名で合った行 0）。" +
        "別の名簿や別の年度のファイルか、職員番号の付け方が違うファイルかもしれません。この名簿から作った確認シートを選んでください。" +
        "退職などで合わない行が多いだけなら、その行を消してから、もう一度実行してください。",
    );
    // Every request with that file says so: the badge PDF is not made as if nothing had been confirmed.
    const pdf = await postForm(port, "/api/badges.pdf", { roster, confirmed: { bytes: sheetOfOther, name: "x.csv" }, allowUnreviewed: "1" });
    expect(pdf.status).toBe(422);
    expect(pdf.json().code).toBe("CONFIRMED_MOSTLY_UNMATCHED");
  });

  it("a few rows of people who left stay a report: the note says what they are, the rows are listed", async () => {
    const text = new TextDecoder().decode(await confirmedSheet(twoEdits));
    const withLeavers = `${text}80,99901,退職　太郎,退職,たいしょく,Taishoku,,,,,,確認済み,\r\n81,99902,転出　花子,転出,てんしゅつ,Tenshutsu,,,,,,確認済み,\r\n`;
    const data = (await postForm(port, "/api/readings", { roster, confirmed: { bytes: new TextEncoder().encode(withLeavers), name: "前回.csv" } })).json<ReadingsReply>();
    expect(data.summary.review).toBe(0);
    expect(data.confirmed.staleCount).toBe(2);
    expect(data.confirmed.stale.map((s) => s.name)).toEqual(["退職　太郎", "転出　花子"]);
    const note = data.confirmed.notes.find((n) => n.code === "NOTE_CONFIRMED_STALE")!;
    expect(note.message).toBe("前回.csv：確認済みよみファイルの 2 行（77, 78 行目）は、名簿のだれとも合いませんでした。退職した人か、職員番号や氏名が変わった人です。使っていません。");
  });
});

describe("downloads", () => {
  it("the confirmed readings file is the review sheet: title, instructions, header, UTF-8 with BOM, CRLF, the edit confirmed", async () => {
    const reply = await postForm(port, "/api/confirmed.csv", { roster, edits: nakajimaEdit("なかじま") });
    expect(reply.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(reply.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("roster_確認済みよみ.csv")}`);
    expect([...reply.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = reply.text().slice(1).split("\r\n");
    expect(lines[0]).toBe("名札の読みの確認シート（roster.csv）");
    expect(lines[1]).toMatch(/^使い方：/);
    expect(lines[2]).toBe("");
    expect(lines[3]).toBe(REVIEW_SHEET_HEADERS.join(","));
    expect(lines.find((line) => line.includes("中島　隆"))).toBe("22,00121,中島　隆,中島,なかじま,Nakajima,,,,,,,確認済み,");
    expect(lines.slice(4).filter((line) => line.includes(",要確認,"))).toHaveLength(1);
    const en = await postForm(port, "/api/confirmed.csv", { roster, lang: "en" });
    expect(en.text().slice(1).split("\r\n")[0]).toBe("Badge readings to check (roster.csv)");
  });

  it("the badge PDF is refused while readings need review, naming them by the rows Excel shows", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster });
    expect(reply.status).toBe(409);
    const data = reply.json<{ error: string; code: string; unreviewedCount: number; unreviewed: { row: number; sheetRow: number }[] }>();
    expect(data.code).toBe("SERVE_UNREVIEWED");
    expect(data.error).toBe("まだ確認が済んでいない読みが 2 人分あります。表の「要確認」の行を確かめてから、もう一度ダウンロードしてください。");
    expect(data.unreviewedCount).toBe(2);
    expect(data.unreviewed.map((u) => [u.row, u.sheetRow])).toEqual([[15, 16], [21, 22]]);
  });

  it("the badge PDF: every badge on A4 10-up once confirmed", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster, confirmed: { path: join(EXAMPLES, "confirmed-readings.csv") }, template: "standard", sheet: "a4-10up" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/pdf");
    const report = JSON.parse(decodeURIComponent(String(reply.headers["x-nafuda-report"])));
    expect(report).toMatchObject({ badges: 72, pages: 8, sheet: "a4-10up", leftOutCount: 0 });
    const pdf = await PDFDocument.load(reply.body);
    expect(pdf.getPageCount()).toBe(8);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
  });

  it("allowUnreviewed prints anyway, and says how many were not checked", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster, allowUnreviewed: "true", template: "card" });
    expect(reply.status).toBe(200);
    expect(JSON.parse(decodeURIComponent(String(reply.headers["x-nafuda-report"])))).toMatchObject({ badges: 72, unreviewed: 2, sheet: "a4-8up-card", pages: 9 });
  });

  it("the report header stays small however many rows are left out (issue 10: 20 KB for 40 rows before)", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${String(i + 1).padStart(5, "0")},佐藤${"😀".repeat(1 + (i % 3))}　花子,総務課`);
    const csv = new TextEncoder().encode(`職員番号,氏名,所属\n00000,鈴木　一郎,総務課\n${rows.join("\n")}\n`);
    const reply = await postForm(port, "/api/badges.pdf", { roster: { bytes: csv, name: "絵文字.csv" }, allowUnreviewed: "1" });
    expect(reply.status).toBe(200);
    const header = String(reply.headers["x-nafuda-report"]);
    expect(header.length).toBeLessThanOrEqual(REPORT_HEADER_BYTES);
    const report = JSON.parse(decodeURIComponent(header));
    expect(report).toMatchObject({ badges: 1, leftOutCount: 300, leftOutCodes: { READING_NAME_SYMBOL: 300 } });
    expect(report.leftOut.length).toBeGreaterThan(0);
    expect(report.leftOut.length).toBeLessThan(300);
    expect(report.leftOut[0]).toMatchObject({ row: 2, sheetRow: 3, code: "READING_NAME_SYMBOL" });
    expect(report.leftOut[0].message).toMatch(/^絵文字\.csv の 3 行目・「氏名」列：氏名「佐藤😀　花子」に名前に使わない文字/);
    // The bound holds for the longest messages too.
    const long = { row: 1, sheetRow: 2, column: "氏名", name: "x".repeat(500), code: "X", message: "あ".repeat(5000), text: "", where: "", place: {} };
    expect(badgeReport({ badges: 0, pages: 0, sheet: "a4-10up", unreviewed: 0, leftOut: Array(1000).fill(long), warnings: Array(1000).fill(long) }).length).toBeLessThanOrEqual(REPORT_HEADER_BYTES);
  });

  it("one row's badge alone on a page of its size (what the page's preview draws with pdf.js)", async () => {
    const pdf = await postForm(port, "/api/badge.pdf", { roster, edits: nakajimaEdit("なかしま"), row: "21" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-disposition"]).toMatch(/^inline;/);
    const doc = await PDFDocument.load(pdf.body);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getWidth()).toBeCloseTo((91 / 25.4) * 72, 1);
    expect(doc.getPage(0).getHeight()).toBeCloseTo((55 / 25.4) * 72, 1);
  });

  it("a row that cannot become a badge is answered with the library's message for that row", async () => {
    const csv = new TextEncoder().encode("氏名\n佐藤　花子\n=SUM(A1)\n");
    const reply = await postForm(port, "/api/badge.pdf", { roster: { bytes: csv, name: "式.csv" }, row: "2" });
    expect(reply.status).toBe(422);
    expect(reply.json<ErrorReply>()).toMatchObject({ code: "READING_NAME_FORMULA", place: { row: 2, sheetRow: 3, column: "氏名" } });
    expect(reply.json<ErrorReply>().where).toBe("式.csv の 3 行目・「氏名」列");
    const missing = await postForm(port, "/api/badge.pdf", { roster, row: "999" });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ code: "SERVE_ROW_NOT_IN_ROSTER", error: "選んだ行が名簿にありません。名簿を選び直してください。" });
  });

  it("rejects a template or sheet that is not offered", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster, allowUnreviewed: "1", sheet: "../../etc/passwd" });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ code: "SERVE_SHEET_UNKNOWN", error: "用紙「../../etc/passwd」はありません。一覧から選んでください。" });
    const template = await postForm(port, "/api/badge.pdf", { roster, row: "1", template: "/etc/passwd" });
    expect(template.status).toBe(400);
    expect(template.json().code).toBe("SERVE_TEMPLATE_UNKNOWN");
  });

  it("a template that does not fit the sheet: the library's message and code, and what to choose on the page", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster, allowUnreviewed: "1", template: "standard", sheet: "a4-8up-card" });
    expect(reply.status).toBe(422);
    const data = reply.json<ErrorReply>();
    expect(data.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(data.error).not.toBe("");
    expect(data.hints).toEqual(["用紙を「おまかせ」にするか、別の用紙を選んでください。"]);
    expect((await postForm(port, "/api/badges.pdf", { roster, allowUnreviewed: "1", template: "standard", sheet: "a4-8up-card", lang: "en" })).json().hints)
      .toEqual(["Set the sheet to automatic, or choose another sheet."]);
  });

  it("the page's settings: templates with their size and sheet, sheets with their cells, the page's words with their {params}", async () => {
    const data = (await send(port, { path: "/api/info" })).json<{
      templates: { name: string; width: number; height: number; sheet: string }[]; sheets: { name: string; columns: number; rows: number }[];
      texts: Record<string, string>; idleHours: number;
    }>();
    expect(data.templates.find((t) => t.name === "card")).toMatchObject({ width: 85.6, height: 54, sheet: "a4-8up-card" });
    expect(data.sheets.find((sheet) => sheet.name === "a4-10up")).toMatchObject({ columns: 2, rows: 5 });
    expect(data.idleHours).toBe(8);
    expect(data.texts.NOTE_SERVE_UNSAVED).toMatch(/^この画面で直した読みのうち \{count\} 人分が、まだ「確認済みよみ」に保存されていません。/);
    expect(data.texts.NOTE_SERVE_WORK_KEPT).toContain("{hours} 時間使わなかったとき");
  });

  it("the page's settings come in the language asked for", async () => {
    const ja = (await send(port, { path: "/api/info" })).json<{ sheets: { name: string; label: string }[]; maxUpload: string }>();
    const en = (await send(port, { path: "/api/info?lang=en" })).json<{ sheets: { name: string; label: string }[] }>();
    expect(ja.sheets.find((s) => s.name === "a4-1up")!.label).toBe("A4 1枚に1人");
    expect(en.sheets.find((s) => s.name === "a4-1up")!.label).toBe("A4, one badge per page");
    expect(ja.maxUpload).toBe("256 KB");
    expect((await send(port, { path: "/nothing?lang=en" })).json()).toMatchObject({ code: "SERVE_NOT_FOUND", error: "no such page: check the address." });
  });
});

/** The other roster's review sheet (20 people the example roster does not have). */
async function otherRostersSheet(): Promise<Uint8Array> {
  const other = csvDocument([
    ["職員番号", "氏名", "フリガナ"],
    ...Array.from({ length: 20 }, (_, i) => [`A${String(i + 1).padStart(3, "0")}`, `架空　${"一二三四五六七八九十"[i % 10]}${i < 10 ? "郎" : "子"}`, "カクウ　イチロウ"]),
  ]);
  return confirmedSheet("[]", { bytes: new TextEncoder().encode(other), name: "他の市.csv" });
}

interface WorkRow extends Row { editError: Problem | null; typed: { kana: string; romaji: string | null; pair: boolean; romajiTyped: boolean } | null; changed: boolean | null }
interface WorkReply {
  work: string | null; files: ReadingsReply["files"]; rows: WorkRow[]; unsaved: number; idleHours: number;
  summary: { total: number; review: number; errors: number; done: number; changed: number | null };
  options: { romaji: string; romajiCase: string };
  print: { people: string; chosen: number[]; template: string; sheet: string; startAt: number; cutGuides: boolean };
}
interface EditReply { row: WorkRow; summary: WorkReply["summary"]; unsaved: number }

describe("the working roster: read once, kept in the server's memory with the page's corrections", () => {
  let id = "";
  const work = (path: string, fields: Parameters<typeof postForm>[2] = {}) => postForm(port, path, fields, { "x-nafuda-work": id });
  const reload = async (cookie = `nafuda_work_${port}=${id}`) => (await send(port, { path: "/api/work", headers: { cookie } })).json<WorkReply>();

  it("an upload becomes the working roster: an opaque id, an HttpOnly cookie of this port, every row in the order to check", async () => {
    const reply = await postForm(port, "/api/work", { roster });
    expect(reply.status).toBe(200);
    const data = reply.json<WorkReply>();
    expect(data.work).toMatch(/^[A-Za-z0-9_-]{24}$/);
    id = data.work!;
    expect(reply.headers["set-cookie"]).toEqual([`nafuda_work_${port}=${id}; Path=/; HttpOnly; SameSite=Strict`]);
    expect(data.rows).toHaveLength(72);
    expect(data.rows.slice(0, 3).map((r) => r.row)).toEqual([15, 21, 1]);
    expect(data.summary).toEqual({ total: 72, review: 2, errors: 0, done: 0, changed: null });
    expect(data).toMatchObject({ unsaved: 0, idleHours: 8, files: { roster: "roster.csv", encoding: "cp932" } });
  });

  it("an edit is answered with that one person: confirmed, the romaji spelt again, the reading before offered back", async () => {
    const reply = await work("/api/work/edit", { row: "21", kana: "なかしま" });
    expect(reply.status).toBe(200);
    const data = reply.json<EditReply>();
    expect(data.row).toMatchObject({ row: 21, sheetRow: 22, kana: "なかしま", romaji: "Nakashima", source: "override", review: false, edited: true, alternatives: ["なかじま"] });
    expect(data.row.typed).toEqual({ kana: "なかしま", romaji: null, pair: false, romajiTyped: false });
    expect(data.summary).toMatchObject({ review: 1, done: 1 });
    expect(data.unsaved).toBe(1);
  });

  it("an edit that is not kana gets the library's message on that row, and the row stays as it was", async () => {
    const data = (await work("/api/work/edit", { row: "15", kana: "takanashi" })).json<EditReply>();
    expect(data.row.editError).toMatchObject({ code: "CONFIRMED_NOT_KANA" });
    expect(data.row.editError!.message).toBe("画面での修正 の 16 行目・「かな」列：「takanashi」はかなではありません。姓の読みをひらがな（かカタカナ）で書いてください。");
    expect(data.row).toMatchObject({ kana: "たかなし", review: true });
    expect(data.unsaved).toBe(1);
    expect((await work("/api/work/edit", { row: "15", revert: "1" })).json<EditReply>().row.editError).toBeNull();
  });

  it("a typed romaji that does not spell the kana is printed only once the pair is confirmed (済)", async () => {
    const typed = (await work("/api/work/edit", { row: "1", kana: "さとう", romaji: "Sugar", romajiTyped: "1" })).json<EditReply>();
    expect(typed.row).toMatchObject({ romaji: "Sato", review: true, reasonCodes: ["REASON_ROMAJI_DOES_NOT_FIT"] });
    const pair = (await work("/api/work/edit", { row: "1", kana: "さとう", romaji: "Sugar", romajiTyped: "1", pair: "1" })).json<EditReply>();
    expect(pair.row).toMatchObject({ romaji: "Sugar", review: false, source: "override" });
    expect((await work("/api/work/edit", { row: "1", revert: "1" })).json<EditReply>().row).toMatchObject({ romaji: "Sato", source: "roster", edited: false });
  });

  it("a reload finds the work by its cookie, the corrections in; nothing without the cookie or with another", async () => {
    const data = await reload();
    expect(data.work).toBe(id);
    expect(data.rows.find((r) => r.row === 21)).toMatchObject({ kana: "なかしま", source: "override" });
    expect(data.unsaved).toBe(1);
    expect((await send(port, { path: "/api/work" })).json()).toEqual({ work: null });
    expect((await reload(`nafuda_work_${port}=${"x".repeat(24)}`)).work).toBeNull();
    expect((await reload(`nafuda_work_${port + 1}=${id}`)).work).toBeNull();
  });

  it("the confirmed readings download holds the corrections; then nothing is unsaved until the next edit", async () => {
    const reply = await work("/api/work/confirmed.csv");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-disposition"]).toContain(encodeURIComponent("roster_確認済みよみ.csv"));
    expect(reply.text()).toContain("\r\n22,00121,中島　隆,中島,なかしま,Nakashima,,,,,,,確認済み,\r\n");
    expect((await reload()).unsaved).toBe(0);
    const xlsx = await work("/api/work/confirmed.xlsx");
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await work("/api/work/edit", { row: "21", revert: "1" })).json<EditReply>()).toMatchObject({ unsaved: 1, row: { kana: "なかじま", review: true } });
  });

  it("another romaji system reads every row again, keeping the order and the corrections", async () => {
    // 小鳥遊 confirmed as the roster has it (中島's correction was reverted above).
    await work("/api/work/edit", { row: "15", kana: "たかなし" });
    const data = (await work("/api/work/options", { romaji: "hepburn" })).json<WorkReply>();
    expect(data.options.romaji).toBe("hepburn");
    expect(data.rows.find((r) => r.row === 4)!.romaji).toBe("Ōno");
    expect(data.rows.slice(0, 3).map((r) => r.row)).toEqual([15, 21, 1]);
    expect(data.rows.find((r) => r.row === 15)).toMatchObject({ kana: "たかなし", romaji: "Takanashi", source: "override", review: false });
    expect((await work("/api/work/options", { romaji: "passport" })).json<WorkReply>().rows.find((r) => r.row === 4)!.romaji).toBe("Ono");
  });

  it("a confirmed file of another roster is refused in the library's words, and the work stays as it was", async () => {
    const reply = await work("/api/work/confirmed", { confirmed: { bytes: await otherRostersSheet(), name: "他の市_確認済みよみ.csv" } });
    expect(reply.status).toBe(422);
    expect(reply.json<ErrorReply>()).toMatchObject({ code: "CONFIRMED_MOSTLY_UNMATCHED", where: "他の市_確認済みよみ.csv" });
    const data = await reload();
    expect(data.files.confirmed).toBeNull();
    expect(data.rows.find((r) => r.row === 15)).toMatchObject({ kana: "たかなし", source: "override" });
  });

  it("with a confirmed file, the people not in it or corrected since are 'changed' (the reprint after 人事異動)", async () => {
    // The example's confirmed file has three people: the other 69 are not in it.
    const example = (await work("/api/work/confirmed", { confirmed: { path: join(EXAMPLES, "confirmed-readings.csv") } })).json<WorkReply>();
    expect(example.files.confirmed).toBe("confirmed-readings.csv");
    expect(example.summary).toMatchObject({ review: 0, changed: 69 });
    expect(example.rows.filter((r) => !r.changed).map((r) => r.row).sort((a, b) => a - b)).toEqual([12, 15, 21]);
    // Last time's whole review sheet: nobody has changed, until a correction or a new hire.
    const sheet = (await work("/api/work/confirmed.csv")).body;
    const data = (await work("/api/work/confirmed", { confirmed: { bytes: sheet, name: "前回_確認済みよみ.csv" } })).json<WorkReply>();
    expect(data.summary).toMatchObject({ changed: 0 });
    const edited = (await work("/api/work/edit", { row: "1", kana: "さいとう" })).json<EditReply>();
    expect(edited.row.changed).toBe(true);
    expect(edited.summary.changed).toBe(1);
    const withoutSato = new TextDecoder().decode(sheet).split("\r\n").filter((line) => !line.includes(",伊藤　健太,")).join("\r\n");
    const fewer = (await work("/api/work/confirmed", { confirmed: { bytes: new TextEncoder().encode(withoutSato), name: "前回.csv" } })).json<WorkReply>();
    expect(fewer.rows.filter((r) => r.changed).map((r) => r.row).sort((a, b) => a - b)).toEqual([1, 2]);
    expect((await work("/api/work/confirmed", { remove: "1" })).json<WorkReply>().summary.changed).toBeNull();
    await work("/api/work/edit", { row: "1", revert: "1" });
  });

  it("one person's badge, and the badges of the people chosen from the first free cell of a part-used sheet", async () => {
    const badge = await work("/api/work/badge.pdf", { row: "21", template: "card" });
    expect(badge.status).toBe(200);
    expect((await PDFDocument.load(badge.body)).getPage(0).getWidth()).toBeCloseTo((85.6 / 25.4) * 72, 1);
    const reply = await work("/api/work/badges.pdf", { people: "chosen", chosen: "[21, 1, 2, 9999]", startAt: "4", sheet: "a4-10up", template: "standard", allowUnreviewed: "1" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-disposition"]).toContain(encodeURIComponent("roster_名札_3人.pdf"));
    expect(JSON.parse(decodeURIComponent(String(reply.headers["x-nafuda-report"])))).toMatchObject({ badges: 3, pages: 1, sheet: "a4-10up", unreviewed: 1 });
    // Kept with the work: a reload shows the same choice.
    expect((await reload()).print).toEqual({ people: "chosen", chosen: [21, 1, 2], template: "standard", sheet: "a4-10up", startAt: 4, cutGuides: false });
    // Seven badges from cell 4 fill the first sheet and start a second.
    const seven = await work("/api/work/badges.pdf", { chosen: "[1, 2, 3, 4, 5, 6, 7, 8]" });
    expect(JSON.parse(decodeURIComponent(String(seven.headers["x-nafuda-report"])))).toMatchObject({ badges: 8, pages: 2 });
  });

  it("refuses a start cell the sheet does not have, an unreadable choice, and nobody chosen, in Japanese", async () => {
    const far = await work("/api/work/print", { startAt: "11", sheet: "a4-10up" });
    expect(far.status).toBe(400);
    expect(far.json()).toMatchObject({ code: "SERVE_START_CELL_OUT_OF_RANGE", error: "最初に印刷する面は、1 から 10 までの番号で選んでください。" });
    expect((await work("/api/work/print", { startAt: "9", template: "card", sheet: "auto" })).json()).toMatchObject({ code: "SERVE_START_CELL_OUT_OF_RANGE", error: "最初に印刷する面は、1 から 8 までの番号で選んでください。" });
    expect((await work("/api/work/print", { chosen: "[1, \"x\"]" })).json()).toMatchObject({ code: "SERVE_PEOPLE_UNREADABLE" });
    const nobody = await work("/api/work/badges.pdf", { people: "chosen", chosen: "[]", startAt: "1" });
    expect(nobody.status).toBe(400);
    expect(nobody.json()).toMatchObject({ code: "SERVE_NO_PEOPLE_CHOSEN", error: "印刷する人が選ばれていません。「印刷する人」で人を選ぶか、「全員」にしてください。" });
    const everyone = await work("/api/work/badges.pdf", { people: "all" });
    expect(everyone.status).toBe(409);
    expect(everyone.json()).toMatchObject({ code: "SERVE_UNREVIEWED", unreviewedCount: 1 }); // 中島 (reverted); 小鳥遊 is confirmed
  });

  it("a new upload replaces the work: the old one is gone, said in Japanese with what to do", async () => {
    const old = id;
    const fresh = (await postForm(port, "/api/work", { roster })).json<WorkReply>();
    expect(fresh.work).not.toBe(old);
    expect(fresh.unsaved).toBe(0);
    const gone = await postForm(port, "/api/work/edit", { row: "21", kana: "なかしま" }, { "x-nafuda-work": old });
    expect(gone.status).toBe(410);
    expect(gone.json()).toMatchObject({
      code: "SERVE_WORK_GONE",
      error: "この作業はもう続けられません。別のタブで新しい名簿を選んだか、8 時間使わなかったか、nafuda を起動し直したためです。" +
        "名簿をもう一度選んでください。ダウンロードした「確認済みよみ」を一緒に選ぶと、そこまでの確認が戻ります。",
    });
    expect((await postForm(port, "/api/work/edit", { row: "21", kana: "なかしま" })).status).toBe(410);
    id = fresh.work!;
  });

  it("ending the work frees it and its cookie", async () => {
    const reply = await work("/api/work/end");
    expect(reply.json()).toEqual({ ended: true });
    expect(reply.headers["set-cookie"]).toEqual([`nafuda_work_${port}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`]);
    expect((await reload()).work).toBeNull();
    expect((await work("/api/work/edit", { row: "21", kana: "なかしま" })).status).toBe(410);
  });

  it("says what it is doing: whether the analyzer's dictionary is loading, and nothing under way now", async () => {
    const status = (await send(port, { path: "/api/status" })).json<{ analyzer: string; activity: unknown }>();
    expect(["idle", "loading", "ready"]).toContain(status.analyzer);
    expect(status.activity).toBeNull();
  });
});

describe("a working roster's life in memory (an in-process server)", () => {
  it("is freed after its idle time, and when the server stops", async () => {
    const running = await startServer({ port: 0, workIdleMs: 300, log: () => undefined });
    try {
      const first = (await postForm(running.port, "/api/work", { roster })).json<WorkReply>();
      expect(running.store.find(first.work)).not.toBeNull();
      await new Promise((done) => setTimeout(done, 500));
      expect((await postForm(running.port, "/api/work/edit", { row: "21", kana: "なかしま" }, { "x-nafuda-work": first.work! })).status).toBe(410);
      const second = (await postForm(running.port, "/api/work", { roster })).json<WorkReply>();
      expect(running.store.find(second.work)).not.toBeNull();
      await running.close();
      expect(running.store.find(second.work)).toBeNull();
    } finally {
      await running.close();
    }
  });
});

describe("pdf.js, served from the installed package", () => {
  it("serves the library, its worker, CMaps, fonts and WebAssembly decoders, and nothing else of the package", async () => {
    const lib = await send(port, { path: "/pdfjs/pdf.min.mjs" });
    expect(lib.status).toBe(200);
    expect(lib.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(lib.text()).toContain("pdfjsVersion");
    expect((await send(port, { path: "/pdfjs/pdf.worker.min.mjs" })).status).toBe(200);
    expect((await send(port, { path: "/pdfjs/cmaps/UniJIS-UTF16-H.bcmap" })).status).toBe(200);
    expect((await send(port, { path: "/pdfjs/standard_fonts/LiberationSans-Regular.ttf" })).status).toBe(200);
    expect((await send(port, { path: "/pdfjs/wasm/openjpeg.wasm" })).headers["content-type"]).toBe("application/wasm");
    for (const path of ["/pdfjs/pdf.mjs.map", "/pdfjs/../package.json", "/pdfjs/%2e%2e/package.json", "/pdfjs/cmaps/LICENSE", "/pdfjs/"]) {
      expect((await send(port, { path })).status, path).toBe(404);
    }
    const csp = String((await send(port, { path: "/" })).headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("connect-src 'self';");
  });
});

describe("hostile uploads (issue 10): each request bounded, answered, and the server goes on", () => {
  const next = async () => expect((await postForm(port, "/api/readings", { roster, rows: "1" })).status).toBe(200);
  const hostile: [string, Uint8Array, string][] = [
    ["a cell reference no sheet can have (ZZZZZZZ99999999999)", workbook(sheet([[1, cell("A1", "氏名")], [2, cell("ZZZZZZZ99999999999", "佐藤")]])), "TABLE_XLSX_BAD_CELL"],
    ["a cell at XFD1048576 as the only row", workbook(sheet([[1048576, cell("XFD1048576", "氏名")]])), "TABLE_TOO_MANY_COLUMNS"],
    // Inflates to 8 MiB, twice the part limit the server derives from its 256 KB upload limit.
    ["a zip bomb", zipBombWorkbook(8 * 1024 * 1024), "TABLE_XLSX_TOO_LARGE_INFLATED"],
  ];

  it.each(hostile)("%s gets a 422 in Japanese, as the roster and as the confirmed file", async (_, bytes, code) => {
    expect(bytes.length).toBeLessThan(10 * 1024);
    for (const slot of ["roster", "confirmed"] as const) {
      const fields: Parameters<typeof postForm>[2] = slot === "roster" ? { roster: { bytes, name: "悪い.xlsx" } } : { roster, confirmed: { bytes, name: "悪い.xlsx" } };
      const started = Date.now();
      const reply = await postForm(port, "/api/readings", fields);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(reply.status, slot).toBe(422);
      const data = reply.json<ErrorReply>();
      expect(data.code).toBe(code);
      expect(data.error).toMatch(/^悪い\.xlsx(?: の \d+ 行目)?：[^a-z]*(?:Excel|列)/);
      expect(data.error).toMatch(/ください。$/);
      await next();
    }
  });

  it("a far cell below a real roster costs one row error, not a million rows", async () => {
    const bytes = workbook(sheet([[1, cell("A1", "氏名")], [2, cell("A2", "佐藤　花子")], [1048576, cell("XFD1048576", "x")]]));
    const reply = await postForm(port, "/api/readings", { roster: { bytes, name: "遠い.xlsx" } });
    expect(reply.status).toBe(200);
    const data = reply.json<ReadingsReply>();
    expect(data.summary).toMatchObject({ total: 2, errors: 1 });
    expect(data.rows.find((r) => r.error)!).toMatchObject({ sheetRow: 1048576, error: { code: "ROW_TOO_WIDE" } });
  });

  it("uploads abandoned half-way do not hold the server: the next request is answered", async () => {
    const { body, type } = await (await import("./helpers.js")).multipart({ roster });
    for (let i = 0; i < 4; i++) {
      await new Promise<void>((done) => {
        const socket = connect(port, "127.0.0.1", () => {
          socket.write(`POST /api/readings HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`);
          socket.write(body.subarray(0, 100));
          setTimeout(() => {
            socket.destroy();
            done();
          }, 50);
        });
      });
    }
    await next();
  });

  it("many requests at once are all answered, a few at a time", async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => postForm(port, "/api/readings", { roster, rows: "21" })));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
  });

  it("the server's table limits follow its upload limit, within the library's", () => {
    expect(serveTableLimits(LIMIT)).toEqual({ maxFileBytes: LIMIT, xlsxMaxPartBytes: 16 * LIMIT });
    expect(serveTableLimits(DEFAULT_MAX_UPLOAD_BYTES)).toEqual({ maxFileBytes: DEFAULT_MAX_UPLOAD_BYTES, xlsxMaxPartBytes: 512 * 1024 * 1024 });
  });

  it("the default upload limit holds a roster of 200,000 staff (a 12-column HR export as CSV) with its confirmed readings file", () => {
    // Measured once with write-excel-file: the same roster is 11.5 MiB as XLSX, its review sheet 9 MiB as XLSX.
    const row = (i: number) => {
      const id = String(i + 1).padStart(7, "0");
      return `${id},勅使河原　美咲,テシガワラ　ミサキ,福祉部子育て支援課保育係,本庁舎東館${(i % 9) + 1}階,主任主事,1985-04-12,2012-04-01,` +
        `みどり市中央区本町${(i % 50) + 1}丁目${(i % 20) + 1}番地,0120-00-${String(i % 10000).padStart(4, "0")},staff${id}@city.midori.example.jp,"備考: 在籍, 研修受講済み"`;
    };
    let rosterBytes = Buffer.byteLength("\uFEFF職員番号,氏名,フリガナ,所属,施設,役職,生年月日,採用日,住所,電話,メール,備考\r\n");
    let reviewBytes = 1024; // title, instructions, header
    for (let i = 0; i < 200_000; i++) {
      rosterBytes += Buffer.byteLength(row(i)) + 2;
      reviewBytes += Buffer.byteLength(`${i + 2},${String(i + 1).padStart(7, "0")},勅使河原　美咲,勅使河原,てしがわら,Teshigawara,,,,,,辞書,`) + 2;
    }
    expect(rosterBytes).toBeGreaterThan(45 * 1024 * 1024);
    expect(rosterBytes + reviewBytes + 4096).toBeLessThan(DEFAULT_MAX_UPLOAD_BYTES);
  });
});

describe("posters", () => {
  const facilities = { path: join(EXAMPLES, "facilities.csv") };
  const policy = { path: join(EXAMPLES, "policy.yaml") };

  it("lists the facilities of the example list with the policy's wording", async () => {
    const reply = await postForm(port, "/api/posters/check", { facilities, policy });
    expect(reply.status).toBe(200);
    const data = reply.json<{ policy: { issuer: string }; facilities: { name: string; sizes: string[] }[]; errors: unknown[] }>();
    expect(data.policy.issuer).toBe("みどり市");
    expect(data.facilities[0]).toMatchObject({ name: "本庁舎 市民課窓口", sizes: ["A4", "A3"] });
  });

  it("one facility's posters: each size's pages (A4: poster, handout, languages; A3: poster, languages)", async () => {
    const reply = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "0" });
    expect(reply.status).toBe(200);
    expect((await PDFDocument.load(reply.body)).getPageCount()).toBe(5);
    const missing = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "99" });
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ code: "SERVE_FACILITY_NOT_IN_LIST" });
  });

  it("the order summary and manifest", async () => {
    expect((await postForm(port, "/api/posters/summary.pdf", { facilities, policy })).headers["content-type"]).toBe("application/pdf");
    const csv = await postForm(port, "/api/posters/manifest.csv", { facilities, policy });
    expect(csv.text()).toMatch(/^\uFEFF施設名,サイズ/);
  });

  it("a broken policy file is a 422 with a code and its problems one by one, each with its line", async () => {
    const reply = await postForm(port, "/api/posters/check", { facilities, policy: { bytes: new TextEncoder().encode("issuer: みどり市\ntitel: x\n"), name: "policy.yaml" } });
    expect(reply.status).toBe(422);
    const data = reply.json<ErrorReply>();
    expect(data.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(data.issues!.length).toBeGreaterThan(0);
    const titel = data.issues!.find((issue) => issue.message.includes("titel"))!;
    expect(titel.where).toMatch(/^policy\.yaml の 2 行目/);
    expect(titel.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it("no facility list: asked for in Japanese", async () => {
    const reply = await postForm(port, "/api/posters/check", { policy });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ code: "SERVE_FILE_MISSING", error: "施設一覧ファイルが選ばれていません。ファイルを選ぶか、ここにドラッグしてください。" });
  });
});

describe("nothing on disk", () => {
  it("wrote nothing in its working folder or temp folder while it served all of the above", () => {
    expect(listing(work)).toEqual(cwdBefore);
    expect(listing(temp)).toEqual(tempBefore);
    expect(cwdBefore).toEqual([]);
    expect(stderr()).toBe("");
  });

  it("Content-Disposition carries Japanese file names with an ASCII fallback", () => {
    expect(attachment("名札.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent("名札.pdf")}`);
    expect(readFileSync(join(ROOT, "web", "index.html"), "utf8")).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });
});
