import type { ReadingSource, RowError, RowNotice, StaffReading, StaffRecord } from "../model.js";
import { msg, NafudaError, placeMessage, type Message } from "../messages/message.js";
import { bundledNameDictionary, type NameDictionary, type NameEntry } from "./name-dictionary.js";
import {
  attestedReadings, DEFAULT_DOUBT_THRESHOLD, DEFAULT_EVIDENCE_WEIGHTS, differByVoicing, doubtFeatures, doubtOf, firmDoubt, foldJiZu, surnameEvidence,
  type EvidenceWeights, type SurnameEvidence,
} from "./surname-evidence.js";
import { bankKanaReadings, isBankKana } from "./bank-kana.js";
import { kuroshiroAnalyzer, type SurnameAnalyzer } from "./analyzer.js";
import { lookupKey, splitFullName, surnameEntries, type NameSplit } from "./split-name.js";
import { rosterSurnameReading } from "./roster-reading.js";
import { loadConfirmedReadingsFiles, type ConfirmedReading, type ConfirmedReadings, type PrintedScript } from "./confirmed-readings.js";
import { matchConfirmed, type ConfirmedMatch, type ConfirmedMatching, type IdDamage } from "./match-confirmed.js";
import { romajiFitsKana } from "../romaji/fits.js";
import { surnameRomaji } from "./surname-romaji.js";
import { isForeignScript, LATIN_NAME, splitForeignName } from "./foreign-name.js";
import { hiraganaToKatakana, toHiragana } from "../kana/to-hiragana.js";
import { isPrintableKana } from "../kana/kana-classes.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
import { applyRomajiCase } from "../romaji/letter-case.js";
import { roleOfHeader, type ColumnRole } from "../roster/columns.js";

/**
 * Which other readings of a surname are offered as alternatives: those whose score (see surnameEvidence) is
 * within this many thousandths of a score point of the best one's (a score point is a factor e in the odds).
 * Whether to ask at all is the doubt model's (DEFAULT_DOUBT_THRESHOLD), not this gap's.
 */
/** The empty list a reading with no reasons or alternatives shares (frozen: a reading's lists are read-only). */
const NONE: readonly never[] = Object.freeze([]);

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
  /** Another reading whose score is within this gap of the best one (thousandths of a point) is offered as an alternative. */
  plausibleCostGap?: number;
  /**
   * Ask about a dictionary reading when the doubt model's chance that it is not the person's is above this
   * (default DEFAULT_DOUBT_THRESHOLD: lower asks more often and prints fewer wrong readings).
   */
  doubtThreshold?: number;
  /** How the surname sources are weighed against each other (defaults: DEFAULT_EVIDENCE_WEIGHTS). */
  evidenceWeights?: Partial<EvidenceWeights>;
  /**
   * Whether the roster's readings are bank-transfer kana (全銀: half-width, no small kana, ﾊﾂﾄﾘ for はっとり).
   * "auto" (default): resolveReadings decides from the whole roster (half-width readings, none with a small kana);
   * a single resolve() call treats a half-width reading without small kana as possibly such.
   */
  bankKana?: boolean | "auto";
  /**
   * The script a foreign national's surname is printed in (スミス or すみす): "hiragana" (default, the rule of one
   * script for every badge) or "katakana" (as 松阪市 prints them). A person's 名札の表記 in the confirmed file wins.
   * `kana` stays the hiragana reading either way; `printedKana` is what the badge prints.
   */
  foreignNamesIn?: PrintedScript;
}

/** What resolveReadings found out about the whole roster, passed to each resolve() call. */
export interface RosterContext {
  /** The roster's readings are bank-transfer kana (every reading half-width, none with a small kana). */
  bankKana: boolean;
}

/** Turns staff records into readings. Create one per run; it holds the dictionary and the confirmed readings. */
export interface ReadingResolver {
  /**
   * The reading for one record, or the reason there can be none. `match` is the record's confirmed row as
   * resolveReadings matched it against the whole roster; without it the record is matched on its own (then two
   * people of the same name cannot be told apart: prefer resolveReadings).
   */
  resolve(record: StaffRecord, match?: ConfirmedMatch | null, context?: RosterContext): Promise<StaffReading | RowError>;
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
  /** Told how many records have been resolved, every 1,000 and at the end (a page's progress bar, a CLI's housekeeping). */
  onProgress?: (done: number, total: number) => void;
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
  const gaps = {
    gap: (options.plausibleCostGap ?? DEFAULT_PLAUSIBLE_COST_GAP) / 1000,
    doubt: options.doubtThreshold ?? DEFAULT_DOUBT_THRESHOLD,
  };
  const weights = { ...DEFAULT_EVIDENCE_WEIGHTS, ...options.evidenceWeights };
  const romajiOptions = { system: options.romaji ?? "passport", case: options.romajiCase ?? "title" } as const;
  // A roster repeats its surnames (10,000 staff hold some 2,000): what the sources say is worked out once each.
  const evidenceCache = new Map<string, SurnameEvidence>();
  const evidenceOf = (surname: string) => {
    let evidence = evidenceCache.get(surname);
    if (!evidence) {
      evidence = surnameEvidence(dictionary, surname, weights);
      if (evidenceCache.size < 100_000) evidenceCache.set(surname, evidence);
    }
    return evidence;
  };
  const attestedCache = new Map<string, readonly string[]>();
  const attestedOf = (surname: string) => {
    let readings = attestedCache.get(surname);
    if (!readings) {
      readings = attestedReadings(dictionary, surname);
      if (attestedCache.size < 100_000) attestedCache.set(surname, readings);
    }
    return readings;
  };
  // The romaji of a surname's reading is the same for every bearer: spelt once per surname, reading and own spelling.
  const romajiCache = new Map<string, ReturnType<typeof surnameRomaji>>();
  const romajiOf = (surname: string, kana: string, given: string | null, latinName: string | null, entries: readonly NameEntry[]) => {
    const key = `${surname}\u0000${kana}\u0000${given ?? ""}`;
    let spelt = romajiCache.get(key);
    if (!spelt) {
      spelt = surnameRomaji({ kana, given, latinName, entries, ...romajiOptions });
      if (romajiCache.size < 100_000) romajiCache.set(key, spelt);
    }
    return spelt;
  };
  let confirmedLoading: Promise<ConfirmedReadings[]> | undefined;
  const confirmed = () => (confirmedLoading ??= loadOverrides(options.overrides));

  async function resolve(record: StaffRecord, givenMatch?: ConfirmedMatch | null, context?: RosterContext): Promise<StaffReading | RowError> {
    const place = { row: record.row, sheetRow: record.sheetRow, record };
    const split = splitRecord(record, dictionary);
    if (!split.surname) return { ...place, column: nameColumn(record), ...msg("ROW_NAME_EMPTY") };
    const unusable = unusableName(record.name, split.surname);
    if (unusable) return { ...place, column: nameColumn(record), ...unusable };
    const entries = surnameEntries(dictionary, split.surname);
    // What the sources say is weighed only when it is needed: not for a roster reading a source attests.
    let evidence: SurnameEvidence | undefined;
    const weighed = () => (evidence ??= evidenceOf(split.surname));
    const match = givenMatch !== undefined ? givenMatch : (matchConfirmed([record], await confirmed()).byRecord.get(record) ?? null);
    const bankKana = options.bankKana === undefined || options.bankKana === "auto" ? (context?.bankKana ?? "maybe") : options.bankKana;
    // What nafuda reads for this person without any confirmed row: the baseline a stale ローマ字 is checked against.
    const baseline = () => fromRoster(record, split, weighed, attestedOf, dictionary, gaps, bankKana) ?? fromDictionary(weighed(), split.surname, gaps);
    const latinName = /^[A-Za-z][A-Za-z' .-]*$/.test(split.surname) ? split.surname : null;
    let decision = match?.reading || match?.conflict ? fromConfirmed(match, entries, romajiOptions, baseline, latinName) : null;
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
    const reasons: Message[] = [...splitReasons(split), ...foreignOrderReasons(split), ...decision.reasons];
    let romaji = decision.spelledRomaji;
    if (romaji === undefined) {
      const spelt = romajiOf(split.surname, kana, record.romaji, latinName, entries);
      romaji = spelt.romaji;
      if (decision.source !== "override") reasons.push(...spelt.reasons);
      // スミス spelt from its katakana is Sumisu: the person's own spelling (Smith) is in no roster column.
      if (decision.source !== "override" && !record.romaji?.trim() && KATAKANA_SURNAME.test(split.surname)) {
        reasons.push(msg("REASON_FOREIGN_ROMAJI", { surname: split.surname, romaji }));
      }
    }
    const alternatives = [...new Set(decision.alternatives)].filter((alternative) => alternative !== kana);
    const confirmedRow = decision.source === "override" && !decision.review;
    const chosen = match?.reading?.printedAs ?? null;
    const script = chosen ?? (isForeignName(split) ? (options.foreignNamesIn ?? "hiragana") : "hiragana");
    return {
      row: record.row,
      sheetRow: record.sheetRow,
      id: record.id,
      name: record.name,
      surname: split.surname,
      kana,
      printedKana: script === "katakana" ? hiraganaToKatakana(kana) : kana,
      ...(chosen ? { printedAs: chosen } : {}),
      romaji,
      source: decision.source,
      review: !confirmedRow && (decision.review || reasons.length > 0),
      // Most readings have no reason and no alternative: one shared empty list each (at 170,000 staff, 11 MB).
      reasons: confirmedRow || reasons.length === 0 ? NONE : reasons,
      alternatives: alternatives.length === 0 ? NONE : alternatives,
      ...(decision.pairConfirmed && confirmedRow ? { pairConfirmed: true } : {}),
      ...(decision.notes && decision.notes.length > 0 ? { notes: decision.notes } : {}),
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
  const context: RosterContext = { bankKana: rosterHasBankKana(records) };
  // No record waits for another: one that needs the analyzer waits for it alone, while its dictionary loads (read
  // and inflated off the main thread) the others are resolved. Only those still waiting are held.
  const results: (StaffReading | RowError | undefined)[] = [];
  const waiting = new Set<Promise<void>>();
  for (const record of records) {
    if (options.only && !options.only.has(record.row)) continue;
    const index = results.push(undefined) - 1;
    const done: Promise<void> = resolver.resolve(record, matching.byRecord.get(record) ?? null, context).then((result) => {
      results[index] = result;
      waiting.delete(done);
    });
    waiting.add(done);
    if (results.length % 1000 === 0) {
      await null; // let the finished ones go
      options.onProgress?.(results.length, records.length);
    }
  }
  await Promise.all(waiting);
  options.onProgress?.(results.length, records.length);
  for (const result of results) {
    if ("kana" in result!) staff.push(result);
    else errors.push(result!);
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

/**
 * Whether a roster's readings are bank-transfer kana: at least one reading, every one half-width katakana, and
 * none with a small kana (ｯ ｬ ｭ ｮ ｧ…), the way payroll keeps カナ氏名 for 全銀 transfers.
 */
export function rosterHasBankKana(records: readonly StaffRecord[]): boolean {
  let readings = 0;
  for (const record of records) {
    for (const text of [record.surnameReading, record.nameReading]) {
      if (!text?.trim()) continue;
      if (!isBankKana(text)) return false;
      readings++;
    }
  }
  return readings > 0;
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

/** A surname in katakana alone (スミス): a foreign national's, whose own spelling the kana does not give. */
const KATAKANA_SURNAME = /^[\p{Script=Katakana}ー]+$/u;
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
 * A foreign national's name split without a 姓 column: certain when one part is in capitals (SMITH John), a guess
 * otherwise (John Smith, ジョン・スミス: the last part, as Western order has it), and then asked about.
 */
/** A foreign national's name: split as one (Latin letters, katakana with ・), or a surname in Latin letters or katakana alone. */
function isForeignName(split: NameSplit): boolean {
  return split.method === "foreign" || isForeignScript(split.surname);
}

function foreignOrderReasons(split: NameSplit): Message[] {
  if (split.method !== "foreign" || split.foreign?.order !== "western") return [];
  return [LATIN_NAME.test(split.surname)
    ? msg("REASON_LATIN_ORDER", { surname: split.surname })
    : msg("REASON_FOREIGN_ORDER", { surname: split.surname, given: split.given })];
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
  /** What a person may want to know about where the reading came from, without needing to check it. */
  notes?: Message[];
}

function splitRecord(record: StaffRecord, dictionary: NameDictionary): NameSplit {
  if (record.surname?.trim()) {
    return { surname: record.surname.trim(), given: record.given?.trim() ?? "", method: "column", otherSurnames: [] };
  }
  const foreign = splitForeignName(record.name);
  if (foreign) return foreign;
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
  latinName: string | null,
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
  // A name in Latin letters (SMITH) keeps its letters: they are the name, not a spelling of its kana.
  const spelt = surnameRomaji({ kana: row.kana, given: null, latinName, entries, ...romajiOptions }).romaji;
  const reasons: Message[] = [];
  let romaji = spelt;
  let pairConfirmed = false;
  if (row.romaji && row.romaji.normalize("NFKC").toLowerCase() !== spelt.toLowerCase()) {
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
  record: StaffRecord, split: NameSplit, weighed: () => SurnameEvidence, attestedOf: (surname: string) => readonly string[],
  dictionary: NameDictionary,
  gaps: Gaps, bankKana: boolean | "maybe",
): Decision | null {
  const found = rosterSurnameReading(record, split, dictionary);
  if (found.kana === null) {
    if (found.problems.length === 0) return null;
    // The roster has a reading we could not align: take the dictionary's, but say why it needs a look.
    const fallback = fromDictionary(weighed(), split.surname, { gap: Number.POSITIVE_INFINITY, doubt: gaps.doubt });
    return fallback ? { ...fallback, review: true, reasons: [...found.problems, ...fallback.reasons] } : null;
  }
  const reasons = [...found.problems];
  const alternatives = [...found.alternatives];
  const notes: Message[] = [];
  const maybeBank = found.raw !== null && bankKana !== false && isBankKana(found.raw);
  if (!maybeBank && attestedOf(split.surname).some((reading) => foldJiZu(reading) === foldJiZu(found.kana!))) {
    // The common case: a source attests the roster's reading. Nothing else to weigh (the same as below, sooner).
    return { kana: found.kana, source: "roster", review: reasons.length > 0, reasons, alternatives, notes };
  }
  const evidence = weighed();
  const attested = evidence.candidates.filter((c) => c.sources.length > 0);
  const attests = (kana: string) => attested.some((c) => foldJiZu(c.reading) === foldJiZu(kana));
  let kana = found.kana;
  const bank = maybeBank ? bankKanaReadings(kana) : null;
  if (bank && bank.length > 1) {
    // Bank-transfer kana (ﾊﾂﾄﾘ): the readings it may stand for, small kana restored, that a source attests.
    const fits = bank.filter(attests);
    const literalFits = attests(kana);
    if (fits.length === 1 && (!literalFits || fits[0] === kana)) {
      if (fits[0] !== kana) notes.push(msg("NOTE_BANK_KANA_RESTORED", { roster: found.raw!, kana: fits[0]! }));
      kana = fits[0]!;
    } else if (fits.length > 1 && (bankKana === true || !literalFits)) {
      const ranked = fits.map((fit) => attested.find((c) => foldJiZu(c.reading) === foldJiZu(fit))!).sort((a, b) => b.score - a.score);
      kana = bank.find((fit) => foldJiZu(fit) === foldJiZu(ranked[0]!.reading))!;
      reasons.push(msg("REASON_BANK_KANA_AMBIGUOUS", { roster: found.raw!, candidates: fits }));
      alternatives.push(...fits.filter((fit) => fit !== kana));
    } else if (fits.length === 0 && (bankKana === true || attested.length > 0)) {
      reasons.push(msg("REASON_BANK_KANA_NO_FIT", {
        roster: found.raw!, surname: split.surname, known: attested.map((c) => c.reading),
      }));
      alternatives.push(...attested.map((c) => c.reading));
      return { kana, source: "roster", review: true, reasons, alternatives };
    }
  }
  if (attested.length > 0 && !attests(kana)) {
    const best = attested[0]!.score;
    const commonness = attested.map((c) => (c === attested[0] ? "most" : best - c.score < COMMON_SCORE_GAP ? "common" : "rare"));
    reasons.push(msg("REASON_ROSTER_UNATTESTED", {
      kana, surname: split.surname, known: attested.map((c) => c.reading), commonness,
      sources: attested.map((c) => c.sources.join("・")), rank: evidence.common[0]?.rank ?? 0,
    }));
    alternatives.push(...attested.map((c) => c.reading));
  } else if (attested.length === 0 && found.column !== "name" && !plausibleLength(split.surname, kana)) {
    reasons.push(msg("REASON_ROSTER_LENGTH", { kana, surname: split.surname }));
  }
  return { kana, source: "roster", review: reasons.length > 0, reasons, alternatives, notes };
}

/** A reading within this many score points of the best (odds of about 1 in 12) is called common, not rare. */
const COMMON_SCORE_GAP = 2.5;

/** A kanji reads as one to four kana in names (勅使河原 てしがわら, 小鳥遊 たかなし): outside that, look again. */
function plausibleLength(surname: string, kana: string): boolean {
  const kanji = Array.from(surname).filter((c) => /\p{Script=Han}/u.test(c)).length;
  if (kanji === 0) return true;
  const moraCount = kana.replace(/[ゃゅょぁぃぅぇぉ]/g, "").length;
  return moraCount >= kanji && moraCount <= kanji * 4;
}

interface Gaps {
  /** Alternatives: candidates within this many score points of the best. */
  gap: number;
  /** Ask when the doubt model's chance of a wrong reading is above this. */
  doubt: number;
}

/**
 * The sources' reading (see surnameEvidence): the best-scoring candidate is printed. The surname goes to review
 * when the doubt model (doubtOf) gives more than `gaps.doubt` for the best reading not being the person's; when
 * the best reading is no source's (the voicing model's guess); or when only IPADIC lists it and it is also the
 * kanji's place-name or word reading (三戸 さんのへ, 松林 しょうりん). Alternatives: the other attested readings and
 * voicings within `gaps.gap`.
 */
function fromDictionary(evidence: SurnameEvidence, surname: string, gaps: Gaps): Decision | null {
  const { candidates, ipadic, unidic, common } = evidence;
  const attested = candidates.filter((c) => c.sources.length > 0);
  if (attested.length === 0) return null;
  const best = candidates[0]!;
  // Offered: the attested readings within the gap, and a voicing no source lists only where the voicing model
  // gives it at least even odds against the attested one (光田: みつだ).
  const alternatives = candidates.slice(1)
    .filter((c) => best.score - c.score < gaps.gap && (c.sources.length > 0 || (c.voicing ?? 0) >= 0.3))
    .map((c) => c.reading);
  const offer = (readings: readonly string[]) => { for (const r of readings) if (r !== best.reading && !alternatives.includes(r)) alternatives.push(r); };
  const reasons: Message[] = [];
  const firm = firmDoubt(evidence);
  if (firm?.kind === "unattested") {
    reasons.push(msg("REASON_VOICING_GUESS", { kana: best.reading, surname, known: attested.map((c) => c.reading) }));
    offer(attested.map((c) => c.reading));
  } else if (firm?.kind === "placeOrWordOnly") {
    reasons.push(msg("REASON_PLACE_OR_WORD_ONLY", { kana: best.reading, surname, place: best.placeOrWord.some((k) => k !== "word") ? 1 : 0 }));
  } else if (firm?.kind === "notAmongCommon") {
    reasons.push(msg("REASON_NOT_AMONG_COMMON_READINGS", { kana: best.reading, surname, common: common.map((e) => e.reading), rank: common[0]!.rank }));
    offer(common.map((e) => e.reading));
  } else if (firm?.kind === "thinVoicing") {
    reasons.push(msg("REASON_VOICING_UNSURE", { readings: [best.reading, ...(firm.other ? [firm.other] : [])] }));
    offer(firm.other ? [firm.other] : []);
  } else if (doubtOf(doubtFeatures(evidence, surname)) > gaps.doubt) {
    const next = candidates[1];
    if (ipadic.length === 0 && common.length === 0) reasons.push(msg("REASON_SECOND_DICTIONARY_ONLY", { surname }));
    else if (!next || (unidic.length === 0 && common.length === 0) || (ipadic.length === 0 && unidic.length === 0)) {
      reasons.push(msg("REASON_ONE_SOURCE_ONLY", { surname, source: best.sources.join("・") }));
    }
    if (next && differByVoicing(next.reading, best.reading) && best.score - next.score < gaps.gap) {
      reasons.push(msg("REASON_VOICING_UNSURE", { readings: [best.reading, next.reading] }));
    } else if (ipadic.length > 0 && unidic.length > 0 && ipadic[0]!.reading !== unidic[0]!.reading) {
      reasons.push(msg("REASON_DICTIONARIES_DISAGREE", { first: ipadic[0]!.reading, second: unidic[0]!.reading }));
    } else if (attested.length > 1 || reasons.length === 0) {
      reasons.push(msg("REASON_SEVERAL_READINGS", { readings: [best.reading, ...attested.map((c) => c.reading).filter((r) => r !== best.reading)] }));
    }
    offer(attested.map((c) => c.reading));
  }
  return { kana: best.reading, source: "dictionary", review: reasons.length > 0, reasons, alternatives };
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
