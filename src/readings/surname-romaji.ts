import type { NameEntry } from "./name-dictionary.js";
import { romanizeDetailed } from "../romaji/romanize.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
import { applyRomajiCase } from "../romaji/letter-case.js";

export interface SurnameRomajiInput {
  /** The decided reading, hiragana. */
  kana: string;
  /** The person's own spelling (roster ローマ字 column or confirmed file): it always wins when it is valid. */
  given: string | null | undefined;
  /** The surname itself when it is written in Latin letters (a foreign national's name). */
  latinName: string | null;
  /** The dictionary's entries for the surname: the one whose reading matches gives the pronunciation. */
  entries: readonly NameEntry[];
  system: RomajiSystem;
  case: RomajiCase;
}

export interface SurnameRomaji {
  romaji: string;
  /** Why the romaji needs a look (empty when it is certain). */
  reasons: string[];
}

const OWN_SPELLING = /^[A-Za-z][A-Za-z' -]*[A-Za-z]$|^[A-Za-z]$/;

/**
 * The romaji printed for a surname. A person's own spelling wins (Ohno, Satoh); a name written in Latin letters
 * keeps its letters; otherwise the kana is romanised, with long vowels decided by the dictionary's pronunciation
 * of the matching entry (佐藤 サトー → Sato, 井上 イノウエ → Inoue) or, without one, by kana rules, flagging a pair
 * that could be read either way.
 */
export function surnameRomaji(input: SurnameRomajiInput): SurnameRomaji {
  const own = input.given?.normalize("NFKC").trim().replace(/\s+/g, " ");
  const reasons: string[] = [];
  if (own) {
    if (OWN_SPELLING.test(own)) return { romaji: applyRomajiCase(own, input.case), reasons };
    reasons.push(`ローマ字「${own}」に使えない文字があるため、読みから作りました`);
  }
  if (input.latinName) return { romaji: applyRomajiCase(input.latinName, input.case), reasons };
  const pronunciation = input.entries.find((entry) => entry.reading === input.kana)?.pronunciation;
  const result = romanizeDetailed(input.kana, { system: input.system, case: input.case, pronunciation });
  if (result.ambiguous) reasons.push(...result.reasons.map((reason) => `ローマ字: ${reason}`));
  return { romaji: result.romaji, reasons };
}
