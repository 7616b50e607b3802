/**
 * Builds bench/data/surnames-devset.tsv, the development set of `npm run bench:readings`: common Japanese
 * surnames with their most common reading, counted over real people — not taken from IPADIC (which nafuda
 * reads) and not from nafuda's output.
 *
 * People: SKK-JISYO.fullname (Debian skkdic-extra), about 27,000 contemporary people named in Japanese
 *   newspapers, each as full reading → full name in kanji (© 2004-2006 Akie Kaidoh, SKK Development Team, GPL-2+).
 * Segmentation only: UniDic 3.1.1 (Debian unidic-mecab, © The UniDic Consortium, BSD-3-Clause) tells where the
 *   surname ends, from its 姓 and 名 entries: a split is kept when the surname's reading starts the full reading
 *   and the given name's reading ends it (or, when only one side is known to UniDic, that side alone fits
 *   and the other is non-empty). Names with no single such split are left out.
 * Then, per surname: how many people carry it (its rank) and how many read it each way. The most common reading
 * is the one most people have; where two readings tie, both are accepted.
 *
 *   apt-get install skkdic-extra unidic-mecab
 *   npx tsx scripts/build-surname-devset.ts [count]
 */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FULLNAME = "/usr/share/skk/SKK-JISYO.fullname";
const UNIDIC = "/usr/share/mecab/dic/unidic/lex_3_1.csv";
const count = Number(process.argv[2] ?? 1500);
const hiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

// UniDic name entries: surface → readings (hiragana).
const surnames = new Map<string, Set<string>>();
const givenNames = new Map<string, Set<string>>();
for await (const line of createInterface({ input: createReadStream(UNIDIC, "utf8"), crlfDelay: Infinity })) {
  if (!line.includes(",人名,")) continue;
  const f = line.split(",");
  if (f[4] !== "名詞" || f[5] !== "固有名詞" || f[6] !== "人名") continue;
  const table = f[7] === "姓" ? surnames : f[7] === "名" ? givenNames : null;
  if (!table || !/^[ァ-ヶー]+$/u.test(f[10]!)) continue;
  (table.get(f[0]!) ?? table.set(f[0]!, new Set()).get(f[0]!)!).add(hiragana(f[10]!));
}

// SKK fullname: "reading /name;annotation/name;annotation/".
const text = new TextDecoder("euc-jp").decode(readFileSync(FULLNAME));
const people = new Map<string, Map<string, number>>(); // surname → reading → people
let total = 0, kept = 0;
for (const line of text.split("\n")) {
  if (!line || line.startsWith(";") || line.includes("\uFFFD")) continue;
  const [reading, rest] = [line.slice(0, line.indexOf(" ")), line.slice(line.indexOf(" ") + 1)];
  if (!/^[ぁ-ゖー]+$/u.test(reading)) continue;
  for (const candidate of rest.split("/").filter(Boolean)) {
    const name = candidate.split(";")[0]!;
    if (!/^[\p{Script=Han}々ヶ]{2,}$/u.test(name)) continue; // kanji names only
    total++;
    const chars = Array.from(name);
    const strong: [string, string][] = [];
    const weak: [string, string][] = [];
    for (let k = 1; k < chars.length; k++) {
      const surname = chars.slice(0, k).join(""), given = chars.slice(k).join("");
      for (const r of surnames.get(surname) ?? []) {
        if (!reading.startsWith(r) || reading.length === r.length) continue;
        if (givenNames.get(given)?.has(reading.slice(r.length))) strong.push([surname, r]);
        else weak.push([surname, r]);
      }
      for (const g of givenNames.get(given) ?? []) {
        if (!reading.endsWith(g) || reading.length === g.length) continue;
        const r = reading.slice(0, reading.length - g.length);
        if (!surnames.get(surname)?.has(r)) weak.push([surname, r]);
      }
    }
    const unique = (list: [string, string][]) => [...new Set(list.map((p) => p.join("\t")))];
    const chosen = unique(strong).length === 1 ? unique(strong) : unique(strong).length === 0 && unique(weak).length === 1 ? unique(weak) : [];
    if (chosen.length !== 1) continue;
    const [surname, r] = chosen[0]!.split("\t") as [string, string];
    const readings = people.get(surname) ?? people.set(surname, new Map()).get(surname)!;
    readings.set(r, (readings.get(r) ?? 0) + 1);
    kept++;
  }
}

const ranked = [...people.entries()]
  .map(([surname, readings]) => ({ surname, readings: [...readings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)), n: [...readings.values()].reduce((a, b) => a + b, 0) }))
  .sort((a, b) => b.n - a.n || (a.surname < b.surname ? -1 : 1))
  .slice(0, count);
const header = [
  "# Common Japanese surnames with their most common reading: the development set of npm run bench:readings.",
  "# Built by scripts/build-surname-devset.ts; see bench/data/README.md. Derived from SKK-JISYO.fullname",
  "# (c) 2004-2006 Akie Kaidoh, SKK Development Team, GPL-2+ (this file is distributed under GPL-2+, apart from",
  "# nafuda's MIT code, and is not part of the npm package), segmented with UniDic 3.1.1 (BSD-3-Clause).",
  "# people = how many people in the source carry the surname; readings = reading:people, most common first;",
  "# accepted = the most common reading(s) (two when tied).",
  "rank\tsurname\taccepted\tpeople\treadings",
];
const rows = ranked.map((e, i) => {
  const top = e.readings[0]![1];
  const accepted = e.readings.filter(([, n]) => n === top).map(([r]) => r);
  return [i + 1, e.surname, accepted.join(" "), e.n, e.readings.map(([r, n]) => `${r}:${n}`).join(" ")].join("\t");
});
const target = join(dirname(fileURLToPath(import.meta.url)), "..", "bench", "data", "surnames-devset.tsv");
writeFileSync(target, [...header, ...rows].join("\n") + "\n");
console.log(`${total} kanji names, ${kept} segmented (${((100 * kept) / total).toFixed(1)} %), ${people.size} surnames; wrote ${rows.length} to ${target}`);
console.log(`people per surname at rank ${rows.length}: ${ranked.at(-1)?.n}`);
