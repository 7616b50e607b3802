/**
 * Issue 10, badges: damaged fonts and background PDFs, and numbers that are not numbers. Before: a truncated .ttf,
 * /dev/zero as a font, a background PDF whose page tree loops, that has no MediaBox or a 0 × 0 page failed with a raw
 * RangeError / pdf-lib message, exit 3 ("a bug"), no file named — or wrote NaN into the PDF. Now each is a NafudaError
 * with a stable code that names the file (CLI: exit 2, nothing written).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFArray, type PDFDict } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBackground, BackgroundFileError } from "../../src/badges/background.js";
import { renderBadgeSheets } from "../../src/badges/render-badges.js";
import { bundledPath } from "../../src/package-root.js";
import { bundledFontPath, FontFileError } from "../../src/pdf/fonts.js";
import { SAMPLE } from "../badges/staff-fixture.js";
import { thrownBy } from "../helpers/errors.js";
import { filesUnder, leftovers, nafuda } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-hardening-damaged-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const ROSTER = "職員番号,氏名,フリガナ,所属\r\n1,佐藤　花子,サトウ　ハナコ,総務課\r\n2,鈴木　一郎,スズキ　イチロウ,市民課\r\n";
const standard = JSON.parse(readFileSync(bundledPath("templates", "badges", "standard.json"), "utf8")) as Record<string, unknown>;

/** A one-page artwork PDF, changed by `damage` before it is saved. */
async function artwork(damage: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([258, 156]).drawRectangle({ x: 10, y: 10, width: 50, height: 50 });
  damage(doc);
  return doc.save({ useObjectStreams: false });
}

const pageOf = (doc: PDFDocument) => doc.getPage(0).node;
const pagesRoot = (doc: PDFDocument) => doc.catalog.lookup(PDFName.of("Pages")) as PDFDict;

const BACKGROUNDS: { name: string; code: string; damage: (doc: PDFDocument) => void; raw?: (text: string) => string }[] = [
  {
    name: "page-tree-cycle",
    code: "BACKGROUND_BROKEN_PAGE_TREE",
    // /Kids of the root holds the root again: pdf-lib's own walk recursed until the stack overflowed.
    damage: (doc) => (pagesRoot(doc).lookup(PDFName.of("Kids"), PDFArray)).push(doc.catalog.get(PDFName.of("Pages"))!),
  },
  {
    name: "parent-cycle",
    code: "BACKGROUND_BROKEN_PAGE_TREE",
    // Page 1's /Parent is a node that is its own parent: pdf-lib climbs /Parent for every inherited key, forever.
    damage: (doc) => {
      const loop = doc.context.obj({ Type: "Pages", Count: 1 });
      const ref = doc.context.register(loop);
      loop.set(PDFName.of("Parent"), ref);
      pageOf(doc).set(PDFName.of("Parent"), ref);
    },
  },
  { name: "no-mediabox", code: "BACKGROUND_NO_MEDIABOX", damage: (doc) => pageOf(doc).delete(PDFName.of("MediaBox")) },
  { name: "zero-page", code: "BACKGROUND_BAD_PAGE_SIZE", damage: (doc) => doc.getPage(0).setMediaBox(0, 0, 0, 0) },
  { name: "negative-page", code: "BACKGROUND_BAD_PAGE_SIZE", damage: (doc) => pageOf(doc).set(PDFName.of("MediaBox"), doc.context.obj([0, 0, -258, -156])) },
  { name: "name-in-mediabox", code: "BACKGROUND_BAD_PAGE_SIZE", damage: (doc) => pageOf(doc).set(PDFName.of("MediaBox"), doc.context.obj([0, 0, PDFName.of("Foo"), 156])) },
  { name: "zero-trimbox", code: "BACKGROUND_BAD_PAGE_SIZE", damage: (doc) => doc.getPage(0).setTrimBox(0, 0, 0, 0) },
  {
    // A MediaBox holding NaN (as a broken writer prints it) or a number too large to be one: pdf-lib drops the page
    // object, so the PDF has no page 1.
    name: "nan-mediabox",
    code: "BACKGROUND_NO_PAGES",
    damage: (doc) => pageOf(doc).set(PDFName.of("MediaBox"), doc.context.obj([0, 0, 1, 1])),
    raw: (text) => text.replace("/MediaBox [ 0 0 1 1 ]", "/MediaBox [ 0 0 NaN 156 ]"),
  },
  {
    name: "huge-mediabox",
    code: "BACKGROUND_NO_PAGES",
    damage: (doc) => pageOf(doc).set(PDFName.of("MediaBox"), doc.context.obj([0, 0, 1, 1])),
    raw: (text) => text.replace("/MediaBox [ 0 0 1 1 ]", `/MediaBox [ 0 0 ${"9".repeat(400)} 156 ]`),
  },
];

const templates = join(work, "templates");
beforeAll(async () => {
  mkdirSync(templates, { recursive: true });
  writeFileSync(join(work, "roster.csv"), ROSTER);
  for (const { name, damage, raw } of BACKGROUNDS) {
    let bytes = await artwork(damage);
    if (raw) bytes = new Uint8Array(Buffer.from(raw(Buffer.from(bytes).toString("latin1")), "latin1"));
    writeFileSync(join(templates, `${name}.pdf`), bytes);
    writeFileSync(join(templates, `${name}.json`), JSON.stringify({ ...standard, name, background: `${name}.pdf` }));
  }
  const font = readFileSync(bundledFontPath("BIZUDPGothic-Bold"));
  writeFileSync(join(work, "truncated.ttf"), font.subarray(0, Math.floor(font.length / 3)));
  writeFileSync(join(work, "not-a-font.ttf"), "これはフォントではありません\n");
  for (const [name, font] of [["truncated", join(work, "truncated.ttf")], ["dev-zero", "/dev/zero"], ["not-a-font", join(work, "not-a-font.ttf")]]) {
    const fields = (standard.fields as Record<string, unknown>[]).map((field) => ({ ...field, font }));
    writeFileSync(join(templates, `font-${name}.json`), JSON.stringify({ ...standard, name: `font-${name}`, fields }));
  }
});

describe("damaged background PDFs: a BackgroundFileError naming the file, never pdf-lib's message or a crash", () => {
  it.each(BACKGROUNDS.map((b) => [b.name, b.code]))("%s → %s", async (name, code) => {
    const file = join(templates, `${name}.pdf`);
    const error = await thrownBy(() => readBackground(file, { width: 91, height: 55 }));
    expect(error).toBeInstanceOf(BackgroundFileError);
    expect(error).toMatchObject({ code, file });
    expect(error.message.startsWith(`${file}：名札の型の背景 PDF`)).toBe(true);
    expect(error.message).toMatch(/書き出し直してください。$/u);
    expect(error.format("en")).toMatch(/^.*: the template's background PDF (is damaged|has no pages)/);
    // The same through the renderer: no PDF with NaN in it, no RangeError.
    const render = await thrownBy(() => renderBadgeSheets(SAMPLE, { template: join(templates, `${name}.json`) }));
    expect(render).toMatchObject({ code, file });
  });

  it("says what a 0 × 0 page measures", async () => {
    const error = await thrownBy(() => readBackground(join(templates, "zero-page.pdf"), { width: 91, height: 55 }));
    expect(error.text()).toBe("名札の型の背景 PDFの 1 ページ目の大きさ（MediaBox）が正しくありません（幅 0 pt、高さ 0 pt。どちらも 3〜14400 pt の数が要ります）。デザインのソフトから PDF を書き出し直してください。");
    expect(error.text("en")).toBe("the template's background PDF is damaged: page 1's MediaBox is 0 × 0 pt (each side must be a number from 3 to 14400 pt). export it again from the design program as PDF");
  });

  it.each(["page-tree-cycle", "no-mediabox", "zero-page", "nan-mediabox"])("nafuda badges with %s: exit 2, the file named, nothing written", (name) => {
    const folder = join(work, `cli-${name}`);
    mkdirSync(folder, { recursive: true });
    const run = nafuda(folder, ["badges", join(work, "roster.csv"), "-t", join(templates, `${name}.json`), "-o", "out/badges.pdf"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${name}.pdf`);
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack|Expected instance of|Trying to parse|Invalid object ref|\n\s+at /);
    expect(filesUnder(folder)).toEqual([]);
  });
});

describe("damaged fonts: a FontFileError naming the file", () => {
  it.each([
    ["truncated", join(work, "truncated.ttf"), "FONT_DAMAGED"],
    ["dev-zero", "/dev/zero", "FILE_NOT_REGULAR"],
    ["not-a-font", join(work, "not-a-font.ttf"), "FONT_NOT_SFNT"],
  ])("a template whose font is %s", async (name, file, code) => {
    if (file === "/dev/zero" && !existsSync(file)) return;
    const error = await thrownBy(() => renderBadgeSheets(SAMPLE, { template: join(templates, `font-${name}.json`) }));
    expect(error).toBeInstanceOf(FontFileError);
    expect(error).toMatchObject({ code, file });
    expect(error.message.startsWith(`${file}：`)).toBe(true);
  });

  it("a truncated font says it is damaged or cut short and what to do", async () => {
    const error = await thrownBy(() => renderBadgeSheets(SAMPLE, { template: join(templates, "font-truncated.json") }));
    expect(error.text()).toMatch(/^フォントファイルが壊れているか、途中で切れています（.+）。フォントを入れ直すか、別のフォントを指定してください。$/u);
  });

  it.each([
    ["--font with a truncated .ttf", () => join(work, "truncated.ttf")],
    ["--font /dev/zero", () => "/dev/zero"],
  ])("nafuda badges %s: exit 2 (was 3), the file named, nothing written", (_, font) => {
    if (font() === "/dev/zero" && !existsSync("/dev/zero")) return;
    const folder = join(work, `cli-font-${font().replace(/\W/g, "")}`);
    mkdirSync(folder, { recursive: true });
    const run = nafuda(folder, ["badges", join(work, "roster.csv"), "--font", `BIZUDPGothic-Bold=${font()}`, "-o", "badges.pdf"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(font());
    expect(run.stderr).not.toMatch(/RangeError|Offset is outside|hb_subset|\n\s+at /);
    expect(filesUnder(folder)).toEqual([]);
    expect(leftovers(folder)).toEqual([]);
  });
});

describe("numbers that are not numbers never reach a PDF", () => {
  it.each([
    [{ offsetX: Number.NaN }, "SHEET_BAD_OFFSET"],
    [{ offsetY: Number.POSITIVE_INFINITY }, "SHEET_BAD_OFFSET"],
    [{ backOffsetX: Number.NaN, duplex: true }, "SHEET_BAD_OFFSET"],
    [{ scale: Number.NaN }, "SHEET_BAD_SCALE"],
    [{ scale: Number.POSITIVE_INFINITY }, "SHEET_BAD_SCALE"],
    [{ sheet: { name: "nan", page: "A4", columns: 2, rows: 5, pitchX: Number.NaN } }, "SHEET_NOT_A_NUMBER"],
    [{ sheet: { name: "inf", page: { width: Number.POSITIVE_INFINITY, height: 297 }, columns: 1, rows: 1 } }, "SHEET_NOT_POSITIVE"],
  ])("%j → %s", async (options, code) => {
    const error = await thrownBy(() => renderBadgeSheets(SAMPLE, { template: "standard", ...(options as object) }));
    expect(error.code).toBe(code);
  });

  it("a template made in code with NaN or ∞ in it: TemplateError listing each number", async () => {
    const field = { source: "kana", x: 5, y: 5, width: 81, height: 20, font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 } };
    const template = { name: "code", width: Number.NaN, height: 55, fields: [{ ...field, x: Number.POSITIVE_INFINITY, sizePt: { max: Number.NaN, min: 20 } }] };
    const error = await thrownBy(() => renderBadgeSheets(SAMPLE, { template }));
    expect(error.code).toBe("TEMPLATE_INVALID");
    expect((error as unknown as { problems: { key: string; code: string }[] }).problems.map((p) => [p.key, p.code])).toEqual([
      ["width", "TEMPLATE_BAD_BADGE_SIZE"],
      ["fields[0].x", "TEMPLATE_NOT_A_NUMBER"],
      ["fields[0].sizePt.max", "TEMPLATE_NOT_SIZE_PT"],
    ]);
    expect(error.message).toContain("「fields[0].x」：数で書いてください（今は Infinity）。");
  });

  it.each([
    ["--offset-x", "abc", "SHEET_BAD_OFFSET"],
    ["--scale", "Infinity", "SHEET_BAD_SCALE"],
    ["--cell", "1..2x55", "SHEET_OPTION_PAIR"],
  ])("nafuda badges %s %s: exit 2, nothing written", (option, value) => {
    const folder = join(work, `cli-number-${option.replace(/\W/g, "")}`);
    mkdirSync(folder, { recursive: true });
    const run = nafuda(folder, ["badges", join(work, "roster.csv"), option, value, "-o", "badges.pdf"]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(option === "--cell" ? "--cell" : option === "--scale" ? "--scale" : "--offset-x");
    expect(filesUnder(folder)).toEqual([]);
  });
});
