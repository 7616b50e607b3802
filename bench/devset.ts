/**
 * The development set of bench:readings (bench/data/surnames-devset.tsv, see bench/data/README.md) and its two
 * parts: the HELD-OUT part, a third of the surnames chosen by a hash of the surname (the first byte of its SHA-256,
 * UTF-8, mod 3 = 0), never used to choose anything; and the TUNING part, the rest, on which weights and gaps are
 * chosen (scripts/fit-evidence-weights.ts, the gap sweep of bench/readings.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../src/package-root.js";

export interface DevCase {
  rank: number;
  surface: string;
  /** The most common reading(s): two or more when tied. */
  accepted: Set<string>;
  /** reading → how many people in the source read the surname so. */
  people: Map<string, number>;
}

/** True for the surnames of the held-out part. */
export const heldOut = (surname: string): boolean => createHash("sha256").update(surname, "utf8").digest()[0]! % 3 === 0;

export function loadDevset(): DevCase[] {
  return readFileSync(join(packageRoot(), "bench/data/surnames-devset.tsv"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")).slice(1).map((l) => l.split("\t"))
    .map(([rank, surface, accepted, , readings]) => ({
      rank: Number(rank),
      surface: surface!,
      accepted: new Set(accepted!.split(" ")),
      people: new Map(readings!.split(" ").map((pair) => [pair.split(":")[0]!, Number(pair.split(":")[1])] as const)),
    }));
}
