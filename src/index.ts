/**
 * nafuda — the public library API. The CLI (src/cli) is a thin shell over exactly these exports.
 * Each section is owned by one area of the code; keep exports grouped by the module that holds them.
 */

// --- records
export type { StaffRecord, StaffReading, ReadingSource, RowError } from "./model.js";
export { formatRowError } from "./model.js";
export { writeFileAtomic } from "./io/atomic-write.js";

// --- kana and romaji

// --- rosters

// --- readings

// --- badges

// --- posters
