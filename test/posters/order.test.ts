import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { runPosterBatch } from "../../src/posters/batch.js";
import { MANIFEST_FILE, mergeOrder, orderSummary, previousOrder, SUMMARY_FILE, type OrderLine } from "../../src/posters/order.js";
import { POSTER_SIZES } from "../../src/posters/sizes.js";
import { runSignBatch } from "../../src/signs/batch.js";
import { hasPoppler, inkRows, pdfText, renderGrey, wordBoxes } from "./rendered.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-order-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const POLICY = bundledPath("examples", "policy.yaml");
const FACILITIES = bundledPath("examples", "facilities.csv");
const asOf = { year: 2025, month: 3, day: 1 };
const PT = 25.4 / 72;

const info = { issuer: "みどり市", title: "カスタマーハラスメントに対する基本方針", date: "令和6年11月1日", bleed: false, cropMarks: false, lang: "ja" as const };

function lines(n: number): OrderLine[] {
  return Array.from({ length: n }, (_, i) => ({ facility: `施設${i + 1}`, size: POSTER_SIZES[i % 4]!, copies: (i % 3) + 1, file: `施設${i + 1}.pdf`, page: 1, asOf: "2025-03-01" }));
}

describe("order summary (issue 14: each zebra stripe hid the bottom of the row above)", () => {
  it.skipIf(!hasPoppler)("every row's text is inside its own band and fully visible when rendered", async () => {
    const { pdf, rows } = await orderSummary(lines(12), info);
    const words = wordBoxes(pdf);
    const page = renderGrey(pdf, 1, 150);
    for (const row of rows) {
      const inRow = words.filter((w) => w.page === row.page && w.text === row.cells[0]);
      expect(inRow, row.cells[0]).toHaveLength(1);
      const word = inRow[0]!;
      // The word's box (pt → mm) lies inside the row's band…
      expect(word.yMin * PT).toBeGreaterThanOrEqual(row.top - 0.01);
      expect(word.yMax * PT).toBeLessThanOrEqual(row.top + row.height + 0.01);
      // …and its ink reaches below the baseline, as kanji do (0.095 em): no band covers the bottom of the row (was:
      // each light stripe hid the bottom of the row above). pdftotext's box runs from the ascent (0.88 em above
      // the baseline) to the descent (0.12 em below).
      const em = (word.yMax - word.yMin) * PT;
      const baseline = word.yMax * PT - 0.12 * em;
      const ink = inkRows(page, { x: word.xMin * PT, y: word.yMin * PT, width: (word.xMax - word.xMin) * PT, height: em }, 160);
      expect(ink, row.cells[0]).not.toBeNull();
      expect(ink!.bottom, row.cells[0]).toBeGreaterThanOrEqual(baseline + 0.04 * em);
      expect(ink!.top).toBeLessThanOrEqual(baseline - 0.7 * em);
    }
    // Bands do not overlap.
    for (let i = 1; i < rows.length; i++) if (rows[i]!.page === rows[i - 1]!.page) expect(rows[i]!.top).toBeGreaterThanOrEqual(rows[i - 1]!.top + rows[i - 1]!.height - 1e-9);
  });

  it("continues on further pages, each row once, the totals on the last page with at least one row", async () => {
    for (const n of [1, 30, 33, 38, 39, 80]) {
      const { rows } = await orderSummary(lines(n), info);
      expect(rows.map((r) => r.cells[0])).toEqual(lines(n).map((l) => l.facility));
      const last = Math.max(...rows.map((r) => r.page));
      expect(rows.some((r) => r.page === last)).toBe(true);
    }
  });

  it.skipIf(!hasPoppler)("lists every facility, product and size of the example city's posters and signs", async () => {
    const out = join(work, "all");
    const posters = await runPosterBatch(FACILITIES, POLICY, out, { asOf });
    const signs = await runSignBatch(FACILITIES, POLICY, out, { asOf });
    const summary = readFileSync(join(out, SUMMARY_FILE));
    const text = pdfText(summary);
    for (const line of [...posters.orders, ...signs.orders]) {
      expect(text).toContain(line.facility.replace(/\s/g, ""));
      expect(text).toContain(line.file.replace(/\s/g, ""));
    }
    for (const size of ["A4", "A3", "B3", "B2", "A4横", "a4-10up"]) expect(text).toContain(size);
    expect(text).toContain("基準日");
    expect(text).toContain("2025-03-01");
  });
});

describe("one order for posters and signs in one folder", () => {
  it("nafuda signs adds its lines to the posters' order, and either order of runs gives the same bytes", async () => {
    const a = join(work, "posters-then-signs");
    const b = join(work, "signs-then-posters");
    await runPosterBatch(FACILITIES, POLICY, a, { asOf });
    await runSignBatch(FACILITIES, POLICY, a, { asOf });
    await runSignBatch(FACILITIES, POLICY, b, { asOf });
    await runPosterBatch(FACILITIES, POLICY, b, { asOf });
    for (const file of [MANIFEST_FILE, SUMMARY_FILE]) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    const order = await previousOrder(a);
    expect(order.filter((l) => l.product === "counter-sign").length).toBeGreaterThan(0);
    expect(order.filter((l) => (l.product ?? "poster").startsWith("poster")).length).toBeGreaterThan(0);
    // Posters first, then signs.
    const firstSign = order.findIndex((l) => l.product === "counter-sign" || l.product === "phone-sticker");
    expect(order.slice(firstSign).every((l) => l.product === "counter-sign" || l.product === "phone-sticker")).toBe(true);
    const manifest = readFileSync(join(a, MANIFEST_FILE), "utf8").split("\r\n");
    expect(manifest).toContain("本庁舎 税務課窓口,a4-10up,91×55,1,本庁舎_税務課窓口__電話シール.pdf,1,電話のシール（6 面）,2025-03-01");
    expect(manifest).toContain("本庁舎 税務課窓口,A4横,297×210,2,本庁舎_税務課窓口__窓口標識.pdf,1,窓口の標識（三角柱）,2025-03-01");
  });

  it("a line whose file is gone is dropped; a summary that is not nafuda's is no order", async () => {
    const dir = join(work, "gone");
    await runSignBatch(FACILITIES, POLICY, dir, { asOf });
    const before = await previousOrder(dir);
    const gone = before.find((l) => l.product === "phone-sticker")!.file;
    unlinkSync(join(dir, gone));
    const merged = mergeOrder(before, [], ["poster"], (file) => existsSync(join(dir, file)));
    expect(merged.map((l) => l.file)).not.toContain(gone);
    expect(merged.length).toBe(before.length - 1);
    writeFileSync(join(dir, SUMMARY_FILE), "not a pdf");
    expect(await previousOrder(dir)).toEqual([]);
    expect(await previousOrder(join(work, "no-such-folder"))).toEqual([]);
  });
});
