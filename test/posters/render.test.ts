import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFArray, PDFNumber } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { loadFont } from "../../src/pdf/fonts.js";
import { posterContent } from "../../src/posters/content.js";
import type { Facility } from "../../src/posters/facilities.js";
import { FONT_FILES, layoutPoster, layoutPosterPages, type FontRole, type TextShape } from "../../src/posters/layout.js";
import { loadPolicy } from "../../src/posters/policy.js";
import { checkPosterBackground, measurerFor, PosterBackgroundError, PosterRenderError, renderFacilityPosterFile, renderFacilityPosters, renderPoster } from "../../src/posters/render.js";
import { thrownBy } from "../helpers/errors.js";
import { OFFICE_MARGIN_MM, POSTER_SIZES, posterPaper } from "../../src/posters/sizes.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const faces = Object.fromEntries(await Promise.all((Object.keys(FONT_FILES) as FontRole[]).map(async (r) => [r, await loadFont(FONT_FILES[r])]))) as Record<FontRole, Uint8Array>;
const measure = measurerFor(faces);

const counter: Facility = {
  row: 1,
  name: "本庁舎 市民課窓口",
  measures: ["end-conversation", "police", "record-counter", "pairs"],
  sizes: ["A4", "A3", "B3", "B2"],
  copies: {},
  languages: ["ja", "en", "easy-ja"],
  issuer: null,
  contact: null,
};
const library: Facility = { ...counter, name: "中央図書館", measures: ["police", "record-phone"], languages: ["ja"] };

const MM = 72 / 25.4;
const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const work = mkdtempSync(join(tmpdir(), "nafuda-posters-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdfText(bytes: Uint8Array, page?: number): string {
  const file = join(work, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const args = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", [...args, "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

function box(doc: PDFDocument, index: number, name: string): number[] | null {
  const value = doc.getPage(index).node.get(PDFName.of(name));
  if (!(value instanceof PDFArray)) return null;
  return value.asArray().map((n) => (n as PDFNumber).asNumber());
}

describe("poster layout (pure)", () => {
  for (const size of POSTER_SIZES) {
    for (const facility of [counter, library]) {
      it(`${size} ${facility.name}: everything inside the trim with a 3 mm safe margin, only its measures`, () => {
        const content = posterContent(policy, facility);
        const layout = layoutPoster(content, size, measure);
        const paper = posterPaper(size);
        expect([layout.width, layout.height]).toEqual([paper.width, paper.height]);
        expect(layout.overflow).toBe(false);
        for (const shape of layout.shapes) {
          if (shape.kind !== "text") continue;
          const width = measure(shape.text, shape.font, shape.size) * shape.scaleX;
          const em = (shape.size * 25.4) / 72;
          expect(shape.x, shape.text).toBeGreaterThanOrEqual(3);
          expect(shape.x + width, shape.text).toBeLessThanOrEqual(paper.width - 3 + 1e-6);
          expect(shape.y - em * 0.88, shape.text).toBeGreaterThanOrEqual(3);
          expect(shape.y + em * 0.12, shape.text).toBeLessThanOrEqual(paper.height - 3);
          expect(shape.scaleX).toBeGreaterThanOrEqual(0.8);
        }
        const texts = layout.shapes.filter((s) => s.kind === "text").map((s) => (s as { text: string }).text);
        const labels = layout.shapes.filter((s) => s.kind === "text" && s.role === "measure-label").map((s) => (s as { text: string }).text.replace(/\s/g, ""));
        expect(labels.join("")).toBe(facility.measures.map((id) => policy.measures[id]!.label).join(""));
        expect(texts).toContain(facility.name);
        // Text blocks do not overlap each other vertically within a column (no two baselines closer than a line).
        const lines = layout.shapes.filter((s): s is TextShape => s.kind === "text" && s.role === "stance");
        for (let i = 1; i < lines.length; i++) expect(lines[i]!.y - lines[i - 1]!.y).toBeGreaterThan(0);
      });
    }
  }

  it("fits a long facility name on one line by condensing (長体), then by smaller type", () => {
    const long = { ...library, name: "みどり市立中央図書館 北分館 こども図書室 二階カウンター（土日祝日のみ開設）" };
    for (const size of POSTER_SIZES) {
      const layout = layoutPoster(posterContent(policy, long), size, measure);
      const name = layout.shapes.find((s) => s.kind === "text" && s.role === "facility");
      expect(name && name.kind === "text" && name.text).toBe(long.name);
      if (name?.kind !== "text") continue;
      expect(name.scaleX).toBeGreaterThanOrEqual(0.8);
      expect(name.x + measure(name.text, name.font, name.size) * name.scaleX).toBeLessThanOrEqual(layout.width);
    }
  });

  it("refuses to cut text off: a policy too long for the page is an error", async () => {
    const wordy = { ...policy, stance: policy.stance.repeat(40), file: "policy.yaml" };
    const error = await thrownBy(() => renderPoster(wordy, library, { size: "A4" }));
    expect(error).toBeInstanceOf(PosterRenderError);
    expect(error.code).toBe("POSTER_TEXT_TOO_LONG");
    expect(error.message).toBe("「中央図書館」のポスターは、いちばん小さい文字にしても A4 に文が入りきりません。policy.yaml の stance（基本姿勢）、conduct（行為）の説明、panels（英語・やさしい日本語の文）を短くしてください。");
    expect(error.format("en")).toBe("中央図書館: the text does not fit on A4 even at the smallest type: shorten the stance, the conduct lines or the panels in policy.yaml");
  });

  it("is laid out for each size, not scaled: the hall sizes get the distance design, their own grids and type", () => {
    const content = posterContent(policy, library);
    const a4 = layoutPoster(content, "A4", measure);
    const b2 = layoutPoster(content, "B2", measure);
    expect([a4.design, b2.design]).toEqual(["full", "distance"]);
    const texts = (l: typeof a4, role: string) => l.shapes.filter((s): s is TextShape => s.kind === "text" && s.role === role);
    // The distance poster carries the slogan, the conduct as items and the measures, not the stance.
    expect(texts(a4, "stance").length).toBeGreaterThan(0);
    expect(texts(b2, "stance")).toEqual([]);
    expect(texts(b2, "conduct-item").map((t) => t.text).join("")).toBe(policy.distance.conduct!.join(""));
    expect(texts(b2, "message").map((t) => t.text).join("")).toBe(policy.message);
    expect(texts(b2, "message")[0]!.size).toBeGreaterThan(texts(a4, "message")[0]!.size * 2);
    // Sizes are not the A4's enlarged by the paper's ratio.
    const ratio = b2.width / a4.width;
    expect(texts(b2, "measure-text")[0]!.size / texts(a4, "measure-text")[0]!.size).not.toBeCloseTo(ratio, 1);
  });
});

describe("poster PDF", () => {
  it("has the pages of each size with the paper size in mm: the poster, its handout and its language page where they are needed", async () => {
    const asOf = { year: 2025, month: 3, day: 1 };
    const { pdf, pages } = await renderFacilityPosterFile(policy, counter, { asOf });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(pages.length);
    expect(pages.filter((p) => p.page === "poster").map((p) => p.size)).toEqual([...POSTER_SIZES]);
    // What the layout decides, page for page.
    const content = posterContent(policy, counter, { asOf });
    // A4 and A3 in the office layout (5 mm inside the paper's edge), B3 and B2 full-bleed.
    const margin = (size: string) => (size === "A4" || size === "A3" ? OFFICE_MARGIN_MM : 0);
    expect(pages.map((p) => `${p.size}:${p.page}`)).toEqual(POSTER_SIZES.flatMap((size) => layoutPosterPages(content, size, measure, { safeMargin: margin(size) }).map((l) => `${size}:${l.page}`)));
    // Full-bleed, the A4 poster leaves the conduct lines to a handout page.
    const fullBleed = await renderFacilityPosterFile(policy, counter, { asOf, sizes: ["A4"], posterLayout: "full-bleed" });
    expect(fullBleed.pages.map((p) => p.page)).toEqual(layoutPosterPages(content, "A4", measure).map((l) => l.page));
    expect(fullBleed.pages.map((p) => p.page)).toEqual(["poster", "text", "languages"]);
    pages.forEach(({ size }, i) => {
      const { width, height } = doc.getPage(i).getSize();
      const paper = posterPaper(size);
      expect(width / MM).toBeCloseTo(paper.width, 1);
      expect(height / MM).toBeCloseTo(paper.height, 1);
    });
  });

  it("adds 3 mm bleed, crop marks, TrimBox and BleedBox when asked", async () => {
    const doc = await PDFDocument.load(await renderPoster(policy, library, { size: "A3", bleed: true, cropMarks: true }));
    const trim = box(doc, 0, "TrimBox")!;
    const bleed = box(doc, 0, "BleedBox")!;
    expect((trim[2]! - trim[0]!) / MM).toBeCloseTo(297, 1);
    expect((trim[3]! - trim[1]!) / MM).toBeCloseTo(420, 1);
    expect((bleed[2]! - bleed[0]!) / MM).toBeCloseTo(303, 1);
    expect((trim[0]! - bleed[0]!) / MM).toBeCloseTo(3, 2);
    const media = doc.getPage(0).getSize();
    expect(media.width / MM).toBeGreaterThan(303 + 2 * 9);
    const plain = await PDFDocument.load(await renderPoster(policy, library, { size: "A3", bleed: true }));
    expect(plain.getPage(0).getSize().width / MM).toBeCloseTo(303, 1);
  });

  it.skipIf(!hasPoppler)("prints 「令和7年4月1日から」 beside phone recording when printed before it starts, nothing after; the same date gives the same bytes", async () => {
    const before = await renderPoster(policy, library, { size: "A4", asOf: { year: 2025, month: 3, day: 1 } });
    const again = await renderPoster(policy, library, { size: "A4", asOf: { year: 2025, month: 3, day: 1 } });
    const after = await renderPoster(policy, library, { size: "A4", asOf: { year: 2025, month: 4, day: 1 } });
    expect(Buffer.from(before).equals(Buffer.from(again))).toBe(true);
    expect(pdfText(before, 1)).toContain("令和7年4月1日から通話内容を録音させていただいております。");
    expect(pdfText(after, 1)).not.toContain("令和7年4月1日から");
    expect(pdfText(after, 1)).toContain("通話内容を録音させていただいております。");
  });

  it("is deterministic", async () => {
    const a = await renderPoster(policy, counter, { size: "A4" });
    const b = await renderPoster(policy, counter, { size: "A4" });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.skipIf(!hasPoppler)("prints the facility name and only the facility's measures", async () => {
    const bytes = await renderFacilityPosters(policy, library, { sizes: ["A4", "B2"], dateStyle: "era" });
    for (const page of [1, 2]) {
      const text = pdfText(bytes, page);
      expect(text).toContain("中央図書館");
      expect(text).toContain("令和6年11月1日");
      expect(text).toContain(policy.measures.police!.text);
      expect(text).toContain(policy.measures["record-phone"]!.text);
      for (const id of ["end-conversation", "legal-action", "record-counter", "pairs"] as const) {
        expect(text).not.toContain(policy.measures[id]!.text);
        expect(text).not.toContain(policy.measures[id]!.label);
      }
      expect(text).not.toContain("Tooutvisitors");
    }
    const withPanels = pdfText(await renderPoster(policy, counter, { size: "A4", dateStyle: "western" }));
    expect(withPanels).toContain("2024年11月1日");
    expect(withPanels).toContain("Tooursvisitors".replace("ours", "our"));
    expect(withPanels).toContain("Conversationsatthiscountermayberecorded.");
    expect(withPanels).not.toContain("Phonecallsarerecorded.");
    expect(withPanels).toContain("けいさつを");
  });

  it.skipIf(!hasPoppler)("renders every page with ink (pdftoppm)", async () => {
    const { pdf, pages } = await renderFacilityPosterFile(policy, counter);
    const file = join(work, "render.pdf");
    writeFileSync(file, pdf);
    execFileSync("pdftoppm", ["-r", "12", "-gray", file, join(work, "page")]);
    const rendered = readdirSync(work).filter((f) => f.startsWith("page") && f.endsWith(".pgm"));
    expect(rendered).toHaveLength(pages.length);
    for (const name of rendered) {
      const pixels = readFileSync(join(work, name));
      // P5 header, then one byte a pixel: a page with ink has dark pixels.
      expect(pixels.subarray(20).some((v) => v < 100), name).toBe(true);
    }
  });

  it("a custom background replaces the built-in design", async () => {
    const bg = await PDFDocument.create();
    const page = bg.addPage([297 * MM, 420 * MM]);
    page.drawRectangle({ x: 0, y: 0, width: 297 * MM, height: 420 * MM, borderWidth: 10 });
    const bytes = await renderPoster(policy, library, {
      size: "A3",
      background: { pdf: await bg.save(), contentBoxes: { A3: { x: 20, y: 20, width: 257, height: 380 } } },
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const content = posterContent(policy, library);
    const layout = layoutPoster(content, "A3", measure, { decorations: false, contentBox: { x: 20, y: 20, width: 257, height: 380 } });
    expect(layout.shapes.some((s) => s.kind === "rect" && s.decoration)).toBe(false);
    for (const s of layout.shapes) if (s.kind === "text") expect(s.x).toBeGreaterThanOrEqual(20);
  });

  it("refuses characters the fonts lack, naming them", async () => {
    const error = await thrownBy(() => renderPoster(policy, { ...library, name: "図書館 \u{1F600}" }, { size: "A4" }));
    expect(error.code).toBe("POSTER_MISSING_GLYPHS");
    expect(error.message).toMatch(/^「図書館 \u{1F600}」のポスターに、書体 \S+ にない文字があります：U\+1F600 \u{1F600}。施設一覧や方針ファイルのその文字を、ふつうの字体に直すか消してください。$/u);
    expect(error.format("en")).toMatch(/^図書館 \u{1F600}: \S+ has no glyph for U\+1F600/u);
  });

  it("refuses no sizes, a bleed that is not a number of mm, a content box that is not one", async () => {
    expect((await thrownBy(() => renderFacilityPosters(policy, library, { sizes: [] }))).code).toBe("POSTER_NO_SIZES");
    for (const bleed of [Number.POSITIVE_INFINITY, Number.NaN, -1, 1000]) {
      const error = await thrownBy(() => renderPoster(policy, library, { size: "A4", bleed }));
      expect(error.code).toBe("POSTER_BAD_BLEED");
      expect(error.message).toBe(`塗り足しは 0〜50 mm の数で指定してください（いまは ${bleed}）。`);
    }
    const bg = await PDFDocument.create();
    bg.addPage([297 * MM, 420 * MM]);
    const pdf = await bg.save();
    const error = await thrownBy(() => renderPoster(policy, library, { size: "A3", background: { pdf, contentBoxes: { A3: { x: 10, y: 10, width: Number.NaN, height: 100 } } } }));
    expect(error.code).toBe("POSTER_BAD_CONTENT_BOX");
    expect(error.message).toBe("A3 の文を置く範囲（contentBoxes）：文を置く範囲は x、y、width、height を mm の数で書いてください（例：{ x: 15, y: 40, width: 180, height: 230 }）。");
  });

  it.each([
    ["0 × 0", [0, 0]],
    ["0 × 420 mm", [0, 420 * MM]],
    ["larger than PDF allows", [20_000, 20_000]],
  ] as const)("refuses a background page of %s, naming the file (no infinite scale reaches the PDF)", async (_, size) => {
    const bg = await PDFDocument.create();
    bg.addPage([297 * MM, 420 * MM]);
    bg.addPage([size[0], size[1]]);
    const background = { pdf: await bg.save(), file: "art.pdf" };
    const error = await thrownBy(() => renderPoster(policy, library, { size: "A3", background }));
    expect(error).toBeInstanceOf(PosterBackgroundError);
    expect(error.code).toBe("POSTER_BACKGROUND_PAGE_SIZE");
    expect(error.file).toBe("art.pdf");
    expect(error.message).toBe(`art.pdf：背景の PDF の 2 ページ目の大きさが正しくありません（${size[0]} × ${size[1] === 0 ? 0 : Math.round(size[1] * 100) / 100} pt）。幅と高さのあるページで、デザインのソフトから PDF を書き出し直してください。`);
    await expect(checkPosterBackground(background)).rejects.toBeInstanceOf(PosterBackgroundError);
  });

  it("refuses a background that is no PDF, or a page it does not have", async () => {
    const broken = await thrownBy(() => renderPoster(policy, library, { size: "A3", background: { pdf: new TextEncoder().encode("no pdf"), file: "art.pdf" } }));
    expect(broken.code).toBe("POSTER_BACKGROUND_UNREADABLE");
    expect(broken.message).toMatch(/^art\.pdf：背景の PDF を読めません（.+）。壊れているか、PDF ではありません。デザインのソフトから PDF で書き出し直してください。$/);
    const bg = await PDFDocument.create();
    bg.addPage([297 * MM, 420 * MM]);
    const pdf = await bg.save();
    const missing = await thrownBy(() => renderPoster(policy, library, { size: "A3", background: { pdf, file: "art.pdf", pages: { A3: 1 } } }));
    expect(missing.code).toBe("POSTER_BACKGROUND_NO_PAGE");
    expect(missing.format("en")).toBe("art.pdf: the background PDF has no page 2 (it has 1); correct pages.A3 in the layout file");
  });
});
