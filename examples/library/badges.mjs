// @ts-check
// Badges from the library, as a city's own script would make them: the built-in templates, the band template on its
// artwork, and a template of the city's own made from data. Run it from the package (or after `npm run build`):
//   node examples/library/badges.mjs [output folder]
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadRoster, createReadingResolver, resolveReadings, renderBadges, renderBadgeSheets, loadTemplate, createTemplate, sheetPreset } from "nafuda";

const here = (/** @type {string} */ name) => new URL(`../${name}`, import.meta.url).pathname;
const out = process.argv[2] ?? "out/library-example";
await mkdir(out, { recursive: true });

// Readings with the confirmed file: nothing is printed that still needs review.
const roster = await loadRoster(here("roster.xlsx"));
const { staff } = await resolveReadings(roster.records, createReadingResolver({ overrides: here("confirmed-readings.csv") }));
const unreviewed = staff.filter((person) => person.review);
if (unreviewed.length > 0) throw new Error(`${unreviewed.length} readings still need review`);

// 1. The standard 名刺 badge, A4 10-up (A-One 名刺10面 type).
const badges = await renderBadges(staff, { template: await loadTemplate("standard"), sheet: sheetPreset("a4-10up") });
await writeFile(join(out, "badges.pdf"), badges);

// 2. The band template: text set over a city's artwork PDF, the boxes taken from the PDF's form fields.
const band = await renderBadgeSheets(staff.slice(0, 10), { template: "band", sheet: "a4-10up" });
await writeFile(join(out, "badges-band.pdf"), band.pdf);

// 3. A template of the city's own, from data (checked like a template file: one TemplateError lists every problem).
const own = createTemplate({
  name: "みどり市 窓口",
  width: 91,
  height: 55,
  background: new URL("../../templates/badges/band.pdf", import.meta.url).pathname, // the city's artwork, page 1
  fields: [
    { source: "kana", x: 6, y: 14, width: 79, height: 22, font: "BIZUDPGothic-Bold", sizePt: { max: 50, min: 28 } },
    { source: "romaji", x: 6, y: 38, width: 79, height: 10, font: "BIZUDPGothic-Regular", sizePt: { max: 18, min: 10 }, colour: "#333333" },
  ],
});
const mine = await renderBadgeSheets(staff.slice(0, 4), { template: own, sheet: "single", cropMarks: true });
await writeFile(join(out, "badges-own.pdf"), mine.pdf);

console.log(`${staff.length} badges (${badges.length} bytes), ${band.badges} on the band template, ${mine.badges} on the city's own, in ${out}`);
