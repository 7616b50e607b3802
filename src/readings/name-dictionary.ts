import { readFileSync } from "node:fs";
import { bundledPath } from "../package-root.js";
import { indexLines, lazyGroups, type LineIndex } from "./table-lines.js";
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
  // The tables are only indexed here (where each surface's lines start); a surface's entries are parsed when it is
  // first looked up. A roster of 10,000 looks up a few thousand of the tables' 30,000 surfaces: parsing them all
  // was ~45 ms of every run.
  const surnameLines = indexLines(text, "sei\t");
  // IPADIC's lines: kind (sei | mei), surface, reading, pronunciation, cost.
  const ipadicEntry = (fields: string[]): NameEntry | null => {
    const [surface, reading, pronunciation, cost] = fields;
    if (!surface || !reading || !pronunciation || cost === undefined) return null;
    return { surface, reading: tableKatakanaToHiragana(reading), pronunciation, cost: Number(cost) };
  };
  const surnames = lazyEntries(text, surnameLines, "sei\t", ipadicEntry);
  // Given names are only needed to split a full name written without a space: indexed on first use.
  let givenNames: ((surface: string) => readonly NameEntry[]) | undefined;
  const givenNameTable = () =>
    (givenNames ??= lazyEntries(text, indexLines(text, "mei\t"), "mei\t", ipadicEntry));
  const secondLines = indexLines(secondOpinionText, "");
  const second = lazyEntries(secondOpinionText, secondLines, "", (fields) => {
    const [surface, reading, cost] = fields;
    if (!surface || !reading || cost === undefined) return null;
    return { surface, reading, pronunciation: reading, cost: Number(cost) };
  });
  const longestSurname = surnameLines.longest;
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
  let other: ((surface: string) => readonly OtherReading[]) | undefined;
  const otherTable = () => {
    if (other) return other;
    const text = typeof extra.otherReadings === "function" ? extra.otherReadings() : (extra.otherReadings ?? "");
    const groups = lazyGroups(text, indexLines(text, ""), "", (lines) =>
      lines
        .filter(([surface, reading, kinds]) => surface && reading && kinds)
        .map(([, reading, kinds]) => ({ reading: reading!, kinds: kinds!.split(",").filter((k): k is OtherReadingKind => k === "place" || k === "town" || k === "word") })),
    );
    return (other = (surface) => groups.get(surface) ?? []);
  };
  let voicing: VoicingTables | undefined;
  return {
    surname: surnames,
    givenName: (surface) => givenNameTable()(surface),
    secondOpinion: second,
    commonSurname: (surface) => common.get(surface) ?? [],
    otherReadings: (surface) => otherTable()(surface),
    surnames: () => new Set([...surnameLines.starts.keys(), ...secondLines.starts.keys(), ...common.keys()]),
    voicingTables: () => {
      if (extra.voicingTables === undefined) return undefined;
      return (voicing ??= parseVoicingTables(typeof extra.voicingTables === "function" ? extra.voicingTables() : extra.voicingTables));
    },
    longestSurname,
  };
}

/**
 * A key's entries, parsed from its lines on first lookup and kept: in the table's order, a reading listed twice
 * (different context ids) kept once, most common (lowest cost) first.
 */
function lazyEntries<E extends { reading: string; cost: number }>(text: string, index: LineIndex, prefix: string, parse: (fields: string[]) => E | null): (key: string) => readonly E[] {
  const group = lazyGroups(text, index, prefix, (lines) => {
    const list: E[] = [];
    for (const fields of lines) {
      const entry = parse(fields);
      if (entry && !list.some((e) => e.reading === entry.reading)) list.push(entry);
    }
    return list.sort((a, b) => a.cost - b.cost);
  });
  return (key) => group.get(key) ?? [];
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
