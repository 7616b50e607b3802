// @ts-check
// Readings from a roster, as another city's program makes them: roster in, readings with where each came from out,
// then the review sheet for Excel. Run it from the package (or after `npm run build` in a clone):
//   node examples/library/readings.mjs [output folder]
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadRoster, createReadingResolver, resolveReadings, reviewReport, reviewSheetXlsx, formatMessage } from "nafuda";
import { romanize, romajiFitsKana } from "nafuda/romaji";
import { toHiragana } from "nafuda/kana";

const here = (/** @type {string} */ name) => new URL(`../${name}`, import.meta.url).pathname;
const out = process.argv[2] ?? "out/library-example";
await mkdir(out, { recursive: true });

// A CSV in Shift_JIS as Excel saves it; XLSX and JSON read the same way.
const roster = await loadRoster(here("roster.csv"));
const resolver = createReadingResolver({
  overrides: here("confirmed-readings.csv"), // one file, several, or a folder of corrected review sheets
  romaji: "passport", // or "hepburn", "kunrei", "kana"
  romajiCase: "title", // Matsuno; "upper" gives MATSUNO
});
const { staff, errors } = await resolveReadings(roster.records, resolver);

for (const person of staff.slice(0, 3)) {
  // Every reading says where it came from (roster, dictionary, override, analyzer) and why it needs a look.
  const why = person.reasons.map((reason) => `${reason.code}: ${formatMessage(reason, "en")}`).join("; ");
  console.log(`${person.surname} (row ${person.sheetRow}) → ${person.kana} / ${person.romaji}  [${person.source}]${why ? ` ${why}` : ""}`);
}

// The review sheet, for Excel: every cell text (職員番号 keeps its zeros), rows to check coloured, a 使い方 tab.
const report = reviewReport(staff, errors, { lang: "ja" });
await writeFile(join(out, "review.xlsx"), await reviewSheetXlsx(report.staff, { roster: "roster.csv" }));
console.log(`${report.summary.total} staff, ${report.summary.review} to review, ${report.summary.errors} errors`);

// The pieces underneath are there too, in their own entries.
console.log(toHiragana("ｻﾄｳ"), romanize("さとう", { pronunciation: "サトー" }), romanize("おおの", { system: "hepburn" }), romajiFitsKana("Ohno", "おおの"));
