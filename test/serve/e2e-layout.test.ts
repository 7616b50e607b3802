import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { formatMessage, msg } from "../../src/messages/message.js";
import { generateLargeRoster } from "../hardening/large-roster.js";
import { CHROMIUM, launchChromium, pngBytes, watchOutside, openPage } from "./helpers.js";

/**
 * The page at the screen sizes of an office PC (1280×800, 1366×768, 1920×1080): step 2 fills the window, with the
 * editor and its confirm button in view without scrolling; the larger-text setting; a roster of thousands with only
 * the rows in view in the page; the note while the analyzer's dictionary loads; and the badge preview drawn by
 * pdf.js from the badge PDF, artwork and images included, compared with poppler's drawing of the same PDF.
 */
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const PDFTOPPM = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((path) => existsSync(path));
const EXAMPLE = join(ROOT, "examples/roster.csv");

describe.skipIf(!HAVE_CHROMIUM)("the page's layout, larger text, large rosters, previews (headless Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let folder: string;
  let releaseAnalyzer: () => void = () => undefined;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "nafuda-e2e-layout-"));
    // The city's own design: a background PDF that is an image (a photo-like gradient with soft stripes).
    const png = pngBytes(364, 220, (x, y) => {
      const band = 0.5 + 0.5 * Math.sin((x + y) / 9);
      return [Math.round(40 + 160 * (x / 364)), Math.round(120 + 100 * band * (y < 40 ? 1 : 0.3)), Math.round(200 - 120 * (y / 220))];
    });
    const doc = await PDFDocument.create();
    const page = doc.addPage([(91 / 25.4) * 72, (55 / 25.4) * 72]);
    const image = await doc.embedPng(png);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    writeFileSync(join(folder, "city.pdf"), await doc.save());
    const standard = JSON.parse(readFileSync(join(ROOT, "templates/badges/standard.json"), "utf8"));
    writeFileSync(join(folder, "city.json"), JSON.stringify({ ...standard, name: "city", description: "みどり市のデザイン（画像の背景）", background: "city.pdf" }));
    // An analyzer whose dictionary "loads" until the test says: the page must say so meanwhile.
    let loaded: Promise<void> | null = null;
    const analyzer = {
      read: async () => {
        loaded ??= new Promise<void>((done) => (releaseAnalyzer = done));
        await loaded;
        return "たかはし";
      },
    };
    server = await startServer({ port: 0, analyzer, templates: { city: join(folder, "city.json") } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function open(width: number, height: number, options: { deviceScaleFactor?: number } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, locale: "ja-JP", ...options });
    contexts.push(context);
    const page = await context.newPage();
    watchOutside(page, server.url, outside, pageErrors);
    await openPage(page, server.url);
    return page;
  }

  async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, firstRow = 21) {
    await page.setInputFiles("#roster-input", file);
    await page.waitForSelector(`#staff-body tr[data-row="${firstRow}"]`, { timeout: 30_000 });
    await page.waitForSelector("#preview canvas[data-drawn]");
  }

  /** Whether the element is wholly inside the window (nothing of it below the fold). */
  const inView = (page: Page, selector: string) => page.$eval(selector, (node: any) => {
    const box = node.getBoundingClientRect();
    const g = globalThis as any;
    return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= g.innerHeight && box.right <= g.innerWidth;
  });

  /** The smallest font size of any text shown (visually hidden text for screen readers aside). */
  const smallestText = (page: Page) => page.evaluate(() => {
    const g = globalThis as any;
    let smallest = { size: Infinity, text: "" };
    const walker = g.document.createTreeWalker(g.document.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const element = node.parentElement;
      if (!element || element.closest("[hidden], .visually-hidden, option, script, style, details:not([open]) > :not(summary)")) continue;
      const rects = element.getClientRects();
      if (rects.length === 0 || rects[0].width === 0) continue;
      const size = parseFloat(g.getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: node.textContent.trim().slice(0, 30) };
    }
    return smallest;
  });

  it("says the dictionary is loading while the analyzer loads it (the first time only), then shows the table", async () => {
    const page = await open(1280, 800);
    const roster = Buffer.from("氏名,所属\n鬮橋　太郎,総務課\n佐藤　花子,総務課\n");
    await page.setInputFiles("#roster-input", { name: "辞書.csv", mimeType: "text/csv", buffer: roster });
    const note = formatMessage(msg("NOTE_SERVE_DICTIONARY_LOADING"), "ja");
    await page.waitForFunction((text) => (globalThis as any).document.querySelector("#busy-text")?.textContent === text, note);
    expect(await page.isVisible("#busy")).toBe(true);
    expect(await page.getAttribute(".busy-box", "role")).toBe("status");
    releaseAnalyzer();
    await page.waitForSelector('#staff-body tr[data-row="1"]');
    expect(await page.textContent('#staff-body tr[data-row="1"] .c-source')).toBe("自動の推定");
    expect(await page.isHidden("#busy")).toBe(true);
  });

  for (const [width, height] of [[1280, 800], [1366, 768], [1920, 1080]] as const) {
    it(`at ${width}×${height}, step 2 fills the window: the table scrolls inside it, the editor and its confirm button in view`, async () => {
      const page = await open(width, height);
      await upload(page, EXAMPLE);
      for (const selector of ["#edit-kana", "#edit-romaji", "#confirm", "#ed-name", ...(height >= 800 ? ["#preview canvas"] : [])]) {
        expect(await inView(page, selector), selector).toBe(true);
      }
      const scroll = await page.evaluate(() => {
        const g = globalThis as any;
        const wrap = g.document.querySelector("#table-wrap");
        return { page: g.document.documentElement.scrollHeight - g.innerHeight, table: wrap.scrollHeight - wrap.clientHeight };
      });
      expect(scroll.page, "the page itself does not scroll").toBeLessThanOrEqual(0);
      expect(scroll.table, "the table scrolls inside the window").toBeGreaterThan(0);
      // Secondary text is at least 14 px.
      const smallest = await smallestText(page);
      expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(14);
    });
  }

  it("the larger-text setting: every text 25 % larger, the editor still in view at 1366×768, kept for the next visit", async () => {
    const page = await open(1366, 768);
    await upload(page, EXAMPLE);
    const before = await smallestText(page);
    await page.click("#text-size");
    expect(await page.getAttribute("#text-size", "aria-pressed")).toBe("true");
    expect(await page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.documentElement).fontSize)).toBe("20px");
    const after = await smallestText(page);
    expect(after.size, after.text).toBeGreaterThanOrEqual(17.5);
    expect(after.size).toBeCloseTo(before.size * 1.25, 0);
    // The rows are taller now: the table measured them again (the selected row is still where it is drawn).
    const rowHeight = await page.$eval('#staff-body tr[data-row="12"]', (tr: any) => tr.getBoundingClientRect().height);
    expect(rowHeight).toBeGreaterThan(60);
    for (const selector of ["#edit-kana", "#edit-romaji", "#confirm"]) expect(await inView(page, selector), selector).toBe(true);
    await page.reload();
    await page.waitForSelector('#staff-body tr[data-row="21"]');
    expect(await page.getAttribute("#text-size", "aria-pressed")).toBe("true");
    // The only thing in the browser's storage is that choice.
    expect(await page.evaluate(() => JSON.stringify({ ...(globalThis as any).localStorage }))).toBe(JSON.stringify({ "nafuda.textSize": "large" }));
    await page.click("#text-size");
  });

  it("a roster of thousands: only the rows in view are in the page; End, the search and the filters reach any row", async () => {
    const path = join(folder, "大きな名簿.csv");
    const count = generateLargeRoster(path, 800_000);
    expect(count).toBeGreaterThan(2500);
    const page = await open(1366, 768);
    await upload(page, path, 1);
    expect(await page.getAttribute("#staff-table", "aria-rowcount")).toBe(String(count + 1));
    expect(await page.textContent("#summary")).toContain(`全員${count.toLocaleString("ja-JP")}人`);
    const inPage = () => page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.length);
    expect(await inPage()).toBeLessThan(60);
    await page.focus('#staff-body tr[data-row="1"]');
    await page.keyboard.press("End");
    await page.waitForSelector(`#staff-body tr[data-row="${count}"][aria-selected="true"]`);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("data-row"))).toBe(String(count));
    expect(await inPage()).toBeLessThan(60);
    expect(await page.textContent("#ed-name")).not.toBe("");
    // An id finds its one person; a 所属 its share of the roster.
    const id = String(count - 7).padStart(7, "0");
    await page.fill("#search", id);
    expect(await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual([String(count - 7)]);
    await page.fill("#search", "");
    await page.selectOption("#filter-dept", "建設部道路課維持係");
    const shown = await page.textContent("#shown");
    expect(shown).toMatch(new RegExp(`^${count.toLocaleString("ja-JP")} 人中 [\\d,]+ 人$`));
    expect(await inPage()).toBeLessThan(60);
  });

  it.skipIf(!PDFTOPPM)("the badge preview is the PDF as printed: pdf.js's drawing matches poppler's, vector artwork and an image background alike", async () => {
    const page = await open(1280, 800, { deviceScaleFactor: 3 });
    await upload(page, EXAMPLE);
    for (const template of ["band", "city"]) {
      await page.click("#go-print");
      await page.selectOption("#template", template);
      await page.click("#go-check");
      await page.click('#staff-body tr[data-row="1"]');
      await page.click('#staff-body tr[data-row="21"]');
      const canvas = await page.waitForSelector(`#preview canvas[data-drawn][data-row="21"][data-template="${template}"]`);
      const drawn = await canvas.evaluate((c: any) => ({ width: c.width, height: c.height, png: c.toDataURL("image/png") }));
      // The same badge PDF the page drew, drawn by poppler at the same size.
      const form = new FormData();
      form.append("roster", new Blob([readFileSync(EXAMPLE)]), "roster.csv");
      form.append("row", "21");
      form.append("template", template);
      const pdf = new Uint8Array(await (await fetch(`${server.url}api/badge.pdf`, { method: "POST", body: form })).arrayBuffer());
      const work = mkdtempSync(join(tmpdir(), "nafuda-e2e-"));
      let poppler: string;
      try {
        writeFileSync(join(work, "badge.pdf"), pdf);
        execFileSync(PDFTOPPM!, ["-png", "-singlefile", "-scale-to-x", String(drawn.width), "-scale-to-y", String(drawn.height), join(work, "badge.pdf"), join(work, "badge")]);
        poppler = readFileSync(join(work, "badge.png")).toString("base64");
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      const other = await page.context().newPage();
      await other.setContent(`<img id="a" src="data:image/png;base64,${poppler}"><img id="b" src="${drawn.png}">`);
      const result = await other.evaluate(`(async () => {
        const a = document.getElementById("a"), b = document.getElementById("b");
        await Promise.all([a.decode(), b.decode()]);
        const w = a.naturalWidth, h = a.naturalHeight;
        const pixels = (img) => { const c = document.createElement("canvas"); c.width = w; c.height = h;
          const g = c.getContext("2d"); g.fillStyle = "#fff"; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0, w, h); return g.getImageData(0, 0, w, h).data; };
        const pa = pixels(a), pb = pixels(b);
        // A pixel of poppler's drawing matches when pdf.js's has a pixel of nearly its colour within one pixel of
        // it (the two anti-alias edges differently, by up to half a pixel).
        let different = 0, coloured = 0;
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 4;
          let best = 255;
          for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx, yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
            const j = (yy * w + xx) * 4;
            best = Math.min(best, Math.max(Math.abs(pa[i] - pb[j]), Math.abs(pa[i + 1] - pb[j + 1]), Math.abs(pa[i + 2] - pb[j + 2])));
          }
          if (best > 48) different++;
          if (pa[i] + pa[i + 1] + pa[i + 2] < 720) coloured++;
        }
        return { w, h, different, coloured, total: pa.length / 4 };
      })()`) as { w: number; h: number; different: number; coloured: number; total: number };
      await other.close();
      if (process.env.NAFUDA_SHOW_MEASURES) process.stderr.write(`${template}: ${JSON.stringify(result)}\n`);
      expect(result.w).toBeGreaterThan(600);
      // The artwork is there: band.pdf colours a band, city.pdf's image covers the whole badge.
      expect(result.coloured / result.total, template).toBeGreaterThan(template === "city" ? 0.95 : 0.1);
      // Only anti-aliased edges may differ. Measured at 864 × 522: 0.27 % of the pixels (band), 0.03 % (city); a
      // preview without the image would differ on 95 %.
      expect(result.different / result.total, template).toBeLessThan(0.01);
    }
  });

  it("made no request outside the local server and raised no script error", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
