import type { NameEntry } from "./name-dictionary.js";
import { romanizeDetailed } from "../romaji/romanize.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
import { applyRomajiCase } from "../romaji/letter-case.js";
import { romajiFitsKana } from "../romaji/fits.js";
import { msg, type Message } from "../messages/message.js";

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
  reasons: Message[];
}

const OWN_SPELLING = /^[A-Za-z][A-Za-z' -]*[A-Za-z]$|^[A-Za-z]$/;

/**
 * The romaji printed for a surname. A person's own spelling wins (Ohno, Satoh) when it spells the kana (see
 * romajiFitsKana); one that does not is not printed but asked about, since a badge never shows a kana and a romaji
 * that disagree unless a person confirmed the pair (the confirmed file's 済). A name written in Latin letters
 * keeps its letters; otherwise the kana is romanised, with long vowels decided by the dictionary's pronunciation
 * of the matching entry (佐藤 サトー → Sato, 井上 イノウエ → Inoue) or, without one, by kana rules, flagging a pair
 * that could be read either way.
 */
export function surnameRomaji(input: SurnameRomajiInput): SurnameRomaji {
  const own = input.given?.normalize("NFKC").trim().replace(/\s+/g, " ");
  const reasons: Message[] = [];
  if (input.latinName) {
    if (own && own.toLowerCase() !== input.latinName.toLowerCase() && OWN_SPELLING.test(own)) return { romaji: applyRomajiCase(own, input.case), reasons };
    return { romaji: applyRomajiCase(input.latinName, input.case), reasons };
  }
  const pronunciation = input.entries.find((entry) => entry.reading === input.kana)?.pronunciation;
  const result = romanizeDetailed(input.kana, { system: input.system, case: input.case, pronunciation });
  if (own) {
    if (!OWN_SPELLING.test(own)) reasons.push(msg("REASON_ROMAJI_UNUSABLE", { romaji: own }));
    else if (own.toLowerCase() === result.romaji.toLowerCase() || romajiFitsKana(own, input.kana)) return { romaji: applyRomajiCase(own, input.case), reasons };
    else {
      reasons.push(msg("REASON_ROMAJI_DOES_NOT_FIT", { kana: input.kana, romaji: own, spelt: result.romaji }));
      return { romaji: result.romaji, reasons };
    }
  }
  if (result.ambiguous) reasons.push(...result.reasons);
  return { romaji: result.romaji, reasons };
}
