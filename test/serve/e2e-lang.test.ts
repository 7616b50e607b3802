import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { CHROMIUM, JAPANESE, launchChromium, openPage, watchOutside } from "./helpers.js";

/**
 * The page in English (?lang=en) in headless Chromium at 1366×768, an office PC's screen: with the example roster
 * read, every word a person sees is English except the roster's own data (names, kana, sections, the file's name);
 * the language switch goes back to Japanese, and the Japanese page shows its usual words.
 * NAFUDA_SCREENSHOTS=<folder> keeps a screenshot of each step, to look at the layout.
 */
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const EXAMPLE = join(ROOT, "examples/roster.csv");
const SHOTS = process.env.NAFUDA_SCREENSHOTS;

if (!HAVE_CHROMIUM) {
  process.stderr.write(`test/serve/e2e-lang.test.ts: skipped: ${CHROMIUM} not found; install it with \`apt-get install chromium\`\n`);
}

/** The roster's own values (every cell, header included, each part of a name, kana also as hiragana), longest first. */
function rosterValues(): string[] {
  const text = new TextDecoder("shift_jis").decode(readFileSync(EXAMPLE));
  const values = new Set<string>(["roster.csv", "roster"]);
  for (const line of text.split(/\r?\n/)) {
    for (const cell of line.split(",")) {
      for (const value of [cell, ...cell.split(/[\s\u3000]+/)]) {
        const trimmed = value.trim();
        if (!trimmed) continue;
        values.add(trimmed);
        values.add(trimmed.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)));
      }
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

describe.skipIf(!HAVE_CHROMIUM)("the page in English (?lang=en), headless Chromium at 1366×768", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  /**
   * Japanese that the English page quotes from the Japanese files it reads: the facility list's column names (a
   * file must be headed so), the starter files' city (みどり市) and the example of a city's name (あおば市).
   */
  const FILE_WORDS = ["施設名", "対策", "サイズ", "部数", "言語", "標識", "運営者", "表題", "基本姿勢", "方針ファイル", "みどり市", "あおば市"];
  const values = [...rosterValues(), ...FILE_WORDS].sort((a, b) => b.length - a.length);

  /** The Japanese left in what the page shows once the roster's own values are taken out, with some context. */
  async function japaneseShown(): Promise<string[]> {
    let text = await page.evaluate(() => (globalThis as any).document.body.innerText as string);
    // What the page reads out but does not print: its labels for a screen reader, placeholders, tooltips.
    text += "\n" + (await page.evaluate(() => [...(globalThis as any).document.querySelectorAll("[aria-label], [placeholder], [title]")]
      .filter((node: any) => node.offsetParent !== null || node.tagName === "TITLE")
      .map((node: any) => [node.getAttribute("aria-label"), node.getAttribute("placeholder"), node.getAttribute("title")].filter(Boolean).join("\n"))
      .join("\n")));
    text += "\n" + (await page.title());
    for (const value of values) text = text.split(value).join("");
    // The readings are the roster's data too (a name's kana, from the roster, the dictionary or a guess; its
    // surname; the other readings offered), as the server keeps them with the work.
    const work = await page.evaluate(async () => (await (await fetch("/api/work?lang=en")).json()) as { rows: Record<string, unknown>[] });
    const data = work.rows.flatMap((row) => [row.kana, row.surname, row.name, row.department, ...((row.alternatives as string[]) ?? [])])
      .filter((value): value is string => typeof value === "string" && value !== "").sort((a, b) => b.length - a.length);
    for (const value of data) text = text.split(value).join("");
    // The language switch names Japanese in Japanese, on the English page too.
    text = text.replace(await page.textContent('#lang-switch a[data-lang="ja"]') ?? "日本語", "");
    const found: string[] = [];
    for (const match of text.matchAll(new RegExp(`.{0,30}${JAPANESE.source}.{0,30}`, "gu"))) found.push(match[0]);
    return found;
  }

  /**
   * What English made too long for its place: the header off its one line, the page wider than the window, a
   * button, heading, label or status whose words do not fit in it (cut off or spilling out).
   */
  async function overflowing(): Promise<string[]> {
    return page.evaluate(() => {
      const doc = (globalThis as any).document;
      const win = globalThis as any;
      const out: string[] = [];
      if (doc.querySelector(".masthead-tools").getBoundingClientRect().top >= doc.querySelector(".brand").getBoundingClientRect().bottom) out.push("the header takes more than one line");
      if (doc.documentElement.scrollWidth > win.innerWidth) out.push(`the page is ${doc.documentElement.scrollWidth}px wide`);
      for (const node of doc.querySelectorAll("button, th, td.c-status, label, legend, summary, .pill, .chip, .tabs, .steps, select, h2, h3, .lang-switch a")) {
        if (node.offsetParent === null || node.closest("[hidden], .visually-hidden")) continue;
        if (node.scrollWidth > node.clientWidth + 1) out.push(`<${node.tagName.toLowerCase()} ${node.id ? `#${node.id}` : node.className}> 「${node.textContent.trim().slice(0, 40)}」 ${node.scrollWidth} > ${node.clientWidth}`);
      }
      return out;
    });
  }

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ port: 0 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: "en-GB" });
    page = await context.newPage();
    watchOutside(page, server.url, outside, pageErrors);
    await openPage(page, `${server.url}?lang=en`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  it("opens in English: <html lang>, the switch, the first step", async () => {
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getAttribute('#lang-switch a[data-lang="en"]', "aria-current")).toBe("true");
    expect(await page.textContent("#go-roster")).toContain("Choose the roster");
    expect(await page.textContent("#roster-drop .drop-main")).toBe("Drag the roster file here, or click to choose it");
    expect(await page.title()).toBe("nafuda — check and print staff name badges");
    await shot("1-roster");
  });

  it("with the example roster read, no Japanese but the roster's own data in steps 1, 2 and 3 and the posters tab", async () => {
    await page.setInputFiles("#roster-input", EXAMPLE);
    await page.waitForSelector('#staff-body tr[data-row="21"]');
    await page.waitForSelector("#preview canvas[data-drawn]");
    expect(await page.textContent("#summary")).toMatch(/Everyone\s*72.*To check\s*2/);
    expect(await page.textContent('#staff-body tr[data-row="21"] .pill')).toBe("To check");
    expect(await page.getAttribute("#search", "placeholder")).toBe("Name, kana, romaji, number");
    // Step 2 with a row to check chosen (its reasons, the library's words, in English).
    await page.click('#staff-body tr[data-row="21"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector("#ed-name")?.textContent?.includes("中島"));
    expect(await page.textContent("#ed-meta")).toContain("row 22");
    expect(await japaneseShown()).toEqual([]);
    expect(await overflowing()).toEqual([]);
    await shot("2-check");
    // Larger text, in English too: the button says so, and everything still fits.
    await page.click("#text-size");
    expect(await page.textContent("#text-size")).toBe("Normal text");
    await shot("2-check-large");
    expect(await overflowing()).toEqual([]);
    await page.click("#text-size");
    expect(await page.textContent("#text-size")).toBe("Larger text");
    await page.click("#go-roster");
    expect(await japaneseShown()).toEqual([]);
    expect(await overflowing()).toEqual([]);
    await shot("1-roster-read");
    await page.click("#go-print");
    // Two readings are still to check: the sheet is refused, in English, with the way to the table.
    await page.waitForSelector('#sheet-pages[data-ready="error"]');
    expect(await page.textContent("#sheet-message")).toContain("2 reading(s) still need review");
    expect(await page.textContent("#sheet-message button")).toBe("See the people to check in the table");
    expect(await japaneseShown()).toEqual([]);
    expect(await overflowing()).toEqual([]);
    await shot("3-print-refused");
    await page.check("#allow-unreviewed");
    await page.waitForSelector('#sheet-pages[data-ready="1"]');
    expect(await page.textContent("#sheet-summary")).toMatch(/^72 badge\(s\), 8 page\(s\) \(A4, 10 business cards/);
    expect(await page.textContent("#sheet-message")).toContain("2 reading(s) not yet checked are printed as they are.");
    expect(await japaneseShown()).toEqual([]);
    expect(await overflowing()).toEqual([]);
    await shot("3-print");
    await page.click("#tab-posters");
    expect(await japaneseShown()).toEqual([]);
    expect(await overflowing()).toEqual([]);
    await shot("4-posters");
    await page.click("#tab-badges");
  });

  it("the switch goes back to Japanese: the same work, the page's usual words", async () => {
    await Promise.all([page.waitForURL(/lang=ja/), page.click('#lang-switch a[data-lang="ja"]')]);
    await page.waitForSelector("html[data-texts=ja]");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("ja");
    // The server kept the work: the page goes on with it, in Japanese, at the step it was at (#print).
    await page.waitForSelector("#step-print:not([hidden])");
    expect(await page.textContent("#step3-title")).toBe("3印刷する");
    await page.click("#go-check");
    await page.waitForSelector('#staff-body tr[data-row="21"]');
    expect(await page.textContent("#summary")).toMatch(/全員\s*72\s*人.*要確認\s*2\s*人/);
    expect(await page.textContent("#tab-badges")).toBe("名札（読みの確認と印刷）");
    expect(await page.textContent("#go-check")).toBe("2読みを確かめる");
    expect(await page.textContent('#staff-table th[scope="col"]')).toBe("状態");
    expect(await page.textContent('#staff-body tr[data-row="21"] .pill')).toBe("要確認");
    await shot("5-ja-check");
    expect(await overflowing()).toEqual([]);
    await page.click("#text-size");
    await shot("5-ja-check-large");
    expect(await overflowing()).toEqual([]);
    await page.click("#text-size");
    expect(await page.getAttribute("#search", "placeholder")).toBe("検索：氏名・かな・ローマ字・番号");
    expect(await page.getAttribute("#staff-table", "aria-label")).toBe("職員の読み一覧（名札には姓だけを、ひらがなとローマ字で印刷します）");
    expect(await page.textContent(".local-note")).toBe("このパソコンの中だけで動いています。名簿はインターネットに送られません。");
    expect(await page.textContent(".keys p")).toBe("↑↓ 行の移動　Enter 読みを入力　1〜9 候補を選ぶ　Space この読みで確認済みにする　Esc 表に戻る");
    expect(await page.title()).toBe("名札 nafuda — 職員名札の読み確認と印刷");
    expect(await page.getAttribute('#lang-switch a[data-lang="ja"]', "aria-current")).toBe("true");
    // And to English again, by the keyboard.
    await page.focus('#lang-switch a[data-lang="en"]');
    await Promise.all([page.waitForURL(/lang=en/), page.keyboard.press("Enter")]);
    await page.waitForSelector("html[data-texts=en]");
    expect(await page.textContent("#tab-badges")).toBe("Badges: check and print");
  });

  it("made no request outside the local server and logged no error", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
