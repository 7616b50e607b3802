import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRoster } from "../../src/roster/load-roster.js";
import { createReadingResolver, resolveReadings } from "../../src/readings/resolve.js";
import { renderBadgeSheets } from "../../src/badges/render-badges.js";
import type { StaffReading } from "../../src/model.js";
import { badgePdfToSvg } from "../../src/serve/badge-svg.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const ONE_BADGE = { name: "preview", columns: 1, rows: 1, marginTop: 0, marginLeft: 0 };

async function nakajima(): Promise<StaffReading> {
  const roster = await loadRoster(join(ROOT, "examples/roster.csv"));
  const { staff } = await resolveReadings(roster.records.filter((r) => r.row === 21), createReadingResolver({ analyzer: false }));
  return staff[0]!;
}

describe("badgePdfToSvg: the preview is drawn from the badge PDF itself", () => {
  it("draws every glyph renderBadges placed, at the badge's size", async () => {
    const person = await nakajima();
    const { pdf } = await renderBadgeSheets([person], { template: "standard", sheet: ONE_BADGE, order: "input" });
    const drawn = await badgePdfToSvg(pdf);
    expect(drawn.widthMm).toBeCloseTo(91, 3);
    expect(drawn.heightMm).toBeCloseTo(55, 3);
    // 所属 市民病院, kana なかじま, romaji Nakajima
    expect(drawn.glyphs).toBe(4 + 4 + 8);
    expect(drawn.notShown).toEqual([]);
    expect(drawn.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 257\.9528 155\.9055"/);
    // The template's colours: #333333 for 所属 and romaji, black for the kana.
    expect(drawn.svg.match(/fill="#333333"/g)).toHaveLength(12);
    expect(drawn.svg.match(/fill="#000000"/g)).toHaveLength(4);
    expect(drawn.svg).not.toMatch(/<script|<text|href="http/);
  });

  it("draws a template's vector artwork (band.pdf, CMYK) with its clipping", async () => {
    const person = await nakajima();
    const { pdf } = await renderBadgeSheets([person], { template: "band", sheet: ONE_BADGE, order: "input", duplex: false });
    const drawn = await badgePdfToSvg(pdf);
    expect(drawn.notShown).toEqual([]);
    expect(drawn.glyphs).toBe(16);
    expect(drawn.svg).toContain("<clipPath");
    // The band is CMYK 85/10/55/10: on screen the teal it prints as (not the naive bright green).
    expect(drawn.svg).toContain('fill="#279880"');
    // 所属 is white on the band.
    expect(drawn.svg.match(/fill="#ffffff"/g)!.length).toBeGreaterThanOrEqual(4);
  });
});
