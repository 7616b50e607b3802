import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { zipEntries } from "../../src/io/zip.js";
import { isoDate, localToday } from "../../src/posters/dates.js";
import { readFacilities } from "../../src/posters/facilities.js";
import { makePosterFolder } from "../../src/posters/folder.js";
import { loadPolicy } from "../../src/posters/policy.js";
import { starterPolicyYaml } from "../../src/posters/starter.js";
import { POSTER_INPUT_MAX_BYTES } from "../../src/posters/yaml-input.js";
import { unzip } from "../helpers/unzip.js";
import { startServer } from "../../src/serve/server.js";
import { cell, sheet, zipBombWorkbook } from "./hostile.js";
import { listing, postForm, startChildServer, type ChildServer } from "./helpers.js";

/**
 * The posters tab's routes (/api/posters/…) against a server in a child process whose working and temp folders
 * start empty and must stay so: the starter files, the check (every facility with its sizes, copies, signs and
 * start-date lines), each facility's posters and signs, the whole order as one ZIP, the manifest and summary; a bad
 * policy, bad facility rows, and hostile uploads (a huge file, a zip bomb, policy names that lead out of the folder).
 */
const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const EXAMPLES = join(ROOT, "examples");
const facilities = { path: join(EXAMPLES, "facilities.csv") };
const policy = { path: join(EXAMPLES, "policy.yaml") };
/** The upload limit of this test's server: room for a policy file past POSTER_INPUT_MAX_BYTES. */
const LIMIT = POSTER_INPUT_MAX_BYTES + 2 * 1024 * 1024;
const PDFTOTEXT = "/usr/bin/pdftotext";

interface Problem { code: string; message: string; text: string; where: string }
interface ErrorReply { error: string; code: string; where: string; issues?: Problem[] }
interface CheckFacility {
  index: number; row: number; sheetRow: number | null; name: string; file: string; sizes: string[]; copies: number[];
  starts: { measure: string; from: string }[]; signs: { counter: number; phone: number }; signFiles: { counter: string | null; phone: string | null };
  policyFile: string | null;
}
interface CheckReply {
  policy: { issuer: string; title: string; effectiveDate: string }; asOf: string; asOfText: string;
  facilities: CheckFacility[]; errors: (Problem & { row: number; sheetRow: number | null; column: string | null })[]; notes: string[];
}

let server: ChildServer;
let port = 0;
let work: string;
let temp: string;
const scratch = mkdtempSync(join(tmpdir(), "nafuda-posters-api-"));

beforeAll(async () => {
  server = await startChildServer("posters", LIMIT);
  ({ port, work, temp } = server);
});

afterAll(() => {
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const text = (s: string) => new TextEncoder().encode(s);
const fileName = (headers: Record<string, unknown>) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(headers["content-disposition"]))![1]!);

/** The words of a PDF, as pdftotext reads them. */
function pdfText(pdf: Uint8Array): string {
  const file = join(scratch, `t${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(PDFTOTEXT, ["-layout", file, "-"], { encoding: "utf8" });
}

async function check(fields: Parameters<typeof postForm>[2]): Promise<CheckReply> {
  const reply = await postForm(port, "/api/posters/check", fields);
  expect(reply.status, reply.text()).toBe(200);
  return reply.json<CheckReply>();
}

describe("the starter files", () => {
  it("the starter policy is the example (the one nafuda init writes), with the city's name when given", async () => {
    const plain = await postForm(port, "/api/posters/starter-policy.yaml", {});
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toBe("application/yaml; charset=utf-8");
    expect(fileName(plain.headers)).toBe("policy.yaml");
    expect(plain.text()).toBe(starterPolicyYaml());
    // The example itself but for its first line, the editor's schema hint (a path inside the package).
    expect(plain.text().split("\n").slice(1)).toEqual(readFileSync(join(EXAMPLES, "policy.yaml"), "utf8").split("\n").slice(1));
    const named = await postForm(port, "/api/posters/starter-policy.yaml", { municipality: "  あおば市 " });
    expect(named.text()).toMatch(/^issuer: あおば市$/m);
    expect(named.text()).toContain("# 発行者: the city");
  });

  it("the starter facility list opens in Excel as UTF-8 (BOM, CRLF)", async () => {
    const reply = await postForm(port, "/api/posters/starter-facilities.csv", { municipality: "あおば市" });
    expect(fileName(reply.headers)).toBe("facilities.csv");
    expect(reply.body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(reply.text()).toContain("\r\n市民病院 総合受付,");
    expect(reply.text()).toContain("地方独立行政法人あおば市民病院");
  });

  it("a name on several lines or too long is refused in Japanese", async () => {
    for (const municipality of ["あおば市\n# injected: 1", "あ".repeat(41)]) {
      const reply = await postForm(port, "/api/posters/starter-policy.yaml", { municipality });
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ code: "SERVE_MUNICIPALITY_UNREADABLE", error: "市区町村の名前は 40 文字までで、改行を入れずに書いてください。" });
    }
  });

  it("the two starters uploaded as they are make every facility, without one problem", async () => {
    const yaml = (await postForm(port, "/api/posters/starter-policy.yaml", { municipality: "あおば市" })).body;
    const csv = (await postForm(port, "/api/posters/starter-facilities.csv", { municipality: "あおば市" })).body;
    const data = await check({ facilities: { bytes: csv, name: "facilities.csv" }, policy: { bytes: yaml, name: "policy.yaml" } });
    expect(data.errors).toEqual([]);
    expect(data.policy.issuer).toBe("あおば市");
    expect(data.facilities).toHaveLength(10);
  });
});

describe("the check: what the page lists", () => {
  it("every facility with its sizes, copies, signs and files; the printing date defaults to today", async () => {
    const data = await check({ facilities, policy });
    expect(data.asOf).toBe(isoDate(localToday()));
    const tax = data.facilities[1]!;
    expect(tax).toMatchObject({
      name: "本庁舎 税務課窓口", row: 2, sheetRow: 3, file: "本庁舎_税務課窓口.pdf", sizes: ["A4", "A3"], copies: [3, 1],
      signs: { counter: 2, phone: 6 }, signFiles: { counter: "本庁舎_税務課窓口__窓口標識.pdf", phone: "本庁舎_税務課窓口__電話シール.pdf" },
    });
    expect(data.facilities[5]).toMatchObject({ name: "北公民館", signs: { counter: 0, phone: 0 }, signFiles: { counter: null, phone: null } });
  });

  it("the start-date line follows the printing date and the date style", async () => {
    const before = await check({ facilities, policy, asOf: "2025-03-01" });
    expect(before.asOfText).toBe("令和7年3月1日");
    expect(before.facilities[1]!.starts).toEqual([{ measure: "電話の録音", from: "令和7年4月1日から" }]);
    expect(before.facilities[0]!.starts).toEqual([]);
    expect((await check({ facilities, policy, asOf: "2025-03-01", dateStyle: "western" })).facilities[1]!.starts).toEqual([{ measure: "電話の録音", from: "2025年4月1日から" }]);
    expect((await check({ facilities, policy, asOf: "2025-04-01" })).facilities[1]!.starts).toEqual([]);
  });

  it("sizes chosen on the page replace every facility's own, keeping its copies of that size", async () => {
    const data = await check({ facilities, policy, sizes: "a3,B2" });
    expect(data.facilities[0]).toMatchObject({ sizes: ["A3", "B2"], copies: [1, 1] });
    expect(data.facilities[3]).toMatchObject({ name: "市民病院 総合受付", sizes: ["A3", "B2"], copies: [2, 1] });
  });

  it.each([
    [{ asOf: "2025-02-30" }, "SERVE_AS_OF_UNREADABLE", "基準日「2025-02-30」は日付として読めません。印刷する日を 2025-03-01 のように、実在する日付で選んでください。"],
    [{ sizes: "A4,A5" }, "SERVE_POSTER_SIZE_UNKNOWN", "ポスターのサイズ「A5」は選べません。「A4」「A3」「B3」「B2」から選んでください。"],
    [{ a3Design: "huge" }, "SERVE_A3_DESIGN_UNKNOWN", "A3 のデザイン「huge」は選べません。「full」「distance」から選んでください。"],
    [{ dateStyle: "heisei" }, "SERVE_DATE_STYLE_UNKNOWN", "日付の書き方「heisei」は選べません。「policy」「era」「western」から選んでください。"],
  ])("an option it does not offer (%o) is a 400 in Japanese", async (option, code, error) => {
    const reply = await postForm(port, "/api/posters/check", { facilities, policy, ...option });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ code, error });
  });
});

describe("previews and downloads: the files the command line writes", () => {
  const asOf = { year: 2025, month: 3, day: 1 };
  let cli: Awaited<ReturnType<typeof makePosterFolder>>;
  beforeAll(async () => {
    const p = await loadPolicy(join(EXAMPLES, "policy.yaml"));
    const list = await readFacilities(join(EXAMPLES, "facilities.csv"), { policy: p });
    cli = await makePosterFolder(p, list.facilities, { asOf });
  });
  const cliFile = (name: string) => Buffer.from(cli.files.find((f) => f.name === name)!.bytes);

  it("a facility's posters: the command line's file, its pages named; the start date printed before the measure starts", async () => {
    const reply = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "1", asOf: "2025-03-01" });
    expect(reply.status).toBe(200);
    expect(fileName(reply.headers)).toBe("本庁舎_税務課窓口.pdf");
    expect(reply.body.equals(cliFile("本庁舎_税務課窓口.pdf"))).toBe(true);
    expect(JSON.parse(decodeURIComponent(String(reply.headers["x-nafuda-report"])))).toEqual({
      pages: [{ size: "A4", page: "poster" }, { size: "A4", page: "text" }, { size: "A3", page: "poster" }],
    });
    expect(pdfText(reply.body)).toContain("令和7年4月1日から");
    const after = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "1", asOf: "2025-04-01" });
    expect(pdfText(after.body)).not.toContain("令和7年4月1日から");
  });

  it("the options change the file as on the command line: A3 for distance, sizes, bleed and crop marks", async () => {
    const full = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "0", sizes: "A3", asOf: "2025-03-01" });
    const distance = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "0", sizes: "A3", a3Design: "distance", asOf: "2025-03-01" });
    expect(JSON.parse(decodeURIComponent(String(full.headers["x-nafuda-report"]))).pages).toEqual([{ size: "A3", page: "poster" }, { size: "A3", page: "languages" }]);
    // The distance design carries the slogan and a few large items, not the conduct's sentences.
    expect(pdfText(full.body)).toContain("大声で怒鳴る");
    expect(pdfText(distance.body)).not.toContain("大声で怒鳴る");
    const shop = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index: "5", bleed: "true", cropMarks: "true" });
    const page = (await PDFDocument.load(shop.body)).getPage(0);
    const mm = (pt: number) => Math.round((pt / 72) * 25.4);
    expect([mm(page.getTrimBox().width), mm(page.getTrimBox().height)]).toEqual([210, 297]);
    expect(mm(page.getBleedBox().width)).toBe(216);
    expect(mm(page.getMediaBox().width)).toBeGreaterThan(216);
  });

  it("a facility's counter sign and phone stickers: the command line's files", async () => {
    const counter = await postForm(port, "/api/posters/sign.pdf", { facilities, policy, index: "1", kind: "counter", asOf: "2025-03-01" });
    expect(fileName(counter.headers)).toBe("本庁舎_税務課窓口__窓口標識.pdf");
    expect(counter.body.equals(cliFile("本庁舎_税務課窓口__窓口標識.pdf"))).toBe(true);
    const phone = await postForm(port, "/api/posters/sign.pdf", { facilities, policy, index: "1", kind: "phone", asOf: "2025-03-01" });
    expect(phone.body.equals(cliFile("本庁舎_税務課窓口__電話シール.pdf"))).toBe(true);
    expect(JSON.parse(decodeURIComponent(String(phone.headers["x-nafuda-report"])))).toEqual({ pieces: 6 });
    expect(pdfText(phone.body)).toContain("令和7年4月1日から");
  });

  it("no such sign, kind or facility: said in Japanese", async () => {
    const none = await postForm(port, "/api/posters/sign.pdf", { facilities, policy, index: "5", kind: "phone" });
    expect(none.status).toBe(404);
    expect(none.json()).toMatchObject({ code: "SERVE_FACILITY_NO_SIGN", error: expect.stringContaining("record-phone を加えてください") });
    expect((await postForm(port, "/api/posters/sign.pdf", { facilities, policy, index: "1", kind: "door" })).json()).toMatchObject({ code: "SERVE_SIGN_KIND_UNKNOWN" });
    for (const index of ["99", "-1", "1.5", ""]) {
      const missing = await postForm(port, "/api/posters/facility.pdf", { facilities, policy, index });
      expect(missing.status, index).toBe(404);
      expect(missing.json()).toMatchObject({ code: "SERVE_FACILITY_NOT_IN_LIST" });
    }
  });

  it("everything as one ZIP: the command line's folder, Japanese names flagged UTF-8, every PDF opens; the same bytes twice", async () => {
    const reply = await postForm(port, "/api/posters/posters.zip", { facilities, policy, asOf: "2025-03-01" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/zip");
    expect(fileName(reply.headers)).toBe("カスハラ防止ポスター_2025-03-01.zip");
    expect(JSON.parse(decodeURIComponent(String(reply.headers["x-nafuda-report"])))).toEqual({ files: 20, errorCount: 0, errors: [] });
    const entries = unzip(reply.body);
    expect(entries.map((e) => e.name)).toEqual(cli.files.map((f) => f.name));
    for (const entry of entries) {
      expect(entry.bytes.equals(cliFile(entry.name)), entry.name).toBe(true);
      expect(Boolean(entry.flags & 0x800), entry.name).toBe(/[^\x20-\x7e]/.test(entry.name));
      if (entry.name.endsWith(".pdf")) expect((await PDFDocument.load(entry.bytes)).getPageCount(), entry.name).toBeGreaterThan(0);
    }
    const manifest = entries.find((e) => e.name === "_order-manifest.csv")!.bytes.toString("utf8");
    expect(manifest).toContain("本庁舎 税務課窓口,a4-10up,91×55,1,本庁舎_税務課窓口__電話シール.pdf,1,電話のシール（6 面）,2025-03-01");
    const again = await postForm(port, "/api/posters/posters.zip", { facilities, policy, asOf: "2025-03-01" });
    expect(again.body.equals(reply.body)).toBe(true);
    expect(zipEntries(reply.body, 100).count).toBe(20);
  });

  it("the manifest and the summary alone are the ZIP's", async () => {
    const manifest = await postForm(port, "/api/posters/manifest.csv", { facilities, policy, asOf: "2025-03-01" });
    expect(fileName(manifest.headers)).toBe("_order-manifest.csv");
    expect(manifest.body.equals(cliFile("_order-manifest.csv"))).toBe(true);
    const summary = await postForm(port, "/api/posters/summary.pdf", { facilities, policy, asOf: "2025-03-01" });
    expect(summary.body.equals(cliFile("_order-summary.pdf"))).toBe(true);
  });
});

describe("a bad policy, bad rows", () => {
  it("a misspelt key in the policy: a 422 naming the file, the line, the key and the nearest valid key, in Japanese", async () => {
    const broken = readFileSync(join(EXAMPLES, "policy.yaml"), "utf8").replace(/^title:/m, "titel:");
    const reply = await postForm(port, "/api/posters/check", { facilities, policy: { bytes: text(broken), name: "policy.yaml" } });
    expect(reply.status).toBe(422);
    const data = reply.json<ErrorReply>();
    const line = broken.split("\n").findIndex((l) => l.startsWith("titel:")) + 1;
    const titel = data.issues!.find((issue) => issue.code === "POLICY_UNKNOWN_KEY")!;
    expect(titel.where).toBe(`policy.yaml の ${line} 行目・「titel」`);
    expect(titel.text).toMatch(/^「titel」という項目はありません。「title」の書き間違いではありませんか。ここで使える項目：「issuer」「title」/);
    // The title is then missing too: every problem is listed, one by one.
    expect(data.issues!.length).toBeGreaterThan(1);
  });

  it("bad rows are each reported with the row as Excel numbers it and the column; the good rows are made", async () => {
    const list = "\uFEFF施設名,対策,サイズ,部数,標識\r\n北公民館,police,A4,1,\r\n南公民館,police,A5,1,\r\n,police,A4,1,\r\n東公民館,polise,A4,1,\r\n西公民館,police,A4,2,phone=2\r\n中央図書館,police record-phone,A4,1,phone=2\r\n";
    const data = await check({ facilities: { bytes: text(list), name: "施設一覧.csv" }, policy });
    expect(data.facilities.map((f) => f.name)).toEqual(["北公民館", "中央図書館"]);
    expect(data.errors.map((e) => [e.sheetRow, e.column, e.code])).toEqual([
      [3, "サイズ", "FACILITY_UNKNOWN_SIZE"],
      [4, "施設名", "FACILITY_NAME_EMPTY"],
      [5, "対策", "FACILITY_UNKNOWN_MEASURE"],
      [6, "標識", "FACILITY_SIGNS_NOT_RECORDED"],
    ]);
    expect(data.errors[0]!.message).toMatch(/^施設一覧\.csv の 3 行目・「サイズ」列：/);
    expect(data.errors[2]!.text).toContain("「police」");
  });

  it("a list with no facility at all: the ZIP says so (422), listing the rows' problems", async () => {
    const list = "施設名,対策,サイズ\r\n南公民館,police,A5\r\n";
    const reply = await postForm(port, "/api/posters/posters.zip", { facilities: { bytes: text(list), name: "施設一覧.csv" }, policy });
    expect(reply.status).toBe(422);
    expect(reply.json()).toMatchObject({ code: "SERVE_NO_FACILITIES", rowErrors: [{ code: "FACILITY_UNKNOWN_SIZE", sheetRow: 2 }] });
  });

  it("missing files are asked for", async () => {
    expect((await postForm(port, "/api/posters/check", { policy })).json()).toMatchObject({ code: "SERVE_FILE_MISSING", error: "施設一覧ファイルが選ばれていません。ファイルを選ぶか、ここにドラッグしてください。" });
    expect((await postForm(port, "/api/posters/check", { facilities })).json()).toMatchObject({ code: "SERVE_FILE_MISSING", error: "方針ファイル（policy.yaml）が選ばれていません。ファイルを選ぶか、ここにドラッグしてください。" });
  });
});

describe("facilities' own policy files, chosen with the others", () => {
  const HOSPITAL = readFileSync(join(EXAMPLES, "policy.yaml"), "utf8")
    .replace(/^issuer: .*$/m, "issuer: 地方独立行政法人みどり市民病院")
    .replace(/^title: .*$/m, "title: 病院の基本方針");
  const list = (name: string) => `施設名,対策,サイズ,方針ファイル\r\n市民病院,police,A4,${name}\r\n北公民館,police,A4,\r\n`;

  it("a row naming an uploaded file speaks with it; a file no row names is said to be unused", async () => {
    const data = await check({
      facilities: { bytes: text(list("hospital.yaml")), name: "施設一覧.csv" }, policy,
      policyFiles: { bytes: text(HOSPITAL), name: "hospital.yaml" },
    });
    expect(data.errors).toEqual([]);
    expect(data.facilities[0]).toMatchObject({ name: "市民病院", policyFile: "hospital.yaml" });
    const pdf = await postForm(port, "/api/posters/facility.pdf", {
      facilities: { bytes: text(list("hospital.yaml")), name: "施設一覧.csv" }, policy, policyFiles: { bytes: text(HOSPITAL), name: "hospital.yaml" }, index: "0",
    });
    expect(pdfText(pdf.body)).toContain("病院の基本方針");
    const unused = await check({ facilities: { bytes: text(list("")), name: "施設一覧.csv" }, policy, policyFiles: { bytes: text(HOSPITAL), name: "hospital.yaml" } });
    expect(unused.notes).toEqual(["施設ごとの方針ファイル「hospital.yaml」は、施設一覧のどの行の「方針ファイル」列にも書かれていないため、使っていません。"]);
  });

  it.each(["../hospital.yaml", "/etc/hospital.yaml", "C:\\Users\\hospital.yaml", "..\\hospital.yaml"])(
    "a name that leads out of the folder (%s) is refused as on the command line, even when a file of that name was uploaded",
    async (name) => {
      const data = await check({ facilities: { bytes: text(list(name)), name: "施設一覧.csv" }, policy, policyFiles: { bytes: text(HOSPITAL), name: "hospital.yaml" } });
      expect(data.facilities.map((f) => f.name)).toEqual(["北公民館"]);
      expect(data.errors).toMatchObject([{ sheetRow: 2, column: "方針ファイル", code: "FACILITY_POLICY_OUTSIDE" }]);
    },
  );

  it("a file the row names but that was not chosen, or a broken one: the row's error, the others made", async () => {
    const missing = await check({ facilities: { bytes: text(list("hospital.yaml")), name: "施設一覧.csv" }, policy });
    expect(missing.errors).toMatchObject([{ sheetRow: 2, code: "FACILITY_POLICY_NOT_GIVEN", text: "この行の方針ファイル「hospital.yaml」がありません。施設一覧と一緒に、そのファイルも選んでください。" }]);
    const broken = await check({ facilities: { bytes: text(list("hospital.yaml")), name: "施設一覧.csv" }, policy, policyFiles: { bytes: text("issuer: 病院\ntitel: x\n"), name: "hospital.yaml" } });
    expect(broken.errors).toMatchObject([{ sheetRow: 2, code: "FACILITY_POLICY_UNUSABLE" }]);
    expect(broken.errors[0]!.text).toContain("hospital.yaml の 2 行目");
    expect(broken.facilities.map((f) => f.name)).toEqual(["北公民館"]);
  });
});

describe("hostile uploads are bounded before any work", () => {
  it("a request past the upload limit: 413, in Japanese, before it is read", async () => {
    // A server of its own with a small limit, so that the client has sent the whole body before the answer.
    const small = await startServer({ port: 0, maxUploadBytes: 64 * 1024 });
    try {
      const huge = new Uint8Array(65 * 1024).fill(0x41);
      const reply = await postForm(small.port, "/api/posters/check", { facilities: { bytes: huge, name: "facilities.csv" }, policy });
      expect(reply.status).toBe(413);
      expect(reply.json()).toMatchObject({ code: "SERVE_TOO_LARGE", error: expect.stringMatching(/^ファイルが大きすぎます（上限 64 KB）。/) });
    } finally {
      await small.close();
    }
  });

  it("a policy file larger than any policy (over 10 MB) is refused before it is parsed, as on the command line", async () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(0x23); // "#": a comment, if it were ever parsed
    const requests: Parameters<typeof postForm>[2][] = [{ facilities, policy: { bytes: big, name: "policy.yaml" } }, {
      facilities: { bytes: text("施設名,対策,方針ファイル\r\n病院,police,big.yaml\r\n"), name: "施設一覧.csv" }, policy, policyFiles: { bytes: big, name: "big.yaml" },
    }];
    for (const fields of requests) {
      const reply = await postForm(port, "/api/posters/check", fields);
      const body = reply.json<ErrorReply & CheckReply>();
      const problem = reply.status === 422 ? body.issues![0]! : body.errors[0]!;
      expect(problem.message).toContain("ファイルが大きすぎます（11 MB、上限 10 MB）。方針ファイルやレイアウトファイルは、ふつう数 KB です。");
    }
  });

  it("a zip bomb as the facility list: a 422 in Japanese, within the table limits", async () => {
    // Past the first 32 MiB a part may inflate to at most 100 times its compressed size (src/roster/limits.ts).
    const bomb = zipBombWorkbook(40 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const reply = await postForm(port, "/api/posters/check", { facilities: { bytes: bomb, name: "施設一覧.xlsx" }, policy });
    expect(reply.status).toBe(422);
    expect(reply.json()).toMatchObject({ code: "TABLE_XLSX_TOO_LARGE_INFLATED" });
  });

  it("an alias bomb as the policy: refused with its code", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 200; i++) lines.push(`k${i}: &k${i} [*${i === 0 ? "a" : `k${i - 1}`}, *${i === 0 ? "a" : `k${i - 1}`}]`);
    const reply = await postForm(port, "/api/posters/check", { facilities, policy: { bytes: text(lines.join("\n")), name: "policy.yaml" } });
    expect(reply.status).toBe(422);
    expect(reply.json<ErrorReply>().issues!.map((i) => i.code)).toContain("POSTER_YAML_TOO_MANY_ALIASES");
  });

  it("an XLSX facility list is read like a CSV one", async () => {
    const book = (await import("./hostile.js")).workbook(sheet([[1, cell("A1", "施設名") + cell("B1", "対策")], [2, cell("A2", "北公民館") + cell("B2", "police")]]));
    const data = await check({ facilities: { bytes: book, name: "施設一覧.xlsx" }, policy });
    expect(data.facilities.map((f) => [f.name, f.sheetRow])).toEqual([["北公民館", 2]]);
  });
});

describe("nothing on disk", () => {
  it("the server wrote nothing in its working folder or temp folder while it served all of the above", () => {
    expect(listing(work)).toEqual([]);
    expect(listing(temp)).toEqual([]);
    expect(server.stderr()).toBe("");
  });
});
