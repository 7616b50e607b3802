/**
 * npm run bench:scale — a 50,000-staff roster: readings, review sheet and badges in ONE process, against the
 * 1 GB memory target (issue 5, "50,000-staff roster … within the memory target of the badges issue").
 *
 * The roster is synthetic and fictional: surnames and given names drawn from data/ipadic-names.tsv (sei / mei),
 * combined at random (fixed seed), written as a CP932 CSV the way Japanese Excel saves it, with フリガナ on most
 * rows (as rosters have) and none on the rest, so both the roster and the dictionary decide readings.
 * The run goes through the library the CLI uses: loadRoster (from the file on disk) → createReadingResolver /
 * resolveReadings → reviewSheetCsv → writeFileAtomic → renderBadgeSheets (A4 10-up, standard template) →
 * writeFileAtomic. It prints the time of each stage and the peak RSS (getrusage maxRSS) of the process that
 * runs them: the roster is generated first, then the run happens in a fresh child process.
 *
 *   npm run bench:scale                       # 50,000 staff
 *   npm run bench:scale -- --count 10000      # quicker
 *   npm run bench:scale -- --keep             # keep the roster, review sheet and PDF in out/bench-scale/
 *
 * Not a test: it prints numbers. Run it on a quiet machine; other processes share the cores.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../src/package-root.js";
import { loadRoster } from "../src/roster/load-roster.js";
import { encodeText } from "../src/roster/encode-text.js";
import { createReadingResolver, resolveReadings } from "../src/readings/resolve.js";
import { reviewReport, reviewSheetCsv } from "../src/review/review-sheet.js";
import { writeFileAtomic } from "../src/io/atomic-write.js";
import { hiraganaToKatakana, toHiragana } from "../src/kana/to-hiragana.js";
import { renderBadgeSheets } from "../src/badges/render-badges.js";

const MEMORY_TARGET_MB = 1024;
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const count = Number(flag("count") ?? 50_000);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer (got ${flag("count")})`);
const keep = args.includes("--keep");

const root = packageRoot();
const outDir = join(root, "out", "bench-scale");
mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------------------------------------
// A fictional roster from the IPADIC name entries.

interface Name {
  surface: string;
  reading: string; // hiragana
}

function namesOf(kind: "sei" | "mei"): Name[] {
  const seen = new Set<string>();
  const names: Name[] = [];
  for (const line of readFileSync(join(root, "data", "ipadic-names.tsv"), "utf8").split("\n")) {
    const [tag, surface, katakana] = line.split("\t"); // tag, surface, reading (katakana), pronunciation, cost
    if (tag !== kind || !surface || !katakana || seen.has(surface)) continue;
    const reading = toHiragana(katakana);
    // Names written in kanji with a reading that is plain hiragana: what a roster's 氏名 and フリガナ hold.
    if (!/^\p{Script=Han}+$/u.test(surface) || !/^[\u3041-\u3096ー]+$/u.test(reading)) continue;
    seen.add(surface);
    names.push({ surface, reading });
  }
  return names;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  "総務部 総務課", "総務部 人事課", "企画部 企画政策課", "市民部 市民課", "市民部 税務課", "福祉部 福祉総務課",
  "福祉部 介護保険課", "こども未来部 保育課", "環境部 ごみ減量推進課", "建設部 道路課", "上下水道局 水道課", "教育委員会 学校教育課",
];

function makeRoster(path: string): void {
  const surnames = namesOf("sei");
  const given = namesOf("mei");
  const next = random(20241101);
  // Common surnames are common: draw the first few hundred entries more often, as real rosters do.
  const pick = <T>(list: T[]): T => list[Math.floor(Math.min(next(), next(), next()) * list.length)]!;
  const lines = ["職員番号,氏名,フリガナ,所属,施設,役職"];
  for (let i = 0; i < count; i++) {
    const surname = pick(surnames);
    const first = pick(given);
    const withReading = next() < 0.85;
    const reading = withReading ? `${hiraganaToKatakana(surname.reading)}　${hiraganaToKatakana(first.reading)}` : "";
    const department = DEPARTMENTS[Math.floor(next() * DEPARTMENTS.length)]!;
    lines.push(`${String(100000 + i)},${surname.surface}　${first.surface},${reading},${department},本庁舎,主事`);
  }
  writeFileSync(path, encodeText(lines.join("\r\n") + "\r\n", "cp932"));
}

// ---------------------------------------------------------------------------------------------

const rosterPath = join(outDir, "roster.csv");
const reviewPath = join(outDir, "review.csv");
const pdfPath = join(outDir, "badges.pdf");

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const peakMb = () => process.resourceUsage().maxRSS / 1024;
const stages: Array<{ stage: string; seconds: number; heapMb: number; peakMb: number }> = [];
let last = performance.now();
const lap = (stage: string) => {
  const now = performance.now();
  stages.push({ stage, seconds: (now - last) / 1000, heapMb: process.memoryUsage().heapUsed / 1048576, peakMb: peakMb() });
  last = now;
};

// The roster is made in this process, the run measured in a fresh child: peak RSS is the run's alone.
if (!args.includes("--measure")) {
  makeRoster(rosterPath);
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args, "--measure"], { stdio: "inherit" });
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  else console.log(`kept: ${rosterPath}, ${reviewPath}, ${pdfPath}`);
  process.exit(child.status ?? 1);
}
const rosterBytes = statSync(rosterPath).size;
const startRss = peakMb();
last = performance.now();
const started = last;

const roster = await loadRoster(rosterPath);
lap(`loadRoster (${roster.records.length} records, ${roster.encoding}, ${mb(rosterBytes)})`);
const resolver = createReadingResolver();
const readings = await resolveReadings(roster.records, resolver);
const sources = new Map<string, number>();
for (const s of readings.staff) sources.set(s.source, (sources.get(s.source) ?? 0) + 1);
const review = readings.staff.filter((s) => s.review).length;
lap(`resolveReadings (${[...sources].map(([k, v]) => `${k} ${v}`).join(", ")}; ${review} review, ${readings.errors.length} errors)`);
const report = reviewReport(readings.staff, [...roster.errors, ...readings.errors]);
await writeFileAtomic(reviewPath, reviewSheetCsv(report.staff));
lap(`review sheet (${mb(statSync(reviewPath).size)})`);
const badges = await renderBadgeSheets(readings.staff, { template: "standard" });
lap(`renderBadgeSheets (${badges.badges} badges, ${badges.pages} pages, ${badges.errors.length} left out)`);
await writeFileAtomic(pdfPath, badges.pdf);
lap(`write PDF (${mb(statSync(pdfPath).size)})`);
const total = (performance.now() - started) / 1000;

const peak = peakMb();
console.log(`\nnafuda bench:scale — ${count.toLocaleString("en")} staff, one process (Node ${process.version}, ${process.platform}/${process.arch})\n`);
console.log("stage".padEnd(96) + "seconds".padStart(9) + "heap MB".padStart(9) + "peak RSS".padStart(10));
for (const s of stages) {
  console.log(s.stage.padEnd(96) + s.seconds.toFixed(2).padStart(9) + s.heapMb.toFixed(0).padStart(9) + s.peakMb.toFixed(0).padStart(10));
}
console.log(`\ntotal ${total.toFixed(1)} s; peak RSS ${peak.toFixed(0)} MB (before the run: ${startRss.toFixed(0)} MB) — target ${MEMORY_TARGET_MB} MB: ${peak <= MEMORY_TARGET_MB ? "within" : "OVER"}`);
if (peak > MEMORY_TARGET_MB) process.exitCode = 1;
