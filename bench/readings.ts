/**
 * npm run bench:readings — how right are the readings, and how fast is a whole roster?
 *
 * 1. Accuracy on bench/data/surnames-devset.tsv (the 1,500 commonest surnames among ~21,000 people named in
 *    newspapers, with how many people read each one which way; see bench/data/README.md), each resolved from its
 *    kanji alone (no フリガナ): the hardest case. Per surname: top-1 = the printed kana is the most common reading;
 *    review = sent to a person; silent error = not the most common reading and not sent to review. Per person
 *    (what a roster would see): top-1 = the printed kana is that person's reading; silent error = a person whose
 *    reading differs and whose surname was not sent to review. kuroshiro alone, on the same names, is the peer.
 *    The cost gap deciding "a plausible second reading" is swept on the odd ranks and reported on the even ranks.
 * 2. Passport romaji on bench/data/romaji-passport.tsv (reading → passport spelling, written from the rules).
 * 3. A 10,000-staff roster (synthetic, generated here) → review sheet, the whole CLI process, dictionary load included.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReadingResolver, DEFAULT_PLAUSIBLE_COST_GAP } from "../src/readings/resolve.js";
import { bundledNameDictionary } from "../src/readings/name-dictionary.js";
import { kuroshiroAnalyzer } from "../src/readings/analyzer.js";
import { toHiragana } from "../src/kana/to-hiragana.js";
import type { StaffReading, StaffRecord } from "../src/model.js";
import { packageRoot } from "../src/package-root.js";

const root = packageRoot();
const tsv = (file: string) =>
  readFileSync(join(root, file), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));

interface Case { rank: number; surface: string; accepted: Set<string>; people: Map<string, number> }
const devset: Case[] = tsv("bench/data/surnames-devset.tsv").map(([rank, surface, accepted, , readings]) => ({
  rank: Number(rank),
  surface: surface!,
  accepted: new Set(accepted!.split(" ")),
  people: new Map(readings!.split(" ").map((pair) => [pair.split(":")[0]!, Number(pair.split(":")[1])] as const)),
}));

const record = (row: number, name: string, extra: Partial<StaffRecord> = {}): StaffRecord => ({
  row, sheetRow: row + 1, id: null, name, surname: null, given: null, nameReading: null, surnameReading: null, romaji: null,
  department: null, facility: null, title: null, fields: {}, ...extra,
});

interface Score { n: number; top1: number; review: number; silent: number; errors: number; people: number; peopleRight: number; peopleSilent: number }
function score(cases: Case[], results: Map<string, StaffReading | null>): Score {
  const s: Score = { n: cases.length, top1: 0, review: 0, silent: 0, errors: 0, people: 0, peopleRight: 0, peopleSilent: 0 };
  for (const c of cases) {
    const r = results.get(c.surface);
    const total = [...c.people.values()].reduce((a, b) => a + b, 0);
    s.people += total;
    if (!r) { s.errors++; continue; }
    const right = c.accepted.has(r.kana);
    const sameReading = c.people.get(r.kana) ?? 0;
    if (right) s.top1++;
    if (r.review) s.review++;
    if (!right && !r.review) s.silent++;
    s.peopleRight += sameReading;
    if (!r.review) s.peopleSilent += total - sameReading;
  }
  return s;
}
const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(2)} %`.padStart(8);
const line = (label: string, s: Score) =>
  `${label.padEnd(30)} n=${String(s.n).padStart(5)}  top-1 ${pct(s.top1, s.n)}  review ${pct(s.review, s.n)}  silent ${pct(s.silent, s.n)}  no reading ${s.errors}` +
  `  | per person: right ${pct(s.peopleRight, s.people)}  silent ${pct(s.peopleSilent, s.people)}`;

async function resolveAll(cases: Case[], gap: number): Promise<Map<string, StaffReading | null>> {
  const resolver = createReadingResolver({ plausibleCostGap: gap, overrides: { file: null, rows: [], errors: [] } });
  const out = new Map<string, StaffReading | null>();
  for (const [i, c] of cases.entries()) {
    const r = await resolver.resolve(record(i + 1, c.surface, { surname: c.surface, given: "" }));
    out.set(c.surface, "kana" in r ? r : null);
  }
  return out;
}

console.log("# nafuda bench:readings\n");
console.log(`development set: ${devset.length} surnames, ${devset.reduce((a, c) => a + [...c.people.values()].reduce((x, y) => x + y, 0), 0)} people`);
const known = devset.filter((c) => bundledNameDictionary().surname(c.surface).length > 0).length;
console.log(`in the IPADIC surname entries: ${known} (${pct(known, devset.length).trim()}); the rest go to the analyzer and always to review\n`);

console.log("## calibration of the plausible-reading cost gap (odd ranks only)");
const odd = devset.filter((c) => c.rank % 2 === 1);
for (const gap of [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]) {
  console.log(line(`gap ${gap}${gap === DEFAULT_PLAUSIBLE_COST_GAP ? " (default)" : ""}`, score(odd, await resolveAll(odd, gap))));
}

console.log(`\n## accuracy at the default gap ${DEFAULT_PLAUSIBLE_COST_GAP}`);
const results = await resolveAll(devset, DEFAULT_PLAUSIBLE_COST_GAP);
console.log(line("held out (even ranks)", score(devset.filter((c) => c.rank % 2 === 0), results)));
console.log(line("all", score(devset, results)));
console.log(line("ranks 1-500", score(devset.filter((c) => c.rank <= 500), results)));
console.log(line("ranks 501-1500", score(devset.filter((c) => c.rank > 500), results)));

const analyzer = kuroshiroAnalyzer();
const peer = new Map<string, StaffReading | null>();
const peerStart = performance.now();
for (const c of devset) {
  const kana = toHiragana(await analyzer.read(c.surface));
  peer.set(c.surface, { kana, review: false } as StaffReading);
}
const peerTime = performance.now() - peerStart;
const peerScore = score(devset, peer);
console.log(line("peer: kuroshiro alone (all)", peerScore));
const ours = score(devset, results);
console.log(`silent errors, kuroshiro alone / nafuda: ${(peerScore.silent / Math.max(1, ours.silent)).toFixed(1)}×  (kuroshiro: ${peerTime.toFixed(0)} ms for ${devset.length} names, dictionary loaded)`);

const wrongSilent = devset.filter((c) => { const r = results.get(c.surface); return r && !r.review && !c.accepted.has(r.kana); });
if (wrongSilent.length > 0) {
  console.log(`\nsilent errors (${wrongSilent.length}):`);
  for (const c of wrongSilent.slice(0, 40)) console.log(`  ${c.surface}: printed ${results.get(c.surface)!.kana}, expected ${[...c.accepted].join(" or ")}`);
}

console.log("\n## passport romaji on bench/data/romaji-passport.tsv");
const romajiCases = tsv("bench/data/romaji-passport.tsv");
const resolver = createReadingResolver({ analyzer: false, overrides: { file: null, rows: [], errors: [] } });
let right = 0, knownRight = 0, knownTotal = 0;
const misses: string[] = [];
for (const [i, [kanji, reading, passport]] of romajiCases.entries()) {
  const r = await resolver.resolve(record(i + 1, kanji!, { surname: kanji!, surnameReading: reading! }));
  const got = "kana" in r ? r.romaji.toUpperCase() : "(error)";
  const inDictionary = bundledNameDictionary().surname(kanji!).some((e) => e.reading === reading);
  if (inDictionary) knownTotal++;
  if (got === passport!.toUpperCase()) { right++; if (inDictionary) knownRight++; }
  else misses.push(`  ${kanji} ${reading}: ${got}, expected ${passport}${inDictionary ? "" : " (reading not in the dictionary)"}`);
}
console.log(`right: ${right}/${romajiCases.length} (${pct(right, romajiCases.length).trim()}); with the kanji+reading in the dictionary: ${knownRight}/${knownTotal}`);
for (const m of misses.slice(0, 30)) console.log(m);

console.log("\n## 10,000-staff roster → review sheet, whole process (node dist/src/cli/main.js readings)");
execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" }); // always measure the current sources
const folder = mkdtempSync(join(tmpdir(), "nafuda-bench-"));
try {
  const given = ["花子", "太郎", "一郎", "美咲", "健", "陽子", "翔太", "由美"];
  const givenKana = ["ハナコ", "タロウ", "イチロウ", "ミサキ", "ケン", "ヨウコ", "ショウタ", "ユミ"];
  const rows = ["職員番号,氏名,フリガナ,所属"];
  for (let i = 0; i < 10_000; i++) {
    const c = devset[i % devset.length]!;
    const reading = [...c.accepted][0]!.replace(/[ぁ-ゖ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
    rows.push([`S${String(i).padStart(5, "0")}`, `${c.surface}　${given[i % 8]}`, i % 3 === 0 ? "" : `${reading}　${givenKana[i % 8]}`, "総務課"].join(","));
  }
  const rosterPath = join(folder, "roster.csv");
  writeFileSync(rosterPath, rows.join("\r\n") + "\r\n");
  for (const run of [1, 2, 3]) {
    const start = performance.now();
    const child = spawnSync(process.execPath, [join(root, "dist/src/cli/main.js"), "readings", rosterPath, "-o", join(folder, "review.csv")], { encoding: "utf8" });
    const seconds = (performance.now() - start) / 1000;
    console.log(`run ${run}: ${seconds.toFixed(2)} s (target ≤ 3 s), exit ${child.status}; ${child.stderr.trim().split("\n").pop()}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
