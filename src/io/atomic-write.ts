import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * An output file that could not be written. The message names the file (never the hidden temporary
 * file) and says what to do; `code` is the system's error code (EISDIR, ENOSPC, …). The previous file,
 * if there was one, is unchanged.
 */
export class OutputFileError extends Error {
  override readonly name = "OutputFileError";
  readonly file: string;
  readonly code: string | undefined;

  constructor(file: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`cannot write ${file}: ${explain(code, file, cause)} Nothing was written; a previous ${basename(file)} is unchanged.`, { cause });
    this.file = file;
    this.code = code;
  }
}

function explain(code: string | undefined, file: string, cause: unknown): string {
  switch (code) {
    case "EISDIR":
      return "it is a folder. Give the path of a file (e.g. out/review.csv).";
    case "ENOTDIR":
    case "EEXIST":
      return "part of the path is a file, not a folder. Check the path.";
    case "EACCES":
    case "EPERM":
      return `no permission to write in ${dirname(file)}, or the file is open in another program (Excel?). Close it, or choose another folder.`;
    case "EBUSY":
      return "the file is open in another program (Excel?). Close it and run again.";
    case "EROFS":
      return "the folder is on a read-only disk. Choose another folder.";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full. Free some space and run again.";
    case "ENOENT":
      return "the folder cannot be made there. Check the path.";
    default:
      return `${(cause as Error | undefined)?.message ?? String(cause)}.`;
  }
}

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one,
 * never a half-written file: the bytes go to a hidden temporary file in the same folder
 * (same file system, so the rename is atomic), are flushed to disk, then renamed over `path`.
 * On any failure the temporary file is removed and an OutputFileError names `path`.
 * Roster data never lands in the system temp folder.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temporary, "wx", 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputFileError(path, error);
  }
}
