import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configDefaults } from "../../src/config/config.js";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";
import { CHROMIUM, launchChromium, openPage, postForm, send } from "./helpers.js";

/**
 * The page starts with what the city's nafuda.config.yaml says (through `nafuda serve`): the romaji system and
 * case, how foreign nationals' names print, the badge template. The page may change each; without a config it
 * starts with passport romaji, title case, hiragana and the standard template, as before.
 */
const folder = mkdtempSync(join(tmpdir(), "nafuda-page-defaults-"));
const roster = join(folder, "名簿.csv");
writeFileSync(roster, "職員番号,氏名,フリガナ,所属\r\n1,大野　花子,オオノ　ハナコ,市民課\r\n2,スミス　ジョン,スミス　ジョン,国際課\r\n");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Info { defaults: { romaji: string; romajiCase: string; foreignNamesIn: string; template: string }; templates: { name: string }[] }
interface View { work: string; rows: { row: number; kana: string | null; romaji: string | null }[]; options: { romaji: string; romajiCase: string }; print: { template: string } }

describe("nafuda serve with a city's defaults", () => {
  let server: RunningServer;
  let port = 0;
  beforeAll(async () => {
    server = await startServer({ port: 0, defaults: { romaji: "hepburn", romajiCase: "upper", foreignNamesIn: "katakana", template: "card" } });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => server?.close());

  it("tells the page what to start with", async () => {
    const info = (await send(port, { path: "/api/info" })).json<Info>();
    expect(info.defaults).toEqual({ romaji: "hepburn", romajiCase: "upper", foreignNamesIn: "katakana", template: "card" });
  });

  it("reads a roster with them when the page sends none, and prints a katakana name in katakana", async () => {
    const view = (await postForm(port, "/api/work", { roster: { path: roster } })).json<View>();
    expect(view.options).toEqual({ romaji: "hepburn", romajiCase: "upper" });
    expect(view.print.template).toBe("card");
    expect(view.rows.find((r) => r.row === 1)).toMatchObject({ kana: "おおの", romaji: "ŌNO" });
    const badge = await postForm(port, "/api/work/badge.pdf", { row: "2", template: "card" }, { "x-nafuda-work": view.work });
    expect(badge.status).toBe(200);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: Buffer.from(badge.body) }).toString("utf8");
    expect(text).toContain("スミス");
  });
});

describe("nafuda serve without defaults", () => {
  it("starts as before: passport romaji, title case, hiragana, the standard template", async () => {
    const server = await startServer({ port: 0 });
    try {
      const info = (await send(Number(new URL(server.url).port), { path: "/api/info" })).json<Info>();
      expect(info.defaults).toEqual({ romaji: "passport", romajiCase: "title", foreignNamesIn: "hiragana", template: "standard" });
    } finally {
      await server.close();
    }
  });
});

describe("the config's keys for serve", () => {
  it("are the readings' romaji and foreignNamesIn and the badges' template (a path made absolute)", () => {
    const defaults = configDefaults({ romaji: { system: "kunrei", case: "upper" }, foreignNamesIn: "katakana", badges: { template: "templates/ours.json" } } as never, join(folder, "nafuda.config.yaml"), "serve");
    expect(defaults).toEqual({ romaji: "kunrei", "romaji-case": "upper", "foreign-names-in": "katakana", template: join(folder, "templates/ours.json") });
    expect(configDefaults({ badges: { template: "band" } } as never, join(folder, "nafuda.config.yaml"), "serve")).toEqual({ template: "band" });
  });

  it("a template file that is not there stops serve with the file named, in Japanese (exit 2)", () => {
    const run = spawnSync(process.execPath, [COMPILED_CLI, "serve", "--no-open", "--template", join(folder, "なし.json")], { encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`名札の型のファイル「${join(folder, "なし.json")}」が見つかりません。`);
  });
});

describe.skipIf(!existsSync(CHROMIUM))("the page in headless Chromium at 1366×768 starts with the server's defaults", () => {
  it("shows the config's romaji system, case and template chosen, and reads the roster with them", async () => {
    const server = await startServer({ port: 0, defaults: { romaji: "hepburn", romajiCase: "upper", template: "card" } });
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "ja-JP" })).newPage();
      await openPage(page, server.url);
      expect([await page.inputValue("#romaji"), await page.inputValue("#romaji-case"), await page.inputValue("#template")]).toEqual(["hepburn", "upper", "card"]);
      await page.setInputFiles("#roster-input", roster);
      await page.waitForSelector('#staff-body tr[data-row="1"]');
      expect(await page.textContent('#staff-body tr[data-row="1"] .c-romaji')).toBe("ŌNO");
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
