/**
 * Romanisation systems a badge can use.
 *
 * - `passport`: 外務省 Hepburn (旅券法施行規則 第5条), the default. ASCII letters only; ん → m
 *   before b/m/p; long O and long U are not written; final おお stays OO.
 * - `hepburn`: modified Hepburn with macrons (Satō, Ōno, Yūko); n' before a vowel or y.
 * - `kunrei`: 訓令式 (1954 cabinet notice, ISO 3602): si ti tu hu zi, sya, tya, zya;
 *   circumflex on long vowels (Satô).
 * - `kana`: wāpuro spelling, the kana as typed (satou, oono), as wanakana.toRomaji writes it.
 */
export type RomajiSystem = "passport" | "hepburn" | "kunrei" | "kana";

/** Letter case of the result: `title` = Matsuno, `upper` = MATSUNO. */
export type RomajiCase = "title" | "upper";

export const ROMAJI_SYSTEMS: readonly RomajiSystem[] = ["passport", "hepburn", "kunrei", "kana"];

export const ROMAJI_CASES: readonly RomajiCase[] = ["title", "upper"];

export const DEFAULT_ROMAJI_SYSTEM: RomajiSystem = "passport";

export const DEFAULT_ROMAJI_CASE: RomajiCase = "title";

export function isRomajiSystem(value: unknown): value is RomajiSystem {
  return typeof value === "string" && (ROMAJI_SYSTEMS as readonly string[]).includes(value);
}

export function isRomajiCase(value: unknown): value is RomajiCase {
  return typeof value === "string" && (ROMAJI_CASES as readonly string[]).includes(value);
}
