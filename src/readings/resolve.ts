import type { ReadingSource, RowError, StaffReading, StaffRecord } from "../model.js";
import { bundledNameDictionary, type NameDictionary, type NameEntry } from "./name-dictionary.js";
import { kuroshiroAnalyzer, type SurnameAnalyzer } from "./analyzer.js";
import { lookupKey, splitFullName, surnameEntries, type NameSplit } from "./split-name.js";
import { rosterSurnameReading } from "./roster-reading.js";
import { findConfirmed, loadConfirmedReadings, type ConfirmedReading, type ConfirmedReadings } from "./confirmed-readings.js";
import { surnameRomaji } from "./surname-romaji.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { isPrintableKana } from "../kana/kana-classes.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
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
  /** The confirmed readings file (a corrected review sheet): a path, or rows already read. */
  overrides?: string | ConfirmedReadings;
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
  /** The reading for one record, or the reason there can be none. */
  resolve(record: StaffRecord): Promise<StaffReading | RowError>;
  /** The confirmed readings, once loaded (for reporting stale rows). */
  confirmed(): Promise<ConfirmedReadings>;
}

export interface ResolvedReadings {
  /** One reading per record that has one, in roster order. */
  staff: StaffReading[];
  /** Records that got no reading, with the reason. */
  errors: RowError[];
  /** Confirmed-file rows that match no one in the roster (staff who left): reported, not fatal. */
  staleOverrides: ConfirmedReading[];
  /** Problems in the confirmed readings file itself. */
  overrideErrors: RowError[];
}

export function createReadingResolver(options: ReadingResolverOptions = {}): ReadingResolver {
  const dictionary = options.dictionary ?? bundledNameDictionary();
  const analyzer = options.analyzer === false ? null : (options.analyzer ?? kuroshiroAnalyzer());
  const gap = options.plausibleCostGap ?? DEFAULT_PLAUSIBLE_COST_GAP;
  const romajiOptions = { system: options.romaji ?? "passport", case: options.romajiCase ?? "title" } as const;
  let confirmedLoading: Promise<ConfirmedReadings> | undefined;
  const confirmed = () =>
    (confirmedLoading ??=
      typeof options.overrides === "string"
        ? loadConfirmedReadings(options.overrides)
        : Promise.resolve(options.overrides ?? { file: null, rows: [], errors: [] }));

  async function resolve(record: StaffRecord): Promise<StaffReading | RowError> {
    const split = splitRecord(record, dictionary);
    if (!split.surname) return { row: record.row, column: nameColumn(record), message: "the name is empty: fill it in or delete the row", record };
    const unusable = unusableName(record.name, split.surname);
    if (unusable) return { row: record.row, column: nameColumn(record), message: unusable, record };
    const entries = surnameEntries(dictionary, split.surname);
    const second = surnameEntries(dictionary, split.surname, "secondOpinion");
    const decision = fromConfirmed(record, await confirmed())
      ?? fromRoster(record, split, entries, second, dictionary)
      ?? fromDictionary(entries, second, split.surname, gap)
      ?? (analyzer && /\p{Script=Han}/u.test(split.surname) ? await fromAnalyzer(split.surname, analyzer) : null);
    if (!decision) {
      const column = readingColumn(record);
      const latin = LATIN_NAME.test(split.surname);
      return {
        row: record.row,
        column,
        message: latin
          ? `no reading for the surname ${split.surname}, which is written in Latin letters: give its reading in katakana (e.g. スミス) ` +
            `in the roster's ${column} column or in the confirmed readings file`
          : `no reading for the surname ${split.surname}: give it in the roster's ${column} column or in the confirmed readings file`,
        record,
      };
    }
    const kana = decision.kana;
    if (!isPrintableKana(kana)) {
      return {
        row: record.row,
        column: decision.source === "roster" ? readingColumn(record) : nameColumn(record),
        message: `the reading of ${split.surname} is not all kana (${kana}): a badge prints hiragana only; ` +
          "give the reading in the roster's フリガナ column or in the confirmed readings file",
        record,
      };
    }
    const reasons = [...splitReasons(split), ...latinOrderReasons(record, split), ...decision.reasons];
    const romaji = surnameRomaji({
      kana,
      given: decision.romaji ?? (decision.source === "override" ? null : record.romaji),
      latinName: /^[A-Za-z][A-Za-z' .-]*$/.test(split.surname) ? split.surname : null,
      entries,
      ...romajiOptions,
    });
    if (decision.source !== "override") reasons.push(...romaji.reasons);
    const alternatives = [...new Set(decision.alternatives)].filter((alternative) => alternative !== kana);
    const confirmedRow = decision.source === "override" && !decision.review;
    return {
      row: record.row,
      id: record.id,
      name: record.name,
      surname: split.surname,
      kana,
      romaji: romaji.romaji,
      source: decision.source,
      review: !confirmedRow && (decision.review || reasons.length > 0),
      reasons: confirmedRow ? [] : reasons,
      alternatives,
      record,
    };
  }

  return { resolve, confirmed };
}

/** Resolves every record; one bad row never stops the others. */
export async function resolveReadings(records: readonly StaffRecord[], resolver: ReadingResolver): Promise<ResolvedReadings> {
  const staff: StaffReading[] = [];
  const errors: RowError[] = [];
  const confirmed = await resolver.confirmed();
  const used = new Set<ConfirmedReading>();
  for (const record of records) {
    const result = await resolver.resolve(record);
    if ("kana" in result) staff.push(result);
    else errors.push(result);
    const match = findConfirmed(confirmed, record);
    if (match) used.add(match);
  }
  return {
    staff,
    errors,
    staleOverrides: confirmed.rows.filter((row) => !used.has(row)),
    overrideErrors: confirmed.errors,
  };
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
function unusableName(name: string, surname: string): string | null {
  if (/^[=+\-@]/u.test(name)) {
    return `the name "${name}" starts with ${name[0]} like a spreadsheet formula, not a name: correct the cell in the roster ` +
      "(if the roster was exported from Excel, check the cell there)";
  }
  const odd = [...new Set(surname.match(NOT_IN_NAMES) ?? [])];
  if (odd.length === 0) return null;
  const described = odd.slice(0, 3).map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ");
  return `the name "${name}" holds ${described}, which is not part of a name (an emoji or a symbol): remove it in the roster`;
}

/**
 * A full name in Latin letters split at a space: which part is the surname is only certain when it is written in
 * capitals and the rest is not (SMITH John, NGUYEN Van An). John Smith or María García could be either way round.
 */
function latinOrderReasons(record: StaffRecord, split: NameSplit): string[] {
  if (split.method !== "separator" || record.surname !== null || !LATIN_NAME.test(record.name)) return [];
  const parts = record.name.trim().split(/[\s\u3000]+/u);
  const capitals = (part: string) => part === part.toUpperCase() && part !== part.toLowerCase();
  if (capitals(parts[0]!) && parts.slice(1).some((part) => !capitals(part))) return [];
  return [`氏名がローマ字のため、どれが姓か分かりません（「${split.surname}」を姓としました）。姓の列に姓を書くか、姓を大文字で先に書いてください（SMITH John）`];
}

interface Decision {
  kana: string;
  source: ReadingSource;
  review: boolean;
  reasons: string[];
  alternatives: string[];
  /** A romaji that wins over the computed one (the person's own spelling). */
  romaji?: string | null;
}

function splitRecord(record: StaffRecord, dictionary: NameDictionary): NameSplit {
  if (record.surname?.trim()) {
    return { surname: record.surname.trim(), given: record.given?.trim() ?? "", method: "column", otherSurnames: [] };
  }
  const reading = record.nameReading ? toHiragana(record.nameReading).replace(/[\s\u3000]/g, "") : undefined;
  return splitFullName(record.name, dictionary, reading);
}

function splitReasons(split: NameSplit): string[] {
  if (split.method === "script") return [`氏名に空白がないため、漢字とかなの境目で姓を「${split.surname}」としました`];
  if (split.method === "dictionary" && !split.confirmedByReading) {
    const others = split.otherSurnames.length > 0 ? `（ほかに ${split.otherSurnames.join("／")} も姓の候補）` : "";
    return [`氏名に空白がないため、姓を「${split.surname}」と推測しました${others}`];
  }
  if (split.method === "whole" && /\p{Script=Han}/u.test(split.surname) && Array.from(split.surname).length > 2) {
    return [`氏名に空白がなく、辞書にも姓が見つからないため、全体を姓としました`];
  }
  return [];
}

function fromConfirmed(record: StaffRecord, confirmed: ConfirmedReadings): Decision | null {
  const match = findConfirmed(confirmed, record);
  if (!match) return null;
  if (match.stillInReview) {
    return {
      kana: match.kana,
      source: "override",
      review: true,
      reasons: ["確認済みファイルでまだ「要確認」のままです"],
      alternatives: [],
      romaji: match.romaji,
    };
  }
  return { kana: match.kana, source: "override", review: false, reasons: [], alternatives: [], romaji: match.romaji };
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
    reasons.push(`名簿の読み「${found.kana}」は、辞書にある「${split.surname}」の読み（${known.join("／")}）のどれとも違います`);
    alternatives.push(...known);
  } else if (known.length === 0 && found.column !== "name" && !plausibleLength(split.surname, found.kana)) {
    reasons.push(`名簿の読み「${found.kana}」は「${split.surname}」の読みとしては長さが合いません`);
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
  const reasons: string[] = [];
  if (entries.length === 0) reasons.push(`「${surname}」は第一の辞書（IPADIC）になく、第二の辞書（UniDic）の読みです`);
  else if (second.length > 0 && entries[0]!.reading !== second[0]!.reading && others.length > 0) {
    reasons.push(`辞書によって読みが違います（IPADIC: ${entries[0]!.reading}、UniDic: ${second[0]!.reading}）`);
  } else if (others.length > 0) reasons.push(`辞書に複数の読みがあります（${[best.reading, ...others].join("／")}）`);
  return { kana: best.reading, source: "dictionary", review: reasons.length > 0, reasons, alternatives: others };
}

async function fromAnalyzer(surname: string, analyzer: SurnameAnalyzer): Promise<Decision> {
  const kana = toHiragana(await analyzer.read(lookupKey(surname)));
  return {
    kana,
    source: "analyzer",
    review: true,
    reasons: [`「${surname}」は姓の辞書にないため、一般の解析器で読みを推測しました`],
    alternatives: [],
  };
}
