import type { RowError, StaffReading } from "../model.js";
import { fieldText } from "../badges/fields.js";
import { safeFileStems } from "../io/safe-file-names.js";

/** The review sheet of one section (所属 …), for its chief to check with the staff, who alone know their reading. */
export interface ReviewGroup {
  /** The section as the roster writes it; "" for staff without one. */
  key: string;
  /** A safe file stem, unique among the groups (after Unicode normalisation and case folding). */
  fileStem: string;
  staff: StaffReading[];
  errors: RowError[];
}

const collator = new Intl.Collator("ja", { usage: "sort", sensitivity: "variant", numeric: true });

/** Whether the roster has the column (or the role: 所属, 施設, 役職) to split by. */
export function hasSplitColumn(headers: readonly string[], by: string, staff: readonly StaffReading[]): boolean {
  if (headers.includes(by)) return true;
  return staff.some((s) => fieldText(s, by) !== "");
}

/** Staff and row errors grouped by a column, in collation order (blank last). */
export function reviewGroups(staff: readonly StaffReading[], errors: readonly RowError[], by: string): ReviewGroup[] {
  const groups = new Map<string, { staff: StaffReading[]; errors: RowError[] }>();
  const group = (key: string) => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { staff: [], errors: [] }));
    return found;
  };
  for (const s of staff) group(fieldText(s, by)).staff.push(s);
  for (const e of errors) group(e.record ? fieldText({ record: e.record } as StaffReading, by) : "").errors.push(e);
  const keys = [...groups.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : collator.compare(a, b) || (a < b ? -1 : 1)));
  const stems = safeFileStems(keys, "未設定");
  return keys.map((key, i) => ({ key, fileStem: stems[i]!, ...groups.get(key)! }));
}
