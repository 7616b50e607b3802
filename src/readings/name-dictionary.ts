import { katakanaToHiragana } from "../kana/to-hiragana.js";
import { readFileSync } from "node:fs";
import { bundledPath } from "../package-root.js";

/** One reading of a name as the IPADIC dictionary lists it. */
export interface NameEntry {
  /** The name as written in the dictionary (kanji). */
  surface: string;
  /** Reading in hiragana. */
  reading: string;
  /** Pronunciation in katakana, long vowels marked ー (サトー for 佐藤). */
  pronunciation: string;
  /** The dictionary's word cost: lower means more common. */
  cost: number;
}

/** The personal-name part of IPADIC (surnames 姓, given names 名) with every reading it knows, and UniDic's surnames as a second opinion. */
export interface NameDictionary {
  /** Readings of a surname, most common (lowest cost) first; empty when unknown. */
  surname(surface: string): readonly NameEntry[];
  /** Readings of a given name, most common first; empty when unknown. */
  givenName(surface: string): readonly NameEntry[];
  /**
   * A second opinion from an independent dictionary (UniDic): the surname's readings, most common first, with
   * that dictionary's costs (pronunciation = reading). Empty when unknown or when no second dictionary is loaded.
   */
  secondOpinion(surface: string): readonly NameEntry[];
  /** Length in code units of the longest surname in the dictionary (bounds prefix searches). */
  readonly longestSurname: number;
}


/**
 * Parses data/ipadic-names.tsv (made by scripts/extract-ipadic-names.ts): kind (sei|mei), surface, reading,
 * pronunciation, cost; and, optionally, data/unidic-surnames.tsv (scripts/extract-unidic-surnames.ts):
 * surface, reading (hiragana), cost.
 */
export function parseNameTable(text: string, secondOpinionText = ""): NameDictionary {
  const surnames = new Map<string, NameEntry[]>();
  const givenNames = new Map<string, NameEntry[]>();
  let longestSurname = 0;
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [kind, surface, reading, pronunciation, cost] = line.split("\t");
    if (!surface || !reading || !pronunciation || cost === undefined) continue;
    const table = kind === "sei" ? surnames : givenNames;
    const entry: NameEntry = { surface, reading: katakanaToHiragana(reading), pronunciation, cost: Number(cost) };
    const list = table.get(surface);
    // The dictionary may list one reading twice (different context ids): keep the cheaper one.
    if (!list) table.set(surface, [entry]);
    else if (!list.some((known) => known.reading === entry.reading)) list.push(entry);
    if (kind === "sei") longestSurname = Math.max(longestSurname, surface.length);
  }
  const second = new Map<string, NameEntry[]>();
  for (const line of secondOpinionText.split("\n")) {
    const [surface, reading, cost] = line.split("\t");
    if (!surface || !reading || cost === undefined) continue;
    const entry: NameEntry = { surface, reading, pronunciation: reading, cost: Number(cost) };
    const list = second.get(surface);
    if (!list) second.set(surface, [entry]);
    else if (!list.some((known) => known.reading === reading)) list.push(entry);
  }
  for (const table of [surnames, givenNames, second]) for (const list of table.values()) list.sort((a, b) => a.cost - b.cost);
  return {
    surname: (surface) => surnames.get(surface) ?? [],
    givenName: (surface) => givenNames.get(surface) ?? [],
    secondOpinion: (surface) => second.get(surface) ?? [],
    longestSurname,
  };
}

let bundled: NameDictionary | undefined;

/** The dictionaries shipped in data/ (IPADIC names, UniDic surnames), parsed once: about 40 ms. */
export function bundledNameDictionary(): NameDictionary {
  return (bundled ??= parseNameTable(
    readFileSync(bundledPath("data", "ipadic-names.tsv"), "utf8"),
    readFileSync(bundledPath("data", "unidic-surnames.tsv"), "utf8"),
  ));
}
