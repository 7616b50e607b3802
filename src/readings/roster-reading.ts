import type { StaffRecord } from "../model.js";
import type { NameDictionary } from "./name-dictionary.js";
import { lookupKey, type NameSplit } from "./split-name.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { msg, type Message } from "../messages/message.js";

/** The surname's reading as the roster gives it, once aligned with the kanji split. */
export interface RosterSurnameReading {
  /** Hiragana, or null when the roster has no usable reading for the surname. */
  kana: string | null;
  /** The column it came from, as a role name. */
  column: "surnameReading" | "nameReading" | "name" | null;
  /** Why a person should look at it (empty when the reading fits). */
  problems: Message[];
  /** Other ways to read the roster's フリガナ, when it could be split more than one way. */
  alternatives: string[];
  /** The surname's reading as the roster wrote it (ﾊﾂﾄﾘ), before it was made hiragana; null when not known. */
  raw: string | null;
}

const SPACE = /[\s\u3000]+/u;

/** Hiragana, its parts (surname, given name) separated by one ASCII space as the roster separated them. */
function readingText(text: string): string {
  return text.normalize("NFKC").split(SPACE).filter(Boolean).map((part) => toHiragana(part)).join(" ");
}

/**
 * Finds the surname's reading in the roster:
 * 1. a 姓フリガナ column;
 * 2. the full-name フリガナ: its first part when it has a space (サトウ　ハナコ), else the prefix that a dictionary
 *    reading of the surname (or, failing that, of the given name at the end) accounts for;
 * 3. the name itself when it is written in kana (staff whose names are written in katakana).
 */
export function rosterSurnameReading(record: StaffRecord, split: NameSplit, dictionary: NameDictionary): RosterSurnameReading {
  if (record.surnameReading?.trim()) {
    const raw = record.surnameReading.trim();
    return { kana: readingText(raw).replace(/ /g, ""), column: "surnameReading", problems: [], alternatives: [], raw };
  }
  // A foreign national's katakana name is its own reading; a Latin one takes the フリガナ's part of the family name.
  if (split.method === "foreign" && split.foreign) {
    if (/^[\p{Script=Katakana}ー]+$/u.test(split.surname)) {
      return { kana: toHiragana(split.surname), column: "name", problems: [], alternatives: [], raw: null };
    }
    const rawParts = (record.nameReading ?? "").normalize("NFKC").trim().split(/[\s・=＝]+/u).filter(Boolean);
    if (rawParts.length === split.foreign.parts) {
      const raw = rawParts[split.foreign.familyIndex]!;
      return { kana: toHiragana(raw), column: "nameReading", problems: [], alternatives: [], raw };
    }
    if (rawParts.length === 1) {
      // One reading for a name of several parts (José Müller, ミュラー): most likely the family name's, but asked about.
      const raw = rawParts[0]!;
      return { kana: toHiragana(raw), column: "nameReading", problems: [msg("REASON_FOREIGN_READING_ONE_PART", { reading: raw, surname: split.surname })], alternatives: [], raw };
    }
    if (rawParts.length > 0) return { kana: null, column: "nameReading", problems: [msg("REASON_READING_SPLIT_UNKNOWN", { reading: record.nameReading!.trim() })], alternatives: [], raw: null };
    return { kana: null, column: null, problems: [], alternatives: [], raw: null };
  }
  if (record.nameReading?.trim()) {
    const full = readingText(record.nameReading);
    const parts = full.split(" ");
    const rawParts = record.nameReading.trim().split(SPACE);
    if (parts.length >= 2) {
      const problems = split.given === "" && split.method !== "column"
        ? [msg("REASON_READING_SPLIT_NAME_NOT", { reading: record.nameReading.trim() })]
        : [];
      return { kana: parts[0]!, column: "nameReading", problems, alternatives: [], raw: rawParts[0]! };
    }
    const joined = splitJoinedReading(full, split, dictionary);
    // Without a space the surname's own part of the roster's text is not known: the whole text stands for it.
    return { ...joined, raw: joined.kana !== null ? record.nameReading.trim() : null };
  }
  // NFKC first: half-width ﾞ ﾟ ｰ are not in the Katakana script (ｽｽﾞｷ).
  if (/^[\p{Script=Hiragana}\p{Script=Katakana}ー・=＝\s\u3000]+$/u.test(split.surname.normalize("NFKC"))) {
    return { kana: readingText(split.surname).replace(/[ ・=＝]/g, ""), column: "name", problems: [], alternatives: [], raw: null };
  }
  return { kana: null, column: null, problems: [], alternatives: [], raw: null };
}

/** A フリガナ with no space (サトウハナコ): find where the surname's reading ends. */
function splitJoinedReading(full: string, split: NameSplit, dictionary: NameDictionary): RosterSurnameReading {
  if (split.given === "") return { kana: full, column: "nameReading", problems: [], alternatives: [], raw: null };
  const bySurname = dictionary
    .surname(lookupKey(split.surname))
    .map((entry) => entry.reading)
    .filter((reading) => full.startsWith(reading) && full.length > reading.length);
  const byGiven = dictionary
    .givenName(lookupKey(split.given))
    .map((entry) => entry.reading)
    .filter((reading) => full.endsWith(reading) && full.length > reading.length)
    .map((reading) => full.slice(0, full.length - reading.length));
  const both = bySurname.filter((reading) => byGiven.includes(reading));
  const candidates = [...new Set(both.length > 0 ? both : bySurname.length > 0 ? bySurname : byGiven)];
  if (candidates.length === 1) return { kana: candidates[0]!, column: "nameReading", problems: [], alternatives: [], raw: null };
  if (candidates.length > 1) {
    return {
      kana: candidates[0]!,
      column: "nameReading",
      problems: [msg("REASON_READING_SPLIT_UNSURE", { reading: full, candidates })],
      alternatives: candidates.slice(1),
      raw: null,
    };
  }
  return { kana: null, column: "nameReading", problems: [msg("REASON_READING_SPLIT_UNKNOWN", { reading: full })], alternatives: [], raw: null };
}
