import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import type { Browser, Download, Page } from "playwright-core";
import { formatMessage, msg } from "../../src/messages/message.js";
import { isoDate, localToday } from "../../src/posters/dates.js";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { unzip } from "../helpers/unzip.js";
import { CHROMIUM, launchChromium, watchOutside, openPage, reportFailedSteps } from "./helpers.js";

/**
 * The posters tab in real headless Chromium at 1366×768 (an office PC's screen), as a facilities clerk's day goes:
 * download the starter policy and facility list, choose them, see every facility listed and its posters and signs
 * drawn before anything is downloaded, change the printing date and see the start-date line (and the poster) change,
 * download everything as one ZIP and open it; then a broken policy and a bad row, said in Japanese on the page.
 * Skipped, saying how to install it, where Chromium is missing.
 */
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) process.stderr.write(`test/serve/posters-e2e.test.ts: skipped: ${CHROMIUM} not found; install it with \`apt-get install chromium\`\n`);

const ja = (code: Parameters<typeof msg>[0], params?: Record<string, unknown>) => formatMessage(msg(code as "SERVE_PAGE_POSTERS_STARTS_NONE", params as never), "ja");

describe.skipIf(!HAVE_CHROMIUM)("the posters tab in headless Chromium at 1366×768 (needs `apt-get install chromium`)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), "nafuda-posters-e2e-"));
  mkdirSync(join(folder, "broken"));

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: "ja-JP" });
    page = await context.newPage();
    watchOutside(page, server.url, outside, pageErrors);
    await openPage(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  // A failed step says what the page showed (the next steps build on this page, so they may fail after it).
  reportFailedSteps(() => page);

  /** Clicks `selector` and saves the download it starts under its own name in the test's folder. */
  async function download(selector: string): Promise<{ name: string; path: string; download: Download }> {
    const [started] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
    const path = join(folder, started.suggestedFilename());
    await started.saveAs(path);
    return { name: started.suggestedFilename(), path, download: started };
  }

  /** How many pixels of a canvas are not white (the page draws previews on white). */
  const inkedPixels = (selector: string) => page.$eval(selector, (canvas) => {
    const c = canvas as unknown as { width: number; height: number; getContext(kind: string): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const { data } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) inked++;
    return { inked, total: data.length / 4 };
  });

  /** A fingerprint of every poster page drawn in the preview. */
  const posterPixels = () => page.$$eval("#fp-poster-pages canvas", (canvases) => canvases.map((canvas) => (canvas as unknown as { toDataURL(): string }).toDataURL()).join("|"));

  let policyPath = "";
  let facilitiesPath = "";

  it("downloads the starter policy and facility list with the city's name, every word of the tab in Japanese", async () => {
    await page.click("#tab-posters");
    expect(await page.textContent("#poster1-title")).toContain("施設一覧と方針ファイルを選ぶ");
    expect(await page.textContent("#starter-policy")).toBe("方針ファイルのひな形（policy.yaml）");
    // No label of the tab is left unfilled (a code shown instead of words).
    expect(await page.$$eval("#panel-posters [data-text]", (nodes) => nodes.filter((n) => !(n.textContent ?? "").trim() || /^[A-Z_]+$/.test(n.textContent ?? "")).length)).toBe(0);
    await page.fill("#municipality", "あおば市");
    const policy = await download("#starter-policy");
    expect(policy.name).toBe("policy.yaml");
    expect(readFileSync(policy.path, "utf8")).toMatch(/^issuer: あおば市$/m);
    const list = await download("#starter-facilities");
    expect(list.name).toBe("facilities.csv");
    expect([...readFileSync(list.path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await page.textContent("#starter-message")).toContain("「facilities.csv」をダウンロードしました。");
    [policyPath, facilitiesPath] = [policy.path, list.path];
  });

  it("chooses them: every facility listed with its sizes, copies and signs, the first one's posters and signs drawn", async () => {
    await page.setInputFiles("#facilities-input", facilitiesPath);
    expect(await page.textContent("#poster-message")).toContain("次に方針ファイル（policy.yaml）を選んでください。");
    await page.setInputFiles("#policy-input", policyPath);
    await page.waitForSelector("#facilities-body tr >> nth=9");
    expect(await page.$$eval("#facilities-body tr", (rows) => rows.length)).toBe(10);
    expect(await page.textContent("#poster-policy")).toBe("あおば市「カスタマーハラスメントに対する基本方針」（施行日 令和6年11月1日）— 10 施設");
    const tax = await page.textContent('#facilities-body tr[data-index="1"]');
    expect(tax).toContain("本庁舎 税務課窓口");
    expect(tax).toContain("3 行目");
    expect(tax).toContain("A4 × 3部");
    expect(tax).toContain("窓口 2・電話 6");
    expect(await page.textContent('#facilities-body tr[data-index="5"]')).toContain("なし");
    // The printing date is today, shown.
    expect(await page.inputValue("#as-of")).toBe(isoDate(localToday()));
    // The first facility is chosen: its posters (A4 poster, handout, languages; A3 poster, languages) and its counter sign.
    await page.waitForSelector("#fp-poster-pages figure:nth-child(5) canvas[data-drawn]");
    await page.waitForSelector("#fp-counter-pages canvas[data-drawn]");
    expect(await page.$$eval("#fp-poster-pages figcaption", (nodes) => nodes.map((n) => n.textContent))).toEqual(
      ["A4 ポスター", "A4 全文（配布用）", "A4 外国語・やさしい日本語", "A3 ポスター", "A3 外国語・やさしい日本語"]);
    expect(await page.isHidden("#fp-phone")).toBe(true);
    const drawn = await inkedPixels("#fp-poster-pages canvas");
    expect(drawn.inked / drawn.total).toBeGreaterThan(0.05);
    const card = await inkedPixels("#fp-counter-pages canvas");
    expect(card.inked / card.total).toBeGreaterThan(0.02);
    await page.screenshot({ path: join(folder, "posters-1.png") });
  });

  let before = "";
  it("the tax office: its posters, tent card and phone stickers; no start date while every measure has started", async () => {
    await page.click('#facilities-body tr[data-index="1"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#fp-name")?.textContent === "本庁舎 税務課窓口");
    await page.waitForSelector("#fp-poster-pages figure:nth-child(3) canvas[data-drawn]");
    await page.waitForSelector("#fp-phone-pages canvas[data-drawn]");
    expect(await page.textContent("#fp-phone-title")).toBe("電話のシール（6 枚）");
    const sticker = await inkedPixels("#fp-phone-pages canvas");
    expect(sticker.inked / sticker.total).toBeGreaterThan(0.02);
    expect(await page.textContent("#fp-starts")).toBe(ja("SERVE_PAGE_POSTERS_STARTS_NONE"));
    before = await posterPixels();
  });

  it("a printing date before the phone recording starts: the start-date line says so, and the poster is drawn again with it", async () => {
    await page.fill("#as-of", "2025-03-01");
    await page.dispatchEvent("#as-of", "change");
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#fp-starts")?.textContent?.includes("令和7年4月1日から"));
    expect(await page.textContent("#fp-starts")).toBe("開始日の表示：電話の録音：「令和7年4月1日から」と入ります");
    expect(await page.textContent("#as-of-help")).toContain("令和7年3月1日に印刷するものとして作ります。");
    await page.waitForSelector("#fp-poster-pages figure:nth-child(3) canvas[data-drawn]");
    await page.waitForSelector("#fp-phone-pages canvas[data-drawn]");
    expect(await posterPixels()).not.toBe(before);
    await page.screenshot({ path: join(folder, "posters-2.png") });
  });

  it("downloads everything as one ZIP: each facility's posters and signs, the manifest and the summary; every PDF opens", async () => {
    const zip = await download("#posters-zip");
    expect(zip.name).toBe("カスハラ防止ポスター_2025-03-01.zip");
    const entries = unzip(readFileSync(zip.path));
    const names = entries.map((e) => e.name);
    expect(names).toHaveLength(20);
    expect(names).toEqual(expect.arrayContaining(["本庁舎_税務課窓口.pdf", "本庁舎_税務課窓口__窓口標識.pdf", "本庁舎_税務課窓口__電話シール.pdf", "_order-manifest.csv", "_order-summary.pdf"]));
    for (const entry of entries) {
      expect(Boolean(entry.flags & 0x800), entry.name).toBe(/[^\x20-\x7e]/.test(entry.name));
      if (entry.name.endsWith(".pdf")) expect((await PDFDocument.load(entry.bytes)).getPageCount(), entry.name).toBeGreaterThan(0);
    }
    const manifest = entries.find((e) => e.name === "_order-manifest.csv")!.bytes.toString("utf8");
    expect(manifest).toContain("本庁舎 税務課窓口,A4横,297×210,2,本庁舎_税務課窓口__窓口標識.pdf,1,窓口の標識（三角柱）,2025-03-01");
    // The poster in the ZIP is the one previewed: it carries the start date.
    const poster = join(folder, "tax.pdf");
    writeFileSync(poster, entries.find((e) => e.name === "本庁舎_税務課窓口.pdf")!.bytes);
    expect(execFileSync("/usr/bin/pdftotext", [poster, "-"], { encoding: "utf8" })).toContain("令和7年4月1日から");
    expect(await page.textContent("#poster-download-message")).toContain("「カスハラ防止ポスター_2025-03-01.zip」をダウンロードしました（20 ファイル）。");
  });

  it("a broken policy: the problem with its file, line and the key meant, in Japanese; nothing else listed", async () => {
    const good = readFileSync(policyPath, "utf8");
    const broken = good.replace(/^title:/m, "titel:");
    const line = broken.split("\n").findIndex((l) => l.startsWith("titel:")) + 1;
    writeFileSync(join(folder, "broken", "policy.yaml"), broken);
    await page.setInputFiles("#policy-input", join(folder, "broken", "policy.yaml"));
    await page.waitForSelector("#poster-message .notice.error");
    const text = await page.textContent("#poster-message");
    expect(text).toContain(`policy.yaml の ${line} 行目・「titel」：「titel」という項目はありません。「title」の書き間違いではありませんか。`);
    expect(await page.isHidden("#poster-list-card")).toBe(true);
  });

  it("a facility list with bad rows: each said with its row as Excel numbers it and its column; the other facilities listed", async () => {
    await page.setInputFiles("#policy-input", policyPath);
    const list = `\uFEFF施設名,対策,サイズ,表題\r\n北公民館,police,A4,\r\n南公民館,police,A5,\r\n東公民館,polise,A4,\r\n西公民館,police,A4,${"とても長い表題".repeat(200)}\r\n`;
    writeFileSync(join(folder, "施設一覧.csv"), list);
    await page.setInputFiles("#facilities-input", join(folder, "施設一覧.csv"));
    await page.waitForSelector("#poster-message .notice.warn");
    const text = (await page.textContent("#poster-message"))!;
    expect(text).toContain("施設一覧に直すところが 2 か所あります（ほかの施設は作れます）");
    expect(text).toContain("施設一覧.csv の 3 行目・「サイズ」列：");
    expect(text).toContain("施設一覧.csv の 4 行目・「対策」列：");
    expect(await page.$$eval("#facilities-body tr", (rows) => rows.map((r) => r.querySelector(".f-title")?.textContent))).toEqual(["北公民館", "西公民館"]);
    await page.waitForSelector("#fp-poster-pages canvas[data-drawn]");
    // A facility whose title cannot fit: found when its preview is made, said beside it and in its row; the other one is made.
    await page.click('#facilities-body tr[data-index="1"]');
    await page.waitForSelector("#fp-message .notice.error");
    expect(await page.textContent("#fp-message")).toContain("施設一覧.csv の 5 行目：「西公民館」のポスターは、いちばん小さい文字にしても A4 に文が入りきりません。");
    expect(await page.textContent('#facilities-body tr[data-index="1"] .f-failed')).toBe("このままでは作れません");
    expect(await page.isDisabled("#fp-posters")).toBe(true);
    await page.screenshot({ path: join(folder, "posters-3.png") });
  });

  it("asked nothing of the network and kept nothing in the browser's storage", async () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    const stored = await page.evaluate(() => {
      const g = globalThis as any;
      return { local: Object.keys({ ...g.localStorage }).filter((k) => k !== "nafuda.textSize"), session: g.sessionStorage.length, cookie: g.document.cookie };
    });
    expect(stored).toEqual({ local: [], session: 0, cookie: "" });
    expect(await page.evaluate(async () => ((await (globalThis as any).indexedDB.databases()) as unknown[]).length)).toBe(0);
    if (process.env.NAFUDA_SCREENSHOTS) for (const n of [1, 2, 3]) writeFileSync(join(process.env.NAFUDA_SCREENSHOTS, `posters-${n}.png`), readFileSync(join(folder, `posters-${n}.png`)));
  });
});
