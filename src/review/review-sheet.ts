import type { RowError, StaffReading } from "../model.js";
import { csvDocument } from "../io/excel-csv.js";

/**
 * The review sheet: every staff member with the reading that will be printed, where it came from and whether a
 * person must check it. Rows that failed come first, then rows needing review, then the rest, each in roster order.
 * Corrected and passed back with --overrides, the same sheet is the confirmed readings file.
 */
export interface ReviewRow {
  row: number;
  id: string | null;
  name: string;
  surname: string;
  kana?: string;
  romaji?: string;
  source?: StaffReading["source"];
  review: boolean;
  reasons: string[];
  alternatives: string[];
  error?: string;
}

/** The JSON contract of `nafuda readings --format json` (documented in README). */
export interface ReviewReport {
  staff: ReviewRow[];
  summary: { total: number; review: number; errors: number };
}

export function reviewRows(staff: readonly StaffReading[], errors: readonly RowError[]): ReviewRow[] {
  const rows: ReviewRow[] = [
    ...staff.map((s) => ({
      row: s.row, id: s.id, name: s.name, surname: s.surname, kana: s.kana, romaji: s.romaji,
      source: s.source, review: s.review, reasons: s.reasons, alternatives: s.alternatives,
    })),
    ...errors.map((e) => ({
      row: e.row, id: e.record?.id ?? null, name: e.record?.name ?? "",
      surname: e.record?.surname ?? e.record?.name.trim().split(/[\s\u3000]+/)[0] ?? "",
      review: true, reasons: [], alternatives: [], error: e.column ? `${e.column}: ${e.message}` : e.message,
    })),
  ];
  const rank = (r: ReviewRow) => (r.error !== undefined ? 0 : r.review ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}

export function reviewReport(staff: readonly StaffReading[], errors: readonly RowError[]): ReviewReport {
  const rows = reviewRows(staff, errors);
  return {
    staff: rows,
    summary: { total: rows.length, review: staff.filter((s) => s.review).length, errors: errors.length },
  };
}

/** Column headers of the review sheet; the confirmed readings reader accepts these (and English ones). */
export const REVIEW_SHEET_HEADERS = ["行", "職員番号", "氏名", "姓", "かな", "ローマ字", "出典", "要確認", "理由", "候補", "エラー"] as const;

/** The review sheet as CSV text for Japanese Excel (UTF-8 with BOM, CRLF, formula-safe cells). */
export function reviewSheetCsv(rows: readonly ReviewRow[]): string {
  return csvDocument([
    [...REVIEW_SHEET_HEADERS],
    ...rows.map((r) => [
      String(r.row), r.id ?? "", r.name, r.surname, r.kana ?? "", r.romaji ?? "", r.source ?? "",
      r.review ? "要確認" : "", r.reasons.join(" / "), r.alternatives.join(" "), r.error ?? "",
    ]),
  ]);
}
