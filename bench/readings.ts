/**
 * npm run bench:readings — how right are the readings, and how fast is a whole roster?
 *
 * 1. Accuracy on bench/data/surnames-devset.tsv (the 1,500 commonest surnames among ~21,000 people named in
 *    newspapers, with how many people read each one which way; see bench/data/README.md), on its two parts: the
 *    TUNING part (weights and gaps are chosen on it) and the HELD-OUT part (a third of the surnames, chosen by a
 *    hash of the surname; never used to choose anything). Each mode, per surname and per person:
 *    - kanji only (no フリガナ): the hardest case. Per surname: top-1 = the printed kana is the most common reading;
 *      review = sent to a person; silent error = not the most common reading and not sent to review. Per person
 *      (what a roster would see): right = the printed kana is that person's reading; silent = a person whose
 *      reading differs and who was not asked about.
 *    - 姓フリガナ holds the right reading (the common case): per surname its most common reading, per person each
 *      person's own; asked = sent to review; wrong = the printed kana is not the roster's reading.
 *    - bank-transfer kana: the same readings as payroll keeps them for 全銀 (half-width, no small kana: ﾊﾂﾄﾘ).
 *    - kuroshiro alone (the peer), on the same names.
 *    The doubt threshold is swept on the tuning part only.
 * 2. Passport romaji on bench/data/romaji-passport.tsv (reading → passport spelling, written from the rules).
 * 3. The name dictionary: load time and memory, in a fresh process.
 * 4. A 10,000-staff roster (synthetic, generated here) → review sheet, the whole CLI process, dictionary load included.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReadingResolver, rosterHasBankKana, type ReadingResolverOptions } from "../src/readings/resolve.js";
import { DEFAULT_DOUBT_THRESHOLD } from "../src/readings/surname-evidence.js";
import { heldOut, loadDevset, type DevCase as Case } from "./devset.js";
import { bundledNameDictionary } from "../src/readings/name-dictionary.js";
import { kuroshiroAnalyzer } from "../src/readings/analyzer.js";
import { toHiragana } from "../src/kana/to-hiragana.js";
import type { StaffReading, StaffRecord } from "../src/model.js";
import { packageRoot } from "../src/package-root.js";

const root = packageRoot();
const tsv = (file: string) =>
  readFileSync(join(root, file), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"));

const devset = loadDevset();
const tuning = devset.filter((c) => !heldOut(c.surface));
const held = devset.filter((c) => heldOut(c.surface));
const parts: [string, Case[]][] = [["tuning", tuning], ["held-out", held], ["all", devset]];

const record = (row: number, name: string, extra: Partial<StaffRecord> = {}): StaffRecord => ({
  row, sheetRow: row + 1, id: null, name, surname: null, given: null, nameReading: null, surnameReading: null, romaji: null,
  department: null, facility: null, title: null, fields: {}, ...extra,
});
const katakana = (kana: string) => kana.replace(/[ぁ-ゖ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
/** A reading as bank-transfer kana: half-width katakana, small kana written large (はっとり → ﾊﾂﾄﾘ). */
const bankKana = (kana: string) =>
  katakana(kana.replace(/[ぁぃぅぇぉっゃゅょゎ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 1))).normalize("NFKC")
    .replace(/[ァ-ヶー]/g, (ch) => HALF_WIDTH[ch] ?? ch);
const HALF_WIDTH: Record<string, string> = (() => {
  const full = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
  const half = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
  const map: Record<string, string> = {};
  [...full].forEach((c, i) => (map[c] = half[i]!));
  for (const c of "ガギグゲゴザジズゼゾダヂヅデドバビブベボ") map[c] = map[String.fromCharCode(c.charCodeAt(0) - 1)]! + "ﾞ";
  for (const c of "パピプペポ") map[c] = map[String.fromCharCode(c.charCodeAt(0) - 2)]! + "ﾟ";
  map["ヴ"] = "ｳﾞ";
  return map;
})();

interface Score { n: number; top1: number; review: number; silent: number; errors: number; people: number; peopleRight: number; peopleReview: number; peopleSilent: number }
/** Kanji-only scores: results per surname. */
function score(cases: Case[], results: Map<string, StaffReading | null>): Score {
  const s: Score = { n: cases.length, top1: 0, review: 0, silent: 0, errors: 0, people: 0, peopleRight: 0, peopleReview: 0, peopleSilent: 0 };
  for (const c of cases) {
    const r = results.get(c.surface);
    const total = [...c.people.values()].reduce((a, b) => a + b, 0);
    s.people += total;
    if (!r) { s.errors++; s.review++; s.peopleReview += total; continue; } // no reading: the row is an error, a person must act
    const right = c.accepted.has(r.kana);
    const sameReading = c.people.get(r.kana) ?? 0;
    if (right) s.top1++;
    if (r.review) { s.review++; s.peopleReview += total; }
    if (!right && !r.review) s.silent++;
    s.peopleRight += sameReading;
    if (!r.review) s.peopleSilent += total - sameReading;
  }
  return s;
}
const pct = (k: number, n: number) => `${((100 * k) / Math.max(1, n)).toFixed(2)} %`.padStart(8);
const line = (label: string, s: Score) =>
  `${label.padEnd(34)} n=${String(s.n).padStart(5)}  top-1 ${pct(s.top1, s.n)}  review ${pct(s.review, s.n)}  silent ${pct(s.silent, s.n)}  no reading ${s.errors}` +
  `  | per person (${s.people}): right ${pct(s.peopleRight, s.people)}  review ${pct(s.peopleReview, s.people)}  silent ${pct(s.peopleSilent, s.people)}`;

const noOverrides = { file: null, rows: [], errors: [] };
async function resolveAll(cases: Case[], options: ReadingResolverOptions = {}): Promise<Map<string, StaffReading | null>> {
  const resolver = createReadingResolver({ overrides: noOverrides, ...options });
  const out = new Map<string, StaffReading | null>();
  for (const [i, c] of cases.entries()) {
    const r = await resolver.resolve(record(i + 1, c.surface, { surname: c.surface, given: "" }));
    out.set(c.surface, "kana" in r ? r : null);
  }
  return out;
}

/** 姓フリガナ mode: per surname (its most common reading) and per person (each person's own reading). */
async function withReading(cases: Case[], form: (kana: string) => string, bank: boolean) {
  const resolver = createReadingResolver({ overrides: noOverrides, analyzer: false });
  const s = { n: 0, asked: 0, wrong: 0, wrongSilent: 0, people: 0, peopleAsked: 0, peopleWrong: 0, peopleWrongSilent: 0 };
  const examples: string[] = [];
  let row = 0;
  for (const c of cases) {
    const dominant = [...c.accepted][0]!;
    for (const [reading, count] of c.people) {
      const rec = record(++row, c.surface, { surname: c.surface, given: "", surnameReading: form(reading) });
      const r = await resolver.resolve(rec, null, { bankKana: bank && rosterHasBankKana([rec]) });
      const printed = "kana" in r ? r.kana : null;
      const asked = !("kana" in r) || r.review;
      const wrong = printed !== reading;
      if (reading === dominant) {
        s.n++;
        if (asked) s.asked++;
        if (wrong) s.wrong++;
        if (wrong && !asked) s.wrongSilent++;
        if (asked && examples.length < 12) examples.push(`${c.surface} ${form(reading)}${printed !== null && printed !== reading ? ` → ${printed}` : ""}`);
      }
      s.people += count;
      if (asked) s.peopleAsked += count;
      if (wrong) s.peopleWrong += count;
      if (wrong && !asked) s.peopleWrongSilent += count;
    }
  }
  return { s, examples };
}
const readingLine = (label: string, { s }: Awaited<ReturnType<typeof withReading>>) =>
  `${label.padEnd(34)} n=${String(s.n).padStart(5)}  asked ${pct(s.asked, s.n)}  printed other than the roster ${pct(s.wrong, s.n)} (unasked ${s.wrongSilent})` +
  `  | per person (${s.people}): asked ${pct(s.peopleAsked, s.people)}  other ${pct(s.peopleWrong, s.people)} (unasked ${s.peopleWrongSilent})`;

console.log("# nafuda bench:readings\n");
console.log(`development set: ${devset.length} surnames, ${devset.reduce((a, c) => a + [...c.people.values()].reduce((x, y) => x + y, 0), 0)} people;` +
  ` tuning part ${tuning.length}, held-out part ${held.length} (SHA-256 of the surname, first byte mod 3 = 0)`);
const dictionary = bundledNameDictionary();
const known = (c: Case) => dictionary.surname(c.surface).length > 0 || dictionary.secondOpinion(c.surface).length > 0 || (dictionary.commonSurname?.(c.surface).length ?? 0) > 0;
console.log(`known to a surname source (IPADIC, UniDic, JUMAN): ${devset.filter(known).length}; the rest go to the analyzer and always to review\n`);

console.log("## calibration of the doubt threshold (tuning part only; below it nafuda prints without asking)");
for (const threshold of [0.03, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2]) {
  const label = `threshold ${threshold}${threshold === DEFAULT_DOUBT_THRESHOLD ? " (default)" : ""}`;
  console.log(line(label, score(tuning, await resolveAll(tuning, { doubtThreshold: threshold }))));
}

console.log("\n## kanji only (no フリガナ), default settings");
const results = await resolveAll(devset);
for (const [label, cases] of parts) console.log(line(`nafuda, ${label}`, score(cases, results)));
console.log(line("nafuda, ranks 1-500", score(devset.filter((c) => c.rank <= 500), results)));
console.log(line("nafuda, ranks 501-1500", score(devset.filter((c) => c.rank > 500), results)));

const analyzer = kuroshiroAnalyzer();
const peer = new Map<string, StaffReading | null>();
const peerStart = performance.now();
for (const c of devset) peer.set(c.surface, { kana: toHiragana(await analyzer.read(c.surface)), review: false } as StaffReading);
const peerTime = performance.now() - peerStart;
for (const [label, cases] of parts) console.log(line(`peer: kuroshiro alone, ${label}`, score(cases, peer)));
console.log(`(kuroshiro: ${peerTime.toFixed(0)} ms for ${devset.length} names, dictionary loaded)`);

const wrongSilent = (cases: Case[]) => cases.filter((c) => { const r = results.get(c.surface); return r && !r.review && !c.accepted.has(r.kana); });
console.log(`\nsilent errors: tuning ${wrongSilent(tuning).length}, held-out ${wrongSilent(held).length}; those of the tuning part:`);
for (const c of wrongSilent(tuning)) console.log(`  ${c.surface}: printed ${results.get(c.surface)!.kana}, expected ${[...c.accepted].join(" or ")}`);

console.log("\n## 姓フリガナ holds the right reading");
for (const [label, cases] of parts) console.log(readingLine(`nafuda, ${label}`, await withReading(cases, katakana, false)));
const tuningAsked = await withReading(tuning, katakana, false);
console.log(`asked (tuning part, first ${tuningAsked.examples.length}): ${tuningAsked.examples.join(", ")}`);

console.log("\n## 姓フリガナ as bank-transfer kana (half-width, no small kana: ﾊﾂﾄﾘ)");
for (const [label, cases] of parts) console.log(readingLine(`nafuda, ${label}`, await withReading(cases, bankKana, true)));
const bankAsked = await withReading(tuning, bankKana, true);
console.log(`asked (tuning part, first ${bankAsked.examples.length}): ${bankAsked.examples.join(", ")}`);
console.log(readingLine("read as written (no bank kana), all", await withReading(devset, bankKana, false)));

console.log("\n## passport romaji on bench/data/romaji-passport.tsv");
const romajiCases = tsv("bench/data/romaji-passport.tsv");
const resolver = createReadingResolver({ analyzer: false, overrides: noOverrides });
let right = 0, knownRight = 0, knownTotal = 0;
const misses: string[] = [];
for (const [i, [kanji, reading, passport]] of romajiCases.entries()) {
  const r = await resolver.resolve(record(i + 1, kanji!, { surname: kanji!, surnameReading: reading! }));
  const got = "kana" in r ? r.romaji.toUpperCase() : "(error)";
  const inDictionary = dictionary.surname(kanji!).some((e) => e.reading === reading);
  if (inDictionary) knownTotal++;
  if (got === passport!.toUpperCase()) { right++; if (inDictionary) knownRight++; }
  else misses.push(`  ${kanji} ${reading}: ${got}, expected ${passport}${inDictionary ? "" : " (reading not in the dictionary)"}`);
}
console.log(`right: ${right}/${romajiCases.length} (${pct(right, romajiCases.length).trim()}); with the kanji+reading in the dictionary: ${knownRight}/${knownTotal}`);
for (const m of misses.slice(0, 30)) console.log(m);

console.log("\n## the name dictionary in a fresh process (load, then the voicing model on first use)");
const probe = `
  const before = process.memoryUsage();
  const t0 = performance.now();
  const { bundledNameDictionary } = await import(${JSON.stringify(join(root, "src/readings/name-dictionary.ts"))});
  const { surnameEvidence } = await import(${JSON.stringify(join(root, "src/readings/surname-evidence.ts"))});
  const t1 = performance.now();
  const d = bundledNameDictionary();
  const t2 = performance.now();
  surnameEvidence(d, "光田");
  const t3 = performance.now();
  globalThis.gc?.();
  const after = process.memoryUsage();
  console.log(JSON.stringify({ load: t2 - t1, voicing: t3 - t2, heap: (after.heapUsed - before.heapUsed) / 1048576, rss: (after.rss - before.rss) / 1048576 }));`;
for (const run of [1, 2, 3]) {
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", probe], { cwd: root, encoding: "utf8" });
  const m = JSON.parse(child.stdout.trim().split("\n").pop()!) as { load: number; voicing: number; heap: number; rss: number };
  console.log(`run ${run}: tables indexed in ${m.load.toFixed(0)} ms, the voicing model (shipped) ready in ${m.voicing.toFixed(0)} ms; heap +${m.heap.toFixed(1)} MB, RSS +${m.rss.toFixed(1)} MB (tsx and the modules included)`);
}

console.log("\n## 10,000-staff roster → review sheet, whole process (node dist/src/cli/main.js readings)");
execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" }); // always measure the current sources
const folder = mkdtempSync(join(tmpdir(), "nafuda-bench-"));
try {
  const given = ["花子", "太郎", "一郎", "美咲", "健", "陽子", "翔太", "由美"];
  const givenKana = ["ハナコ", "タロウ", "イチロウ", "ミサキ", "ケン", "ヨウコ", "ショウタ", "ユミ"];
  const rows = ["職員番号,氏名,フリガナ,所属"];
  for (let i = 0; i < 10_000; i++) {
    const c = devset[i % devset.length]!;
    const reading = katakana([...c.accepted][0]!);
    rows.push([`S${String(i).padStart(5, "0")}`, `${c.surface}　${given[i % 8]}`, i % 3 === 0 ? "" : `${reading}　${givenKana[i % 8]}`, "総務課"].join(","));
  }
  const rosterPath = join(folder, "roster.csv");
  writeFileSync(rosterPath, rows.join("\r\n") + "\r\n");
  // Peak RSS through GNU time where it is installed (Debian: time); the wall time either way.
  const gnuTime = existsSync("/usr/bin/time");
  for (const run of [1, 2, 3]) {
    const start = performance.now();
    const command = [process.execPath, join(root, "dist/src/cli/main.js"), "readings", rosterPath, "-o", join(folder, "review.csv")];
    const child = gnuTime
      ? spawnSync("/usr/bin/time", ["-f", "%M", ...command], { encoding: "utf8" })
      : spawnSync(command[0]!, command.slice(1), { encoding: "utf8" });
    const seconds = (performance.now() - start) / 1000;
    const lines = child.stderr.trim().split("\n");
    const peak = gnuTime ? `, peak RSS ${(Number(lines.pop()) / 1024).toFixed(0)} MB` : "";
    console.log(`run ${run}: ${seconds.toFixed(2)} s (budget 1.5 s)${peak}, exit ${child.status}; ${lines.pop()}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
