import type { RomajiCase } from "./systems.js";

/**
 * Applies a letter case to romaji: `title` → first letter capital, the rest small
 * (satō → Satō); `upper` → all capitals (satō → SATŌ). Macrons and circumflexes follow.
 */
export function applyRomajiCase(romaji: string, letterCase: RomajiCase): string {
  if (letterCase === "upper") return romaji.toUpperCase();
  const lower = romaji.toLowerCase();
  const first = lower.codePointAt(0);
  if (first === undefined) return lower;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + lower.slice(head.length);
}
