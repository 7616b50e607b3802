import type { StaffRecord } from "../../src/model.js";

/** A roster record with only the given fields set, the way loadRoster makes them. */
export function staffRecord(row: number, name: string, extra: Partial<StaffRecord> = {}): StaffRecord {
  return {
    row, sheetRow: row + 1, id: null, name, surname: null, given: null, nameReading: null, surnameReading: null, romaji: null,
    department: null, facility: null, title: null, fields: {}, ...extra,
  };
}
