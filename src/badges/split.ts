import { join } from "node:path";
import { csvDocument } from "../io/excel-csv.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg } from "../messages/message.js";
import type { RowError, StaffReading } from "../model.js";
import { BytesSink } from "../pdf/pdf-writer.js";
import { groupStaff, type BadgeGroup } from "./fields.js";
import { prepareBadgeRun, type BadgeRun, type RenderBadgesOptions } from "./render-badges.js";

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

/** One PDF of a split run written to its folder (renderBadgesSplitToFolder). */
export interface WrittenGroupFile extends Omit<BadgeGroupFile, "pdf"> {
  /** Where it is: the folder joined with fileName. */
  path: string;
  /** Its size in bytes. */
  bytes: number;
}

export interface SplitFolderResult {
  files: WrittenGroupFile[];
  /** The index written as index.csv beside them. */
  index: string;
  errors: RowError[];
  warnings: RowError[];
}

export type SplitOptions = Omit<RenderBadgesOptions, "onProgress"> & { onProgress?: (groupsDone: number, groupsTotal: number) => void; lang?: Lang };

function indexCsv(by: string, files: ReadonlyArray<{ key: string; fileName: string; badges: number; pages: number }>, lang: Lang): string {
  const header = [by, ...(["TEXT_SPLIT_INDEX_FILE", "TEXT_SPLIT_INDEX_BADGES", "TEXT_SPLIT_INDEX_PAGES"] as const).map((code) => formatMessage(msg(code), lang))];
  return csvDocument([header, ...files.map((f) => [f.key, f.fileName, f.badges, f.pages])]);
}

/**
 * One PDF per group (by 所属, 施設 or any column), each laid out from its own first cell, plus an
 * index. Row errors are collected across groups; the other badges still come out. File names are unique even
 * after Unicode normalisation and case folding (no group's PDF replaces another's); a column the roster does not
 * have is a BadgeOptionError listing its columns. The index's headers are in `lang` (default: Japanese, or NAFUDA_LANG).
 * The PDFs are returned as bytes: for a whole prefecture, renderBadgesSplitToFolder writes them as they are made.
 */
export async function renderBadgesSplit(staff: readonly StaffReading[], by: string, options: SplitOptions): Promise<SplitResult> {
  // Every group's name at once, so that the file names are made unique among all of them.
  const groups = groupStaff(staff, by);
  const { onProgress, lang = defaultLang(), ...renderOptions } = options;
  const run = await prepareBadgeRun(renderOptions);
  const files: BadgeGroupFile[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  let done = 0;
  for (const group of groups) {
    const checked = run.check(group.staff);
    errors.push(...checked.errors);
    if (checked.printable.length > 0) {
      const sink = new BytesSink();
      const written = await run.write(checked, sink, title(group));
      warnings.push(...written.warnings);
      files.push({ key: group.key, fileName: `${group.fileStem}.pdf`, badges: checked.printable.length, pages: written.pages, pdf: sink.bytes() });
    }
    onProgress?.(++done, groups.length);
  }
  return { files, index: indexCsv(by, files, lang), errors, warnings };
}

function title(group: BadgeGroup): string {
  return `名札 ${group.key}`.trim();
}

/**
 * renderBadgesSplit into `folder`: each group's PDF streamed to its own file as it is made (memory does not grow with
 * the run), and index.csv. Every file is written to a hidden temporary file first (io/atomic-write.ts) and the whole
 * set is renamed into place only when every group has been written: a run that fails or is stopped part way leaves
 * the folder as it was, with no temporary file.
 */
export async function renderBadgesSplitToFolder(staff: readonly StaffReading[], by: string, folder: string, options: SplitOptions): Promise<SplitFolderResult> {
  const { onProgress, lang, ...renderOptions } = options;
  groupStaff(staff, by); // an unknown column is refused before the template is read
  return writeSplitToFolder(prepareBadgeRun(renderOptions), staff, by, folder, { ...(lang ? { lang } : {}), ...(onProgress ? { onProgress } : {}) });
}

/** renderBadgesSplitToFolder with a run prepared already (or being prepared: the CLI starts it before the readings). */
export async function writeSplitToFolder(
  preparing: Promise<BadgeRun> | BadgeRun,
  staff: readonly StaffReading[],
  by: string,
  folder: string,
  options: { lang?: Lang; onProgress?: (groupsDone: number, groupsTotal: number) => void } = {},
): Promise<SplitFolderResult> {
  const groups = groupStaff(staff, by);
  const { onProgress, lang = defaultLang() } = options;
  const run = await preparing;
  const { openAtomicOutput } = await import("../io/atomic-write.js");
  const outputs: Array<Awaited<ReturnType<typeof openAtomicOutput>>> = [];
  const files: WrittenGroupFile[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  let done = 0;
  try {
    for (const group of groups) {
      const checked = run.check(group.staff);
      errors.push(...checked.errors);
      if (checked.printable.length > 0) {
        const fileName = `${group.fileStem}.pdf`;
        const output = await openAtomicOutput(join(folder, fileName));
        outputs.push(output);
        const written = await run.write(checked, output, title(group));
        await output.close();
        warnings.push(...written.warnings);
        files.push({ key: group.key, fileName, badges: checked.printable.length, pages: written.pages, path: output.path, bytes: output.size });
      }
      onProgress?.(++done, groups.length);
    }
    const index = indexCsv(by, files, lang);
    const indexOutput = await openAtomicOutput(join(folder, "index.csv"));
    outputs.push(indexOutput);
    await indexOutput.write(Buffer.from(index, "utf8"));
    for (const output of outputs) await output.commit();
    return { files, index, errors, warnings };
  } catch (error) {
    for (const output of outputs) await output.abort();
    throw error;
  }
}
