import { readFileSync } from "node:fs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFName, rgb } from "pdf-lib";
import { BadgeRenderError, renderBadgeSheets, renderBadges } from "../../src/badges/render-badges.js";
import { parseTemplate } from "../../src/badges/template.js";
import { formatRowError } from "../../src/model.js";
import { bundledFontPath } from "../../src/pdf/fonts.js";
import { mmToPt } from "../../src/geometry/units.js";
import { charactersByGlyph, fontsByResourceName, pageContents, shownTexts } from "../pdf/pdf-inspect.js";
import { SAMPLE, staff } from "./staff-fixture.js";
import { thrownBy } from "../helpers/errors.js";

const originals = new Map<string, fontkit.Font>();
function original(baseFont: string): fontkit.Font {
  const name = baseFont.replace(/^[A-Z]{6}\+/, "");
  let font = originals.get(name);
  if (!font) originals.set(name, (font = fontkit.create(readFileSync(bundledFontPath(name)))));
  return font;
}

describe("renderBadges", () => {
  it("draws every character with the original font's outlines (glyph proof) and the right texts", async () => {
    const pdf = await renderBadges(SAMPLE, { template: "standard", sheet: "a4-10up" });
    const fonts = await fontsByResourceName(pdf);
    expect([...fonts.values()].map((f) => f.baseFont).sort()).toEqual([
      expect.stringMatching(/^[A-Z]{6}\+BIZUDPGothic-Bold$/),
      expect.stringMatching(/^[A-Z]{6}\+BIZUDPGothic-Regular$/),
    ]);
    const texts: string[] = [];
    for (const content of await pageContents(pdf)) {
      for (const shown of shownTexts(content)) {
        const embedded = fonts.get(shown.font)!;
        const reference = original(embedded.baseFont);
        const chars = charactersByGlyph(embedded.font);
        let text = "";
        for (const id of shown.glyphs) {
          const glyph = embedded.font.getGlyph(id);
          const char = chars.get(id);
          expect(char, `glyph ${id} shows a character`).toBeDefined();
          const expected = reference.glyphForCodePoint(char!.codePointAt(0)!);
          expect(glyph.path.toSVG(), `outline of ${char} in ${embedded.baseFont}`).toBe(expected.path.toSVG());
          expect(glyph.advanceWidth).toBe(expected.advanceWidth);
          text += char;
        }
        texts.push(text);
      }
    }
    for (const s of SAMPLE) {
      expect(texts).toContain(s.kana);
      expect(texts).toContain(s.romaji);
      if (s.record.department) expect(texts).toContain(s.record.department);
    }
    expect(texts).toHaveLength(SAMPLE.length * 3 - 1); // 林 has no 所属
  });

  it("keeps every text inside its box and condenses long names before shrinking", async () => {
    const pdf = await renderBadges(SAMPLE, { template: "single", sheet: "single" } as never).catch(() => null);
    expect(pdf).toBeNull(); // no template called single
    const result = await renderBadgeSheets(SAMPLE, { template: "standard", sheet: "single" });
    const fonts = await fontsByResourceName(result.pdf);
    const contents = await pageContents(result.pdf);
    // Text positions are relative to the badge (the page content translates to each cell).
    const kanaBox = { left: mmToPt(5), right: mmToPt(5 + 81) };
    let condensed = 0;
    for (const content of contents) {
      const [, kana] = shownTexts(content);
      const embedded = fonts.get(kana!.font)!;
      const width =
        (kana!.glyphs.reduce((sum, id) => sum + embedded.font.getGlyph(id).advanceWidth, 0) / embedded.font.unitsPerEm +
          0.04 * (kana!.glyphs.length - 1)) *
        kana!.size *
        kana!.scale;
      expect(kana!.x).toBeGreaterThanOrEqual(kanaBox.left - 0.01);
      expect(kana!.x + width).toBeLessThanOrEqual(kanaBox.right + 0.01);
      if (kana!.scale < 1) condensed++;
      expect(kana!.scale).toBeGreaterThanOrEqual(0.75);
    }
    expect(condensed).toBeGreaterThan(0);
    expect(result.warnings).toEqual([]);
  });

  it("sets page size, TrimBox and BleedBox for one-per-page badges with crop marks", async () => {
    const result = await renderBadgeSheets(SAMPLE.slice(0, 2), { template: "standard", sheet: "single" });
    const doc = await PDFDocument.load(result.pdf);
    expect(doc.getPageCount()).toBe(2);
    const page = doc.getPage(0);
    expect(page.getMediaBox().width).toBeCloseTo(mmToPt(121), 3);
    expect(page.getMediaBox().height).toBeCloseTo(mmToPt(85), 3);
    const trim = page.getTrimBox();
    expect(trim.x).toBeCloseTo(mmToPt(15), 2);
    expect(trim.width).toBeCloseTo(mmToPt(91), 2);
    expect(trim.height).toBeCloseTo(mmToPt(55), 2);
    const bleed = page.getBleedBox();
    expect(bleed.x).toBeCloseTo(mmToPt(12), 2);
    expect(bleed.width).toBeCloseTo(mmToPt(97), 2);
    const a4 = await PDFDocument.load(await renderBadges(SAMPLE, { template: "standard", sheet: "a4-10up" }));
    expect(a4.getPageCount()).toBe(2);
    expect(a4.getPage(0).getSize().width).toBeCloseTo(mmToPt(210), 3);
    expect(a4.getPage(0).getSize().height).toBeCloseTo(mmToPt(297), 3);
  });

  it("is byte-identical for identical input and options", async () => {
    const options = { template: "standard-duplex", sheet: "a4-10up", duplex: true, cutGuides: true, offsetX: 0.5 } as const;
    const a = await renderBadges(SAMPLE, options);
    const b = await renderBadges([...SAMPLE].reverse(), options);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.from(a).toString("latin1")).not.toMatch(/CreationDate|ModDate/);
  });

  it("puts each back, with the template's back side, behind its front (mirrored)", async () => {
    const template = parseTemplate({
      name: "two-sided",
      width: 91,
      height: 55,
      fields: [{ source: "kana", x: 5, y: 10, width: 81, height: 25, font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 } }],
      back: { fields: [{ source: "romaji", x: 5, y: 20, width: 81, height: 15, font: "BIZUDPGothic-Regular", sizePt: { max: 20, min: 10 } }] },
    });
    const pdf = await renderBadges(SAMPLE.slice(0, 3), { template, sheet: "a4-10up", startAt: 2 });
    const [front, back] = await pageContents(pdf);
    const origins = (content: string) => [...content.matchAll(/^q 1 0 0 1 ([\d.]+) ([\d.]+) cm$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    const fronts = origins(front!);
    const backs = origins(back!);
    expect(fronts).toHaveLength(3);
    expect(backs).toHaveLength(3);
    const pageWidth = mmToPt(210);
    fronts.forEach(([x, y], i) => {
      expect(backs[i]![0]).toBeCloseTo(pageWidth - x! - mmToPt(91), 2);
      expect(backs[i]![1]).toBeCloseTo(y!, 2);
    });
    // start at cell 2: the first front is in the right column, its back in the left one
    expect(fronts[0]![0]).toBeCloseTo(mmToPt(105), 2);
    expect(backs[0]![0]).toBeCloseTo(mmToPt(14), 2);
    const fonts = await fontsByResourceName(pdf);
    const fontOf = (content: string) => new Set(shownTexts(content).map((t) => fonts.get(t.font)!.baseFont.replace(/^[A-Z]{6}\+/, "")));
    expect(fontOf(front!)).toEqual(new Set(["BIZUDPGothic-Bold"]));
    expect(fontOf(back!)).toEqual(new Set(["BIZUDPGothic-Regular"]));
  });

  it("orders by 所属 then kana", async () => {
    const pdf = await renderBadges(SAMPLE, { template: "standard", sheet: "a4-10up" });
    const fonts = await fontsByResourceName(pdf);
    const bold = [...fonts.entries()].find(([, f]) => f.baseFont.endsWith("Bold"))![0];
    const kana: string[] = [];
    for (const content of await pageContents(pdf)) {
      for (const shown of shownTexts(content)) {
        if (shown.font !== bold) continue;
        const chars = charactersByGlyph(fonts.get(bold)!.font);
        kana.push(shown.glyphs.map((id) => chars.get(id)).join(""));
      }
    }
    // 税務課 group: いがらし, いとう, おおの in kana order; はやし (no 所属) last
    const i = kana.indexOf("いがらし");
    expect(kana.slice(i, i + 3)).toEqual(["いがらし", "いとう", "おおの"]);
    expect(kana.at(-1)).toBe("はやし");
  });

  it("names the row and character a font lacks, and still prints the others", async () => {
    const template = parseTemplate({
      name: "kanji",
      width: 91,
      height: 55,
      fields: [
        { source: "surname", x: 5, y: 5, width: 81, height: 20, font: "BIZUDGothic-Bold", sizePt: { max: 40, min: 20 } },
        { source: "kana", x: 5, y: 30, width: 81, height: 20, font: "BIZUDGothic-Bold", sizePt: { max: 40, min: 20 } },
      ],
    });
    const people = [...SAMPLE.slice(0, 3), staff(42, "𠮷田", "よしだ", "Yoshida", "総務課")];
    const result = await renderBadgeSheets(people, { template, sheet: "a4-10up" });
    expect(result.badges).toBe(3);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 42, sheetRow: 43, column: "surname", code: "BADGE_MISSING_GLYPH" });
    expect(formatRowError(result.errors[0]!)).toBe(
      "43 行目・「surname」列：𠮷田　太郎：「surname」の「𠮷田」：フォント BIZUDGothic-Bold に U+20BB7 𠮷 の字がありません。" +
        "この名札は印刷しません。その字のあるフォントを選ぶか、名簿の字を直してください（例：標準の字体にする）。",
    );
    expect(formatRowError(result.errors[0]!, "en")).toBe(
      'row 43, column surname: 𠮷田　太郎: surname "𠮷田": the font BIZUDGothic-Bold has no glyph for U+20BB7 𠮷 — choose a font that has it, or correct the roster (e.g. a standard form of the character)',
    );
    const error = await thrownBy(() => renderBadges(people, { template, sheet: "a4-10up" }));
    expect(error).toBeInstanceOf(BadgeRenderError);
    expect(error.code).toBe("BADGES_UNPRINTABLE");
    expect((error as BadgeRenderError).errors).toHaveLength(1);
    expect(error.message).toBe(`印刷できない名札が 1 枚あります。\n  ・${formatRowError(result.errors[0]!)}`);
    expect(error.format("en")).toBe(`1 badge(s) cannot be printed:\n  - ${formatRowError(result.errors[0]!, "en")}`);
  });

  it("warns, naming the row and column, when a text is condensed past the template's floor at its smallest size", async () => {
    const template = parseTemplate({
      name: "narrow",
      width: 91,
      height: 55,
      fields: [{ source: "kana", x: 5, y: 5, width: 20, height: 20, font: "BIZUDPGothic-Bold", sizePt: { max: 30, min: 20 } }],
    });
    const result = await renderBadgeSheets([staff(3, "左衛門三郎", "さえもんさぶろう", "Saemonsaburo", "総務課")], { template, sheet: "a4-10up" });
    expect(result.badges).toBe(1);
    expect(result.warnings).toHaveLength(1);
    const [warning] = result.warnings;
    expect(warning).toMatchObject({ row: 3, sheetRow: 4, column: "kana", code: "WARN_BADGE_CONDENSED" });
    const percent = (warning!.params as { percent: number }).percent;
    expect(percent).toBeLessThan(75);
    expect(formatRowError(warning!)).toBe(
      `4 行目・「kana」列：「さえもんさぶろう」は、いちばん小さい 20 pt でも幅 20 mm の枠に入らないため、横幅を ${percent}% まで縮めました（名札の型の下限より細くなっています）。印刷して読めるか確かめてください。`,
    );
    expect(formatRowError(warning!, "en")).toBe(`row 4, column kana: kana "さえもんさぶろう" is condensed to ${percent}% at 20 pt to fit its 20 mm box`);
  });

  it("draws the base character of a variation sequence, never a .notdef box", async () => {
    const template = parseTemplate({
      name: "kanji",
      width: 91,
      height: 55,
      fields: [{ source: "所属", x: 5, y: 5, width: 81, height: 20, font: "BIZUDGothic-Regular", sizePt: { max: 20, min: 8 } }],
    });
    const pdf = await renderBadges([staff(1, "葛城", "かつらぎ", "Katsuragi", "葛\u{E0100}城課\u200b")], { template, sheet: "a4-1up" });
    const [content] = await pageContents(pdf);
    const [shown] = shownTexts(content!);
    expect(shown!.glyphs).toHaveLength(3);
    expect(shown!.glyphs).not.toContain(0);
  });

  it("takes boxes from a background PDF's form fields and drops the form", async () => {
    const folder = mkdtempSync(join(tmpdir(), "nafuda-bg-"));
    const bg = await PDFDocument.create();
    const page = bg.addPage([mmToPt(91), mmToPt(55)]);
    page.drawRectangle({ x: 0, y: mmToPt(47), width: mmToPt(91), height: mmToPt(8), color: rgb(0, 0.4, 0.3) });
    const form = bg.getForm();
    const kana = form.createTextField("kana");
    kana.addToPage(page, { x: mmToPt(10), y: mmToPt(20), width: mmToPt(60), height: mmToPt(18) });
    const romaji = form.createTextField("romaji");
    romaji.addToPage(page, { x: mmToPt(10), y: mmToPt(8), width: mmToPt(60), height: mmToPt(9) });
    writeFileSync(join(folder, "bg.pdf"), await bg.save());
    writeFileSync(
      join(folder, "city.json"),
      JSON.stringify({
        name: "city",
        width: 91,
        height: 55,
        background: "bg.pdf",
        fields: [
          { source: "kana", font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 } },
          { source: "romaji", font: "BIZUDPGothic-Regular", sizePt: { max: 16, min: 9 } },
        ],
      }),
    );
    const pdf = await renderBadges(SAMPLE.slice(0, 1), { template: join(folder, "city.json"), sheet: "a4-1up" });
    const out = await PDFDocument.load(pdf);
    expect(out.catalog.get(PDFName.of("AcroForm"))).toBeUndefined();
    expect(out.getPage(0).node.Annots()).toBeUndefined();
    const [content] = await pageContents(pdf);
    expect(content).toMatch(/\/B1 Do/);
    const [kanaText] = shownTexts(content!);
    // The kana box is x 10–70 mm from the badge's left (text positions are relative to the badge).
    expect(kanaText!.x).toBeGreaterThanOrEqual(mmToPt(10) - 0.01);
    expect(kanaText!.x).toBeLessThan(mmToPt(40));
    expect(content).toMatch(/^q 1 0 0 1 168\.661 342\.992 cm$/m); // badge at (59.5, 121) mm on A4
    expect(kanaText!.size).toBeLessThanOrEqual(40);
  });
});
