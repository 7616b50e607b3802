import type { RowError, StaffReading } from "../model.js";
import { groupStaff } from "./fields.js";
import { renderBadgeSheets, type RenderBadgesOptions } from "./render-badges.js";

/** One PDF of a split run. */
export interface BadgeGroupFile {
  /** The group's value (e.g. the 所属), "" for staff without one. */
  key: string;
  /** Safe, unique file name, e.g. "総務課.pdf". */
  fileName: string;
  badges: number;
  pages: number;
  pdf: Uint8Array;
}

export interface SplitResult {
  files: BadgeGroupFile[];
  /** index.csv: one line per file (group, file, badges, pages), UTF-8 with BOM for Excel. */
  index: string;
  errors: RowError[];
  warnings: RowError[];
}

/**
 * A CSV cell that Excel shows as text: a value starting with = + - @ (or a tab or carriage return)
 * would run as a formula (=HYPERLINK(…), =cmd|…), so it gets a leading apostrophe; then quoted as needed.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One PDF per group (by 所属, 施設 or any column), each laid out from its own first cell, plus an
 * index. Row errors are collected across groups; the other badges still come out.
 */
export async function renderBadgesSplit(
  staff: readonly StaffReading[],
  by: string,
  options: Omit<RenderBadgesOptions, "onProgress"> & { onProgress?: (groupsDone: number, groupsTotal: number) => void },
): Promise<SplitResult> {
  const groups = groupStaff(staff, by);
  const files: BadgeGroupFile[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  let done = 0;
  const { onProgress, ...renderOptions } = options;
  for (const group of groups) {
    const result = await renderBadgeSheets(group.staff, { ...renderOptions, title: `名札 ${group.key}`.trim() });
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.badges > 0) files.push({ key: group.key, fileName: `${group.fileStem}.pdf`, badges: result.badges, pages: result.pages, pdf: result.pdf });
    onProgress?.(++done, groups.length);
  }
  const lines = [[by, "file", "badges", "pages"].map(csvCell).join(",")];
  for (const file of files) lines.push([file.key, file.fileName, file.badges, file.pages].map(csvCell).join(","));
  return { files, index: `\uFEFF${lines.join("\r\n")}\r\n`, errors, warnings };
}
