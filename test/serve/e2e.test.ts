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
import { formatMessage, msg } from "../../src/messages/message.js";
import { CHROMIUM, excelDamagedReviewSheet, launchChromium, watchOutside, openPage, reportFailedSteps } from "./helpers.js";

/**
 * The page in real headless Chromium (Debian's chromium package, driven by playwright-core), as a day's work goes:
 * upload the example roster, fix the flagged readings with the mouse and the keyboard, reload (the work is still
 * there), be warned when closing with unsaved corrections, download the confirmed readings, see every page of the
 * sheet before downloading it, print only some people from the first free cell of a part-used sheet, and bring
 * the confirmed readings back after Excel damaged them. Skipped, saying how to install it, where Chromium is missing.
 */
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((path) => existsSync(path));

if (!HAVE_CHROMIUM) {
  process.stderr.write(`test/serve/e2e.test.ts: skipped: ${CHROMIUM} not found; install it with \`apt-get install chromium\`\n`);
}

/** The wording of a page note of the catalogue, as the page fills it in. */
const note = (code: "NOTE_SERVE_UNSAVED" | "NOTE_SERVE_RESUMED", params: Record<string, string | number>) => formatMessage(msg(code, params as never), "ja");

/** Which cells of an A4 10-up sheet (1 = top left, row by row) hold a badge, from the PDF's words (pdftotext -bbox). */
function filledCells(pdf: Uint8Array): number[][] {
  const folder = mkdtempSync(join(tmpdir(), "nafuda-e2e-"));
  try {
    writeFileSync(join(folder, "sheet.pdf"), pdf);
    const html = execFileSync(PDFTOTEXT!, ["-bbox", join(folder, "sheet.pdf"), "-"], { encoding: "utf8" });
    const mm = (pt: number) => (pt / 72) * 25.4;
    return html.split("<page").slice(1).map((page) => {
      const cells = new Set<number>();
      for (const word of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)) {
        const x = mm((Number(word[1]) + Number(word[3])) / 2);
        const y = mm((Number(word[2]) + Number(word[4])) / 2);
        const column = Math.floor((x - 14) / 91);
        const row = Math.floor((y - 11) / 55);
        if (column >= 0 && column < 2 && row >= 0 && row < 5) cells.add(row * 2 + column + 1);
      }
      return [...cells].sort((a, b) => a - b);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe.skipIf(!HAVE_CHROMIUM)("nafuda serve in headless Chromium (needs `apt-get install chromium`)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ port: 0 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, locale: "ja-JP" });
    page = await context.newPage();
    watchOutside(page, server.url, outside, pageErrors);
    await openPage(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // A failed step says what the page showed (the next steps build on this page, so they may fail after it).
  reportFailedSteps(() => page);

  const summary = () => page.textContent("#summary");
  const rowText = (row: number, cell = "") => page.textContent(`#staff-body tr[data-row="${row}"] ${cell}`);

  it("shows the empty state first", async () => {
    await expect(page.textContent("#roster-drop")).resolves.toContain("名簿ファイルをここにドラッグ");
    expect(await page.isHidden("#step-check")).toBe(true);
    expect(await page.isDisabled("#go-check")).toBe(true);
  });

  it("reads the example roster: 72 staff, the two to check first, only the rows in view in the page", async () => {
    await page.setInputFiles("#roster-input", join(ROOT, "examples/roster.csv"));
    await page.waitForSelector('#staff-body tr[data-row="21"]');
    expect(await summary()).toMatch(/全員\s*72\s*人.*要確認\s*2\s*人/);
    const rows = await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.map((tr) => tr.getAttribute("data-row")));
    // The two to check, then the roster's order.
    expect(rows.slice(0, 3)).toEqual(["15", "21", "1"]);
    expect(rows.length).toBeLessThan(72);
    expect(await page.getAttribute("#staff-table", "aria-rowcount")).toBe("73");
    expect(await page.textContent("#roster-name")).toContain("Shift_JIS");
    // The 行 column names the row as Excel does (the header is row 1); the page keys rows by their data row.
    expect(await rowText(21, ".c-row")).toBe("22");
    // 三瓶's さんぺい is an attested reading: printed from the roster, not asked about.
    expect(await rowText(12, ".pill")).toBe("OK");
    expect(await rowText(12, ".c-kana")).toBe("さんぺい");
    // The first row is selected and its badge drawn from its PDF by pdf.js.
    await page.waitForSelector("#preview canvas[data-drawn]");
    expect(await page.getAttribute("#preview canvas", "aria-label")).toBe("名札の見本：たかなし Takanashi");
    // The last row is drawn once scrolled to.
    await page.$eval("#table-wrap", (wrap) => { wrap.scrollTop = wrap.scrollHeight; });
    await page.waitForSelector('#staff-body tr[data-row="72"]');
    await page.$eval("#table-wrap", (wrap) => { wrap.scrollTop = 0; });
  });

  it("fixes 中島 隆 as なかじま: typed, Enter, the row is confirmed and the badge redrawn", async () => {
    await page.click('#staff-body tr[data-row="21"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#ed-name")?.textContent?.includes("中島"));
    expect(await page.textContent("#ed-meta")).toContain("22 行目");
    await expect(rowText(21)).resolves.toContain("要確認");
    await page.fill("#edit-kana", "なかじま");
    await page.press("#edit-kana", "Enter");
    await page.waitForSelector('#staff-body tr[data-row="21"] .pill.done');
    const row = await rowText(21);
    expect(row).toContain("確認済み");
    expect(row).toContain("Nakajima");
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#preview canvas[data-drawn]")?.getAttribute("aria-label")?.includes("なかじま"));
    expect(await summary()).toMatch(/要確認\s*1\s*人/);
    expect(await page.textContent("#unsaved")).toBe("未保存の修正 1 人分");
  });

  it("the keyboard: ↑ and Space confirm 小鳥遊, ↓ and 1 picks 中島's first alternative; 元に戻す, then the confirm button", async () => {
    // After Enter the focus is back on row 21.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Space");
    await page.waitForSelector('#staff-body tr[data-row="15"] .pill.done');
    expect(await summary()).toMatch(/要確認\s*0\s*人/);
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#ed-name")?.textContent?.includes("中島"));
    // 中島 is confirmed as なかじま: the other reading, なかしま, is the first alternative (key 1).
    expect(await page.textContent("#ed-alts")).toContain("1なかしま");
    await page.keyboard.press("1");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="21"] .c-kana')?.textContent === "なかしま");
    expect(await rowText(21, ".pill")).toBe("確認済み");
    expect(await rowText(21, ".c-romaji")).toBe("Nakashima");
    // A second thought: 元に戻す, back to なかじま as nafuda read it (to check again), confirmed with the button.
    await page.click("#revert");
    await page.waitForSelector('#staff-body tr[data-row="21"] .pill.review');
    expect(await rowText(21, ".c-kana")).toBe("なかじま");
    expect(await summary()).toMatch(/要確認\s*1\s*人/);
    await page.click("#confirm");
    await page.waitForSelector('#staff-body tr[data-row="21"] .pill.done');
    expect(await rowText(21, ".c-kana")).toBe("なかじま");
    expect(await summary()).toMatch(/要確認\s*0\s*人/);
    expect(await page.textContent("#unsaved")).toBe("未保存の修正 2 人分");
  });

  it("a reload keeps every correction: the work is in the server's memory, found again by its cookie", async () => {
    await page.reload();
    await page.waitForSelector('#staff-body tr[data-row="21"] .pill.done');
    for (const [row, kana] of [[15, "たかなし"], [21, "なかじま"]] as const) {
      expect(await rowText(row, ".pill")).toBe("確認済み");
      expect(await rowText(row, ".c-kana")).toBe(kana);
    }
    expect(await summary()).toMatch(/要確認\s*0\s*人/);
    expect(await page.textContent("#check-message")).toContain(note("NOTE_SERVE_RESUMED", { roster: "roster.csv" }));
    expect(await page.textContent("#unsaved")).toBe("未保存の修正 2 人分");
    // Nothing of the roster is in the browser's storage.
    const stored = await page.evaluate(() => {
      const g = globalThis as any;
      return { local: g.localStorage.length === 0 ? "" : JSON.stringify({ ...g.localStorage }), session: g.sessionStorage.length, cookie: g.document.cookie };
    });
    expect(stored).toEqual({ local: "", session: 0, cookie: "" }); // the work's cookie is HttpOnly: the page cannot read it
    expect(await page.evaluate(async () => ((await (globalThis as any).indexedDB.databases()) as unknown[]).length)).toBe(0);
  });

  it("closing with unsaved corrections warns, and says that the downloaded 確認済みよみ resumes the work another day", async () => {
    const dialog = page.waitForEvent("dialog");
    void page.close({ runBeforeUnload: true });
    const shown = await dialog;
    expect(shown.type()).toBe("beforeunload");
    await shown.dismiss(); // stay on the page
    expect(await page.isVisible("#leave-note")).toBe(true);
    const text = await page.textContent("#leave-note");
    expect(text).toBe(note("NOTE_SERVE_UNSAVED", { count: 2 }));
    expect(text).toContain("別の日に続けるときは「確認済みよみ」をダウンロードし、その日に名簿と一緒に選んでください。続きから始められます。");
    expect(page.isClosed()).toBe(false);
  });

  let confirmedCsv: Buffer;
  it("downloads the confirmed readings: the review sheet's CSV with the two confirmed; nothing is unsaved then", async () => {
    await page.click("#go-print");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-confirmed")]);
    expect(download.suggestedFilename()).toBe("roster_確認済みよみ.csv");
    confirmedCsv = readFileSync((await download.path())!);
    expect([...confirmedCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = confirmedCsv.toString("utf8");
    expect(text.split("\r\n")[0]).toBe("\uFEFF名札の読みの確認シート（roster.csv）");
    expect(text).toContain("\r\n22,00121,中島　隆,中島,なかじま,Nakajima,,,,,,,確認済み,\r\n");
    expect(text).toContain("\r\n16,00115,小鳥遊ひなた,小鳥遊,たかなし,Takanashi,,,,,,,確認済み,\r\n");
    // 三瓶, never asked about, is there as the roster has it (出典 名簿), nothing to check.
    expect(text).toContain("\r\n13,00112,三瓶　浩二,三瓶,さんぺい,Sampei,,,,,,,名簿,\r\n");
    expect(text).not.toMatch(/,要確認,(?!理由)/);
    expect(await page.isHidden("#unsaved")).toBe(true);
  });

  it("with everything saved, the page closes without a word (the work stays in the server for the next visit)", async () => {
    const other = await page.context().newPage();
    await openPage(other, server.url);
    await other.waitForSelector('#staff-body tr[data-row="21"] .pill.done');
    let asked = false;
    other.on("dialog", (dialog) => { asked = true; void dialog.dismiss(); });
    await other.click('#staff-body tr[data-row="1"]'); // a gesture: Chromium asks only pages one has used
    await other.close({ runBeforeUnload: true });
    await new Promise((done) => setTimeout(done, 300));
    expect(asked).toBe(false);
    expect(other.isClosed()).toBe(true);
  });

  it("downloads the same as an Excel workbook, 職員番号 as text", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-confirmed-xlsx")]);
    expect(download.suggestedFilename()).toBe("roster_確認済みよみ.xlsx");
    const table = await readTable(readFileSync((await download.path())!), { fileName: "x.xlsx", isHeader: isConfirmedHeader });
    expect(table.rows.find((r) => r.cells[2] === "小鳥遊ひなた")!.cells.slice(0, 5)).toEqual(["16", "00115", "小鳥遊ひなた", "小鳥遊", "たかなし"]);
    await expect(page.textContent("#confirmed-message")).resolves.toContain("「roster_確認済みよみ.xlsx」をダウンロードしました");
  });

  it("shows the whole sheet before downloading it: every page of the PDF, drawn by pdf.js, then that PDF saved", async () => {
    await page.selectOption("#template", "standard");
    await page.selectOption("#sheet", "a4-10up");
    await page.waitForSelector("#sheet-pages[data-ready]");
    expect(await page.textContent("#sheet-summary")).toBe("名札 72 枚・8 ページ（A4 名刺10面（91×55mm））");
    const figures = await page.$$("#sheet-pages figure");
    expect(figures).toHaveLength(8);
    for (const [i, figure] of figures.entries()) {
      await figure.scrollIntoViewIfNeeded();
      const canvas = await figure.waitForSelector("canvas[data-drawn]");
      // Each page is drawn, with badges on it (dark pixels of the kana), not left blank.
      const inked = await canvas.evaluate((c: any) => {
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let j = 0; j < data.length; j += 16) if (data[j] + data[j + 1] + data[j + 2] < 200) dark++;
        return dark / (data.length / 16);
      });
      expect(inked, `page ${i + 1}`).toBeGreaterThan(0.002);
      expect(await figure.textContent()).toContain(`${i + 1} / 8 ページ`);
    }
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

  it.skipIf(!PDFTOTEXT)("prints only the people chosen (by 所属, by a search, by row) from the first free cell of a part-used sheet", async () => {
    await page.selectOption("#choose-dept", "税務課");
    await page.click("#add-dept");
    expect(await page.isChecked("#people-chosen")).toBe(true);
    expect(await page.textContent("#count-chosen")).toBe("6");
    await page.fill("#choose-search", "中島");
    expect(await page.textContent("#add-search")).toBe("合う 2 人を加える");
    await page.click("#add-search");
    await page.fill("#choose-rows", "2, 3, 9-10, 999");
    await page.click("#add-rows");
    expect(await page.textContent("#choose-error")).toContain("表にない行：999");
    expect(await page.textContent("#count-chosen")).toBe("11");
    // Three cells of the sheet are used already: start at the fourth.
    await page.click('#cell-grid [data-cell="4"]');
    expect(await page.getAttribute('#cell-grid [data-cell="4"]', "aria-checked")).toBe("true");
    expect(await page.getAttribute('#cell-grid [data-cell="3"]', "class")).toContain("used");
    await page.waitForSelector("#sheet-pages[data-ready]");
    expect(await page.textContent("#sheet-summary")).toMatch(/^名札 11 枚・2 ページ/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-badges")]);
    expect(download.suggestedFilename()).toBe("roster_名札_11人.pdf");
    const pdf = readFileSync((await download.path())!);
    expect(filledCells(pdf)).toEqual([[4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4]]);
    expect(await page.textContent("#download-message")).toContain("名札 11 枚、2 ページ（A4 名刺10面（91×55mm）、4 番の面から）");
    // The choice is kept with the work: a reload shows it again.
    await page.reload();
    await page.waitForSelector("#step-print:not([hidden])");
    expect(await page.textContent("#count-chosen")).toBe("11");
    expect(await page.getAttribute('#cell-grid [data-cell="4"]', "aria-checked")).toBe("true");
    await page.click("#people-all");
    await page.click('#cell-grid [data-cell="1"]');
  });

  it("another romaji system re-reads every row and keeps the order being worked in", async () => {
    await page.click("#go-check");
    await page.click(".settings summary");
    await page.selectOption("#romaji", "hepburn");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="4"] .c-romaji')?.textContent === "Ōno");
    const rows = await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.slice(0, 4).map((tr) => tr.getAttribute("data-row")));
    expect(rows).toEqual(["15", "21", "1", "2"]);
    expect(await rowText(15, ".pill")).toBe("確認済み");
    expect(await rowText(21, ".pill")).toBe("確認済み");
    await page.selectOption("#romaji", "passport");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="4"] .c-romaji')?.textContent === "Ono");
    await page.click(".settings summary");
  });

  it("the search and filters answer at once: by name or kana (katakana too), by 所属, by state", async () => {
    await page.fill("#search", "ナカジマ");
    expect(await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(["21"]);
    expect(await page.textContent("#shown")).toBe("72 人中 1 人");
    await page.fill("#search", "");
    await page.selectOption("#filter-dept", "図書館");
    expect(await page.textContent("#shown")).toBe("72 人中 7 人");
    await page.selectOption("#filter-dept", "");
    await page.selectOption("#filter-status", "edited");
    expect(await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(["15", "21"]);
    await page.selectOption("#filter-status", "");
  });

  it("next year: the confirmed file, damaged by Excel, brings back every correction; 'changed since' then finds who to reprint", async () => {
    const damaged = excelDamagedReviewSheet(confirmedCsv);
    // A badge preview still under way for the old work when the new roster is read: its answer (the old work is
    // gone, 410) must not end the new work (seen on a loaded machine: the page went back to step 1).
    let delayed = 0;
    await page.route("**/api/work/badge.pdf", async (route) => {
      delayed++;
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.click('#staff-body tr[data-row="2"]');
    while (delayed === 0) await new Promise((done) => setTimeout(done, 20)); // the old work's preview is on its way
    await page.setInputFiles("#roster-input", [
      { name: "roster.csv", mimeType: "text/csv", buffer: readFileSync(join(ROOT, "examples/roster.csv")) },
      { name: "roster_確認済みよみ.csv", mimeType: "text/csv", buffer: Buffer.from(damaged) },
    ]);
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#summary")?.textContent?.includes("確認済み72人"));
    await new Promise((done) => setTimeout(done, 2000)); // the old work's previews have come back
    await page.unroute("**/api/work/badge.pdf");
    expect(delayed).toBeGreaterThan(0);
    expect(await page.isVisible("#step-check")).toBe(true);
    expect(await page.textContent("#roster-message")).not.toContain("この作業はもう続けられません");
    expect(await summary()).toMatch(/要確認\s*0\s*人/);
    // The two corrections, and 三瓶 as the sheet has it (the whole review sheet is the confirmed readings).
    for (const [row, kana] of [[12, "さんぺい"], [15, "たかなし"], [21, "なかじま"]] as const) {
      expect(await rowText(row, ".pill")).toBe("確認済み");
      expect(await rowText(row, ".c-kana")).toBe(kana);
    }
    expect(await page.textContent("#confirmed-name")).toBe("roster_確認済みよみ.csv");
    // The library's note: the ids Excel changed were matched by their digits.
    expect(await page.textContent("#check-message")).toContain("Excel で変わっていました（先頭の 0 が消えた）。職員番号の数字と氏名で照合しました。");
    // One person's reading changes this year: they alone are 'changed since the confirmed file'.
    await page.click('#staff-body tr[data-row="4"]');
    await page.fill("#edit-kana", "おおや");
    await page.press("#edit-kana", "Enter");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="4"] .c-kana')?.textContent === "おおや");
    await page.click("#go-print");
    expect(await page.textContent("#add-changed")).toBe("確認済みよみから変わった人（1 人）を加える");
    await page.click("#add-changed");
    expect(await page.textContent("#chosen-list")).toContain("5 行目　大野　直樹（総務課）");
    expect(await page.textContent("#count-chosen")).toBe("1");
  });

  it("a confirmed file of another roster: the library's Japanese error with the numbers and what to do, its code in the details, the table kept", async () => {
    await page.click("#go-roster");
    const other = csvDocument([
      ["職員番号", "氏名", "フリガナ"],
      ...Array.from({ length: 12 }, (_, i) => [`B${100 + i}`, `架空　${"一二三四五六七八九十"[i % 10]}${i < 10 ? "郎" : "子"}`, "カクウ　イチロウ"]),
    ]);
    const form = new FormData();
    form.append("roster", new Blob([other]), "隣の市.csv");
    const sheet = Buffer.from(await (await fetch(`${server.url}api/confirmed.csv`, { method: "POST", body: form })).arrayBuffer());
    await page.click("#remove-confirmed");
    await page.waitForSelector("#step-check:not([hidden])");
    await page.click("#go-roster");
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
    // Nothing went on silently: the work is as it was.
    expect(await page.textContent("#confirmed-name")).toBe("なし");
    expect(await page.textContent("#roster-name")).toContain("roster.csv");
  });

  it("a romaji that does not spell the kana is printed only once the person confirms the pair", async () => {
    await page.click("#go-check");
    await page.click('#staff-body tr[data-row="1"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#ed-name")?.textContent?.includes("佐藤"));
    await page.fill("#edit-romaji", "Sugar");
    await page.waitForSelector('#staff-body tr[data-row="1"] .pill.review');
    expect(await rowText(1, ".c-romaji")).toBe("Sato");
    expect(await rowText(1, ".c-reason")).toContain("ローマ字「Sugar」は、かな「さとう」のつづりになっていません");
    expect(await page.isVisible("#ed-pair")).toBe(true);
    expect(await page.textContent("#confirm")).toBe("このローマ字のまま確認済みにする");
    await page.click("#confirm");
    await page.waitForSelector('#staff-body tr[data-row="1"] .pill.done');
    expect(await rowText(1, ".c-romaji")).toBe("Sugar");
    await page.click("#revert");
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#staff-body tr[data-row="1"] .c-romaji')?.textContent === "Sato");
  });

  it("a file that is not a roster gets the library's Japanese message with its code, and the loaded roster stays", async () => {
    await page.click("#go-roster");
    await page.setInputFiles("#roster-input", { name: "メモ.csv", mimeType: "text/csv", buffer: Buffer.from("番号,部署\n1,総務課\n") });
    await page.waitForSelector("#roster-message .notice.error");
    const text = await page.textContent("#roster-message");
    expect(text).toContain("メモ.csv の 1 行目：氏名の列が見つかりません。見出しの行：「番号」「部署」。見出しを「氏名」にしてください");
    expect(text).toContain("前の名簿「roster.csv」の内容をそのまま表示しています");
    expect(await page.textContent("#roster-message details")).toContain("コード：ROSTER_NO_NAME_COLUMN");
    await page.click("#go-check");
    expect(await summary()).toMatch(/全員\s*72\s*人/);
    expect(await page.textContent("#roster-name")).toContain("roster.csv");
  });

  it("another tab that chooses a new roster ends this tab's work, and this tab says so in Japanese", async () => {
    const other = await page.context().newPage();
    await openPage(other, server.url);
    await other.waitForSelector("#step-check:not([hidden])");
    await other.click("#go-roster");
    await other.setInputFiles("#roster-input", { name: "別.csv", mimeType: "text/csv", buffer: Buffer.from("氏名,フリガナ\n佐藤　花子,サトウ　ハナコ\n") });
    await other.waitForSelector('#staff-body tr[data-row="1"]');
    await other.close();
    await page.click('#staff-body tr[data-row="21"]');
    await page.fill("#edit-kana", "なかしま");
    await page.press("#edit-kana", "Enter");
    await page.waitForSelector("#roster-message .notice.error");
    expect(await page.textContent("#roster-message .notice.error .title")).toMatch(/^この作業はもう続けられません。別のタブで新しい名簿を選んだか、8 時間使わなかったか/);
    expect(await page.isVisible("#roster-drop")).toBe(true);
  });

  it("made no request outside the local server and raised no script error", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
