/** "Did you mean …?" for typos in keys, sizes and measure names. */

import { msg, type CodedMessage } from "../messages/message.js";

/** Damerau–Levenshtein (optimal string alignment) distance, by code point. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/**
 * The candidate nearest to `word` (case-insensitive), if it is near enough to be a typo:
 * at most a third of the longer word's length, and at least 1 edit allowed. Null otherwise.
 */
export function nearest(word: string, candidates: Iterable<string>): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(w, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === null) return null;
  const limit = Math.max(1, Math.floor(Math.max([...w].length, [...best].length) / 3));
  return bestDistance <= limit ? best : null;
}

/**
 * 「x」の書き間違いではありませんか。 / Did you mean "x"? — as a catalogue message (TEXT_DID_YOU_MEAN) to nest in
 * another message's params, or undefined when no candidate is near enough.
 */
export function suggestion(word: string, candidates: Iterable<string>): CodedMessage<"TEXT_DID_YOU_MEAN"> | undefined {
  const hit = nearest(word, candidates);
  return hit === null ? undefined : msg("TEXT_DID_YOU_MEAN", { word: hit });
}

/** The same as `suggestion`, by the name that says what it replaces. */
export const didYouMeanMessage = suggestion;

