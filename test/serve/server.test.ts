import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { attachment, isAllowedHost } from "../../src/serve/server.js";
import { REVIEW_SHEET_HEADERS } from "../../src/review/review-sheet.js";
import { postForm, send } from "./helpers.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const EXAMPLES = join(ROOT, "examples");
const roster = { path: join(EXAMPLES, "roster.csv") };
const LIMIT = 256 * 1024;

/** Every file and folder under `dir`, with sizes, to compare before and after. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        out.push(`${path}/`);
        walk(path);
      } else out.push(`${path} ${statSync(path).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

// The server runs in a child process whose working folder and temp folder are new and empty, so that the
// last test can check that nothing at all was written while it read rosters and made PDFs.
let child: ChildProcess;
let port = 0;
let work: string;
let temp: string;
let cwdBefore: string[];
let tempBefore: string[];
let stderr = "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "nafuda-serve-cwd-"));
  temp = mkdtempSync(join(tmpdir(), "nafuda-serve-tmp-"));
  const tsx = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  child = spawn(process.execPath, ["--import", tsx, join(ROOT, "test/serve/start-server.ts")], {
    cwd: work,
    env: { ...process.env, TMPDIR: temp, TEMP: temp, TMP: temp, TSX_DISABLE_CACHE: "1", NAFUDA_TEST_MAX_UPLOAD: String(LIMIT) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  port = await new Promise<number>((ready, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) ready((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
  });
  cwdBefore = listing(work);
  tempBefore = listing(temp);
});

afterAll(() => {
  child?.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

interface Row {
  row: number; id: string | null; name: string; kana: string | null; romaji: string | null; source: string | null;
  review: boolean; reasons: string[]; alternatives: string[]; department: string | null; edited: boolean;
  error: { message: string; column: string | null } | null;
}
interface ReadingsReply {
  files: { roster: string; confirmed: string | null; rosterKind: string; encoding: string | null; format: string };
  rows: Row[];
  summary: { total: number; review: number; errors: number };
  editErrors: { row: number; message: string }[];
  confirmed: { rows: number; stale: unknown[] };
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
      expect(reply.json().error).toContain(`http://127.0.0.1:${port}/`);
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
    expect(reply.json().error).toMatch(/大きすぎます（上限 256 KB）/);
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
  it("reads the example roster (CP932 CSV) with the library: every row, the three to check first", async () => {
    const reply = await postForm(port, "/api/readings", { roster });
    expect(reply.status).toBe(200);
    const data = reply.json<ReadingsReply>();
    expect(data.files).toMatchObject({ roster: "roster.csv", rosterKind: "roster", encoding: "cp932", format: "csv" });
    expect(data.summary).toEqual({ total: 72, review: 3, errors: 0 });
    expect(data.rows.slice(0, 3).map((r) => r.row)).toEqual([12, 15, 21]);
    const nakajima = data.rows.find((r) => r.row === 21)!;
    expect(nakajima).toMatchObject({ name: "中島　隆", kana: "なかじま", romaji: "Nakajima", source: "dictionary", review: true, alternatives: ["なかしま"], department: "市民病院" });
    expect(data.rows.find((r) => r.row === 1)).toMatchObject({ kana: "さとう", romaji: "Sato", review: false });
  });

  it("reads the XLSX roster the same way", async () => {
    const data = (await postForm(port, "/api/readings", { roster: { path: join(EXAMPLES, "roster.xlsx") } })).json<ReadingsReply>();
    expect(data.files.format).toBe("xlsx");
    expect(data.summary).toEqual({ total: 72, review: 3, errors: 0 });
  });

  it("an edit goes back as a confirmed reading: the row is confirmed, the romaji spelt again from the kana", async () => {
    const data = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("なかしま") })).json<ReadingsReply>();
    expect(data.rows.find((r) => r.row === 21)).toMatchObject({ kana: "なかしま", romaji: "Nakashima", source: "override", review: false, edited: true });
    expect(data.summary.review).toBe(2);
    const typed = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("ナカジマ", "Nakazima"), rows: "21" })).json<ReadingsReply>();
    expect(typed.rows).toHaveLength(1);
    expect(typed.rows[0]).toMatchObject({ row: 21, kana: "なかじま", romaji: "Nakazima", source: "override", review: false });
  });

  it("an edit that is not kana is reported on its row, and the row stays as it was", async () => {
    const data = (await postForm(port, "/api/readings", { roster, edits: nakajimaEdit("nakajima"), rows: "21" })).json<ReadingsReply>();
    expect(data.editErrors).toEqual([expect.objectContaining({ row: 21, message: expect.stringContaining("ひらがなで入れてください") })]);
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

  it("a previous review sheet alone is roster and confirmed file at once", async () => {
    const data = (await postForm(port, "/api/readings", { roster: { bytes: await confirmedSheet(nakajimaEdit("なかしま")), name: "前回.csv" } })).json<ReadingsReply>();
    expect(data.files.rosterKind).toBe("review-sheet");
    expect(data.rows.find((r) => r.name === "中島　隆")).toMatchObject({ kana: "なかしま", source: "override", review: false });
  });

  it("a surname no dictionary knows goes to the analyzer (loaded once in the server), and is sent to review", async () => {
    const csv = new TextEncoder().encode("氏名,所属\n鬮橋　太郎,総務課\n");
    const data = (await postForm(port, "/api/readings", { roster: { bytes: csv, name: "x.csv" } })).json<ReadingsReply>();
    expect(data.rows[0]).toMatchObject({ name: "鬮橋　太郎", source: "analyzer", review: true });
  });

  it("says in Japanese what to do with a file that has no name column", async () => {
    const reply = await postForm(port, "/api/readings", { roster: { bytes: new TextEncoder().encode("番号,部署\n1,総務課\n"), name: "表.csv" } });
    expect(reply.status).toBe(422);
    const data = reply.json<{ error: string; detail: string }>();
    expect(data.error).toContain("「表.csv」を名簿として読めませんでした");
    expect(data.error).toContain("「氏名」という列が必要です");
    expect(data.detail).toContain("no column holds the staff names");
  });

  it("an old .xls or a damaged workbook is explained, for the roster and for the confirmed file", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const asRoster = await postForm(port, "/api/readings", { roster: { bytes: xls, name: "名簿.xls" } });
    expect(asRoster.status).toBe(422);
    expect(asRoster.json().error).toMatch(/^「名簿\.xls」を名簿として読めませんでした。/);
    expect(asRoster.json().detail).toContain(".xls");
    const asConfirmed = await postForm(port, "/api/readings", { roster, confirmed: { bytes: new TextEncoder().encode("PK\u0003\u0004broken"), name: "確認.xlsx" } });
    expect(asConfirmed.status).toBe(422);
    expect(asConfirmed.json().error).toContain("「確認.xlsx」を確認済みよみとして読めませんでした");
  });

  it("asks for a file when none is sent, and for a form when the body is not one", async () => {
    const none = await postForm(port, "/api/readings", { romaji: "passport" });
    expect(none.status).toBe(400);
    expect(none.json().error).toContain("名簿ファイルが選ばれていません");
    const notForm = await send(port, { method: "POST", path: "/api/readings", headers: { "content-type": "application/json" }, body: "{}" });
    expect(notForm.status).toBe(415);
  });
});

/** The confirmed readings file as the page downloads it, with these edits. */
async function confirmedSheet(edits: string): Promise<Uint8Array> {
  const reply = await postForm(port, "/api/confirmed.csv", { roster, edits });
  expect(reply.status).toBe(200);
  return reply.body;
}

describe("downloads", () => {
  it("the confirmed readings file is the review sheet: UTF-8 with BOM, CRLF, the edit confirmed", async () => {
    const reply = await postForm(port, "/api/confirmed.csv", { roster, edits: nakajimaEdit("なかじま") });
    expect(reply.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(reply.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("roster_確認済みよみ.csv")}`);
    expect([...reply.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = reply.text().slice(1).split("\r\n");
    expect(lines[0]).toBe(REVIEW_SHEET_HEADERS.join(","));
    expect(lines.find((line) => line.includes("中島　隆"))).toBe("21,00121,中島　隆,中島,なかじま,Nakajima,override,,,,");
    expect(lines.slice(1).filter((line) => line.includes(",要確認,"))).toHaveLength(2);
  });

  it("the badge PDF is refused while readings need review, naming them", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster });
    expect(reply.status).toBe(409);
    const data = reply.json<{ error: string; unreviewed: { row: number }[] }>();
    expect(data.error).toContain("3 人分");
    expect(data.unreviewed.map((u) => u.row)).toEqual([12, 15, 21]);
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
    expect(JSON.parse(decodeURIComponent(String(reply.headers["x-nafuda-report"])))).toMatchObject({ badges: 72, unreviewed: 3, sheet: "a4-8up-card", pages: 9 });
  });

  it("the preview is the selected row's badge, drawn from its one-badge PDF", async () => {
    const reply = await postForm(port, "/api/preview", { roster, edits: nakajimaEdit("なかしま"), row: "21", template: "standard" });
    const data = reply.json<{ svg: string; widthMm: number; heightMm: number; kana: string; romaji: string }>();
    expect(data).toMatchObject({ widthMm: 91, heightMm: 55, kana: "なかしま", romaji: "Nakashima" });
    // 市民病院 + なかしま + Nakashima: one path per glyph.
    expect(data.svg.match(/<path /g)).toHaveLength(4 + 4 + 9);
    const pdf = await postForm(port, "/api/badge.pdf", { roster, row: "21" });
    expect(pdf.headers["content-disposition"]).toMatch(/^inline;/);
    const doc = await PDFDocument.load(pdf.body);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getWidth()).toBeCloseTo((91 / 25.4) * 72, 1);
  });

  it("rejects a template or sheet that is not offered", async () => {
    const reply = await postForm(port, "/api/badges.pdf", { roster, allowUnreviewed: "1", sheet: "../../etc/passwd" });
    expect(reply.status).toBe(400);
    expect(reply.json().error).toContain("一覧から選んでください");
    expect((await postForm(port, "/api/preview", { roster, row: "1", template: "/etc/passwd" })).status).toBe(400);
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

  it("one facility's posters: one page per size", async () => {
    const reply = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "0" });
    expect(reply.status).toBe(200);
    expect((await PDFDocument.load(reply.body)).getPageCount()).toBe(2);
  });

  it("the order summary and manifest", async () => {
    expect((await postForm(port, "/api/posters/summary.pdf", { facilities, policy })).headers["content-type"]).toBe("application/pdf");
    const csv = await postForm(port, "/api/posters/manifest.csv", { facilities, policy });
    expect(csv.text()).toMatch(/^\uFEFF施設名,サイズ/);
  });

  it("a broken policy file is explained line by line", async () => {
    const reply = await postForm(port, "/api/posters/check", { facilities, policy: { bytes: new TextEncoder().encode("issuer: みどり市\ntitel: x\n"), name: "policy.yaml" } });
    expect(reply.status).toBe(422);
    const data = reply.json<{ error: string; issues: string[] }>();
    expect(data.error).toContain("方針ファイル「policy.yaml」に直すところがあります");
    expect(data.issues.some((issue) => issue.startsWith("2 行目"))).toBe(true);
  });
});

describe("nothing on disk", () => {
  it("wrote nothing in its working folder or temp folder while it served all of the above", () => {
    expect(listing(work)).toEqual(cwdBefore);
    expect(listing(temp)).toEqual(tempBefore);
    expect(cwdBefore).toEqual([]);
    expect(stderr).toBe("");
  });

  it("Content-Disposition carries Japanese file names with an ASCII fallback", () => {
    expect(attachment("名札.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent("名札.pdf")}`);
    expect(readFileSync(join(ROOT, "web", "index.html"), "utf8")).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });
});
