import { createHash } from "node:crypto";
import { safeFileStems } from "../io/safe-file-names.js";
import { msg, NafudaError } from "../messages/message.js";
import type { StaffReading } from "../model.js";

/**
 * What each field source means for one staff member, the order badges are printed in, and
 * grouping for --split-by.
 */

/** Roster column names that map to a StaffRecord property when the column itself is absent. */
const ALIASES: Record<string, (s: StaffReading) => string | null> = {
  kana: (s) => s.printedKana ?? s.kana,
  romaji: (s) => s.romaji,
  surname: (s) => s.surname,
  name: (s) => s.name,
  氏名: (s) => s.name,
  姓: (s) => s.surname,
  id: (s) => s.record.id ?? s.id,
  職員番号: (s) => s.record.id ?? s.id,
  department: (s) => s.record.department,
  所属: (s) => s.record.department,
  部署: (s) => s.record.department,
  課: (s) => s.record.department,
  facility: (s) => s.record.facility,
  施設: (s) => s.record.facility,
  title: (s) => s.record.title,
  役職: (s) => s.record.title,
};

const READING_SOURCES = new Set(["kana", "romaji", "surname", "name"]);

/**
 * The text a field source gives for one staff member ("" when there is none):
 * kana / romaji / surname / name from the reading; any other name is the roster column of that
 * header, falling back to the record property it stands for (所属 → department, 施設 → facility, 役職 → title).
 */
export function fieldText(staff: StaffReading, source: string): string {
  if (READING_SOURCES.has(source)) return printable(ALIASES[source]!(staff) ?? "");
  // Own properties only: a column named "constructor" or "__proto__" is a column, not Object.prototype's.
  const column = Object.hasOwn(staff.record.fields, source) ? staff.record.fields[source] : undefined;
  if (typeof column === "string" && column.trim() !== "") return printable(column);
  const alias = Object.hasOwn(ALIASES, source) ? ALIASES[source] : undefined;
  return printable(alias?.(staff) ?? "");
}

/** An option for badges that does not fit the roster (BADGES_SPLIT_UNKNOWN_COLUMN): a bad option, like a SheetError. */
export class BadgeOptionError extends NafudaError {
  override name = "BadgeOptionError";
}

/**
 * The roster's column headers, as the staff's records hold them (in the order first seen): what a source may name
 * besides kana, romaji, surname, name and the record fields (所属, 施設, 役職, 職員番号 and their aliases).
 */
export function rosterColumns(staff: readonly StaffReading[]): string[] {
  const columns = new Set<string>();
  for (const s of staff) for (const key of Object.keys(s.record.fields)) columns.add(key);
  return [...columns];
}

/** True when `source` gives something for some of `staff`: a reading source, a roster column, or an alias with a value. */
export function rosterHasField(staff: readonly StaffReading[], source: string): boolean {
  if (READING_SOURCES.has(source)) return true;
  const alias = Object.hasOwn(ALIASES, source) ? ALIASES[source] : undefined;
  return staff.some((s) => Object.hasOwn(s.record.fields, source) || (alias !== undefined && alias(s) !== null));
}

/**
 * Text as one printed line: line breaks, tabs and other controls become a space, zero-width
 * characters go, runs of spaces become one, ends trimmed. (Variation selectors stay: the
 * renderer draws the base character.)
 */
export function printable(text: string): string {
  if (!/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]|  /.test(text)) return text.trim();
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
}

const collator = new Intl.Collator("ja", { usage: "sort", sensitivity: "variant", numeric: true });

/**
 * Staff in hand-out order: by 所属 (department; rows without one last), then by kana, then by
 * roster row. A stable, deterministic order.
 */
export function sortForHandout(staff: readonly StaffReading[]): StaffReading[] {
  // Rank the distinct departments and kana once (a few hundred collator calls, not one per comparison).
  const rank = (values: Iterable<string>) => {
    const distinct = [...new Set(values)].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    return new Map(distinct.map((value, i) => [value, i]));
  };
  const departments = staff.map((s) => fieldText(s, "所属"));
  const departmentRank = rank(departments.filter((d) => d !== ""));
  const kanaRank = rank(staff.map((s) => s.kana));
  const keyed = staff.map((s, i) => ({
    s,
    department: departments[i] === "" ? Number.MAX_SAFE_INTEGER : departmentRank.get(departments[i]!)!,
    kana: kanaRank.get(s.kana)!,
  }));
  keyed.sort((x, y) => x.department - y.department || x.kana - y.kana || x.s.row - y.s.row);
  return keyed.map((k) => k.s);
}

export interface BadgeGroup {
  /** The group's value as written ("" for staff without one). */
  key: string;
  /** A safe file name stem for the group, unique among the groups. */
  fileStem: string;
  staff: StaffReading[];
}

/**
 * Groups staff by a field source (e.g. 所属 or 施設), in collation order, each with a safe file stem that is unique
 * even where file systems fold names: after NFKC and case folding (総務課 in NFC and NFD, ｿｳﾑ and ソウム, Soumu and
 * SOUMU never share a file). A source the roster does not have is a BadgeOptionError listing the roster's columns.
 */
export function groupStaff(staff: readonly StaffReading[], by: string): BadgeGroup[] {
  if (staff.length > 0 && !rosterHasField(staff, by)) {
    throw new BadgeOptionError(msg("BADGES_SPLIT_UNKNOWN_COLUMN", { column: by, columns: rosterColumns(staff) }));
  }
  const groups = new Map<string, StaffReading[]>();
  for (const s of staff) {
    const key = fieldText(s, by);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(s);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : collator.compare(a, b) || (a < b ? -1 : 1)));
  const stems = uniqueAfterFolding(keys, safeFileStems(keys, "未設定"));
  return keys.map((key, i) => ({ key, fileStem: stems[i]!, staff: groups.get(key)! }));
}

/** How file systems may see a name: NFKC (macOS folds NFC/NFD; people read ｿｳﾑ and ソウム alike), case folded. */
function folded(stem: string): string {
  return stem.normalize("NFKC").toLowerCase();
}

/**
 * The stems made unique after folding: every stem that folds like another gets a short hash of its group's value as
 * written (code points, not normalised, so NFC and NFD differ), again until none collide. The same set of groups
 * always gives the same names.
 */
function uniqueAfterFolding(keys: readonly string[], stems: readonly string[]): string[] {
  const out = [...stems];
  for (let round = 0; round < 4; round++) {
    const counts = new Map<string, number>();
    for (const stem of out) counts.set(folded(stem), (counts.get(folded(stem)) ?? 0) + 1);
    const clashing = out.map((stem) => (counts.get(folded(stem)) ?? 0) > 1);
    if (!clashing.includes(true)) return out;
    out.forEach((stem, i) => {
      if (clashing[i]) out[i] = `${stem}-${createHash("sha256").update(`${round}\u0000${keys[i]!}`, "utf8").digest("hex").slice(0, 8)}`;
    });
  }
  return out.map((stem, i) => `${stem}-${i + 1}`); // never reached in practice: four rounds of hashes
}
