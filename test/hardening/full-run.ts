/**
 * The whole job in one process, through the library the CLI uses: a roster (with a surname only the
 * analyzer can read, so that kuromoji's dictionary is loaded too) → readings → review sheet → badges
 * → posters. Run by no-network.test.ts under a preload that records every network attempt.
 * Usage: node --import <preload> --import <tsx> test/hardening/full-run.ts OUT_FOLDER
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadRoster } from "../../src/roster/load-roster.js";
import { createReadingResolver, resolveReadings } from "../../src/readings/resolve.js";
import { reviewReport, reviewSheetCsv } from "../../src/review/review-sheet.js";
import { writeFileAtomic } from "../../src/io/atomic-write.js";
import { renderBadgeSheets } from "../../src/badges/render-badges.js";
import { runPosterBatch } from "../../src/posters/batch.js";
import { bundledPath } from "../../src/package-root.js";

const out = process.argv[2];
if (!out) throw new Error("usage: full-run.ts OUT_FOLDER");

const example = await readFile(bundledPath("examples", "roster-utf8.csv"), "utf8");
// 鬮橋 is in no surname dictionary: the analyzer (kuroshiro + kuromoji) is loaded for it.
const roster = await loadRoster(new TextEncoder().encode(example.trimEnd() + "\r\n99999,鬮橋　太郎,,総務課,本庁舎,主事\r\n"), { fileName: "roster.csv" });
const resolver = createReadingResolver({ overrides: bundledPath("examples", "confirmed-readings.csv") });
const readings = await resolveReadings(roster.records, resolver);
const report = reviewReport(readings.staff, readings.errors);
await writeFileAtomic(join(out, "review.csv"), reviewSheetCsv(report.staff));
const badges = await renderBadgeSheets(readings.staff, { template: "standard" });
await writeFileAtomic(join(out, "badges.pdf"), badges.pdf);
const posters = await runPosterBatch(bundledPath("examples", "facilities.csv"), bundledPath("examples", "policy.yaml"), join(out, "posters"));
const analyzed = readings.staff.filter((s) => s.source === "analyzer").map((s) => s.surname);
process.stdout.write(JSON.stringify({ staff: readings.staff.length, analyzed, badges: badges.badges, posters: posters.files.length, posterErrors: posters.errors.length }) + "\n");
