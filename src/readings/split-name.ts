import type { NameDictionary, NameEntry } from "./name-dictionary.js";
import { normalizeVariantKanji } from "../names/variant-kanji.js";

/** How the surname was found in the full name. */
export type SplitMethod =
  | "column" // the roster has its own 姓 column
  | "separator" // 氏名 has a space between surname and given name
  | "dictionary" // no separator: a surname the dictionary knows at the start (a guess unless the フリガナ confirms it)
  | "script" // no separator: kanji followed by kana (小鳥遊ひなた), split where the script changes (a guess)
  | "whole" // no separator and no known surname: the whole name is taken as the surname
  | "foreign"; // a foreign national's name in Latin letters or katakana with ・ (src/readings/foreign-name.ts)

export interface NameSplit {
  surname: string;
  given: string;
  method: SplitMethod;
  /** Other places the name could be split, as surnames (only for method "dictionary"). */
  otherSurnames: string[];
  /**
   * For a split without a separator: the フリガナ is exactly a dictionary reading of the surname followed by a
   * dictionary reading of the given name, so the split is not a guess.
   */
  confirmedByReading?: boolean;
  /**
   * For method "foreign": which part is the family name and why ("capitals": written in capitals, certain;
   * "western": the last part, as Western order has it, a guess), counted in the name's parts.
   */
  foreign?: { order: "capitals" | "western"; familyIndex: number; parts: number };
}

/** Full-width (U+3000) or ASCII space, and the other spaces rosters contain. */
const SEPARATOR = /[\s\u3000]+/u;

/** The key under which the dictionary is searched: NFKC, then variant kanji mapped to their common forms. */
export function lookupKey(surface: string): string {
  return normalizeVariantKanji(surface.normalize("NFKC"));
}

/**
 * A dictionary's entries for a surname: as written first (a dictionary may hold 渡邊 itself), else under its
 * common form. `table` picks the dictionary: IPADIC's surnames (default) or the UniDic second opinion.
 */
export function surnameEntries(dictionary: NameDictionary, surname: string, table: "surname" | "secondOpinion" = "surname"): readonly NameEntry[] {
  const asWritten = dictionary[table](surname.normalize("NFKC"));
  return asWritten.length > 0 ? asWritten : dictionary[table](lookupKey(surname));
}

/**
 * Splits a full name into surname and given name.
 * - On a space when there is one (the usual roster form: 佐藤　花子).
 * - Without one, by the dictionary: the surnames the dictionary knows that the name starts with, longest first
 *   (佐藤花子 → 佐藤 / 花子). With a reading (フリガナ), candidates whose reading starts the フリガナ win.
 *   Such a split is a guess and the resolver flags it for review.
 */
export function splitFullName(name: string, dictionary: NameDictionary, reading?: string): NameSplit {
  const trimmed = name.trim();
  const parts = trimmed.split(SEPARATOR).filter(Boolean);
  if (parts.length >= 2) return { surname: parts[0]!, given: parts.slice(1).join("　"), method: "separator", otherSurnames: [] };

  const characters = Array.from(trimmed);
  const candidates: string[] = [];
  for (let length = Math.min(characters.length, dictionary.longestSurname); length >= 1; length--) {
    const surname = characters.slice(0, length).join("");
    if (dictionary.surname(lookupKey(surname)).length > 0) candidates.push(surname);
  }
  if (candidates.length === 0) {
    const boundary = /^(\p{Script=Han}[\p{Script=Han}々ヶ]*)([\p{Script=Hiragana}\p{Script=Katakana}ー]+)$/u.exec(trimmed);
    if (boundary) return { surname: boundary[1]!, given: boundary[2]!, method: "script", otherSurnames: [] };
    return { surname: trimmed, given: "", method: "whole", otherSurnames: [] };
  }

  // Best first: the reading fits (when there is one), then the rest is a known given name (or nothing is left:
  // a roster holding surnames only), then the longest surname.
  const readingFits = (surname: string) =>
    !reading || dictionary.surname(lookupKey(surname)).some((entry) => reading.startsWith(entry.reading));
  const givenKnown = (surname: string) => {
    const rest = trimmed.slice(surname.length);
    return rest === "" || dictionary.givenName(lookupKey(rest)).length > 0;
  };
  const score = (surname: string) => (readingFits(surname) ? 2 : 0) + (givenKnown(surname) ? 1 : 0);
  const chosen = candidates.reduce((best, surname) => (score(surname) > score(best) ? surname : best));
  const given = trimmed.slice(chosen.length);
  const confirmedByReading = !!reading && dictionary.surname(lookupKey(chosen)).some((entry) =>
    reading.startsWith(entry.reading) &&
    (given === "" ? reading === entry.reading : dictionary.givenName(lookupKey(given)).some((g) => entry.reading + g.reading === reading)));
  return {
    surname: chosen,
    given,
    method: "dictionary",
    otherSurnames: candidates.filter((surname) => surname !== chosen),
    confirmedByReading,
  };
}
