/**
 * The recording signs (issue 14): a tent card for each recorded counter, a 91 × 55 sticker on the a4-10up sheet for
 * each recorded phone, with the policy's wording and start date, on the posters' print options, in the order.
 */
import { stderrOfHandler } from "../helpers/command-handler.js";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFArray, PDFDocument, PDFName, PDFNumber } from "pdf-lib";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { signsCommand } from "../../src/cli/commands/signs.js";
import { Output } from "../../src/cli/output.js";
import { cellRects, resolveSheet, SHEET_PRESETS } from "../../src/geometry/sheets.js";
import { formatMessage } from "../../src/messages/message.js";
import { bundledPath } from "../../src/package-root.js";
import { readFacilities, toFacility, type Facility } from "../../src/posters/facilities.js";
import { mmPerPt, type LineShape, type TextShape } from "../../src/posters/layout.js";
import { characterHeightMm } from "../../src/posters/legibility.js";
import { loadPolicy } from "../../src/posters/policy.js";
import { MANIFEST_FILE, SUMMARY_FILE } from "../../src/posters/order.js";
import { DEFAULT_SIGN_TEXT, signContent } from "../../src/signs/content.js";
import { SignBatchError, makeSigns, runSignBatch } from "../../src/signs/batch.js";
import { COUNTER_SIGN_MIN_PT, STICKER, STICKER_MIN_PT, TENT_CARD, TENT_FOLDS, TENT_MARGIN, TENT_PANELS } from "../../src/signs/layout.js";
import { layoutCounterSign, layoutPhoneSticker, renderCounterSign, renderPhoneStickers } from "../../src/signs/render.js";
import { thrownBy } from "../helpers/errors.js";
import { hasPoppler, inkRows, pdfText, renderGrey, wordBoxes } from "../posters/rendered.js";
import { isWidow, kinsokuViolations, splitWords } from "../posters/typography.js";
import { loadFaces, measurerFor } from "../../src/posters/draw.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const { facilities } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
const byName = (name: string) => facilities.find((f) => f.name === name)!;
const tax = byName("本庁舎 税務課窓口"); // counter=2 phone=6
const water = byName("上下水道お客さまセンター"); // phone=8
const asOf = { year: 2025, month: 3, day: 1 };
const after = { year: 2025, month: 4, day: 2 };
const measure = measurerFor(await loadFaces());
const work = mkdtempSync(join(tmpdir(), "nafuda-signs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const MM = 72 / 25.4;

function box(doc: PDFDocument, index: number, name: string): number[] | null {
  const value = doc.getPage(index).node.get(PDFName.of(name));
  return value instanceof PDFArray ? value.asArray().map((n) => (n as PDFNumber).asNumber() / MM) : null;
}
const texts = (shapes: readonly { kind: string }[]) => shapes.filter((s): s is TextShape => s.kind === "text");

describe("what a recording sign says", () => {
  it("the policy's line, label and text; 「令和7年4月1日から」 before the phone recording starts; nothing for a facility that does not record", () => {
    const counter = signContent(policy, tax, "counter", { asOf })!;
    expect(counter).toMatchObject({ headline: "この窓口での会話は録音しています", label: "窓口での録音・録画", from: null, issuer: "みどり市" });
    expect(signContent(policy, tax, "phone", { asOf })!.from).toBe("令和7年4月1日から");
    expect(signContent(policy, tax, "phone", { asOf, dateStyle: "western" })!.from).toBe("2025年4月1日から");
    expect(signContent(policy, tax, "phone", { asOf: after })!.from).toBeNull();
    expect(signContent(policy, byName("北公民館"), "counter", { asOf })).toBeNull();
    const plain = { ...policy, measures: { ...policy.measures, "record-counter": { ...policy.measures["record-counter"]!, sign: null } } };
    expect(signContent(plain, tax, "counter")!.headline).toBe(DEFAULT_SIGN_TEXT.counter);
    // The facility's languages add the panel's line.
    const counterEn = signContent(policy, byName("本庁舎 市民課窓口"), "counter", { asOf })!;
    expect(counterEn.lines.map((l) => l.language)).toEqual(["en", "easy-ja"]);
  });
});

describe("the counter sign: a tent card on A4", () => {
  it("has two faces that read upright from both sides: face 1 is face 2 turned 180° about its centre", async () => {
    const layout = (await layoutCounterSign(policy, tax, { asOf }))!;
    expect([layout.width, layout.height]).toEqual([TENT_CARD.width, TENT_CARD.height]);
    const all = texts(layout.shapes).filter((t) => t.role !== "fold-label");
    const face2 = all.filter((t) => t.y > TENT_FOLDS[0] && t.y < TENT_FOLDS[1]);
    const face1 = all.filter((t) => t.y < TENT_FOLDS[0]);
    expect(face2.map((t) => t.text)).toContain("この窓口での会話は");
    expect(face2.every((t) => !t.rotation)).toBe(true);
    expect(face1.every((t) => t.rotation === 180)).toBe(true);
    expect(face1.length).toBe(face2.length);
    const cx = TENT_CARD.width / 2;
    const cy = TENT_PANELS.face / 2;
    for (const t of face2) {
      const turned = face1.find((u) => u.text === t.text && Math.abs(u.x - (2 * cx - t.x)) < 1e-6 && Math.abs(u.y - (2 * cy - (t.y - TENT_PANELS.face))) < 1e-6);
      expect(turned, t.text).toBeDefined();
    }
    // Its line is set for the queue: 24 pt or more (8 mm of character height: 2 m by the 4 mm rule).
    const headline = face2.filter((t) => t.role === "sign-headline");
    expect(headline.map((t) => t.text).join("")).toBe("この窓口での会話は録音しています");
    for (const t of headline) {
      expect(t.size).toBeGreaterThanOrEqual(COUNTER_SIGN_MIN_PT);
      expect(characterHeightMm(t.size)).toBeGreaterThanOrEqual(8);
    }
  });

  it("marks the three folds (all mountain folds) and, on an office sheet, the cut lines 8 mm inside A4", async () => {
    const layout = (await layoutCounterSign(policy, tax, { asOf }))!;
    const folds = layout.shapes.filter((s): s is LineShape => s.kind === "line" && s.role === "fold");
    expect(folds.map((l) => l.y1)).toEqual([...TENT_FOLDS]);
    expect(folds.every((l) => l.dash && l.x1 === 0 && l.x2 === TENT_CARD.width)).toBe(true);
    expect(TENT_FOLDS).toEqual([72, 144, 184]);
    // No text on a fold or within 3 mm of one, nor within 3 mm of the card's edge.
    for (const t of texts(layout.shapes)) {
      const em = t.size * mmPerPt;
      const [top, bottom] = t.rotation === 180 ? [t.y - em * 0.12, t.y + em * 0.88] : [t.y - em * 0.88, t.y + em * 0.12];
      if (t.role === "fold-label") continue;
      for (const fold of TENT_FOLDS) expect(top > fold + 2.9 || bottom < fold - 2.9, `${t.text} on the fold at ${fold}`).toBe(true);
      expect(top).toBeGreaterThanOrEqual(3);
      expect(bottom).toBeLessThanOrEqual(TENT_CARD.height - 3);
    }
    const sign = (await renderCounterSign(policy, tax, { asOf }))!;
    const doc = await PDFDocument.load(sign.pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getWidth() / MM).toBeCloseTo(297, 1);
    expect(doc.getPage(0).getHeight() / MM).toBeCloseTo(210, 1);
    expect(box(doc, 0, "TrimBox")).toBeNull();
    expect(sign).toMatchObject({ size: "A4横", copies: 2, pages: [{ pieces: 1 }] });
    expect(TENT_MARGIN).toBe(8);
  });

  it("keeps the typography rules on its text", async () => {
    for (const facility of facilities) {
      const layout = await layoutCounterSign(policy, facility, { asOf });
      if (!layout) continue;
      // Lines by paragraph, each face apart (the two faces are one layout, drawn twice).
      const paras = new Map<string, TextShape[]>();
      for (const t of texts(layout.shapes)) if (t.para !== undefined) paras.set(`${t.para}:${t.rotation ?? 0}`, [...(paras.get(`${t.para}:${t.rotation ?? 0}`) ?? []), t]);
      for (const lines of paras.values()) {
        const text = lines.map((l) => l.text);
        expect(kinsokuViolations(text), text.join("|")).toEqual([]);
        expect(splitWords(text, lines[0]!.box!, (s) => measure(s, lines[0]!.font, lines[0]!.size)), text.join("|")).toEqual([]);
        expect(isWidow(text), text.join("|")).toBe(false);
      }
    }
  });

  it("for a print shop: the card is the trim, with bleed, crop marks and the folds marked outside it", async () => {
    const sign = (await renderCounterSign(policy, tax, { asOf, bleed: true, cropMarks: true }))!;
    const doc = await PDFDocument.load(sign.pdf);
    const trim = box(doc, 0, "TrimBox")!;
    const bleed = box(doc, 0, "BleedBox")!;
    expect(trim[2]! - trim[0]!).toBeCloseTo(TENT_CARD.width, 1);
    expect(trim[3]! - trim[1]!).toBeCloseTo(TENT_CARD.height, 1);
    expect(bleed[2]! - bleed[0]!).toBeCloseTo(TENT_CARD.width + 6, 1);
    expect(doc.getPage(0).getWidth() / MM).toBeCloseTo(TENT_CARD.width + 26, 1);
    expect(sign.trim).toEqual({ width: TENT_CARD.width, height: TENT_CARD.height });
    const layout = (await layoutCounterSign(policy, tax, { asOf, bleed: true }))!;
    expect(layout.shapes.some((s) => s.kind === "line" && s.role === "fold")).toBe(false);
  });

  it.skipIf(!hasPoppler)("renders both faces with the line 8 mm tall or more (measured on the page)", async () => {
    const sign = (await renderCounterSign(policy, tax, { asOf }))!;
    const page = renderGrey(sign.pdf, 1, 100);
    const layout = (await layoutCounterSign(policy, tax, { asOf }))!;
    for (const t of texts(layout.shapes).filter((x) => x.role === "sign-headline")) {
      const em = t.size * mmPerPt;
      const x = TENT_MARGIN + (t.rotation === 180 ? t.x - em * [...t.text].length : t.x);
      const y = TENT_MARGIN + (t.rotation === 180 ? t.y - em * 0.15 : t.y - em * 0.9);
      const ink = inkRows(page, { x, y, width: em * [...t.text].length, height: em * 1.05 }, 140)!;
      expect(ink.bottom - ink.top, t.text).toBeGreaterThanOrEqual(8);
    }
  });
});

describe("the phone stickers: 91 × 55 on the a4-10up sheet", () => {
  it("puts one sticker per phone in the sheet's cells (src/geometry/sheets.ts), as many sheets as needed", async () => {
    const sheet = resolveSheet(SHEET_PRESETS["a4-10up"]!, STICKER);
    const cells = cellRects(sheet);
    const stickers = (await renderPhoneStickers(policy, water, { asOf, count: 12 }))!;
    expect(stickers.pages).toEqual([{ pieces: 10 }, { pieces: 2 }]);
    expect(stickers).toMatchObject({ size: "a4-10up", copies: 1, trim: { width: 91, height: 55 } });
    const doc = await PDFDocument.load(stickers.pdf);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(0).getWidth() / MM).toBeCloseTo(210, 1);
    if (!hasPoppler) return;
    // The label (電話の録音) of each sticker sits in its cell.
    const labels = wordBoxes(stickers.pdf).filter((w) => w.text === "電話の録音");
    expect(labels.filter((w) => w.page === 1)).toHaveLength(10);
    expect(labels.filter((w) => w.page === 2)).toHaveLength(2);
    for (const w of labels) {
      const x = ((w.xMin + w.xMax) / 2) / MM;
      const y = ((w.yMin + w.yMax) / 2) / MM;
      expect(cells.some((c) => x > c.x && x < c.x + c.width && y > c.y && y < c.y + 14), `${x},${y}`).toBe(true);
    }
  });

  it("reads at arm's length: nothing under 8 pt, inside a 2.5 mm white border", async () => {
    for (const facility of facilities) {
      const layout = await layoutPhoneSticker(policy, facility, { asOf });
      if (!layout) continue;
      for (const t of texts(layout.shapes)) {
        expect(t.size).toBeGreaterThanOrEqual(STICKER_MIN_PT);
        expect(t.x).toBeGreaterThanOrEqual(2.5);
        expect(t.x + measure(t.text, t.font, t.size) * t.scaleX).toBeLessThanOrEqual(STICKER.width - 2.5);
      }
      expect(texts(layout.shapes).filter((t) => t.role === "sign-headline").map((t) => t.text).join("")).toBe("この電話の通話は録音しています");
    }
  });

  it("for a print shop: one sticker page with bleed and crop marks (the sheets.ts single preset), printed once per phone", async () => {
    const stickers = (await renderPhoneStickers(policy, water, { asOf, cropMarks: true, count: 8 }))!;
    expect(stickers).toMatchObject({ size: "91×55", copies: 8, pages: [{ pieces: 1 }] });
    const doc = await PDFDocument.load(stickers.pdf);
    const trim = box(doc, 0, "TrimBox")!;
    const bleed = box(doc, 0, "BleedBox")!;
    expect(trim[2]! - trim[0]!).toBeCloseTo(91, 1);
    expect(bleed[3]! - bleed[1]!).toBeCloseTo(61, 1);
    const single = resolveSheet(SHEET_PRESETS.single!, STICKER, { cropMarks: true });
    expect(doc.getPage(0).getWidth() / MM).toBeCloseTo(single.page.width, 1);
  });
});

describe("nafuda signs (batch)", () => {
  it("makes the signs of the facilities that record, adds them to the order, and the same input gives the same bytes", async () => {
    const out = join(work, "signs");
    const result = await runSignBatch(bundledPath("examples", "facilities.csv"), bundledPath("examples", "policy.yaml"), out, { asOf });
    expect(result.errors).toEqual([]);
    expect(result.skipped.map((f) => f.name)).toEqual(["市民病院 総合受付", "中央図書館", "北公民館", "子育て支援センター", "市民ホール"]);
    expect(readdirSync(out).sort()).toEqual([
      MANIFEST_FILE, SUMMARY_FILE,
      "上下水道お客さまセンター__電話シール.pdf",
      "市営住宅管理事務所__窓口標識.pdf", "市営住宅管理事務所__電話シール.pdf",
      "本庁舎_市民課窓口__窓口標識.pdf",
      "本庁舎_福祉課窓口__窓口標識.pdf", "本庁舎_福祉課窓口__電話シール.pdf",
      "本庁舎_税務課窓口__窓口標識.pdf", "本庁舎_税務課窓口__電話シール.pdf",
    ].sort());
    expect(result.orders.filter((o) => o.facility === "本庁舎 税務課窓口").map((o) => [o.product, o.size, o.copies, o.pieces])).toEqual([
      ["counter-sign", "A4横", 2, 1],
      ["phone-sticker", "a4-10up", 1, 6],
    ]);
    const again = join(work, "signs-again");
    await runSignBatch(bundledPath("examples", "facilities.csv"), bundledPath("examples", "policy.yaml"), again, { asOf });
    for (const file of readdirSync(out)) expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    if (hasPoppler) {
      expect(pdfText(readFileSync(join(out, "本庁舎_税務課窓口__電話シール.pdf")), 1)).toContain("令和7年4月1日から");
      const later = join(work, "signs-later");
      await runSignBatch(bundledPath("examples", "facilities.csv"), bundledPath("examples", "policy.yaml"), later, { asOf: after });
      expect(pdfText(readFileSync(join(later, "本庁舎_税務課窓口__電話シール.pdf")), 1)).not.toContain("から");
      expect(readFileSync(join(later, MANIFEST_FILE), "utf8")).toContain(",2025-04-02");
    }
  });

  it("a list where nothing records is refused, naming why, writing nothing", async () => {
    const none: Facility[] = [toFacility({ name: "北公民館", measures: ["police"] })];
    const out = join(work, "none");
    const error = await thrownBy(() => makeSigns(policy, none, out, { asOf }));
    expect(error).toBeInstanceOf(SignBatchError);
    expect(error.code).toBe("SIGNS_NONE_TO_MAKE");
    expect(error.message).toBe("録音の標識を作る施設がありません。施設一覧の「対策」に record-counter（窓口での録音）か record-phone（電話の録音）のある施設だけに標識を作ります。出力先には何も書いていません。");
    expect(error.format("en")).toMatch(/^no facility needs a recording sign: signs are made for facilities whose measures include record-counter or record-phone/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("nafuda signs (command)", () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  const run = (args: Record<string, unknown>) => stderrOfHandler(signsCommand(new Output("ja")) as never, { bleed: false, "crop-marks": false, ...args });

  it("makes the signs with --as-of, saying what it made", async () => {
    const out = join(work, "cli");
    const stderr = await run({ facilities: bundledPath("examples", "facilities.csv"), policy: bundledPath("examples", "policy.yaml"), output: out, "as-of": "2025-03-01" });
    expect(process.exitCode ?? 0).toBe(0);
    expect(stderr).toContain("  本庁舎_税務課窓口__電話シール.pdf（電話のシール 6 枚）\n");
    expect(stderr).toContain(`5 施設、窓口の標識 8 部、電話のシール 19 枚、エラー 0 件。発注一覧：${out} の _order-manifest.csv と _order-summary.pdf`);
    expect(readFileSync(join(out, MANIFEST_FILE), "utf8")).toContain(",2025-03-01\r\n");
  });

  it("refuses a --as-of that is not a date (exit 2)", async () => {
    const stderr = await run({ facilities: "f.csv", policy: "p.yaml", output: join(work, "bad"), "as-of": "2025-02-30" });
    expect(process.exitCode).toBe(2);
    expect(stderr).toBe("nafuda: --as-of「2025-02-30」は日付として読めません。印刷する日を 2025-03-01 のように、実在する日付で書いてください。\n");
    expect(formatMessage({ code: "POSTER_BAD_AS_OF", params: { value: "x" } }, "en")).toBe('--as-of "x" is not a date: write the printing date as 2025-03-01');
  });
});
