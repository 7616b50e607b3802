import { formatRowError, type RowError } from "../model.js";

/** Exit codes of every nafuda command (documented in README). */
export const EXIT = {
  ok: 0,
  /** Rows still need review or have errors (--strict), or badges refused to print unreviewed rows. */
  needsReview: 1,
  /** The input could not be used at all: missing or unreadable file, no name column, bad option or config. */
  badInput: 2,
  /** A bug or an unexpected failure (disk full, …). */
  internal: 3,
} as const;

/** Prints each row error on its own line: file, row, column, what is wrong and what to do. */
export function printRowErrors(errors: readonly RowError[], limit = 50): void {
  for (const error of errors.slice(0, limit)) process.stderr.write(`error: ${formatRowError(error)}\n`);
  if (errors.length > limit) process.stderr.write(`… and ${errors.length - limit} more error(s): see the review sheet\n`);
}

/** System errors that are no fault of the input: a full disk or a failing one (README: exit 3). */
const MACHINE_ERRORS = new Set(["ENOSPC", "EDQUOT", "EIO", "ENOMEM"]);

/** An error that stops the command: a clear message for input problems, the stack only for bugs. */
export function failWith(error: unknown): void {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const known =
    error instanceof Error &&
    !(code !== undefined && MACHINE_ERRORS.has(code)) &&
    (error.name.endsWith("FileError") || "file" in error || "code" in error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`nafuda: ${message}\n`);
  if (!known && error instanceof Error && process.env.NAFUDA_DEBUG) process.stderr.write(`${error.stack}\n`);
  process.exitCode = known ? EXIT.badInput : EXIT.internal;
}
