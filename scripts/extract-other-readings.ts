/**
 * Extracts, for every surname that a shipped surname table holds (data/ipadic-names.tsv, data/unidic-surnames.tsv,
 * data/juman-surnames.tsv), the readings the same kanji have as a PLACE NAME or as a COMMON WORD, into
 * data/place-and-word-readings.tsv:
 *
 *   surface<TAB>reading (hiragana)<TAB>kinds (place, town, word; comma-separated)
 *
 * These are not readings of the surname. They tell nafuda when a surname entry may be a place name's or a word's
 * reading that leaked into the surname list (三戸 さんのへ is the town; 松林 しょうりん is "pine wood"): such a
 * reading, listed as a surname by one dictionary only, is never printed without review.
 *
 * Sources: IPADIC as kuromoji ships it (名詞,固有名詞,地域 = place; 名詞,一般 / サ変接続 / 形容動詞語幹 / 副詞可能 = word),
 * NAIST / ICOT terms (data/IPADIC-NOTICE.md); JUMAN 7.0 (Debian juman-dic: Noun.koyuu.dic 地名 = town: the
 * prefectures, cities, towns, villages, districts and wards of Japan,
 * ContentW.dic 普通名詞 / サ変名詞 / 時相名詞 = word), BSD-3-Clause (data/JUMAN-LICENSE).
 *
 *   apt-get install juman-dic
 *   npx tsx scripts/extract-other-readings.ts            # rewrite data/place-and-word-readings.tsv
 *   npx tsx scripts/extract-other-readings.ts --check    # exit 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ipadicEntries } from "./extract-ipadic-names.js";

export const JUMAN_DIC_FOLDER = "/usr/share/juman/dic";

const here = dirname(fileURLToPath(import.meta.url));
const hiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** Every surname surface of the shipped surname tables. */
function shippedSurnames(): Set<string> {
  const surnames = new Set<string>();
  const data = (file: string) => readFileSync(join(here, "..", "data", file), "utf8").split("\n").filter(Boolean).map((l) => l.split("\t"));
  for (const [kind, surface] of data("ipadic-names.tsv")) if (kind === "sei") surnames.add(surface!);
  for (const [surface] of data("unidic-surnames.tsv")) surnames.add(surface!);
  for (const [surface] of data("juman-surnames.tsv")) surnames.add(surface!);
  return surnames;
}

const IPADIC_WORD = new Set(["一般", "サ変接続", "形容動詞語幹", "副詞可能"]);
const JUMAN_WORD = /^\(名詞 \((普通名詞|サ変名詞|時相名詞) /u;
const JUMAN_PLACE = /^\(名詞 \(地名 /u;

/** The surfaces of a JUMAN entry: 見出し語 holds words, or (word weight) pairs. */
function jumanEntry(line: string): { reading: string; surfaces: string[] } | null {
  const reading = /\(読み ([ぁ-ゖー]+)\)/u.exec(line)?.[1];
  const heads = /\(見出し語 ((?:[^()]|\([^()]*\))+)\)/u.exec(line)?.[1];
  if (!reading || !heads) return null;
  const surfaces = [...heads.matchAll(/\(([^ ()]+) [0-9.]+\)|([^ ()]+)/gu)].map((m) => m[1] ?? m[2]!);
  return { reading, surfaces };
}

export function extractOtherReadings(jumanFolder = JUMAN_DIC_FOLDER): string {
  const surnames = shippedSurnames();
  const kinds = new Map<string, Set<string>>();
  const add = (surface: string, reading: string, kind: string) => {
    if (!surnames.has(surface) || !/^[ぁ-ゖー]+$/u.test(reading)) return;
    const key = `${surface}\t${reading}`;
    (kinds.get(key) ?? kinds.set(key, new Set()).get(key)!).add(kind);
  };
  for (const { fields } of ipadicEntries()) {
    const [surface, pos, pos1, pos2] = fields;
    const reading = fields[8];
    if (pos !== "名詞" || !surface || !reading || reading === "*") continue;
    if (pos1 === "固有名詞" && pos2 === "地域") add(surface, hiragana(reading), "place");
    else if (IPADIC_WORD.has(pos1!)) add(surface, hiragana(reading), "word");
  }
  for (const [file, pattern, kind] of [["Noun.koyuu.dic", JUMAN_PLACE, "town"], ["ContentW.dic", JUMAN_WORD, "word"]] as const) {
    for (const line of readFileSync(join(jumanFolder, file), "utf8").split("\n")) {
      if (!pattern.test(line)) continue;
      const entry = jumanEntry(line);
      if (entry) for (const surface of entry.surfaces) add(surface, entry.reading, kind);
    }
  }
  const rows = [...kinds.entries()].map(([key, set]) => `${key}\t${[...set].sort().join(",")}`);
  rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return rows.join("\n") + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(here, "..", "data", "place-and-word-readings.tsv");
  const table = extractOtherReadings(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? JUMAN_DIC_FOLDER);
  if (process.argv.includes("--check")) {
    const same = readFileSync(target, "utf8") === table;
    console.log(same ? "data/place-and-word-readings.tsv is up to date" : "data/place-and-word-readings.tsv is stale: run npx tsx scripts/extract-other-readings.ts");
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, table);
  console.log(`wrote ${target}: ${table.split("\n").length - 1} entries`);
}
