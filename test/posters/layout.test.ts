/**
 * The rules of issue 14 asserted on the laid-out text of every size: the message's size by the distance rule,
 * type sizes (A4 body ≥ 12 pt), widows, katakana words and numbers split, kinsoku, nothing outside the trim's
 * safe area, no two lines on top of each other — with the example policy and facilities, and with long, awkward
 * policies made up by fast-check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFont } from "../../src/pdf/fonts.js";
import { bundledPath } from "../../src/package-root.js";
import { posterContent, type PosterContent } from "../../src/posters/content.js";
import { readFacilities, toFacility, type Facility } from "../../src/posters/facilities.js";
import { FONT_FILES, layoutPosterPages, mmPerPt, type FontRole, type PosterLayout, type TextShape } from "../../src/posters/layout.js";
import { characterHeightMm, MESSAGE_DISTANCE_M, messageDistance, MM_PER_METRE } from "../../src/posters/legibility.js";
import { loadPolicy, type PosterPolicy } from "../../src/posters/policy.js";
import { measurerFor } from "../../src/posters/render.js";
import { POSTER_SIZES, type PosterSize } from "../../src/posters/sizes.js";
import { isOnePiece, isWidow, kinsokuViolations, splitWords, widowUnavoidable } from "./typography.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const { facilities } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
const faces = Object.fromEntries(await Promise.all((Object.keys(FONT_FILES) as FontRole[]).map(async (r) => [r, await loadFont(FONT_FILES[r])]))) as Record<FontRole, Uint8Array>;
const measure = measurerFor(faces);
const asOf = { year: 2025, month: 3, day: 1 };

const texts = (layout: PosterLayout) => layout.shapes.filter((s): s is TextShape => s.kind === "text");
const width = (t: TextShape) => measure(t.text, t.font, t.size) * t.scaleX;

/** The lines of each paragraph, in order. */
function paragraphs(layout: PosterLayout): TextShape[][] {
  const byPara = new Map<number, TextShape[]>();
  for (const t of texts(layout)) {
    if (t.para === undefined) continue;
    byPara.set(t.para, [...(byPara.get(t.para) ?? []), t]);
  }
  return [...byPara.values()].map((lines) => lines.sort((a, b) => a.line! - b.line!));
}

/** Every text the content gives, to find the source of a paragraph (what was written, spaces included). */
function sources(content: PosterContent): string[] {
  return [
    content.title, content.subtitle ?? "", content.message ?? "", content.slogan, ...content.distanceConduct, content.stance, content.conductHeading,
    ...content.conduct.flatMap((c) => [c.label, c.text]), content.measuresHeading, ...content.measures.flatMap((m) => [m.label, m.text, m.from ?? ""]),
    `${content.date} 施行`, content.issuer, content.signature ?? "", content.facilityName, content.url ?? "", "基本方針の全文はこちら",
    ...(content.contact ?? "").split("\n"), ...content.panels.flatMap((p) => [p.title, p.text, ...p.lines]),
  ].filter(Boolean);
}

const visible = (text: string) => text.replace(/[ \t\u3000\u200b]/g, "");

/** Every rule, for one page; returns what is broken (empty when all hold). */
function problems(layout: PosterLayout, content: PosterContent): string[] {
  const bad: string[] = [];
  const all = texts(layout);
  const src = sources(content);
  const minBody = layout.size === "A4" ? 12 : layout.size === "A3" ? 12 : 0;
  for (const t of all) {
    if (t.size < minBody - 1e-9) bad.push(`${layout.size} ${t.role} "${t.text}" at ${t.size.toFixed(2)} pt`);
    const em = t.size * mmPerPt;
    if (t.x < 3 - 1e-6 || t.x + width(t) > layout.width - 3 + 1e-6 || t.y - em * 0.88 < 3 - 1e-6 || t.y + em * 0.12 > layout.height - 3 + 1e-6) bad.push(`${layout.size} "${t.text}" leaves the safe area`);
    if (t.scaleX < 0.8 - 1e-9) bad.push(`${layout.size} "${t.text}" condensed to ${t.scaleX}`);
  }
  // No two lines on top of each other.
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      const [ea, eb] = [a.size * mmPerPt, b.size * mmPerPt];
      const overlapX = Math.min(a.x + width(a), b.x + width(b)) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + ea * 0.1, b.y + eb * 0.1) - Math.max(a.y - ea * 0.85, b.y - eb * 0.85);
      if (overlapX > 0.3 && overlapY > 0.3) bad.push(`${layout.size} "${a.text}" and "${b.text}" overlap`);
    }
  }
  for (const lines of paragraphs(layout)) {
    const text = lines.map((l) => l.text);
    const t0 = lines[0]!;
    const box = t0.box!;
    const m = (s: string) => measure(s, t0.font, t0.size);
    const source = src.find((s) => visible(s) === visible(text.join(""))) ?? text.join("");
    const words = /^panel-|^bullet/.test(t0.role);
    bad.push(...kinsokuViolations(text).map((v) => `${layout.size} ${t0.role}: ${v}`));
    bad.push(...splitWords(text, box, m, source).map((v) => `${layout.size} ${t0.role}: ${v}`));
    if (isWidow(text) && !widowUnavoidable(source, box, m, words)) bad.push(`${layout.size} ${t0.role}: widow ${JSON.stringify(text)}`);
    for (const line of lines) if (m(line.text) > box + 1e-6 && !isOnePiece(line.text, box, m, words)) bad.push(`${layout.size} ${t0.role}: "${line.text}" wider than its box`);
  }
  return bad;
}

describe("posters of the example city, every size (issue 14)", () => {
  for (const size of POSTER_SIZES) {
    it(`${size}: the message is the largest type and reads from ${MESSAGE_DISTANCE_M[size]} m; sizes, widows, splits and kinsoku hold on every page`, () => {
      for (const facility of facilities) {
        const content = posterContent(policy, facility, { asOf });
        const pages = layoutPosterPages(content, size, measure);
        for (const page of pages) {
          expect(page.overflow, `${facility.name} ${size} ${page.page}`).toBe(false);
          expect(problems(page, content), `${facility.name} ${size} ${page.page}`).toEqual([]);
        }
        const poster = pages[0]!;
        const message = texts(poster).filter((t) => t.role === "message");
        expect(message.map((t) => t.text).join("")).toBe(size === "A4" || size === "A3" ? policy.message : content.slogan);
        const largest = Math.max(...texts(poster).filter((t) => t.role !== "message").map((t) => t.size));
        for (const line of message) {
          expect(line.size).toBeGreaterThan(largest);
          // 文字高 (the height of 「木」) at least 4 mm per metre of the size's reading distance.
          expect(characterHeightMm(line.size, measure.kiHeight!("display"))).toBeGreaterThanOrEqual(MM_PER_METRE * MESSAGE_DISTANCE_M[size]);
        }
      }
    });
  }

  it("A4 and A3 carry the whole text (on the poster, or the A4 handout after it); B3 and B2 are the distance poster", () => {
    for (const facility of facilities) {
      const content = posterContent(policy, facility, { asOf });
      for (const size of POSTER_SIZES) {
        const pages = layoutPosterPages(content, size, measure);
        const all = pages.flatMap(texts);
        const joined = (role: string) => all.filter((t) => t.role === role).map((t) => t.text).join("");
        if (size === "A4" || size === "A3") {
          expect(pages[0]!.design).toBe("full");
          expect(joined("stance")).toContain(visible(content.stance).slice(0, 20));
          for (const item of content.conduct) expect(joined("conduct-text")).toContain(item.text.replace(/\s/g, ""));
          if (pages[0]!.conductDetail === "labels") expect(pages.map((p) => p.page)).toContain("text");
        } else {
          expect(pages[0]!.design).toBe("distance");
          expect(joined("stance")).toBe("");
          expect(all.filter((t) => t.role === "conduct-item").map((t) => t.text).join("")).toBe(content.distanceConduct.join(""));
        }
        // The measures, the date and the issuer on every poster; the panels somewhere when asked for.
        const poster = texts(pages[0]!);
        expect(poster.filter((t) => t.role === "measure-label").length).toBeGreaterThanOrEqual(content.measures.length);
        expect(poster.some((t) => t.role === "date" && t.text.includes(content.date))).toBe(true);
        expect(poster.some((t) => t.role === "issuer")).toBe(true);
        for (const panel of content.panels) expect(all.some((t) => t.role === `panel-${panel.language}-title`), `${facility.name} ${size} ${panel.language}`).toBe(true);
      }
    }
  });

  it("A4 body text is 12 pt or more, the language panels too (on the poster or a page of their own)", () => {
    const counter = facilities.find((f) => f.name === "本庁舎 市民課窓口")!;
    const pages = layoutPosterPages(posterContent(policy, counter, { asOf }), "A4", measure);
    const body = pages.flatMap(texts).filter((t) => /^(stance|conduct-text|measure-text|contact|date|url|panel-)/.test(t.role));
    expect(body.length).toBeGreaterThan(20);
    expect(Math.min(...body.map((t) => t.size))).toBeGreaterThanOrEqual(12);
    expect(pages.map((p) => p.page)).toEqual(["poster", "text", "languages"]);
  });

  it("marks the phone recording 「令和7年4月1日から」 on a poster printed before it starts, and not after", () => {
    const tax = facilities.find((f) => f.name === "本庁舎 税務課窓口")!;
    for (const size of POSTER_SIZES) {
      const before = texts(layoutPosterPages(posterContent(policy, tax, { asOf }), size, measure)[0]!);
      expect(before.filter((t) => t.role === "measure-from").map((t) => t.text).join("")).toBe("令和7年4月1日から");
      const after = texts(layoutPosterPages(posterContent(policy, tax, { asOf: { year: 2025, month: 4, day: 1 } }), size, measure)[0]!);
      expect(after.filter((t) => t.role === "measure-from")).toEqual([]);
    }
  });

  it("A3 may be the distance poster when chosen", () => {
    const hall = facilities.find((f) => f.name === "市民ホール")!;
    const page = layoutPosterPages(posterContent(policy, hall, { asOf }), "A3", measure, { design: "distance" })[0]!;
    expect(page.design).toBe("distance");
    // Hung further away than at a counter: the slogan reads from 5 m.
    expect(messageDistance("A3", "distance")).toBe(5);
    for (const line of texts(page).filter((t) => t.role === "message")) expect(characterHeightMm(line.size)).toBeGreaterThanOrEqual(MM_PER_METRE * 5);
    expect(texts(page).some((t) => t.role === "conduct-item")).toBe(true);
    expect(problems(page, posterContent(policy, hall, { asOf }))).toEqual([]);
  });

  it("prints the link as a QR code with the address beside it", () => {
    const page = layoutPosterPages(posterContent(policy, facilities[0]!, { asOf }), "A4", measure)[0]!;
    const qr = page.shapes.find((s) => s.kind === "qr");
    expect(qr && qr.kind === "qr" && qr.text).toBe(policy.url);
    expect(texts(page).filter((t) => t.role === "url").map((t) => t.text).join("")).toBe(policy.url);
    expect(qr?.kind === "qr" && qr.size / (qr.matrix.count + 8)).toBeGreaterThanOrEqual(0.5);
  });
});

/** Awkward text: long katakana words, numbers, brackets, long compounds. */
const PIECES = [
  "職員", "市民", "窓口", "対応", "要求", "の", "に", "は", "を", "します", "。", "、", "・", "センター", "カスタマーハラスメント",
  "ソーシャルネットワーキングサービス", "コミュニケーション", "0120-000-000", "8:30〜17:15", "（", "）", "「", "」", "令和7年4月1日",
  "国民健康保険料", "相談", "SNS", "ください", "あります", "ます", "る", "ー",
];
const awkward = (min: number, max: number) => fc.array(fc.constantFrom(...PIECES), { minLength: min, maxLength: max }).map((p) => p.join(""));

const policyArb = fc.record({
  title: awkward(3, 14),
  message: awkward(3, 12),
  stance: awkward(10, 90),
  conduct: fc.array(fc.record({ label: awkward(1, 6), text: awkward(3, 16) }), { minLength: 1, maxLength: 10 }),
  measure: awkward(3, 16),
  facility: awkward(2, 10),
});

describe("posters of long, awkward policies (property)", () => {
  it("either keep every rule on every size or say the text is too long", () => {
    fc.assert(
      fc.property(policyArb, (made) => {
        const p: PosterPolicy = {
          ...policy,
          title: made.title,
          message: made.message,
          stance: made.stance,
          conduct: made.conduct,
          distance: { slogan: null, conduct: null },
          measures: { police: { label: "警察への通報", text: made.measure, from: null, sign: null }, "record-phone": { ...policy.measures["record-phone"]!, text: made.measure } },
        };
        const facility: Facility = toFacility({ name: made.facility, measures: ["police", "record-phone"], languages: ["ja", "en"] });
        const content = posterContent(p, facility, { asOf });
        for (const size of POSTER_SIZES as readonly PosterSize[]) {
          for (const page of layoutPosterPages(content, size, measure)) {
            if (page.overflow) continue; // the renderer refuses it (POSTER_TEXT_TOO_LONG), tested in render.test.ts
            expect(problems(page, content), `${size} ${page.page}`).toEqual([]);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
