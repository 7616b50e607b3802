// Badges and posters from the library, as a city's own script would make them.
// Run after `npm ci` (which builds dist/):  node examples/badges-and-posters.mjs [output folder]
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  loadRoster, createReadingResolver, resolveReadings, renderBadges, loadTemplate, sheetPreset,
  loadPolicy, readFacilities, renderFacilityPosters,
} from "nafuda";

const here = (name) => new URL(`./${name}`, import.meta.url).pathname;
const out = process.argv[2] ?? "out/library-example";
await mkdir(out, { recursive: true });

// Badges: readings with the confirmed file, then A4 10-up with the built-in standard template.
const roster = await loadRoster(here("roster.xlsx"));
const { staff } = await resolveReadings(roster.records, createReadingResolver({ overrides: here("confirmed-readings.csv") }));
const unreviewed = staff.filter((person) => person.review);
if (unreviewed.length > 0) throw new Error(`${unreviewed.length} readings still need review`);
const badges = await renderBadges(staff, { template: await loadTemplate("standard"), sheet: sheetPreset("a4-10up") });
await writeFile(join(out, "badges.pdf"), badges);

// Posters: the first facility of the list, every size it orders, one page each.
const policy = await loadPolicy(here("policy.yaml"));
const { facilities } = await readFacilities(here("facilities.csv"), { policy });
const posters = await renderFacilityPosters(policy, facilities[0], { dateStyle: "era" });
await writeFile(join(out, "poster.pdf"), posters);

console.log(`${staff.length} badges (${badges.length} bytes) and ${facilities[0].sizes.join("+")} posters for ${facilities[0].name} in ${out}`);
