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
 *   npx tsx scripts/extract-unidic-surnames.ts [/usr/share/mecab/dic/unidic/lex_3_1.csv]
 */
import { createReadStream, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const lexicon = process.argv[2] ?? "/usr/share/mecab/dic/unidic/lex_3_1.csv";
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
const target = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "unidic-surnames.tsv");
writeFileSync(target, rows.join("\n") + "\n");
console.log(`wrote ${target}: ${rows.length} entries`);
