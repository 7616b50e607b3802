/**
 * Extracts the Japanese surname entries (名詞 人名, 意味情報 "人名:日本:姓:RANK:SHARE") of the JUMAN 7.0 dictionary
 * into data/juman-surnames.tsv:
 *
 *   surface<TAB>reading (hiragana)<TAB>rank<TAB>bearers per million people
 *
 * JUMAN lists the 1,500 commonest Japanese surnames by how many people bear them (rank 1 鈴木, 0.961 % of people),
 * each with every reading in real use (角田 かくた / かどた / つのだ), the readings unweighted. To nafuda that is a
 * third, independent witness of which readings people have, and of how common the surname is; its place names
 * (地名) and common nouns are not surname evidence and are not taken.
 *
 * Source: JUMAN 7.0 (Kurohashi-Kawahara laboratory, Kyoto University; © 2003 University of Tokyo), BSD-3-Clause
 * (data/JUMAN-LICENSE), as packaged by Debian (juman-dic): /usr/share/juman/dic/Noun.koyuu.dic.
 *
 *   apt-get install juman-dic
 *   npx tsx scripts/extract-juman-surnames.ts            # rewrite data/juman-surnames.tsv
 *   npx tsx scripts/extract-juman-surnames.ts --check    # exit 1 when the committed file is stale
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const JUMAN_NOUN_DICTIONARY = "/usr/share/juman/dic/Noun.koyuu.dic";

/** True when the JUMAN dictionary this table is made from is installed here. */
export function jumanInstalled(path = JUMAN_NOUN_DICTIONARY): boolean {
  return existsSync(path);
}

const ENTRY = /^\(名詞 \(人名 \(\(読み ([ぁ-ゖー]+)\)\(見出し語 \(?([^ ()]+)[^)]*\)\)?\(意味情報 "人名:日本:姓:(\d+):([0-9.]+)"\)\)\)\)$/u;

export function extractJumanSurnames(path = JUMAN_NOUN_DICTIONARY): string {
  const rows = new Map<string, { surface: string; reading: string; rank: number; perMillion: number }>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.includes("人名:日本:姓:")) continue;
    const m = ENTRY.exec(line.trim());
    if (!m) throw new Error(`unexpected JUMAN surname line: ${line}`);
    const [, reading, surface, rank, share] = m as unknown as [string, string, string, string, string];
    rows.set(`${surface}\t${reading}`, { surface, reading, rank: Number(rank), perMillion: Math.round(Number(share) * 1e6) });
  }
  const sorted = [...rows.values()].sort((a, b) => a.rank - b.rank || (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0) || (a.reading < b.reading ? -1 : 1));
  return sorted.map((r) => [r.surface, r.reading, r.rank, r.perMillion].join("\t")).join("\n") + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "juman-surnames.tsv");
  const source = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? JUMAN_NOUN_DICTIONARY;
  const table = extractJumanSurnames(source);
  if (process.argv.includes("--check")) {
    const same = readFileSync(target, "utf8") === table;
    console.log(same ? "data/juman-surnames.tsv is up to date" : "data/juman-surnames.tsv is stale: run npx tsx scripts/extract-juman-surnames.ts");
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, table);
  console.log(`wrote ${target}: ${table.split("\n").length - 1} entries`);
}
