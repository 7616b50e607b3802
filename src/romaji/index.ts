/**
 * nafuda/romaji — romanising surname readings: passport (外務省 Hepburn, the default), hepburn, kunrei and kana
 * (wāpuro), long vowels decided by a dictionary pronunciation or by kana rules, and whether a romaji a person
 * wrote spells a kana.
 */
export { romanize, romanizeDetailed } from "./romanize.js";
export type { RomanizeOptions, RomanizeResult } from "./romanize.js";
export { romajiFitsKana, romajiSpellings } from "./fits.js";
export { ROMAJI_SYSTEMS, ROMAJI_CASES, DEFAULT_ROMAJI_SYSTEM, DEFAULT_ROMAJI_CASE, isRomajiSystem, isRomajiCase } from "./systems.js";
export type { RomajiSystem, RomajiCase } from "./systems.js";
export { applyRomajiCase } from "./letter-case.js";
