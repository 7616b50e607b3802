import type { StaffRecord } from "../model.js";
import { canEncode } from "../roster/encode-text.js";
import { nameKey, type ConfirmedReading, type ConfirmedReadings } from "./confirmed-readings.js";

/**
 * Which confirmed row belongs to which staff member, after everything Excel and people do to a sheet: 職員番号
 * with its leading zeros stripped (112 for 00112) or written as a decimal (112.0), full-width digits, stray
 * spaces, rows re-sorted, filtered or deleted, 氏名 with or without a space, half-width forms (NFKC), and a ? where
 * a Shift_JIS save lost a character (𠮷田 → ?田). An id Excel turned into something else (a date for 1-2, a
 * rounded number past 15 digits) is not used: that row is matched by name and the matching says so. Where the
 * identity is not certain (two people of the same name and no usable id) nothing is applied: the person is
 * asked about instead.
 */

export interface ConfirmedMatch {
  /** The confirmed row for this person; null when none can be applied. */
  reading: ConfirmedReading | null;
  via: "id" | "name" | null;
  /** Two confirmed rows (of one file or of two) that say different things about this person. */
  conflict?: [ConfirmedReading, ConfirmedReading];
  /** A confirmed row whose name this person shares with others, with no id to tell them apart: not applied. */
  sameName?: { reading: ConfirmedReading; count: number };
}

/** How one confirmed file matched. */
export interface ConfirmedFileMatch {
  file: string | null;
  /** Rows with a reading. */
  total: number;
  byId: number;
  byName: number;
  /** Rows that match no one (people who left, or a file of another roster). */
  unmatched: ConfirmedReading[];
  /** Ids Excel changed but that still matched by their digits: how → rows. */
  idsRepaired: Map<IdDamage, number>;
  /** Ids Excel turned into something unusable, matched by name instead: how → rows. */
  idsUnusable: Map<IdDamage, number>;
}

export interface ConfirmedMatching {
  /** Keyed by the roster's record. */
  byRecord: Map<StaffRecord, ConfirmedMatch>;
  files: ConfirmedFileMatch[];
}

export type IdDamage = "zeros" | "decimal" | "date" | "rounded";

interface IdForm {
  /** NFKC, no spaces. */
  exact: string;
  /** All-digit ids without leading zeros (also from 112.0); null otherwise. */
  digits: string | null;
  /** Set when the id is no longer the number it was and must not be used. */
  unusable: IdDamage | null;
  /** Set when the id changed in a way its digits survive. */
  changed: IdDamage | null;
}

const DATE_LIKE = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^\d{1,2}月\d{1,2}日$/,
  /^\d{4}年\d{1,2}月\d{1,2}日$/,
  /^\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/i,
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-\d{2}$/i,
];

/** An id as the matching compares it; null when empty. */
export function idForm(raw: string | null | undefined): IdForm | null {
  if (raw === null || raw === undefined) return null;
  const exact = raw.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  if (exact === "") return null;
  if (DATE_LIKE.some((pattern) => pattern.test(exact))) return { exact, digits: null, unusable: "date", changed: null };
  if (/^\d+(?:\.\d+)?e\+?\d+$/i.test(exact)) return { exact, digits: null, unusable: "rounded", changed: null };
  const decimal = /^(\d+)\.0+$/.exec(exact);
  if (decimal) return { exact, digits: decimal[1]!.replace(/^0+(?=\d)/, ""), unusable: null, changed: "decimal" };
  if (/^\d+$/.test(exact)) return { exact, digits: exact.replace(/^0+(?=\d)/, ""), unusable: null, changed: null };
  return { exact, digits: null, unusable: null, changed: null };
}

/** A name as written and a name after a Shift_JIS save (? for each character the save lost) are the same name. */
function sameName(confirmed: string, roster: string): boolean {
  const a = nameKey(confirmed);
  const b = nameKey(roster);
  if (a === b) return true;
  if (!/[?？]/.test(a)) return false;
  const left = [...a];
  const right = [...b];
  return left.length === right.length && left.every((c, i) => c === right[i] || ((c === "?" || c === "？") && !canEncode(right[i]!, "cp932")));
}

/** The roster's people by id, by id digits and by name. */
function rosterIndex(records: readonly StaffRecord[]) {
  const byExact = new Map<string, StaffRecord[]>();
  const byDigits = new Map<string, StaffRecord[]>();
  const byName = new Map<string, StaffRecord[]>();
  const add = (map: Map<string, StaffRecord[]>, key: string, record: StaffRecord) => {
    const list = map.get(key);
    if (list) list.push(record);
    else map.set(key, [record]);
  };
  for (const record of records) {
    const form = idForm(record.id);
    if (form) {
      add(byExact, form.exact, record);
      if (form.digits !== null) add(byDigits, form.digits, record);
    }
    add(byName, nameKey(record.name), record);
  }
  return { byExact, byDigits, byName, records };
}

type RosterIndex = ReturnType<typeof rosterIndex>;

/** Two confirmed rows say the same about a person. */
function agree(a: ConfirmedReading, b: ConfirmedReading): boolean {
  const romaji = (r: ConfirmedReading) => (r.romaji ?? "").toLowerCase();
  return a.kana === b.kana && (romaji(a) === romaji(b) || !a.romaji || !b.romaji) && (a.review === "pending") === (b.review === "pending");
}

export function matchConfirmed(records: readonly StaffRecord[], files: readonly ConfirmedReadings[]): ConfirmedMatching {
  const index = rosterIndex(records);
  const found = new Map<StaffRecord, { reading: ConfirmedReading; via: "id" | "name" }[]>();
  const sameNames = new Map<StaffRecord, { reading: ConfirmedReading; count: number }>();
  const fileMatches: ConfirmedFileMatch[] = [];
  for (const file of files) {
    const stats: ConfirmedFileMatch = { file: file.file, total: file.rows.length, byId: 0, byName: 0, unmatched: [], idsRepaired: new Map(), idsUnusable: new Map() };
    for (const row of file.rows) {
      const result = matchRow(row, index);
      if (result.kind === "match") {
        if (result.via === "id") stats.byId++;
        else stats.byName++;
        if (result.repaired) stats.idsRepaired.set(result.repaired, (stats.idsRepaired.get(result.repaired) ?? 0) + 1);
        if (result.unusable) stats.idsUnusable.set(result.unusable, (stats.idsUnusable.get(result.unusable) ?? 0) + 1);
        const list = found.get(result.record);
        if (list) list.push({ reading: row, via: result.via });
        else found.set(result.record, [{ reading: row, via: result.via }]);
      } else if (result.kind === "same-name") {
        stats.byName++;
        for (const record of result.records) sameNames.set(record, { reading: row, count: result.records.length });
      } else stats.unmatched.push(row);
    }
    fileMatches.push(stats);
  }
  const byRecord = new Map<StaffRecord, ConfirmedMatch>();
  for (const [record, list] of found) {
    const first = list[0]!;
    const other = list.find((entry) => !agree(entry.reading, first.reading));
    // Rows that agree: the one that also gives a romaji says the most.
    const fullest = list.find((entry) => entry.reading.romaji)?.reading ?? first.reading;
    byRecord.set(record, other ? { reading: null, via: first.via, conflict: [first.reading, other.reading] } : { reading: fullest, via: first.via });
  }
  for (const [record, same] of sameNames) {
    if (!byRecord.has(record)) byRecord.set(record, { reading: null, via: null, sameName: same });
  }
  return { byRecord, files: fileMatches };
}

type RowMatch =
  | { kind: "match"; record: StaffRecord; via: "id" | "name"; repaired?: IdDamage; unusable?: IdDamage }
  | { kind: "same-name"; records: StaffRecord[] }
  | { kind: "none" };

function matchRow(row: ConfirmedReading, index: RosterIndex): RowMatch {
  const form = idForm(row.id);
  let unusable: IdDamage | undefined = form?.unusable ?? undefined;
  if (form && !form.unusable) {
    let list = index.byExact.get(form.exact);
    let repaired: IdDamage | undefined;
    if (!list && form.digits !== null) {
      list = index.byDigits.get(form.digits);
      if (list) repaired = form.changed ?? "zeros";
    }
    if (!list && form.digits !== null && form.digits.length > 15) unusable = "rounded";
    if (list) {
      const people = row.name ? list.filter((record) => sameName(row.name!, record.name)) : list;
      if (people.length === 1) return { kind: "match", record: people[0]!, via: "id", ...(repaired ? { repaired } : {}) };
      if (people.length > 1) return { kind: "same-name", records: people };
      // The id is someone whose name is not this row's (a changed surname, or a file of another roster).
      return { kind: "none" };
    }
  }
  if (!row.name) return { kind: "none" };
  const key = nameKey(row.name);
  let people = index.byName.get(key) ?? [];
  if (people.length === 0 && /[?？]/.test(key)) people = index.records.filter((record) => sameName(row.name!, record.name));
  // A usable id on both sides that differs: another person of the same name.
  const rowId = form && !form.unusable && !unusable ? form : null;
  if (rowId) {
    people = people.filter((record) => {
      const other = idForm(record.id);
      return !other || other.unusable !== null || other.exact === rowId.exact || (other.digits !== null && other.digits === rowId.digits);
    });
  }
  if (people.length === 1) return { kind: "match", record: people[0]!, via: "name", ...(unusable ? { unusable } : {}) };
  if (people.length > 1) return { kind: "same-name", records: people };
  return { kind: "none" };
}
