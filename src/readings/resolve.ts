import type { ReadingSource, RowError, RowNotice, StaffReading, StaffRecord } from "../model.js";
import { msg, NafudaError, placeMessage, type Message } from "../messages/message.js";
import { bundledNameDictionary, type NameDictionary, type NameEntry } from "./name-dictionary.js";
import { kuroshiroAnalyzer, type SurnameAnalyzer } from "./analyzer.js";
import { lookupKey, splitFullName, surnameEntries, type NameSplit } from "./split-name.js";
import { rosterSurnameReading } from "./roster-reading.js";
import { loadConfirmedReadingsFiles, type ConfirmedReading, type ConfirmedReadings } from "./confirmed-readings.js";
import { matchConfirmed, type ConfirmedMatch, type ConfirmedMatching, type IdDamage } from "./match-confirmed.js";
import { romajiFitsKana } from "../romaji/fits.js";
import { surnameRomaji } from "./surname-romaji.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { isPrintableKana } from "../kana/kana-classes.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
import { applyRomajiCase } from "../romaji/letter-case.js";
import { roleOfHeader, type ColumnRole } from "../roster/columns.js";

/**
 * How far apart two readings of one surname must score (summed over both dictionaries, see fromDictionary) before
 * the better one is printed without asking. Costs are log-frequency-like: 上田 うえだ 2964 / かみた 8447 is clear,
 * 河野 こうの 5404 / かわの 6297 is not. Chosen on the odd ranks of bench/data/surnames-devset.tsv (npm run bench:readings) to keep silent
 * errors (a wrong reading nobody is asked about) under 0.5 %, at the price of more review: a wrong badge costs
 * more than a glance at the review sheet.
 */
export const DEFAULT_PLAUSIBLE_COST_GAP = 6000;

export interface ReadingResolverOptions {
  /**
   * The confirmed readings (corrected review sheets): a path (a file or a folder of them), several paths, or files
   * already read. Two files that disagree on one person send that person to review, naming both.
   */
  overrides?: string | readonly string[] | ConfirmedReadings | readonly ConfirmedReadings[];
  /** Romanisation system (default passport: 外務省 Hepburn). */
  romaji?: RomajiSystem;
  /** Letter case of the romaji (default "title": Matsuno; "upper": MATSUNO). */
  romajiCase?: RomajiCase;
  /** The name dictionary (default: the IPADIC name entries shipped in data/). */
  dictionary?: NameDictionary;
  /** The fallback analyzer (default: kuroshiro, loaded on first use); false to never use one. */
  analyzer?: SurnameAnalyzer | false;
  /** A second reading whose cost is within this gap of the best one is plausible: review. */
  plausibleCostGap?: number;
}

/** Turns staff records into readings. Create one per run; it holds the dictionary and the confirmed readings. */
export interface ReadingResolver {
  /**
   * The reading for one record, or the reason there can be none. `match` is the record's confirmed row as
   * resolveReadings matched it against the whole roster; without it the record is matched on its own (then two
   * people of the same name cannot be told apart: prefer resolveReadings).
   */
  resolve(record: StaffRecord, match?: ConfirmedMatch | null): Promise<StaffReading | RowError>;
  /** The confirmed readings files, once loaded. */
  confirmed(): Promise<ConfirmedReadings[]>;
}

export interface ResolvedReadings {
  /** One reading per record that has one, in roster order. */
  staff: StaffReading[];
  /** Records that got no reading, with the reason. */
  errors: RowError[];
  /** Confirmed-file rows that match no one in the roster (staff who left): reported, not fatal. */
  staleOverrides: ConfirmedReading[];
  /** Problems in the confirmed readings files themselves. */
  overrideErrors: RowError[];
  /** What matching the confirmed files had to say (ids Excel changed, rows left over, rows in another encoding). */
  overrideNotes: RowNotice[];
  /** How each confirmed file matched the roster. */
  matching: ConfirmedMatching;
}

/** Options of resolveReadings. */
export interface ResolveReadingsOptions {
  /** Resolve only these data rows; the whole roster is still used to match confirmed rows to people. */
  only?: ReadonlySet<number>;
}

/**
 * Thrown when much of a confirmed readings file matches no one (more than half its rows, and at least 10): a file
 * of another roster or another year, or ids of another numbering scheme. Every correction would be lost, so this
 * stops the run (exit 2) instead of printing badges as if nothing had been confirmed.
 */
export class ConfirmedReadingsError extends NafudaError {
  override name = "ConfirmedReadingsError";
}

export function createReadingResolver(options: ReadingResolverOptions = {}): ReadingResolver {
  const dictionary = options.dictionary ?? bundledNameDictionary();
  const analyzer = options.analyzer === false ? null : (options.analyzer ?? kuroshiroAnalyzer());
  const gap = options.plausibleCostGap ?? DEFAULT_PLAUSIBLE_COST_GAP;
  const romajiOptions = { system: options.romaji ?? "passport", case: options.romajiCase ?? "title" } as const;
  let confirmedLoading: Promise<ConfirmedReadings[]> | undefined;
  const confirmed = () => (confirmedLoading ??= loadOverrides(options.overrides));

  async function resolve(record: StaffRecord, givenMatch?: ConfirmedMatch | null): Promise<StaffReading | RowError> {
    const place = { row: record.row, sheetRow: record.sheetRow, record };
    const split = splitRecord(record, dictionary);
    if (!split.surname) return { ...place, column: nameColumn(record), ...msg("ROW_NAME_EMPTY") };
    const unusable = unusableName(record.name, split.surname);
    if (unusable) return { ...place, column: nameColumn(record), ...unusable };
    const entries = surnameEntries(dictionary, split.surname);
    const second = surnameEntries(dictionary, split.surname, "secondOpinion");
    const match = givenMatch !== undefined ? givenMatch : (matchConfirmed([record], await confirmed()).byRecord.get(record) ?? null);
    // What nafuda reads for this person without any confirmed row: the baseline a stale ローマ字 is checked against.
    const baseline = () => fromRoster(record, split, entries, second, dictionary) ?? fromDictionary(entries, second, split.surname, gap);
    let decision = match?.reading || match?.conflict ? fromConfirmed(match, entries, romajiOptions, baseline) : null;
    if (!decision) {
      decision = baseline() ?? (analyzer && /\p{Script=Han}/u.test(split.surname) ? await fromAnalyzer(split.surname, analyzer) : null);
      if (decision && match?.sameName) {
        const { reading, count } = match.sameName;
        decision = {
          ...decision,
          review: true,
          reasons: [...decision.reasons, msg("REASON_CONFIRMED_SAME_NAME", { name: record.name, kana: reading.kana, count })],
          alternatives: [...decision.alternatives, reading.kana],
        };
      }
    }
    if (!decision) {
      const column = readingColumn(record);
      const latin = LATIN_NAME.test(split.surname);
      return { ...place, column, ...msg(latin ? "READING_NONE_LATIN" : "READING_NONE", { surname: split.surname, column }) };
    }
    const kana = decision.kana;
    if (!isPrintableKana(kana)) {
      return {
        ...place,
        column: decision.source === "roster" ? readingColumn(record) : nameColumn(record),
        ...msg("READING_NOT_KANA", { surname: split.surname, kana }),
      };
    }
    const reasons: Message[] = [...splitReasons(split), ...latinOrderReasons(record, split), ...decision.reasons];
    let romaji = decision.spelledRomaji;
    if (romaji === undefined) {
      const spelt = surnameRomaji({
        kana,
        given: record.romaji,
        latinName: /^[A-Za-z][A-Za-z' .-]*$/.test(split.surname) ? split.surname : null,
        entries,
        ...romajiOptions,
      });
      romaji = spelt.romaji;
      if (decision.source !== "override") reasons.push(...spelt.reasons);
    }
    const alternatives = [...new Set(decision.alternatives)].filter((alternative) => alternative !== kana);
    const confirmedRow = decision.source === "override" && !decision.review;
    return {
      row: record.row,
      sheetRow: record.sheetRow,
      id: record.id,
      name: record.name,
      surname: split.surname,
      kana,
      romaji,
      source: decision.source,
      review: !confirmedRow && (decision.review || reasons.length > 0),
      reasons: confirmedRow ? [] : reasons,
      alternatives,
      ...(decision.pairConfirmed && confirmedRow ? { pairConfirmed: true } : {}),
      record,
    };
  }

  return { resolve, confirmed };
}

async function loadOverrides(overrides: ReadingResolverOptions["overrides"]): Promise<ConfirmedReadings[]> {
  if (overrides === undefined) return [];
  if (typeof overrides === "string") return loadConfirmedReadingsFiles(overrides);
  if (Array.isArray(overrides)) {
    if (overrides.every((item) => typeof item === "string")) return loadConfirmedReadingsFiles(overrides as readonly string[]);
    return [...(overrides as readonly ConfirmedReadings[])];
  }
  return [overrides as ConfirmedReadings];
}

/** A confirmed file this much unmatched is the wrong file: more than half its rows, and at least this many. */
const MOSTLY_UNMATCHED_ROWS = 10;

/**
 * Resolves every record; one bad row never stops the others. Confirmed rows are matched against the whole roster
 * first (src/readings/match-confirmed.ts). Throws ConfirmedReadingsError (CONFIRMED_MOSTLY_UNMATCHED) when much of
 * a confirmed file matches no one.
 */
export async function resolveReadings(
  records: readonly StaffRecord[], resolver: ReadingResolver, options: ResolveReadingsOptions = {},
): Promise<ResolvedReadings> {
  const staff: StaffReading[] = [];
  const errors: RowError[] = [];
  const confirmed = await resolver.confirmed();
  const matching = matchConfirmed(records, confirmed);
  for (const file of matching.files) {
    const unmatched = file.unmatched.length;
    if (unmatched >= MOSTLY_UNMATCHED_ROWS && unmatched * 2 > file.total) {
      throw new ConfirmedReadingsError(
        msg("CONFIRMED_MOSTLY_UNMATCHED", { total: file.total, byId: file.byId, byName: file.byName, unmatched }),
        { file: file.file },
      );
    }
  }
  for (const record of records) {
    if (options.only && !options.only.has(record.row)) continue;
    const result = await resolver.resolve(record, matching.byRecord.get(record) ?? null);
    if ("kana" in result) staff.push(result);
    else errors.push(result);
  }
  return {
    staff,
    errors,
    staleOverrides: matching.files.flatMap((file) => file.unmatched),
    overrideErrors: confirmed.flatMap((file) => file.errors),
    overrideNotes: [...confirmed.flatMap((file) => file.warnings ?? []), ...matchingNotes(matching)],
    matching,
  };
}

const DAMAGE_TEXT: Record<IdDamage, Message> = {
  zeros: msg("TEXT_ID_LEADING_ZEROS"),
  decimal: msg("TEXT_ID_AS_DECIMAL"),
  date: msg("TEXT_ID_AS_DATE"),
  rounded: msg("TEXT_ID_ROUNDED"),
};

/** What the matching tells: ids Excel changed (repaired or not used), rows that matched no one. */
function matchingNotes(matching: ConfirmedMatching): RowNotice[] {
  const notes: RowNotice[] = [];
  for (const file of matching.files) {
    const place = { file: file.file ?? undefined, row: 0 };
    const sum = (map: Map<IdDamage, number>) => [...map.values()].reduce((a, b) => a + b, 0);
    const how = (map: Map<IdDamage, number>) => [...map.keys()].map((damage) => DAMAGE_TEXT[damage]);
    if (file.idsRepaired.size > 0) notes.push({ ...place, ...msg("NOTE_CONFIRMED_ID_CHANGED_BY_EXCEL", { count: sum(file.idsRepaired), how: how(file.idsRepaired) }) });
    if (file.idsUnusable.size > 0) notes.push({ ...place, ...msg("NOTE_CONFIRMED_ID_UNUSABLE", { count: sum(file.idsUnusable), how: how(file.idsUnusable) }) });
    if (file.unmatched.length > 0) {
      const rows = file.unmatched.map((row) => String(row.sheetRow ?? row.row));
      const shown = rows.length > 20 ? [...rows.slice(0, 20), "…"] : rows;
      notes.push({ ...place, ...msg("NOTE_CONFIRMED_STALE", { count: rows.length, rows: shown.join(", ") }) });
    }
  }
  return notes;
}

/** The roster's own header for the first of `roles` it has (as the record's fields keep it), else `fallback`. */
function columnOf(record: StaffRecord, roles: readonly ColumnRole[], fallback: string): string {
  const headers = Object.keys(record.fields);
  for (const role of roles) {
    const header = headers.find((h) => roleOfHeader(h) === role);
    if (header !== undefined) return header;
  }
  return fallback;
}

const nameColumn = (record: StaffRecord) => columnOf(record, record.surname !== null ? ["surname", "name"] : ["name", "surname"], "氏名");
const readingColumn = (record: StaffRecord) => columnOf(record, ["surnameReading", "nameReading"], "フリガナ");

/** A name in Latin letters only (a foreign national's): Smith, NGUYEN, O'Brien, García. */
const LATIN_NAME = /^[\p{Script=Latin}'’.\- \u3000]+$/u;
/** Characters no name holds: emoji and other pictographs, symbols, unassigned code points, U+FFFD. */
const NOT_IN_NAMES = /[\p{Extended_Pictographic}\p{So}\p{Sm}\p{Cn}\uFFFD]/gu;

/** Why a name cannot be read at all (a formula, an emoji), or null. The message says what to do. */
function unusableName(name: string, surname: string): Message | null {
  if (/^[=+\-@＝＋－＠]/u.test(name)) return msg("READING_NAME_FORMULA", { name, first: [...name][0]! });
  const odd = [...new Set(surname.match(NOT_IN_NAMES) ?? [])];
  if (odd.length === 0) return null;
  const characters = odd.slice(0, 3).map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ");
  return msg("READING_NAME_SYMBOL", { name, characters });
}

/**
 * A full name in Latin letters split at a space: which part is the surname is only certain when it is written in
 * capitals and the rest is not (SMITH John, NGUYEN Van An). John Smith or María García could be either way round.
 */
function latinOrderReasons(record: StaffRecord, split: NameSplit): Message[] {
  if (split.method !== "separator" || record.surname !== null || !LATIN_NAME.test(record.name)) return [];
  const parts = record.name.trim().split(/[\s\u3000]+/u);
  const capitals = (part: string) => part === part.toUpperCase() && part !== part.toLowerCase();
  if (capitals(parts[0]!) && parts.slice(1).some((part) => !capitals(part))) return [];
  return [msg("REASON_LATIN_ORDER", { surname: split.surname })];
}

interface Decision {
  kana: string;
  source: ReadingSource;
  review: boolean;
  reasons: Message[];
  alternatives: string[];
  /** The romaji already decided (a confirmed row's); otherwise it is spelt from the kana and the roster's ローマ字. */
  spelledRomaji?: string;
  /** A confirmed row's 済: this exact pair was confirmed by a person. */
  pairConfirmed?: boolean;
}

function splitRecord(record: StaffRecord, dictionary: NameDictionary): NameSplit {
  if (record.surname?.trim()) {
    return { surname: record.surname.trim(), given: record.given?.trim() ?? "", method: "column", otherSurnames: [] };
  }
  const reading = record.nameReading ? toHiragana(record.nameReading).replace(/[\s\u3000]/g, "") : undefined;
  return splitFullName(record.name, dictionary, reading);
}

function splitReasons(split: NameSplit): Message[] {
  if (split.method === "script") return [msg("REASON_SPLIT_BY_SCRIPT", { surname: split.surname })];
  if (split.method === "dictionary" && !split.confirmedByReading) {
    return [msg("REASON_SPLIT_GUESSED", { surname: split.surname, others: split.otherSurnames })];
  }
  if (split.method === "whole" && /\p{Script=Han}/u.test(split.surname) && Array.from(split.surname).length > 2) {
    return [msg("REASON_SPLIT_WHOLE")];
  }
  return [];
}

/** "確認済み.csv の 5 行目": a confirmed row, as the disagreement message names it. */
function confirmedPlace(row: ConfirmedReading): Message {
  return placeMessage({ file: row.file, row: row.row, sheetRow: row.sheetRow });
}

/**
 * A confirmed row's reading. Its ローマ字 is printed only when it fits the かな (spelt in any system, OH for a long
 * O), or when 要確認 says 済 (a person confirmed exactly that pair). A ローマ字 that still spells the reading the
 * かな replaced is spelt again from the new かな; any other that does not fit sends the row to review, and the
 * computed spelling is what would print. Two rows that disagree send the person to review, naming both.
 */
function fromConfirmed(
  match: ConfirmedMatch,
  entries: readonly NameEntry[],
  romajiOptions: { system: RomajiSystem; case: RomajiCase },
  baseline: () => Decision | null,
): Decision | null {
  if (match.conflict) {
    const [first, second] = match.conflict;
    const reading = (row: ConfirmedReading) => (row.romaji ? `${row.kana}（${row.romaji}）` : row.kana);
    return {
      kana: first.kana,
      source: "override",
      review: true,
      reasons: [msg("REASON_CONFIRMED_FILES_DISAGREE", {
        first: confirmedPlace(first), firstReading: reading(first), second: confirmedPlace(second), secondReading: reading(second),
      })],
      alternatives: [second.kana],
    };
  }
  const row = match.reading;
  if (!row) return null;
  const spelt = surnameRomaji({ kana: row.kana, given: null, latinName: null, entries, ...romajiOptions }).romaji;
  const reasons: Message[] = [];
  let romaji = spelt;
  let pairConfirmed = false;
  if (row.romaji && row.romaji.toLowerCase() !== spelt.toLowerCase()) {
    if (romajiFitsKana(row.romaji, row.kana)) romaji = applyRomajiCase(row.romaji, romajiOptions.case);
    else if (row.review === "pair") {
      romaji = applyRomajiCase(row.romaji, romajiOptions.case);
      pairConfirmed = true;
    } else {
      const before = baseline();
      const stale = before !== null && before.kana !== row.kana && romajiFitsKana(row.romaji, before.kana);
      if (!stale) reasons.push(msg("REASON_ROMAJI_DOES_NOT_FIT", { kana: row.kana, romaji: row.romaji, spelt }));
    }
  }
  if (row.review === "pending") reasons.unshift(msg("REASON_CONFIRMED_PENDING"));
  return { kana: row.kana, source: "override", review: reasons.length > 0, reasons, alternatives: [], spelledRomaji: romaji, ...(pairConfirmed ? { pairConfirmed } : {}) };
}

function fromRoster(
  record: StaffRecord, split: NameSplit, entries: readonly NameEntry[], second: readonly NameEntry[], dictionary: NameDictionary,
): Decision | null {
  const found = rosterSurnameReading(record, split, dictionary);
  if (found.kana === null) {
    if (found.problems.length === 0) return null;
    // The roster has a reading we could not align: take the dictionary's, but say why it needs a look.
    const fallback = fromDictionary(entries, second, split.surname, Number.POSITIVE_INFINITY);
    return fallback ? { ...fallback, review: true, reasons: [...found.problems, ...fallback.reasons] } : null;
  }
  const reasons = [...found.problems];
  const alternatives = [...found.alternatives];
  const known = [...new Set([...entries, ...second].map((entry) => entry.reading))];
  if (known.length > 0 && !known.includes(found.kana)) {
    reasons.push(msg("REASON_ROSTER_NOT_ATTESTED", { kana: found.kana, surname: split.surname, known }));
    alternatives.push(...known);
  } else if (known.length === 0 && found.column !== "name" && !plausibleLength(split.surname, found.kana)) {
    reasons.push(msg("REASON_ROSTER_LENGTH", { kana: found.kana, surname: split.surname }));
  }
  return { kana: found.kana, source: "roster", review: reasons.length > 0, reasons, alternatives };
}

/** A kanji reads as one to four kana in names (勅使河原 てしがわら, 小鳥遊 たかなし): outside that, look again. */
function plausibleLength(surname: string, kana: string): boolean {
  const kanji = Array.from(surname).filter((c) => /\p{Script=Han}/u.test(c)).length;
  if (kanji === 0) return true;
  const moraCount = kana.replace(/[ゃゅょぁぃぅぇぉ]/g, "").length;
  return moraCount >= kanji && moraCount <= kanji * 4;
}

/** Added to a reading's score for each dictionary that knows the surname but not that reading. */
const MISSING_READING_COST = 3000;

/**
 * The dictionaries' reading. Each reading of the surname that IPADIC or UniDic lists is scored by how much
 * costlier it is than each dictionary's own best reading (MISSING_READING_COST where a dictionary that knows the
 * surname lacks that reading), and the lowest score is printed. The surname goes to review, with the other
 * readings, when another reading scores within `gap` (4/3 × gap when both dictionaries list it), when only UniDic
 * knows the surname, or when it is a single
 * kanji with more than one reading (安, 上, 東, 菅: the surnames readers most often get wrong).
 */
function fromDictionary(entries: readonly NameEntry[], second: readonly NameEntry[], surname: string, gap: number): Decision | null {
  if (entries.length === 0 && second.length === 0) return null;
  const relative = (list: readonly NameEntry[], reading: string) => {
    if (list.length === 0) return 0;
    const entry = list.find((e) => e.reading === reading);
    return entry ? entry.cost - list[0]!.cost : MISSING_READING_COST;
  };
  const scored = [...new Set([...entries, ...second].map((e) => e.reading))]
    .map((reading) => ({ reading, score: relative(entries, reading) + relative(second, reading) }))
    .sort((a, b) => a.score - b.score || (a.reading < b.reading ? -1 : a.reading > b.reading ? 1 : 0));
  const best = scored[0]!;
  const oneKanji = Array.from(surname).length === 1;
  // A reading both dictionaries list is a real alternative, not one dictionary's artefact: give it a wider margin
  // (中島: なかじま for most people, なかしま for a quarter of them, and both dictionaries know both).
  const listedByBoth = (reading: string) => entries.some((e) => e.reading === reading) && second.some((e) => e.reading === reading);
  const others = scored
    .slice(1)
    .filter((s) => oneKanji || s.score - best.score < (listedByBoth(s.reading) ? (gap * 4) / 3 : gap))
    .map((s) => s.reading);
  const reasons: Message[] = [];
  if (entries.length === 0) reasons.push(msg("REASON_SECOND_DICTIONARY_ONLY", { surname }));
  else if (second.length > 0 && entries[0]!.reading !== second[0]!.reading && others.length > 0) {
    reasons.push(msg("REASON_DICTIONARIES_DISAGREE", { first: entries[0]!.reading, second: second[0]!.reading }));
  } else if (others.length > 0) reasons.push(msg("REASON_SEVERAL_READINGS", { readings: [best.reading, ...others] }));
  return { kana: best.reading, source: "dictionary", review: reasons.length > 0, reasons, alternatives: others };
}

async function fromAnalyzer(surname: string, analyzer: SurnameAnalyzer): Promise<Decision> {
  const kana = toHiragana(await analyzer.read(lookupKey(surname)));
  return {
    kana,
    source: "analyzer",
    review: true,
    reasons: [msg("REASON_ANALYZER", { surname })],
    alternatives: [],
  };
}
