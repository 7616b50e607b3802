/**
 * Learns the voicing model (src/readings/voicing.ts) from the shipped surname tables and writes what it learnt to
 * data/voicing-model.tsv, so that a run reads it (a few ms) instead of learning it (~60 ms, on every roster with
 * a reading to weigh). Nothing but the shipped tables goes in: every reading JUMAN lists for its common surnames,
 * and the reading IPADIC and UniDic both give first (src/readings/surname-evidence.ts, voicingObservations).
 *
 *   npx tsx scripts/learn-voicing-model.ts            # rewrite data/voicing-model.tsv after a table changed
 *   npx tsx scripts/learn-voicing-model.ts --check    # exit 1 when the committed file is stale
 *
 * test/readings/voicing.test.ts fails while the committed file differs from what the tables teach.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { bundledPath } from "../src/package-root.js";
import { parseNameTable } from "../src/readings/name-dictionary.js";
import { voicingObservations } from "../src/readings/surname-evidence.js";
import { learnVoicingTables, voicingTablesText } from "../src/readings/voicing.js";

/** The file's text as the shipped tables teach it now. */
export function learnVoicingModelText(): string {
  const read = (name: string) => readFileSync(bundledPath("data", name), "utf8");
  const tables = parseNameTable(read("ipadic-names.tsv"), read("unidic-surnames.tsv"), { commonSurnames: read("juman-surnames.tsv") });
  return voicingTablesText(learnVoicingTables(voicingObservations(tables)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = bundledPath("data", "voicing-model.tsv");
  const text = learnVoicingModelText();
  if (process.argv.includes("--check")) {
    const stale = readFileSync(file, "utf8") !== text;
    if (stale) console.error("data/voicing-model.tsv is stale: run npx tsx scripts/learn-voicing-model.ts");
    process.exit(stale ? 1 : 0);
  }
  writeFileSync(file, text);
  console.log(`wrote ${file} (${text.split("\n").length - 1} lines)`);
}
