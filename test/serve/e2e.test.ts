import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { csvDocument } from "../../src/io/excel-csv.js";
import { readTable } from "../../src/roster/read-table.js";
import { isConfirmedHeader } from "../../src/readings/confirmed-readings.js";
import { excelDamagedReviewSheet } from "./helpers.js";

/**
 * The page in real headless Chromium (Debian's chromium package, driven by playwright-core): upload the example
 * roster, fix the flagged readings with the mouse and the keyboard, download the confirmed readings and the badge
 * PDF, and check the PDF's pages; bring the confirmed readings back after Excel damaged them; see the library's
 * errors, with their codes, in Japanese. Skipped, saying how to install it, where /usr/bin/chromium is missing.
 */
const CHROMIUM = process.env.NAFUDA_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const PDFTOPPM = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((path) => existsSync(path));

if (!HAVE_CHROMIUM) {
  process.stderr.write(`test/serve/e2e.test.ts: skipped: ${CHROMIUM} not found; install it with \`apt-get install chromium\`\n`);
}

describe.skipIf(!HAVE_CHROMIUM)("nafuda serve in headless Chromium (needs `apt-get install chromium`)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    server = await startServer({ port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ], // playwright-core starts it with a new empty profile of its own
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, locale: "ja-JP" });
    page = await context.newPage();
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith("blob:") && !url.startsWith("data:")) outside.push(url);
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the empty state first", async () => {
    await expect(page.textContent("#roster-drop")).resolves.toContain("名簿ファイルをここにドラッグ");
    expect(await page.isHidden("#step-review")).toBe(true);
  });

  it("reads the example roster: 72 staff, the three to check first", async () => {
    await page.setInputFiles("#roster-input", join(ROOT, "examples/roster.csv"));
    await page.waitForSelector('#staff-body tr[data-row="21"]');
    const rows = await page.$$eval("#staff-body tr", (trs) => trs.map((tr) => tr.getAttribute("data-row")));
    expect(rows).toHaveLength(72);
    expect(rows.slice(0, 3)).toEqual(["12", "15", "21"]);
    expect(await page.textContent("#summary")).toMatch(/要確認\s*3\s*人/);
    expect(await page.textContent("#roster-name")).toContain("Shift_JIS");
    // The 行 column names the row as Excel does (the header is row 1); the page keys rows by their data row.
    expect(await page.textContent('#staff-body tr[data-row="21"] .c-row')).toBe("22");
    // The first row is selected and its badge drawn.
    await page.waitForSelector("#preview svg path");
  });

  it("fixes 中島 隆 as なかじま: typed, Enter, the row is confirmed and the badge redrawn", async () => {
    await page.click('#staff-body tr[data-row="21"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#ed-name")?.textContent?.includes("中島"));
    expect(await page.textContent("#ed-meta")).toContain("22 行目");
    await expect(page.textContent('#staff-body tr[data-row="21"]')).resolves.toContain("要確認");
    await page.fill("#edit-kana", "なかじま");
    await page.press("#edit-kana", "Enter");
    await page.waitForSelector('#staff-body tr[data-row="21"] .pill.done');
    const row = await page.textContent('#staff-body tr[data-row="21"]');
    expect(row).toContain("確認済み");
    expect(row).toContain("Nakajima");
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#preview svg")?.getAttribute("aria-label")?.includes("なかじま"));
    expect(await page.textContent("#summary")).toMatch(/要確認\s*2\s*人/);
  });

  it("the keyboard: ↑ and Space confirm 小鳥遊, ↑ and 1 picks 三瓶's first alternative", async () => {
    // After Enter the focus is back on row 21.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Space");
    await page.waitForSelector('#staff-body tr[data-row="15"] .pill.done');
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("1");
    await page.waitForSelector('#staff-body tr[data-row="12"] .pill.done');
    expect(await page.textContent('#staff-body tr[data-row="12"] .c-kana')).toBe("さんべ");
    // A second thought: 元に戻す, then さんぺい as the roster had it, confirmed with the button.
    await page.click("#revert");
    await page.waitForSelector('#staff-body tr[data-row="12"] .pill.review');
    await page.click("#confirm");
    await page.waitForSelector('#staff-body tr[data-row="12"] .pill.done');
    expect(await page.textContent('#staff-body tr[data-row="12"] .c-kana')).toBe("さんぺい");
    expect(await page.textContent("#summary")).toMatch(/要確認\s*0\s*人/);
  });

  let confirmedCsv: Buffer;
  it("downloads the confirmed readings: the review sheet's CSV with the three confirmed", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-confirmed")]);
    expect(download.suggestedFilename()).toBe("roster_確認済みよみ.csv");
    confirmedCsv = readFileSync((await download.path())!);
    expect([...confirmedCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = confirmedCsv.toString("utf8");
    expect(text.split("\r\n")[0]).toBe("\uFEFF名札の読みの確認シート（roster.csv）");
    expect(text).toContain("\r\n22,00121,中島　隆,中島,なかじま,Nakajima,,,,,,確認済み,\r\n");
    expect(text).toContain("\r\n13,00112,三瓶　浩二,三瓶,さんぺい,Sampei,,,,,,確認済み,\r\n");
    expect(text).not.toMatch(/,要確認,(?!理由)/);
  });

  it("downloads the same as an Excel workbook, 職員番号 as text", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-confirmed-xlsx")]);
    expect(download.suggestedFilename()).toBe("roster_確認済みよみ.xlsx");
    const table = await readTable(readFileSync((await download.path())!), { fileName: "x.xlsx", isHeader: isConfirmedHeader });
    expect(table.rows.find((r) => r.cells[2] === "小鳥遊ひなた")!.cells.slice(0, 5)).toEqual(["16", "00115", "小鳥遊ひなた", "小鳥遊", "たかなし"]);
    await expect(page.textContent("#download-message")).resolves.toContain("「roster_確認済みよみ.xlsx」をダウンロードしました");
  });

  it("downloads the badge PDF: 72 badges on 8 A4 pages", async () => {
    await page.selectOption("#template", "standard");
    await page.selectOption("#sheet", "a4-10up");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-badges")]);
    expect(download.suggestedFilename()).toBe("roster_名札.pdf");
    const pdf = await PDFDocument.load(readFileSync((await download.path())!));
    expect(pdf.getPageCount()).toBe(8);
    for (const p of pdf.getPages()) {
      expect(p.getWidth()).toBeCloseTo(595.28, 1);
      expect(p.getHeight()).toBeCloseTo(841.89, 1);
    }
    await expect(page.textContent("#download-message")).resolves.toContain("名札 72 枚、8 ページ");
  });

  it.skipIf(!PDFTOPPM)("the preview looks like the PDF: Chromium's drawing of the SVG against poppler's of the PDF (needs poppler-utils)", async () => {
    for (const template of ["standard", "band"]) {
      const form = () => {
        const data = new FormData();
        data.append("roster", new Blob([readFileSync(join(ROOT, "examples/roster.csv"))]), "roster.csv");
        data.append("row", "21");
        data.append("template", template);
        return data;
      };
      const preview = (await (await fetch(`${server.url}api/preview`, { method: "POST", body: form() })).json()) as { svg: string };
      const pdf = new Uint8Array(await (await fetch(`${server.url}api/badge.pdf`, { method: "POST", body: form() })).arrayBuffer());
      const folder = mkdtempSync(join(tmpdir(), "nafuda-e2e-"));
      try {
        writeFileSync(join(folder, "badge.pdf"), pdf);
        execFileSync(PDFTOPPM!, ["-png", "-r", "300", "-singlefile", join(folder, "badge.pdf"), join(folder, "badge")]);
        const png = readFileSync(join(folder, "badge.png")).toString("base64");
        const svg = Buffer.from(preview.svg).toString("base64");
        const other = await page.context().newPage();
        await other.setContent(`<img id="a" src="data:image/png;base64,${png}"><img id="b" src="data:image/svg+xml;base64,${svg}">`);
        const result = await other.evaluate(`(async () => {
          const a = document.getElementById("a"), b = document.getElementById("b");
          await Promise.all([a.decode(), b.decode()]);
          const w = a.naturalWidth, h = a.naturalHeight;
          const pixels = (img) => { const c = document.createElement("canvas"); c.width = w; c.height = h;
            const g = c.getContext("2d"); g.fillStyle = "#fff"; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0, w, h); return g.getImageData(0, 0, w, h).data; };
          const pa = pixels(a), pb = pixels(b);
          // A pixel of poppler's rendering matches when Chromium's has a pixel of nearly its colour within one
          // pixel of it (the two anti-alias edges differently, by up to half a pixel).
          let different = 0, inked = 0;
          for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
            const i = (y * w + x) * 4;
            let best = 255;
            for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
              const xx = x + dx, yy = y + dy;
              if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
              const j = (yy * w + xx) * 4;
              best = Math.min(best, Math.max(Math.abs(pa[i] - pb[j]), Math.abs(pa[i + 1] - pb[j + 1]), Math.abs(pa[i + 2] - pb[j + 2])));
            }
            if (best > 80) different++;
            if (pa[i] + pa[i + 1] + pa[i + 2] < 600) inked++;
          }
          return { w, h, different, inked, total: pa.length / 4 };
        })()`) as { w: number; h: number; different: number; inked: number; total: number };
        await other.close();
        expect(result.w).toBeGreaterThan(1000);
        expect(result.inked / result.total, template).toBeGreaterThan(0.05);
        // Only anti-aliased edges may differ.
        // Measured: 0.6 % (standard) and 0.3 % (band); everything moved by half a point: 13 %, by one point: 27 %.
        expect(result.different / result.inked, template).toBeLessThan(0.02);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  });

  it("another romaji system re-reads every row and keeps the order being worked in", async () => {
    await page.click(".settings summary");
    await page.selectOption("#romaji", "hepburn");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="4"] .c-romaji')?.textContent === "Ōno");
    const rows = await page.$$eval("#staff-body tr", (trs) => trs.slice(0, 4).map((tr) => tr.getAttribute("data-row")));
    expect(rows).toEqual(["12", "15", "21", "1"]);
    expect(await page.textContent('#staff-body tr[data-row="12"] .pill')).toBe("確認済み");
    await page.selectOption("#romaji", "passport");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="4"] .c-romaji')?.textContent === "Ono");
  });

  it("next year: the confirmed file, damaged by Excel (zeros stripped, re-sorted, Shift_JIS), brings back every correction", async () => {
    const damaged = excelDamagedReviewSheet(confirmedCsv);
    await page.goto(server.url);
    await page.setInputFiles("#roster-input", [
      { name: "roster.csv", mimeType: "text/csv", buffer: readFileSync(join(ROOT, "examples/roster.csv")) },
      { name: "roster_確認済みよみ.csv", mimeType: "text/csv", buffer: Buffer.from(damaged) },
    ]);
    await page.waitForSelector('#staff-body tr[data-row="21"]');
    expect(await page.textContent("#summary")).toMatch(/要確認\s*0\s*人/);
    for (const [row, kana] of [["12", "さんぺい"], ["15", "たかなし"], ["21", "なかじま"]] as const) {
      expect(await page.textContent(`#staff-body tr[data-row="${row}"] .pill`)).toBe("確認済み");
      expect(await page.textContent(`#staff-body tr[data-row="${row}"] .c-kana`)).toBe(kana);
    }
    expect(await page.textContent("#confirmed-name")).toBe("roster_確認済みよみ.csv");
    // The library's note: the ids Excel changed were matched by their digits.
    expect(await page.textContent("#roster-message")).toContain("Excel で変わっていました（先頭の 0 が消えた）。職員番号の数字と氏名で照合しました。");
  });

  it("a confirmed file of another roster: the library's Japanese error with the numbers and what to do, its code in the details, the table kept", async () => {
    const other = csvDocument([
      ["職員番号", "氏名", "フリガナ"],
      ...Array.from({ length: 12 }, (_, i) => [`B${100 + i}`, `架空　${"一二三四五六七八九十"[i % 10]}${i < 10 ? "郎" : "子"}`, "カクウ　イチロウ"]),
    ]);
    const form = new FormData();
    form.append("roster", new Blob([other]), "隣の市.csv");
    const sheet = Buffer.from(await (await fetch(`${server.url}api/confirmed.csv`, { method: "POST", body: form })).arrayBuffer());
    await page.setInputFiles("#confirmed-input", { name: "隣の市_確認済みよみ.csv", mimeType: "text/csv", buffer: sheet });
    await page.waitForSelector("#roster-message .notice.error");
    const notice = await page.textContent("#roster-message .notice.error .title");
    expect(notice).toBe(
      "隣の市_確認済みよみ.csv：この確認済みよみファイルの 12 行のうち 12 行が、名簿のだれとも合いません（職員番号で合った行 0、氏名で合った行 0）。" +
        "別の名簿や別の年度のファイルか、職員番号の付け方が違うファイルかもしれません。この名簿から作った確認シートを選んでください。" +
        "退職などで合わない行が多いだけなら、その行を消してから、もう一度実行してください。",
    );
    expect(await page.textContent("#roster-message")).toContain("確認済みよみ「隣の市_確認済みよみ.csv」は使っていません。表は前の内容のままです。");
    await page.click("#roster-message details summary");
    const details = await page.textContent("#roster-message details");
    expect(details).toContain("コード：CONFIRMED_MOSTLY_UNMATCHED");
    expect(details).toContain("場所：隣の市_確認済みよみ.csv");
    // Nothing went on silently: the table still shows the corrections of the good file.
    expect(await page.textContent("#confirmed-name")).toBe("roster_確認済みよみ.csv");
    expect(await page.textContent("#summary")).toMatch(/要確認\s*0\s*人/);
  });

  it("a romaji that does not spell the kana is printed only once the person confirms the pair", async () => {
    await page.click('#staff-body tr[data-row="1"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#ed-name")?.textContent?.includes("佐藤"));
    await page.fill("#edit-romaji", "Sugar");
    await page.waitForSelector('#staff-body tr[data-row="1"] .pill.review');
    expect(await page.textContent('#staff-body tr[data-row="1"] .c-romaji')).toBe("Sato");
    expect(await page.textContent('#staff-body tr[data-row="1"] .c-reason')).toContain("ローマ字「Sugar」は、かな「さとう」のつづりになっていません");
    expect(await page.isVisible("#ed-pair")).toBe(true);
    expect(await page.textContent("#confirm")).toBe("このローマ字のまま確認済みにする");
    await page.click("#confirm");
    await page.waitForSelector('#staff-body tr[data-row="1"] .pill.done');
    expect(await page.textContent('#staff-body tr[data-row="1"] .c-romaji')).toBe("Sugar");
    await page.click("#revert");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="1"] .c-romaji')?.textContent === "Sato");
  });

  it("a file that is not a roster gets the library's Japanese message with its code, and the loaded roster stays", async () => {
    await page.setInputFiles("#roster-input", { name: "メモ.csv", mimeType: "text/csv", buffer: Buffer.from("番号,部署\n1,総務課\n") });
    await page.waitForSelector("#roster-message .notice.error");
    const text = await page.textContent("#roster-message");
    expect(text).toContain("メモ.csv の 1 行目：氏名の列が見つかりません。見出しの行：「番号」「部署」。見出しを「氏名」にしてください");
    expect(text).toContain("前の名簿「roster.csv」の内容をそのまま表示しています");
    expect(await page.textContent("#roster-message details")).toContain("コード：ROSTER_NO_NAME_COLUMN");
    expect(await page.$$eval("#staff-body tr", (trs) => trs.length)).toBe(72);
    expect(await page.textContent("#roster-name")).toContain("roster.csv");
  });

  it("made no request outside the local server and raised no script error", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
