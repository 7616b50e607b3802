/**
 * npm run bench:scale — a whole prefecture in one run (issue 16), measured as a user runs it: whole `nafuda`
 * processes (the built CLI: the script builds it first), started and waited for, peak RSS read inside each process.
 *
 *   badges 10,000      `nafuda badges roster-10000.csv -o badges.pdf` (A4 10-up, 姓フリガナ in the roster)
 *   badges 170,000     the same at 170,000 staff (the size of Tokyo's metropolitan government): one PDF, streamed
 *   split 170,000      `--split-by 所属`: one PDF per section, each streamed
 *   readings 10,000    `nafuda readings` without フリガナ, only surnames the name dictionaries know → review sheet
 *   readings 170,000   the same at 170,000 rows (the dictionaries know every surname: the analyzer never loads)
 *
 * The rosters are synthetic and fictional (bench/synthetic-staff.ts: the 1,500 commonest surnames, 29 sections),
 * written as Excel writes a CSV (UTF-8 with BOM). Each job runs `--rounds` times (default 1), taking turns with the
 * others; the medians are compared with the floors:
 *   - 170,000 badges in one run with peak RSS ≤ 300 MB, and ≤ 18 × the time of 10,000 (linear);
 *   - the same for --split-by and for readings at 170,000 rows (≤ 300 MB);
 *   - readings on 10,000 staff → review sheet ≤ 1.5 s.
 *
 *   npm run bench:scale
 *   npm run bench:scale -- --rounds 3
 *   npm run bench:scale -- --count 50000          # a smaller "large" run
 *   npm run bench:scale -- --skip split,readings
 *   npm run bench:scale -- --keep                 # keep the rosters and outputs in out/bench-scale/
 *
 * Not a test: it prints numbers. Other processes share this machine's two cores: run it when it is quiet.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../src/package-root.js";
import { bundledNameDictionary } from "../src/readings/name-dictionary.js";
import { syntheticStaff } from "./synthetic-staff.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const large = Number(flag("count") ?? 170_000);
const small = 10_000;
const rounds = Math.max(1, Number(flag("rounds") ?? 1));
const skip = new Set((flag("skip") ?? "").split(",").filter(Boolean));
const keep = args.includes("--keep");
if (!Number.isInteger(large) || large < small) throw new Error(`--count must be an integer ≥ ${small} (got ${flag("count")})`);

const root = packageRoot();
const outDir = join(root, "out", "bench-scale");
const CLI = join(root, "dist", "src", "cli", "main.js");
const RSS_PRELOAD = pathToFileURL(join(root, "test", "hardening", "max-rss-preload.mjs")).href;
const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
if (build.status !== 0 || !existsSync(CLI)) throw new Error("npm run build failed");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const toKatakana = (hiragana: string) => hiragana.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** Surnames the bundled name dictionaries know (IPADIC, or UniDic's second opinion): read without the analyzer. */
const dictionary = bundledNameDictionary();
const known = (surname: string) => dictionary.surname(surname).length > 0 || dictionary.secondOpinion(surname).length > 0;

/**
 * A roster of `count` staff: with 姓フリガナ (what badges read), or without and with only surnames the dictionaries
 * know (readings from the dictionary; a few synthetic surnames, 東坊城 or 左衛門三郎, would load the analyzer).
 */
function writeRoster(count: number, withReading: boolean): string {
  const path = join(outDir, `roster-${count}${withReading ? "" : "-no-reading"}.csv`);
  const staff = withReading ? syntheticStaff(count) : syntheticStaff(Math.ceil(count * 1.1)).filter((s) => known(s.surname)).slice(0, count);
  if (staff.length < count) throw new Error(`only ${staff.length} synthetic staff with surnames the dictionaries know`);
  const header = withReading ? "職員番号,氏名,姓フリガナ,所属" : "職員番号,氏名,所属";
  const lines = staff.map((s) => (withReading ? `${s.id},${s.surname}　太郎,${toKatakana(s.kana)},${s.record.department}` : `${s.id},${s.surname}　太郎,${s.record.department}`));
  writeFileSync(path, "\uFEFF" + [header, ...lines].join("\r\n") + "\r\n");
  return path;
}

interface Run {
  seconds: number;
  rssMB: number;
  bytes: number;
  files: number;
}

function sizeOf(path: string): { bytes: number; files: number } {
  if (!existsSync(path)) return { bytes: 0, files: 0 };
  const stats = statSync(path);
  if (!stats.isDirectory()) return { bytes: stats.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(path)) {
    bytes += statSync(join(path, name)).size;
    files++;
  }
  return { bytes, files };
}

/** One whole CLI process, from spawn to exit; its peak RSS from the preload. */
function measure(cliArgs: string[], output: string): Run {
  rmSync(output, { recursive: true, force: true });
  const rssFile = join(outDir, "rss.json");
  const started = performance.now();
  const proc = spawnSync(process.execPath, ["--import", RSS_PRELOAD, CLI, ...cliArgs], {
    cwd: outDir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", NAFUDA_RSS_FILE: rssFile }, maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (proc.status !== 0) throw new Error(`nafuda ${cliArgs.join(" ")} exited ${proc.status}:\n${proc.stderr.slice(-2000)}`);
  const rss = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssBytes: number };
  return { seconds, rssMB: rss.maxRssBytes / 1024 / 1024, ...sizeOf(output) };
}

const jobs: Record<string, () => Run> = {};
if (!skip.has("badges")) {
  const smallRoster = writeRoster(small, true);
  const largeRoster = writeRoster(large, true);
  // --allow-unreviewed: a few synthetic readings (ぼうじょう: Bojo or Boujo) would be asked about; the work is the same.
  jobs[`badges ${small.toLocaleString("en")}`] = () => measure(["badges", smallRoster, "--allow-unreviewed", "-o", "badges-small.pdf"], join(outDir, "badges-small.pdf"));
  jobs[`badges ${large.toLocaleString("en")}`] = () => measure(["badges", largeRoster, "--allow-unreviewed", "-o", "badges-large.pdf"], join(outDir, "badges-large.pdf"));
  if (!skip.has("split")) {
    jobs[`split ${large.toLocaleString("en")}`] = () => measure(["badges", largeRoster, "--allow-unreviewed", "--split-by", "所属", "-o", "split"], join(outDir, "split"));
  }
}
if (!skip.has("readings")) {
  const smallRoster = writeRoster(small, false);
  const largeRoster = writeRoster(large, false);
  jobs[`readings ${small.toLocaleString("en")}`] = () => measure(["readings", smallRoster, "-o", "review-small.csv"], join(outDir, "review-small.csv"));
  jobs[`readings ${large.toLocaleString("en")}`] = () => measure(["readings", largeRoster, "-o", "review-large.csv"], join(outDir, "review-large.csv"));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

process.stderr.write(`bench:scale — whole nafuda processes, ${rounds} round(s) (Node ${process.version}, ${process.platform}/${process.arch})\n`);
const results = new Map<string, Run[]>();
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(jobs)) {
    const result = run();
    results.set(name, [...(results.get(name) ?? []), result]);
    process.stderr.write(`  round ${round + 1}: ${name} ${result.seconds.toFixed(2)} s, ${result.rssMB.toFixed(0)} MB\n`);
  }
}

const summary = (name: string) => {
  const runs = results.get(name);
  return runs ? { seconds: median(runs.map((r) => r.seconds)), rssMB: Math.max(...runs.map((r) => r.rssMB)), bytes: runs[0]!.bytes, files: runs[0]!.files, all: runs.map((r) => r.seconds.toFixed(2)).join(" / ") } : null;
};
console.log(`\nwhole processes; medians of ${rounds} run(s); peak RSS the highest`);
for (const name of results.keys()) {
  const s = summary(name)!;
  const output = s.files > 1 ? `${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB` : `${(s.bytes / 1e6).toFixed(2)} MB`;
  console.log(`${name.padEnd(20)} ${s.seconds.toFixed(2).padStart(7)} s  ${s.rssMB.toFixed(0).padStart(5)} MB peak RSS   ${output.padEnd(20)} (${s.all})`);
}
const check = (ok: boolean) => (ok ? "ok" : "MISSED");
const MEMORY_FLOOR_MB = 300;
console.log("");
const badgesSmall = summary(`badges ${small.toLocaleString("en")}`);
const badgesLarge = summary(`badges ${large.toLocaleString("en")}`);
const split = summary(`split ${large.toLocaleString("en")}`);
const readingsSmall = summary(`readings ${small.toLocaleString("en")}`);
const readingsLarge = summary(`readings ${large.toLocaleString("en")}`);
const factor = large / small;
if (badgesSmall && badgesLarge) {
  const ratio = badgesLarge.seconds / badgesSmall.seconds;
  console.log(`badges ${large.toLocaleString("en")} / ${small.toLocaleString("en")} time: ${ratio.toFixed(1)}×  (floor ≤ ${(factor * 18 / 17).toFixed(0)}×: linear)  ${check(ratio <= (factor * 18) / 17)}`);
  console.log(`badges ${large.toLocaleString("en")} peak RSS: ${badgesLarge.rssMB.toFixed(0)} MB  (floor ≤ ${MEMORY_FLOOR_MB} MB)  ${check(badgesLarge.rssMB <= MEMORY_FLOOR_MB)}`);
}
if (split) console.log(`split ${large.toLocaleString("en")} peak RSS:  ${split.rssMB.toFixed(0)} MB  (floor ≤ ${MEMORY_FLOOR_MB} MB)  ${check(split.rssMB <= MEMORY_FLOOR_MB)}`);
if (readingsSmall) console.log(`readings ${small.toLocaleString("en")} → review sheet: ${readingsSmall.seconds.toFixed(2)} s  (floor ≤ 1.5 s)  ${check(readingsSmall.seconds <= 1.5)}`);
if (readingsLarge) console.log(`readings ${large.toLocaleString("en")} peak RSS: ${readingsLarge.rssMB.toFixed(0)} MB  (floor ≤ ${MEMORY_FLOOR_MB} MB)  ${check(readingsLarge.rssMB <= MEMORY_FLOOR_MB)}`);
if (!keep) rmSync(outDir, { recursive: true, force: true });
else console.log(`\nkept: ${outDir}`);
