/**
 * npm run bench:serve — the local page (nafuda serve) with a 20,000-staff roster, in headless Chromium (issue 12):
 *
 * - upload → table shown: from choosing the file on the page to the table drawn with every row counted;
 * - one edit answered: the working roster's per-person path (POST /api/work/edit: that one person re-read) against
 *   today's full re-send (POST /api/readings with the whole roster, the edits and rows=N, what each edit cost the
 *   page before: the roster read again and matched, one row resolved; the preview's own re-send not counted), both
 *   over HTTP from here, and the edit on the page (Enter → the row shown confirmed);
 * - filter/search answered: a query typed in the search box, or a filter chosen, to the table drawn again;
 * - the rows in the page's DOM.
 *
 * The roster is test/hardening/large-roster.ts's fictional HR export (12 columns, UTF-8 CSV), cut to --count rows.
 * The server runs in this process; Chromium (Debian's /usr/bin/chromium, or NAFUDA_CHROMIUM) in its own.
 *
 *   npm run bench:serve                     # 20,000 staff
 *   npm run bench:serve -- --count 50000
 *
 * Not a test: it prints numbers. Run it on a quiet machine; other processes share the cores.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { generateLargeRoster } from "../test/hardening/large-roster.js";
import { startServer } from "../src/serve/server.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const count = Number(flag("count") ?? 20_000);
if (!Number.isInteger(count) || count < 100) throw new Error(`--count must be an integer of at least 100 (got ${flag("count")})`);
const CHROMIUM = process.env.NAFUDA_CHROMIUM ?? "/usr/bin/chromium";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

// --- the roster: exactly `count` staff
const folder = mkdtempSync(join(tmpdir(), "nafuda-bench-serve-"));
const rosterPath = join(folder, `名簿_${count}.csv`);
generateLargeRoster(rosterPath, count * 300);
const lines = readFileSync(rosterPath, "utf8").split("\r\n");
writeFileSync(rosterPath, `${lines.slice(0, count + 1).join("\r\n")}\r\n`);
const rosterBytes = readFileSync(rosterPath);
process.stdout.write(`nafuda serve with ${count.toLocaleString("en")} staff (${(rosterBytes.length / 1024 / 1024).toFixed(1)} MB CSV, 12 columns)\n\n`);

const server = await startServer({ port: 0, log: (line) => process.stderr.write(`${line}\n`) });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "ja-JP" });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url) && !/^(blob|data):/.test(request.url())) outside.push(request.url());
  });
  await page.goto(server.url);
  // pdf.js and the fonts once, as a page in use has them already.
  const total = count.toLocaleString("ja-JP");

  // --- upload → table shown
  const uploads: number[] = [];
  for (let run = 0; run < 3; run++) {
    if (run > 0) await page.click("#go-roster");
    const started = performance.now();
    await page.setInputFiles("#roster-input", rosterPath);
    await page.waitForFunction((total) => {
      const d = (globalThis as any).document;
      return d.querySelector("#summary")?.textContent?.includes(`全員${total}人`) && d.querySelector("#staff-body tr[data-row]") && !d.querySelector("#step-check")?.hidden;
    }, total, { polling: "raf", timeout: 120_000 });
    uploads.push(performance.now() - started);
  }
  const domRows = await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.length);

  // --- one edit: the per-person path against today's full re-send, over HTTP
  const cookie = (await context.cookies()).find((c) => c.name === `nafuda_work_${server.port}`)!;
  const work = cookie.value;
  const editOnce = async (row: number) => {
    const form = new FormData();
    form.append("row", String(row));
    form.append("kana", row % 2 ? "さとう" : "すずき");
    const started = performance.now();
    const reply = await fetch(`${server.url}api/work/edit`, { method: "POST", body: form, headers: { "X-Nafuda-Work": work } });
    await reply.json();
    if (!reply.ok) throw new Error(`edit: ${reply.status}`);
    return performance.now() - started;
  };
  const resendOnce = async (row: number) => {
    const form = new FormData();
    form.append("roster", new Blob([rosterBytes]), "名簿.csv");
    form.append("edits", JSON.stringify([{ row, id: String(row).padStart(7, "0"), name: "x", kana: "さとう", romaji: null }]));
    form.append("rows", String(row));
    const started = performance.now();
    const reply = await fetch(`${server.url}api/readings`, { method: "POST", body: form });
    await reply.json();
    if (!reply.ok) throw new Error(`re-send: ${reply.status}`);
    return performance.now() - started;
  };
  // The badge preview that follows each edit: the working roster's, and today's (the roster sent again).
  const badgeOnce = async (row: number, resend: boolean) => {
    const form = new FormData();
    if (resend) form.append("roster", new Blob([rosterBytes]), "名簿.csv");
    form.append("row", String(row));
    const started = performance.now();
    const reply = resend
      ? await fetch(`${server.url}api/badge.pdf`, { method: "POST", body: form })
      : await fetch(`${server.url}api/work/badge.pdf`, { method: "POST", body: form, headers: { "X-Nafuda-Work": work } });
    await reply.arrayBuffer();
    if (!reply.ok) throw new Error(`badge: ${reply.status}`);
    return performance.now() - started;
  };
  await editOnce(2); // warm
  const edits: number[] = [];
  const editsWithBadge: number[] = [];
  for (let i = 0; i < 21; i++) {
    const row = 100 + i * 97;
    const edit = await editOnce(row);
    edits.push(edit);
    editsWithBadge.push(edit + (await badgeOnce(row, false)));
  }
  await resendOnce(3); // warm
  const resends: number[] = [];
  const resendsWithBadge: number[] = [];
  for (let i = 0; i < 5; i++) {
    const row = 200 + i * 31;
    const resend = await resendOnce(row);
    resends.push(resend);
    resendsWithBadge.push(resend + (await badgeOnce(row, true)));
  }

  // --- one edit on the page: Enter in the editor → the row shown confirmed
  const pageEdits: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.fill("#search", "");
    const row = await page.$eval("#staff-body tr[data-row]:not(.spacer)", (tr) => Number(tr.getAttribute("data-row")));
    await page.click(`#staff-body tr[data-row="${row}"]`);
    const kana = i % 2 ? "たなか" : "やまだ";
    await page.fill("#edit-kana", kana);
    const started = performance.now();
    await page.press("#edit-kana", "Enter");
    await page.waitForFunction(([row, kana]) => (globalThis as any).document.querySelector(`#staff-body tr[data-row="${row}"] .c-kana`)?.textContent === kana, [row, kana] as const, { polling: "raf" });
    pageEdits.push(performance.now() - started);
  }

  // --- filter and search answered on the page: the event to the table drawn again (the next frame)
  const answered = (action: string, value: string) => page.evaluate(async ([action, value]) => {
    const d = (globalThis as any).document;
    const started = performance.now();
    if (action === "search") {
      const input = d.querySelector("#search");
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    } else {
      const select = d.querySelector(action);
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
    await new Promise((done) => (globalThis as any).requestAnimationFrame(() => done(null)));
    return { time: performance.now() - started, shown: d.querySelector("#shown").textContent, rows: d.querySelectorAll("#staff-body tr:not(.spacer)").length };
  }, [action, value] as const);
  const queries: [string, string, string][] = [
    ["search 勅使河原", "search", "勅使河原"],
    ["search テシガワラ (katakana)", "search", "テシガワラ"],
    ["search an id", "search", String(Math.floor(count / 2)).padStart(7, "0")],
    ["search 総務", "search", "総務"],
    ["search cleared", "search", ""],
    ["filter 所属", "#filter-dept", "建設部道路課維持係"],
    ["filter 要確認・エラー", "#filter-status", "todo"],
    ["filter cleared", "#filter-status", ""],
  ];
  const filters: { name: string; time: number; shown: string; rows: number }[] = [];
  for (const [name, action, value] of queries) {
    await answered(action, value); // once to warm, then measured
    if (action === "#filter-dept" || action === "#filter-status") await answered(action, "");
    const result = await answered(action, value);
    filters.push({ name, ...result });
  }
  await answered("#filter-dept", "");
  const domAfter = await page.$$eval("#staff-body tr:not(.spacer)", (trs) => trs.length);

  // --- report
  const uploadMedian = median(uploads);
  const editMedian = median(edits);
  const resendMedian = median(resends);
  const filterMax = Math.max(...filters.map((f) => f.time));
  const out = [
    `load average (1 min) at the end:    ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    `upload → table shown (3 runs):      median ${ms(uploadMedian)}  [${uploads.map(ms).join(", ")}]   target ≤ 3000 ms`,
    `rows in the page's DOM:             ${domRows} after the upload, ${domAfter} after the searches (of ${count.toLocaleString("en")})`,
    `one edit answered, per-person (HTTP, 21 edits):   median ${ms(editMedian)}, max ${ms(Math.max(...edits))}   target ≤ 150 ms`,
    `one edit answered, today's re-send (HTTP, 5):     median ${ms(resendMedian)}  [${resends.map(ms).join(", ")}]`,
    `  ratio re-send / per-person:                     ${(resendMedian / editMedian).toFixed(1)} ×`,
    `edit + its badge preview, per-person:             median ${ms(median(editsWithBadge))}`,
    `edit + its badge preview, today's (2 re-sends):   median ${ms(median(resendsWithBadge))}   ratio ${(median(resendsWithBadge) / median(editsWithBadge)).toFixed(1)} ×`,
    `one edit on the page (Enter → row): median ${ms(median(pageEdits))}  [${pageEdits.map(ms).join(", ")}]`,
    `filter / search answered (next frame), target ≤ 100 ms:`,
    ...filters.map((f) => `  ${f.name.padEnd(30)} ${ms(f.time).padStart(8)}   ${f.shown}, ${f.rows} rows in the DOM`),
    `  slowest:                          ${ms(filterMax)}`,
    `server memory (this process's RSS): ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
    `requests outside 127.0.0.1:         ${outside.length}`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
