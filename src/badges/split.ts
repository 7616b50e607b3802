import { csvDocument } from "../io/excel-csv.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg } from "../messages/message.js";
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
  /** index.csv: one line per file (group, file, badges, pages; headers in `lang`), UTF-8 with BOM for Excel. */
  index: string;
  errors: RowError[];
  warnings: RowError[];
}

/**
 * One PDF per group (by 所属, 施設 or any column), each laid out from its own first cell, plus an
 * index. Row errors are collected across groups; the other badges still come out. File names are unique even
 * after Unicode normalisation and case folding (no group's PDF replaces another's); a column the roster does not
 * have is a BadgeOptionError listing its columns. The index's headers are in `lang` (default: Japanese, or NAFUDA_LANG).
 */
export async function renderBadgesSplit(
  staff: readonly StaffReading[],
  by: string,
  options: Omit<RenderBadgesOptions, "onProgress"> & { onProgress?: (groupsDone: number, groupsTotal: number) => void; lang?: Lang },
): Promise<SplitResult> {
  // Every group's name at once, so that the file names are made unique among all of them.
  const groups = groupStaff(staff, by);
  const files: BadgeGroupFile[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  let done = 0;
  const { onProgress, lang = defaultLang(), ...renderOptions } = options;
  for (const group of groups) {
    const result = await renderBadgeSheets(group.staff, { ...renderOptions, title: `名札 ${group.key}`.trim() });
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.badges > 0) files.push({ key: group.key, fileName: `${group.fileStem}.pdf`, badges: result.badges, pages: result.pages, pdf: result.pdf });
    onProgress?.(++done, groups.length);
  }
  const header = [by, ...(["TEXT_SPLIT_INDEX_FILE", "TEXT_SPLIT_INDEX_BADGES", "TEXT_SPLIT_INDEX_PAGES"] as const).map((code) => formatMessage(msg(code), lang))];
  const index = csvDocument([header, ...files.map((f) => [f.key, f.fileName, f.badges, f.pages])]);
  return { files, index, errors, warnings };
}
