import { csvDocument } from "../io/excel-csv.js";
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
  const index = csvDocument([[by, "file", "badges", "pages"], ...files.map((f) => [f.key, f.fileName, f.badges, f.pages])]);
  return { files, index, errors, warnings };
}
