/**
 * Extracts the personal-name entries (名詞,固有名詞,人名,姓 and 人名,名) of the IPADIC dictionary
 * that kuromoji ships (node_modules/kuromoji/dict) into data/ipadic-names.tsv:
 *
 *   kind<TAB>surface<TAB>reading (katakana)<TAB>pronunciation (katakana, ー for long vowels)<TAB>cost
 *
 * kind is "sei" (surname) or "mei" (given name). Rows are sorted by kind, surface, cost, reading, so the
 * file is stable. The runtime loads this small table instead of the whole 250 MB analyzer, and
 * test/readings/ipadic-names.test.ts checks the committed file still matches the installed kuromoji.
 *
 *   npx tsx scripts/extract-ipadic-names.ts            # rewrite data/ipadic-names.tsv
 *   npx tsx scripts/extract-ipadic-names.ts --check    # exit 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** Every entry of the IPADIC dictionary that kuromoji ships: its cost and its feature fields (surface, pos…, reading, pronunciation). */
export function* ipadicEntries(): Generator<{ cost: number; fields: string[] }> {
  const dictFolder = join(dirname(require.resolve("kuromoji/package.json")), "dict");
  const read = (name: string) => new Uint8Array(gunzipSync(readFileSync(join(dictFolder, name))));
  const tokens = read("tid.dat.gz");
  const features = read("tid_pos.dat.gz");
  const tokenView = new DataView(tokens.buffer, tokens.byteOffset, tokens.byteLength);
  const decoder = new TextDecoder("utf-8");
  // tid.dat: per entry left_id (int16), right_id (int16), word_cost (int16), feature offset (int32), little-endian.
  for (let offset = 0; offset + 10 <= tokens.length; offset += 10) {
    const cost = tokenView.getInt16(offset + 4, true);
    const featureOffset = tokenView.getInt32(offset + 6, true);
    let end = featureOffset;
    while (features[end] !== 0) end++;
    // surface, pos, pos1, pos2, pos3, conjugation type, conjugation form, base form, reading, pronunciation
    yield { cost, fields: decoder.decode(features.subarray(featureOffset, end)).split(",") };
  }
}

export function extractIpadicNames(): string {
  const lines: string[] = [];
  for (const { cost, fields } of ipadicEntries()) {
    if (fields[1] !== "名詞" || fields[2] !== "固有名詞" || fields[3] !== "人名") continue;
    const kind = fields[4] === "姓" ? "sei" : fields[4] === "名" ? "mei" : null;
    const [surface, reading, pronunciation] = [fields[0], fields[8], fields[9]];
    if (!kind || !surface || !reading || reading === "*") continue;
    lines.push([kind, surface, reading, pronunciation ?? reading, String(cost)].join("\t"));
  }
  lines.sort((a, b) => {
    const [ka, sa, ra, , ca] = a.split("\t");
    const [kb, sb, rb, , cb] = b.split("\t");
    return (ka! < kb! ? -1 : ka! > kb! ? 1 : 0) || (sa! < sb! ? -1 : sa! > sb! ? 1 : 0) ||
      Number(ca) - Number(cb) || (ra! < rb! ? -1 : ra! > rb! ? 1 : 0);
  });
  return [...new Set(lines)].join("\n") + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "ipadic-names.tsv");
  const table = extractIpadicNames();
  if (process.argv.includes("--check")) {
    const same = readFileSync(target, "utf8") === table;
    console.log(same ? "data/ipadic-names.tsv is up to date" : "data/ipadic-names.tsv is stale: run npx tsx scripts/extract-ipadic-names.ts");
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, table);
  console.log(`wrote ${target}: ${table.split("\n").length - 1} entries`);
}
