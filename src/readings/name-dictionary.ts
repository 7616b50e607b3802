import { readFileSync } from "node:fs";
import { bundledPath } from "../package-root.js";
import { parseVoicingTables, type VoicingTables } from "./voicing.js";

/** One reading of a name as the IPADIC dictionary (or UniDic, for the second opinion) lists it. */
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
  /**
   * A third witness (JUMAN): the readings in real use of one of the 1,500 commonest surnames, with how common the
   * surname is (rank, bearers per million). The readings are not ordered: JUMAN does not weigh them. Empty when
   * the surname is not among them (or no such table is loaded).
   */
  commonSurname?(surface: string): readonly CommonSurnameEntry[];
  /**
   * Readings the same kanji have as a place name or a common word (三戸 さんのへ: the town; 松林 しょうりん: a pine
   * wood), for the surnames the tables hold. They are not surname readings: a surname entry that is only that,
   * in one dictionary, is printed only after review.
   */
  otherReadings?(surface: string): readonly OtherReading[];
  /** Every surname surface any of the surname tables holds (for models learnt from the tables). */
  surnames?(): Iterable<string>;
  /** The voicing model's tables already learnt from these tables (the bundled dictionary ships them); absent: learnt on first use. */
  voicingTables?(): VoicingTables | undefined;
  /** Length in code units of the longest surname in the dictionary (bounds prefix searches). */
  readonly longestSurname: number;
}

/** One reading of a common surname as JUMAN lists it. */
export interface CommonSurnameEntry {
  surface: string;
  /** Reading in hiragana. */
  reading: string;
  /** The surname's rank by how many people bear it (1 = 鈴木). */
  rank: number;
  /** How many people in a million bear the surname (all its readings together). */
  perMillion: number;
}

export type OtherReadingKind = "place" | "town" | "word";

/** A reading of the kanji that is not a surname reading. */
export interface OtherReading {
  reading: string;
  /** place: a place name (IPADIC); town: a municipality or district (JUMAN: 市 町 村 郡 区); word: a common word. */
  kinds: readonly OtherReadingKind[];
}

/** The optional tables of parseNameTable, as text. */
export interface ExtraNameTables {
  /** data/juman-surnames.tsv (scripts/extract-juman-surnames.ts): surface, reading, rank, per million. */
  commonSurnames?: string;
  /** data/place-and-word-readings.tsv (scripts/extract-other-readings.ts): surface, reading, kinds; or how to read it when needed. */
  otherReadings?: string | (() => string);
  /** data/voicing-model.tsv (scripts/learn-voicing-model.ts): the voicing model learnt from the tables above. */
  voicingTables?: string | (() => string);
}


/**
 * Parses data/ipadic-names.tsv (made by scripts/extract-ipadic-names.ts): kind (sei|mei), surface, reading,
 * pronunciation, cost; and, optionally, data/unidic-surnames.tsv (scripts/extract-unidic-surnames.ts):
 * surface, reading (hiragana), cost.
 */
export function parseNameTable(text: string, secondOpinionText = "", extra: ExtraNameTables = {}): NameDictionary {
  const surnames = new Map<string, NameEntry[]>();
  let longestSurname = 0;
  // Given names are only needed to split a full name written without a space: parsed on first use.
  const givenLines: string[] = [];
  const addEntry = (table: Map<string, NameEntry[]>, fields: string[]): string | null => {
    const [, surface, reading, pronunciation, cost] = fields;
    if (!surface || !reading || !pronunciation || cost === undefined) return null;
    const entry: NameEntry = { surface, reading: tableKatakanaToHiragana(reading), pronunciation, cost: Number(cost) };
    const list = table.get(surface);
    // The dictionary may list one reading twice (different context ids): keep the cheaper one.
    if (!list) table.set(surface, [entry]);
    else if (!list.some((known) => known.reading === entry.reading)) list.push(entry);
    return surface;
  };
  for (const line of text.split("\n")) {
    if (!line) continue;
    if (!line.startsWith("sei\t")) {
      givenLines.push(line);
      continue;
    }
    const surface = addEntry(surnames, line.split("\t"));
    if (surface) longestSurname = Math.max(longestSurname, surface.length);
  }
  let givenNames: Map<string, NameEntry[]> | undefined;
  const givenNameTable = () => {
    if (givenNames) return givenNames;
    givenNames = new Map();
    for (const line of givenLines) {
      const fields = line.split("\t");
      if (fields[0] === "mei") addEntry(givenNames, fields);
    }
    for (const list of givenNames.values()) list.sort((a, b) => a.cost - b.cost);
    givenLines.length = 0;
    return givenNames;
  };
  const second = new Map<string, NameEntry[]>();
  for (const line of secondOpinionText.split("\n")) {
    const [surface, reading, cost] = line.split("\t");
    if (!surface || !reading || cost === undefined) continue;
    const entry: NameEntry = { surface, reading, pronunciation: reading, cost: Number(cost) };
    const list = second.get(surface);
    if (!list) second.set(surface, [entry]);
    else if (!list.some((known) => known.reading === reading)) list.push(entry);
  }
  for (const table of [surnames, second]) for (const list of table.values()) list.sort((a, b) => a.cost - b.cost);
  const common = new Map<string, CommonSurnameEntry[]>();
  for (const line of (extra.commonSurnames ?? "").split("\n")) {
    const [surface, reading, rank, perMillion] = line.split("\t");
    if (!surface || !reading || rank === undefined || perMillion === undefined) continue;
    const entry: CommonSurnameEntry = { surface, reading, rank: Number(rank), perMillion: Number(perMillion) };
    const list = common.get(surface);
    if (!list) common.set(surface, [entry]);
    else if (!list.some((known) => known.reading === reading)) list.push(entry);
  }
  // Place and word readings are only weighed when a reading is (not for a roster reading a source attests).
  let other: Map<string, OtherReading[]> | undefined;
  const otherTable = () => {
    if (other) return other;
    other = new Map();
    const text = typeof extra.otherReadings === "function" ? extra.otherReadings() : (extra.otherReadings ?? "");
    for (const line of text.split("\n")) {
      const [surface, reading, kinds] = line.split("\t");
      if (!surface || !reading || !kinds) continue;
      const entry: OtherReading = { reading, kinds: kinds.split(",").filter((k): k is OtherReadingKind => k === "place" || k === "town" || k === "word") };
      (other.get(surface) ?? other.set(surface, []).get(surface)!).push(entry);
    }
    return other;
  };
  let voicing: VoicingTables | undefined;
  return {
    surname: (surface) => surnames.get(surface) ?? [],
    givenName: (surface) => givenNameTable().get(surface) ?? [],
    secondOpinion: (surface) => second.get(surface) ?? [],
    commonSurname: (surface) => common.get(surface) ?? [],
    otherReadings: (surface) => otherTable().get(surface) ?? [],
    surnames: () => new Set([...surnames.keys(), ...second.keys(), ...common.keys()]),
    voicingTables: () => {
      if (extra.voicingTables === undefined) return undefined;
      return (voicing ??= parseVoicingTables(typeof extra.voicingTables === "function" ? extra.voicingTables() : extra.voicingTables));
    },
    longestSurname,
  };
}

/**
 * The tables' readings are plain katakana (ァ–ヶ and ー, as the extraction scripts write them): shifted to hiragana
 * by code point, which is all they need (a roster's readings, which may hold anything, go through toHiragana).
 */
function tableKatakanaToHiragana(reading: string): string {
  let out = "";
  for (let i = 0; i < reading.length; i++) {
    const code = reading.charCodeAt(i);
    out += code >= 0x30a1 && code <= 0x30f6 ? String.fromCharCode(code - 0x60) : reading[i];
  }
  return out;
}

let bundled: NameDictionary | undefined;

/**
 * The dictionaries shipped in data/ (IPADIC names, UniDic surnames, JUMAN's common surnames, the place and word
 * readings of those kanji), parsed once: see bench/readings.ts for the time and memory.
 */
export function bundledNameDictionary(): NameDictionary {
  return (bundled ??= parseNameTable(
    readFileSync(bundledPath("data", "ipadic-names.tsv"), "utf8"),
    readFileSync(bundledPath("data", "unidic-surnames.tsv"), "utf8"),
    {
      commonSurnames: readFileSync(bundledPath("data", "juman-surnames.tsv"), "utf8"),
      otherReadings: () => readFileSync(bundledPath("data", "place-and-word-readings.tsv"), "utf8"),
      voicingTables: () => readFileSync(bundledPath("data", "voicing-model.tsv"), "utf8"),
    },
  ));
}
