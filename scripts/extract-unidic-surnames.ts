/**
 * Extracts the surname entries (名詞,固有名詞,人名,姓) of UniDic 3.1.1 into data/unidic-surnames.tsv:
 *
 *   surface<TAB>reading (hiragana)<TAB>cost
 *
 * one row per surface and reading (the cheapest entry), sorted by surface then cost. nafuda reads IPADIC first;
 * UniDic, an independent dictionary trained on a different corpus (BCCWJ), is a second opinion: where the two
 * disagree on a surname's most common reading, or UniDic holds two close readings, the surname goes to review.
 *
 * Source: UniDic 3.1.1, © 2011-2018 The UniDic Consortium, BSD-3-Clause (data/UNIDIC-LICENSE),
 * as packaged by Debian (unidic-mecab).
 *
 *   apt-get install unidic-mecab
 *   npx tsx scripts/extract-unidic-surnames.ts [lex_3_1.csv]            # rewrite data/unidic-surnames.tsv
 *   npx tsx scripts/extract-unidic-surnames.ts --check                  # exit 1 when the committed file is stale
 */
import { createReadStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const UNIDIC_LEXICON = "/usr/share/mecab/dic/unidic/lex_3_1.csv";

/** True when the UniDic lexicon this table is made from is installed here. */
export function unidicInstalled(path = UNIDIC_LEXICON): boolean {
  return existsSync(path);
}

export async function extractUnidicSurnames(lexicon = UNIDIC_LEXICON): Promise<string> {
  const hiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  const best = new Map<string, number>();
  for await (const line of createInterface({ input: createReadStream(lexicon, "utf8"), crlfDelay: Infinity })) {
    if (!line.includes(",人名,姓,")) continue;
    const f = line.split(",");
    // surface, left id, right id, cost, pos1-4, conjugation type/form, lForm (reading, katakana), …
    if (f[4] !== "名詞" || f[5] !== "固有名詞" || f[6] !== "人名" || f[7] !== "姓" || !/^[ァ-ヶー]+$/u.test(f[10]!)) continue;
    const key = `${f[0]}\t${hiragana(f[10]!)}`;
    const cost = Number(f[3]);
    if (!best.has(key) || best.get(key)! > cost) best.set(key, cost);
  }
  const rows = [...best.entries()].map(([key, cost]) => `${key}\t${cost}`).sort((a, b) => {
    const [sa, , ca] = a.split("\t"), [sb, , cb] = b.split("\t");
    return (sa! < sb! ? -1 : sa! > sb! ? 1 : 0) || Number(ca) - Number(cb) || (a < b ? -1 : 1);
  });
  return rows.join("\n") + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "unidic-surnames.tsv");
  const table = await extractUnidicSurnames(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? UNIDIC_LEXICON);
  if (process.argv.includes("--check")) {
    const same = readFileSync(target, "utf8") === table;
    console.log(same ? "data/unidic-surnames.tsv is up to date" : "data/unidic-surnames.tsv is stale: run npx tsx scripts/extract-unidic-surnames.ts");
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, table);
  console.log(`wrote ${target}: ${table.split("\n").length - 1} entries`);
}
