/**
 * The distance rule measured on rendered pages: the message's ink, as pdftoppm draws it, is at least 4 mm tall per
 * metre of the size's reading distance (A4 3 m → 12 mm, A3 4 m → 16 mm, B3 6 m → 24 mm, B2 8 m → 32 mm); the QR
 * code scans back to the policy's address.
 */
import jsQRModule from "jsqr";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { readFacilities } from "../../src/posters/facilities.js";
import { mmPerPt, type TextShape } from "../../src/posters/layout.js";
import { characterHeightMm, KI_HEIGHT_EM, MESSAGE_DISTANCE_M, MM_PER_METRE, readingDistance, sizeForDistance } from "../../src/posters/legibility.js";
import { loadPolicy } from "../../src/posters/policy.js";
import { layoutFacilityPosters, renderFacilityPosterFile } from "../../src/posters/render.js";
import { POSTER_SIZES } from "../../src/posters/sizes.js";
import { hasPoppler, inkRows, renderGrey, rgba } from "./rendered.js";

const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const { facilities } = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
const asOf = { year: 2025, month: 3, day: 1 };
/** Resolution per size: about 0.25–0.85 mm a pixel, fine enough to tell 12 mm from 11. */
const DPI = { A4: 100, A3: 100, B3: 72, B2: 50 } as const;
/** Half-way between the message's ink (grey ≈ 84) and paper: a pixel at least half covered counts. */
const HALF_INK = 170;

/** jsqr is CommonJS: its default export is the function under Node's ESM loader, or its `default` under TypeScript's view. */
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

describe("the distance rule", () => {
  it("is 4 mm of character height (「木」) per metre: 12 mm at 3 m is a 35.7 pt type in BIZ UD Gothic", () => {
    expect(sizeForDistance(3)).toBeCloseTo(35.78, 1);
    expect(characterHeightMm(sizeForDistance(8))).toBeCloseTo(32, 6);
    expect(readingDistance(12)).toBeCloseTo(1.0, 1); // 12 pt body reads from about 1 m
    expect(KI_HEIGHT_EM).toBeCloseTo(0.95, 2);
  });

  it.skipIf(!hasPoppler)("holds on the rendered poster of every size: the message's ink is tall enough, and no other line is as tall", async () => {
    const facility = facilities.find((f) => f.name === "本庁舎 市民課窓口")!;
    const options = { asOf, sizes: POSTER_SIZES };
    const { pdf } = await renderFacilityPosterFile(policy, facility, options);
    const { pages } = await layoutFacilityPosters(policy, facility, options);
    for (const [index, plan] of pages.entries()) {
      if (plan.page !== "poster") continue;
      const page = renderGrey(pdf, index + 1, DPI[plan.size]);
      const texts = plan.layout.shapes.filter((s): s is TextShape => s.kind === "text");
      const message = texts.filter((t) => t.role === "message");
      expect(message.length, plan.size).toBeGreaterThan(0);
      const need = MM_PER_METRE * MESSAGE_DISTANCE_M[plan.size];
      for (const line of message) {
        const em = line.size * mmPerPt;
        const ink = inkRows(page, { x: line.x, y: line.y - em, width: 0.99 * em * [...line.text].length, height: em * 1.1 }, HALF_INK)!;
        const height = ink.bottom - ink.top;
        expect(height, `${plan.size} 「${line.text}」 ${height.toFixed(1)} mm`).toBeGreaterThanOrEqual(need);
        // And the ink is the type's: not more than the em (nothing else in the strip).
        expect(height).toBeLessThan(em * 1.05);
      }
      // Every other line's ink is lower than the message's (the hierarchy a visitor sees).
      const messageInk = Math.min(...message.map((line) => { const em = line.size * mmPerPt; const ink = inkRows(page, { x: line.x, y: line.y - em, width: em * 4, height: em * 1.1 }, HALF_INK)!; return ink.bottom - ink.top; }));
      for (const t of texts.filter((x) => x.role !== "message").slice(0, 40)) {
        const em = t.size * mmPerPt;
        const ink = inkRows(page, { x: t.x, y: t.y - em * 0.9, width: Math.min(em * 3, plan.layout.width - t.x - 1), height: em * 1.0 }, 100);
        if (ink) expect(ink.bottom - ink.top, `${plan.size} ${t.role} 「${t.text}」`).toBeLessThan(messageInk);
      }
    }
  });
});

describe("the link to the full policy", () => {
  it.skipIf(!hasPoppler)("is a QR code that scans back to the policy's address, on the A4 and on the B2", async () => {
    const hall = facilities.find((f) => f.name === "市民ホール")!;
    for (const size of ["A4", "B2"] as const) {
      const { pdf, pages } = await renderFacilityPosterFile(policy, hall, { asOf, sizes: [size] });
      expect(pages[0]!.page).toBe("poster");
      const page = renderGrey(pdf, 1, size === "A4" ? 150 : 60);
      const code = jsQR(rgba(page), page.width, page.height);
      expect(code?.data, size).toBe(policy.url);
    }
  });
});
