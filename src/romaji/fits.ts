import { splitMora } from "../kana/mora.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { isPrintableKana, LONG_MARK } from "../kana/kana-classes.js";
import { vowelPairAt } from "./long-vowels.js";
import { spellMorae } from "./romanize.js";
import { ROMAJI_SYSTEMS } from "./systems.js";

/**
 * Whether a romaji spells a kana reading: what decides that a person's ローマ字 still goes with a corrected かな.
 * It fits when it equals, ignoring case, the kana spelt in any supported system (passport, hepburn, kunrei,
 * kana) with any choice of long vowels the kana allows, or a passport long-O written OH (Ohno, Satoh). Nothing
 * looser: Ochi never fits おおうち, Sampei never fits さんべ.
 */
export function romajiFitsKana(romaji: string, kana: string): boolean {
  const written = normalizeRomaji(romaji);
  if (written === "") return false;
  const spellings = romajiSpellings(kana);
  if (spellings.has(written)) return true;
  // Passport's OH for a long O: an h after o that no vowel follows is not a consonant (Ohno, Satoh; not Ohashi).
  const withoutOh = written.replace(/oh(?![aeiou])/g, "o");
  return withoutOh !== written && spellings.has(withoutOh);
}

/** Lower case, NFC (ō as one character), no spaces, hyphens or apostrophes. */
function normalizeRomaji(romaji: string): string {
  return romaji.normalize("NFKC").normalize("NFC").toLowerCase().replace(/[\s'’\-‐.]/g, "");
}

/** Pairs some system writes shortened or marked when long (いい and えい are written in full by all). */
const LENGTHENABLE = new Set(["ou", "oo", "uu", "aa", "ee"]);

/** Every spelling of the kana in every system and every reading of its vowel pairs (lower case). */
export function romajiSpellings(kana: string): Set<string> {
  const hira = toHiragana(kana).replace(/[\s\u3000]/g, "");
  const out = new Set<string>();
  if (!isPrintableKana(hira) || hira === "") return out;
  const morae = splitMora(hira);
  const assignments: boolean[][] = [];
  const walk = (index: number, long: boolean[]) => {
    if (assignments.length >= 64) return; // a surname has a handful of pairs; bound the work all the same
    if (index === morae.length) return void assignments.push(long);
    if (morae[index] === LONG_MARK) return walk(index + 1, [...long, true]);
    const pair = vowelPairAt(morae, index, long);
    walk(index + 1, [...long, false]);
    if (pair !== null && LENGTHENABLE.has(pair)) walk(index + 1, [...long, true]);
  };
  walk(0, []);
  for (const long of assignments) {
    for (const system of ROMAJI_SYSTEMS) {
      try {
        out.add(spellMorae(morae, long, system, []).normalize("NFC"));
      } catch {
        // a ー that follows no vowel: that spelling does not exist
      }
    }
  }
  return out;
}
