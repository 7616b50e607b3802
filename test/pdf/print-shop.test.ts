/**
 * Print-shop grade PDFs (issue 13), checked as a print shop would: the structural self-check (test/pdf/print-check.ts)
 * on every kind of PDF nafuda writes, in both modes; Ghostscript's CMYK separations (text on the K plate only, bands
 * reaching the bleed edge, the office layout's white border); byte-identical output; and what is refused.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream, rgb } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { calibrationSheet } from "../../src/badges/calibrate.js";
import { renderBadgeSheets } from "../../src/badges/render-badges.js";
import { parseTemplate } from "../../src/badges/template.js";
import { bundledPath } from "../../src/package-root.js";
import { createDeterministicDocument, saveDeterministic } from "../../src/pdf/deterministic.js";
import { loadBackgroundLayout } from "../../src/posters/background-layout.js";
import { makePosters } from "../../src/posters/batch.js";
import { loadFaces, measurerFor } from "../../src/posters/draw.js";
import { readFacilities } from "../../src/posters/facilities.js";
import type { TextShape } from "../../src/posters/layout.js";
import { orderSummaryPdf } from "../../src/posters/order.js";
import { loadPolicy } from "../../src/posters/policy.js";
import { layoutFacilityPosters, renderFacilityPosterFile, renderPoster } from "../../src/posters/render.js";
import { renderCounterSign, renderPhoneStickers } from "../../src/signs/render.js";
import { thrownBy } from "../helpers/errors.js";
import { SAMPLE } from "../badges/staff-fixture.js";
import { hasGhostscript, inked, printCheck, separations, type CheckOptions } from "./print-check.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const { facilities } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
const byName = (name: string) => facilities.find((f) => f.name === name)!;
const counter = byName("本庁舎 市民課窓口");
const tax = byName("本庁舎 税務課窓口");
const asOf = { year: 2025, month: 3, day: 1 };
const artwork = { pdf: new Uint8Array(readFileSync(bundledPath("examples", "artwork", "poster-artwork.pdf"))), file: "poster-artwork.pdf", ...(await loadBackgroundLayout(bundledPath("examples", "artwork", "layout.yaml"))) };
const work = mkdtempSync(join(tmpdir(), "nafuda-print-shop-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const MM = 72 / 25.4;

/** An A4 page of artwork in RGB (and, when asked, with a half-transparent box): what a print shop sends back. */
async function rgbArtwork(transparent = false): Promise<Uint8Array> {
  const doc = await createDeterministicDocument({ title: "RGB artwork" });
  const page = doc.addPage([210 * MM, 297 * MM]);
  page.drawRectangle({ x: 0, y: 250 * MM, width: 210 * MM, height: 47 * MM, color: rgb(0.1, 0.3, 0.6), ...(transparent ? { opacity: 0.5 } : {}) });
  return saveDeterministic(doc);
}

type Kind = [name: string, make: () => Promise<Uint8Array>, options: CheckOptions];

const EVERYDAY: Kind[] = [
  ["badges, a4-10up", async () => (await renderBadgeSheets(SAMPLE, { template: "standard" })).pdf, {}],
  ["badges, duplex with cut guides", async () => (await renderBadgeSheets(SAMPLE, { template: "standard-duplex", cutGuides: true })).pdf, { duplex: true }],
  ["badges, ID-1 cards", async () => (await renderBadgeSheets(SAMPLE, { template: "card" })).pdf, {}],
  ["badges on the band artwork", async () => (await renderBadgeSheets(SAMPLE, { template: "band" })).pdf, {}],
  ["badges, one a page with crop marks", async () => (await renderBadgeSheets(SAMPLE.slice(0, 2), { template: "standard", cropMarks: true })).pdf, {}],
  ["posters A4 and A3, office layout", async () => (await renderFacilityPosterFile(policy, counter, { asOf, sizes: ["A4", "A3"] })).pdf, {}],
  ["posters B3 and B2 with bleed and crop marks", async () => (await renderFacilityPosterFile(policy, counter, { asOf, sizes: ["B3", "B2"], cropMarks: true })).pdf, {}],
  ["a poster on the city's artwork", async () => renderPoster(policy, counter, { asOf, size: "A4", background: artwork }), {}],
  ["a counter sign (office sheet)", async () => (await renderCounterSign(policy, tax, { asOf }))!.pdf, {}],
  ["phone stickers (a4-10up)", async () => (await renderPhoneStickers(policy, tax, { asOf }))!.pdf, {}],
  ["the order summary", async () => orderSummaryPdf([{ facility: "本庁舎 市民課窓口", size: "A4", copies: 3, file: "a.pdf", page: 1 }], { issuer: "みどり市", title: "基本方針", date: "令和6年11月1日", bleed: false, cropMarks: false }), {}],
  ["the calibration sheet", async () => (await calibrationSheet()).pdf, {}],
];

const PRINT_SHOP: Kind[] = [
  ["badges, one a page with bleed and crop marks", async () => (await renderBadgeSheets(SAMPLE, { template: "standard", printShop: true })).pdf, { pdfx: true }],
  ["badges, duplex on a4-10up", async () => (await renderBadgeSheets(SAMPLE, { template: "standard-duplex", sheet: "a4-10up", printShop: true })).pdf, { pdfx: true, duplex: true }],
  ["badges on the band artwork", async () => (await renderBadgeSheets(SAMPLE.slice(0, 3), { template: "band", printShop: true })).pdf, { pdfx: true }],
  ["posters of every size", async () => (await renderFacilityPosterFile(policy, counter, { asOf, printShop: true, date: "2025-04-01" })).pdf, { pdfx: true }],
  ["a poster on the city's artwork", async () => renderPoster(policy, counter, { asOf, size: "A4", background: artwork, printShop: true }), { pdfx: true }],
  ["a counter sign (the card as the trim)", async () => (await renderCounterSign(policy, tax, { asOf, printShop: true }))!.pdf, { pdfx: true }],
  ["a phone sticker", async () => (await renderPhoneStickers(policy, tax, { asOf, printShop: true }))!.pdf, { pdfx: true }],
];

describe("the structural self-check, on every kind of PDF nafuda writes", () => {
  it.each(EVERYDAY)("everyday: %s — PDF 1.4 structure, CMYK only, text K only, fonts embedded, PrintScaling None", async (_, make, options) => {
    const report = await printCheck(await make(), options);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBeGreaterThan(0);
    expect([...report.textColours].every((op) => /^0 0 0 [\d.]+ k$/.test(op))).toBe(true);
  });

  it.each(PRINT_SHOP)("print shop: %s — PDF/X-1a:2003 as well", async (_, make, options) => {
    const bytes = await make();
    const report = await printCheck(bytes, options);
    expect(report.problems).toEqual([]);
    // Black text is on the K plate and overprints (printCheck checks the graphics state at each text).
    expect(report.textColours.has("0 0 0 1 k")).toBe(true);
    expect(Buffer.from(bytes).toString("latin1")).toMatch(/^%PDF-1\.4\n/);
  });

  it("fails what a print shop would send back: RGB, transparency, object streams, no output intent, no /ID", async () => {
    const doc = await createDeterministicDocument({ title: "RGB" });
    const page = doc.addPage([100, 100]);
    page.drawText("RGB text", { x: 10, y: 10, size: 12, color: rgb(0.2, 0.2, 0.2), opacity: 0.5 });
    const report = await printCheck(await saveDeterministic(doc), { pdfx: true });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        "header %PDF-1.7, not 1.4",
        "object streams",
        "a cross-reference stream",
        "no ViewerPreferences /PrintScaling /None",
        'page 1: colour operator "0.2 0.2 0.2 rg"',
        'page 1: text in "0.2 0.2 0.2 rg", not K only',
        "no trailer /ID",
        "no OutputIntent",
        "no XMP metadata",
        "page 1: no TrimBox",
      ]),
    );
    expect(report.problems.some((p) => /\/ca 0\.5/.test(p))).toBe(true);
    // An everyday badge file is not PDF/X.
    const everyday = await printCheck((await renderBadgeSheets(SAMPLE, { template: "standard" })).pdf, { pdfx: true });
    expect(everyday.problems).toEqual(expect.arrayContaining(["no trailer /ID", "no OutputIntent", "Info without CreationDate"]));
  });
});

/** The trailer /ID's first string, the XMP document id and the Info dates of a print-shop file. */
async function ids(bytes: Uint8Array): Promise<{ id: string; xmp: string; created: string; outputIntent: Record<string, string> }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const id = (doc.context.lookup(doc.context.trailerInfo.ID) as PDFArray).get(0) as PDFHexString;
  const metadata = doc.context.lookup(doc.catalog.get(PDFName.of("Metadata"))) as PDFRawStream;
  const xmp = Buffer.from(decodePDFRawStream(metadata).decode()).toString("utf8");
  const info = doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict;
  const intent = doc.context.lookup((doc.context.lookup(doc.catalog.get(PDFName.of("OutputIntents"))) as PDFArray).get(0)) as PDFDict;
  const outputIntent = Object.fromEntries([...intent.entries()].map(([k, v]) => [k.decodeText(), v instanceof PDFString ? v.decodeText() : v.toString()]));
  return {
    id: id.asString().toLowerCase(),
    xmp: /<xmpMM:DocumentID>uuid:([0-9a-f-]+)</.exec(xmp)![1]!.replace(/-/g, ""),
    created: (info.get(PDFName.of("CreationDate")) as PDFString).decodeText(),
    outputIntent,
  };
}

describe("print-shop files are deterministic", () => {
  it("gives the same bytes for the same input and date; the /ID and the XMP id come from the content, the dates from --date", async () => {
    const make = (date?: string) => renderBadgeSheets(SAMPLE, { template: "standard", printShop: true, ...(date ? { date } : {}) });
    const [a, b, c] = await Promise.all([make("2025-04-01"), make("2025-04-01"), make("2026-04-01")]);
    expect(Buffer.compare(Buffer.from(a.pdf), Buffer.from(b.pdf))).toBe(0);
    const first = await ids(a.pdf);
    const other = await ids(c.pdf);
    expect(first.id).toMatch(/^[0-9a-f]{32}$/);
    expect(first.xmp).toBe(first.id);
    expect(first.created).toBe("D:20250401000000Z");
    expect(other.created).toBe("D:20260401000000Z");
    expect(other.id).not.toBe(first.id);
    expect(first.outputIntent).toMatchObject({ S: "/GTS_PDFX", OutputConditionIdentifier: "JC200103", OutputCondition: "Japan Color 2001 Coated", RegistryName: "http://www.color.org" });

    const poster = () => renderFacilityPosterFile(policy, counter, { asOf, sizes: ["A4"], printShop: true, date: "2025-04-01" });
    const [p, q] = [await poster(), await poster()];
    expect(Buffer.compare(Buffer.from(p.pdf), Buffer.from(q.pdf))).toBe(0);
    const posterIds = await ids(p.pdf);
    expect(posterIds.xmp).toBe(posterIds.id);
    expect(posterIds.id).not.toMatch(/^0+$/);
  });

  it("takes SOURCE_DATE_EPOCH when no date is given, else 2020-01-01", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = "1735689600";
      const withEpoch = await ids((await renderBadgeSheets(SAMPLE.slice(0, 1), { template: "standard", printShop: true })).pdf);
      expect(withEpoch.created).toBe("D:20250101000000Z");
      delete process.env.SOURCE_DATE_EPOCH;
      const fixed = await ids((await renderBadgeSheets(SAMPLE.slice(0, 1), { template: "standard", printShop: true })).pdf);
      expect(fixed.created).toBe("D:20200101000000Z");
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

// Ghostscript (Debian ghostscript) and qpdf, which .ci/run installs: without them these tests fail saying what to
// install, rather than skipping.
describe("CMYK separations (Ghostscript tiffsep) and qpdf", () => {
  it("has Ghostscript and qpdf; qpdf finds the print-shop files sound, with a classic cross-reference table", async () => {
    expect(hasGhostscript, "gs is missing: apt-get install ghostscript").toBe(true);
    const file = join(work, "qpdf.pdf");
    writeFileSync(file, (await renderFacilityPosterFile(policy, counter, { asOf, sizes: ["A4"], printShop: true })).pdf);
    const check = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect(check.error, "qpdf is missing: apt-get install qpdf").toBeUndefined();
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain("PDF Version: 1.4");
    expect(check.stdout).toContain("No syntax or stream encoding errors found");
    const xref = spawnSync("qpdf", ["--show-xref", file], { encoding: "utf8" });
    expect(xref.stdout).toMatch(/^1\/0: uncompressed; offset = \d+$/m);
    expect(xref.stdout).not.toMatch(/compressed; stream =/);
  });

  it("badges: every text on the K plate only; the crop marks on every plate (registration colour)", async () => {
    const { pdf, sheet } = await renderBadgeSheets(SAMPLE.slice(0, 1), { template: "standard", printShop: true });
    const plates = separations(pdf, 1, 150);
    // The single sheet: the trim at 15 mm, the bleed box 3 mm around it (less the marks' own half-pixel at its edge).
    const bleed = { x: 15 - 3 + 0.6, y: 15 - 3 + 0.6, width: 91 + 6 - 1.2, height: 55 + 6 - 1.2 };
    expect(sheet.bleed).toBe(3);
    expect(inked(plates.Black, bleed).inked).toBeGreaterThan(500);
    for (const ink of ["Cyan", "Magenta", "Yellow"] as const) expect(inked(plates[ink], bleed, 8).inked, ink).toBe(0);
    // Outside the bleed: the marks, on all four plates alike.
    const page = { x: 0, y: 0, width: 200, height: 200 };
    const marks = (ink: "Cyan" | "Black") => inked(plates[ink], page).inked - inked(plates[ink], bleed).inked;
    expect(marks("Cyan")).toBeGreaterThan(100);
    expect(marks("Cyan")).toBe(marks("Black"));
  });

  it("posters: text on the K plate only, the header band reaching the bleed edge and stopping there", async () => {
    const options = { asOf, sizes: ["A4"] as const, printShop: true };
    const { pdf } = await renderFacilityPosterFile(policy, counter, { ...options, sizes: ["A4"] });
    const { pages } = await layoutFacilityPosters(policy, counter, { ...options, sizes: ["A4"] });
    const plates = separations(pdf, 1, 100);
    const offset = 13; // 3 mm bleed + 10 mm of marks
    const measure = measurerFor(await loadFaces());
    // Lines set on white (the stance, the date, the issuer): ink on K, nothing on C, M or Y.
    const lines = pages[0]!.layout.shapes.filter((s): s is TextShape => s.kind === "text" && ["stance", "date", "issuer"].includes(s.role));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const em = line.size * (25.4 / 72);
      const box = { x: offset + line.x, y: offset + line.y - 0.8 * em, width: measure(line.text, line.font, line.size) * line.scaleX, height: em };
      expect(inked(plates.Black, box).inked, line.text).toBeGreaterThan(10);
      for (const ink of ["Cyan", "Magenta", "Yellow"] as const) expect(inked(plates[ink], box, 8).inked, `${ink}: ${line.text}`).toBe(0);
    }
    // The band (#1d4f91: C and K) runs to the bleed edge, 3 mm beyond the trim, at the top and on both sides …
    const quarter = offset + 210 / 4;
    const strip = (x: number, y: number, w: number, h: number) => inked(plates.Cyan, { x, y, width: w, height: h }, 64);
    expect(strip(quarter, offset - 3 + 0.2, 10, 0.6).inked).toBeGreaterThan(0);
    expect(strip(offset - 3 + 0.2, offset + 5, 0.6, 10).inked).toBeGreaterThan(0);
    expect(strip(offset + 210 + 3 - 0.8, offset + 5, 0.6, 10).inked).toBeGreaterThan(0);
    // … and not beyond it (no marks there: a quarter of the way along, and beside the top corner's marks).
    expect(strip(quarter, offset - 3 - 1.5, 10, 1).inked).toBe(0);
    expect(strip(offset - 3 - 1.5, offset + 5, 1, 10).inked).toBe(0);
  });

  it("the office layout leaves a 5 mm white border on every plate; full-bleed does not", async () => {
    const office = separations((await renderFacilityPosterFile(policy, counter, { asOf, sizes: ["A4"] })).pdf, 1, 72);
    const fullBleed = separations((await renderFacilityPosterFile(policy, counter, { asOf, sizes: ["A4"], posterLayout: "full-bleed" })).pdf, 1, 72);
    const border = [
      { x: 0, y: 0, width: 210, height: 4.5 },
      { x: 0, y: 292.5, width: 210, height: 4.5 },
      { x: 0, y: 0, width: 4.5, height: 297 },
      { x: 205.5, y: 0, width: 4.5, height: 297 },
    ];
    for (const ink of ["Cyan", "Magenta", "Yellow", "Black"] as const) for (const box of border) expect(inked(office[ink], box, 8).inked, `${ink} ${JSON.stringify(box)}`).toBe(0);
    expect(inked(fullBleed.Cyan, border[0]!).inked).toBeGreaterThan(100);
    expect(inked(office.Cyan, { x: 0, y: 5.5, width: 210, height: 3 }).inked).toBeGreaterThan(100);
  });
});

describe("what print-shop mode refuses, and crop marks never without bleed", () => {
  it("adds the bleed crop marks promise; refuses marks with a bleed of 0", async () => {
    const doc = await PDFDocument.load(await renderPoster(policy, counter, { asOf, size: "A4", cropMarks: true, bleed: false }));
    const page = doc.getPage(0);
    expect((page.getTrimBox().x - page.getBleedBox().x) / MM).toBeCloseTo(3, 2);
    const error = await thrownBy(() => renderPoster(policy, counter, { asOf, size: "A4", cropMarks: true, bleed: 0 }));
    expect(error.code).toBe("PRINT_MARKS_NEED_BLEED");
    expect(error.message).toBe(
      "トンボ（--crop-marks）には塗り足しが必要です。塗り足しなしでは、仕上がり線まである色の帯が断裁でずれたとき白い筋が出ます。塗り足しを 0 mm にせず、3 mm（既定）のように 1 mm 以上にしてください。トンボが要らないときは「--crop-marks」を外してください。",
    );
    expect(error.format("en")).toMatch(/^crop marks \(--crop-marks\) need bleed/);
    expect((await thrownBy(() => renderCounterSign(policy, tax, { asOf, printShop: true, bleed: 0 }))).code).toBe("PRINT_MARKS_NEED_BLEED");
  });

  it("refuses a date it cannot read", async () => {
    const error = await thrownBy(() => renderPoster(policy, counter, { asOf, size: "A4", printShop: true, date: "2025-13-01" }));
    expect(error.code).toBe("PRINT_BAD_DATE");
    expect(error.message).toBe("文書の日付「2025-13-01」が読めません。「2025-04-01」か「2025-04-01T09:00:00+09:00」の形で書いてください。");
    expect((await thrownBy(() => renderBadgeSheets(SAMPLE, { template: "standard", printShop: true, date: "tomorrow" }))).code).toBe("PRINT_BAD_DATE");
  });

  it("refuses a city's artwork in RGB or with transparency, naming the file and what to export instead; everyday output takes it", async () => {
    const background = { pdf: await rgbArtwork(), file: "city-rgb.pdf" };
    const error = await thrownBy(() => renderPoster(policy, counter, { asOf, size: "A4", background, printShop: true }));
    expect(error.code).toBe("BACKGROUND_NOT_PRINT_READY");
    expect(error.file).toBe("city-rgb.pdf");
    expect(error.message).toBe(
      "city-rgb.pdf：--background で指定した PDFは印刷会社向け（PDF/X-1a）に使えません。「rg/RG」が含まれています（RGB の色や透明は、印刷会社で色が変わったり抜けたりします）。デザインソフトで「PDF/X-1a」（CMYK、透明の分割・統合あり）として書き出し直してから指定してください。",
    );
    expect(error.format("en")).toMatch(/Export it again from the design program as PDF\/X-1a/);
    const seeThrough = { pdf: await rgbArtwork(true), file: "t.pdf" };
    const transparent = await thrownBy(() => renderPoster(policy, counter, { asOf, size: "A4", background: seeThrough, printShop: true }));
    expect(transparent.params?.found).toEqual(["rg/RG", "CA/ca < 1"]);
    // The batch refuses before it writes anything.
    const out = join(work, "refused");
    await expect(makePosters(policy, [counter], out, { asOf, background, printShop: true })).rejects.toMatchObject({ code: "BACKGROUND_NOT_PRINT_READY" });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    // Everyday output prints it (converted nowhere: the office printer takes RGB artwork as it is).
    expect((await PDFDocument.load(await renderPoster(policy, counter, { asOf, size: "A4", background }))).getPageCount()).toBeGreaterThan(0);

    // A badge template's background too, named.
    const file = join(work, "rgb-badge.pdf");
    writeFileSync(file, await rgbArtwork());
    const template = parseTemplate({ name: "rgb", width: 91, height: 55, background: file, fields: [{ source: "kana", x: 5, y: 15, width: 81, height: 20, font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 } }] });
    const badge = await thrownBy(() => renderBadgeSheets(SAMPLE, { template, printShop: true }));
    expect(badge.code).toBe("BACKGROUND_NOT_PRINT_READY");
    expect(badge.file).toBe(file);
  });

  const otf = "/usr/share/fonts/opentype/linux-libertine/LinBiolinum_RB.otf";
  it("refuses an OpenType font with CFF outlines, which PDF/X-1a (PDF 1.4) cannot carry", async () => {
    expect(existsSync(otf), `${otf} is missing: apt-get install fonts-linuxlibertine`).toBe(true);
    const template = parseTemplate({ name: "latin", width: 91, height: 55, fields: [{ source: "romaji", x: 5, y: 15, width: 81, height: 20, font: "latin", sizePt: { max: 30, min: 10 } }] });
    const error = await thrownBy(() => renderBadgeSheets(SAMPLE, { template, fonts: { latin: otf }, printShop: true }));
    expect(error.code).toBe("FONT_CFF_NOT_PDFX");
    expect(error.file).toBe(otf);
    expect(error.message).toContain("印刷会社向けの PDF/X-1a（PDF 1.4）には、この形のまま入れられません。");
    // Everyday output still embeds it (as OpenType, PDF 1.6).
    const everyday = await renderBadgeSheets(SAMPLE, { template, fonts: { latin: otf } });
    expect(Buffer.from(everyday.pdf.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.6");
    const poster = await thrownBy(() => renderPoster(policy, counter, { asOf, size: "A4", printShop: true, fonts: { latin: new Uint8Array(readFileSync(otf)) } }));
    expect(poster.code).toBe("FONT_CFF_NOT_PDFX");
  });
});
