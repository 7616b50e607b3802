// The library API as another municipality would use it: roster in, readings with provenance out,
// then the review sheet. Run after `npm ci` (which builds dist/):  node examples/library-usage.mjs
import { loadRoster, createReadingResolver, resolveReadings, reviewReport, romanize, toHiragana } from "nafuda";

const roster = await loadRoster(new URL("./roster.csv", import.meta.url).pathname);
const resolver = createReadingResolver({
  overrides: new URL("./confirmed-readings.csv", import.meta.url).pathname,
  romaji: "passport", // or "hepburn", "kunrei", "kana"
  romajiCase: "title", // Matsuno; "upper" gives MATSUNO
});
const { staff, errors } = await resolveReadings(roster.records, resolver);

for (const person of staff.slice(0, 5)) {
  console.log(`${person.surname} → ${person.kana} / ${person.romaji}  (${person.source}${person.review ? ", needs review" : ""})`);
}
const { summary } = reviewReport(staff, errors);
console.log(`${summary.total} staff, ${summary.review} to review, ${summary.errors} errors`);

// The pure helpers are exported too:
console.log(toHiragana("ｻﾄｳ"), romanize("さとう", { pronunciation: "サトー" }), romanize("おおの", { system: "hepburn" }));
