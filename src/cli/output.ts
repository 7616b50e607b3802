import type { RowError } from "../model.js";
import { formatRowError } from "../model.js";
import { formatMessage, msg, NafudaError, type Message } from "../messages/message.js";
import type { Lang } from "../messages/lang.js";

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

/**
 * What a command prints, in the run's language: lines on standard error (messages, summaries), each kind with
 * its prefix (エラー / 注意 / お知らせ, or error / warning / note), and how the run ends.
 */
export class Output {
  constructor(readonly lang: Lang) {}

  /** A message, rendered. */
  text(message: Message): string {
    return formatMessage(message, this.lang);
  }

  line(message: Message | string): void {
    process.stderr.write(`${typeof message === "string" ? message : this.text(message)}\n`);
  }

  private prefixed(prefix: "TEXT_PREFIX_ERROR" | "TEXT_PREFIX_WARNING" | "TEXT_PREFIX_NOTE", body: string): void {
    const separator = this.lang === "ja" ? "：" : ": ";
    process.stderr.write(`${this.text(msg(prefix))}${separator}${body}\n`);
  }

  /** Each row error on its own line: file, row as Excel numbers it, column, what is wrong and what to do. */
  rowErrors(errors: readonly RowError[], limit = 50): void {
    for (const error of errors.slice(0, limit)) this.prefixed("TEXT_PREFIX_ERROR", formatRowError(error, this.lang));
    if (errors.length > limit) this.line(msg("CLI_MORE_ERRORS", { count: errors.length - limit }));
  }

  warnings(warnings: readonly RowError[], limit = 20): void {
    for (const warning of warnings.slice(0, limit)) this.prefixed("TEXT_PREFIX_WARNING", formatRowError(warning, this.lang));
    if (warnings.length > limit) this.line(msg("CLI_MORE_ERRORS", { count: warnings.length - limit }));
  }

  notes(notes: readonly RowError[]): void {
    for (const note of notes) this.prefixed("TEXT_PREFIX_NOTE", formatRowError(note, this.lang));
  }

  note(message: Message): void {
    this.prefixed("TEXT_PREFIX_NOTE", this.text(message));
  }

  /** A problem that stops the command before it did anything: exit 2 (bad input). */
  refuse(message: Message): void {
    process.stderr.write(`nafuda: ${this.text(message)}\n`);
    process.exitCode = EXIT.badInput;
  }

  /**
   * An error that stops the command. A NafudaError is the input's fault (exit 2), said in the user's language
   * with its place; a full or failing disk is the machine's (exit 3); anything else is a bug (exit 3, the stack
   * with NAFUDA_DEBUG=1).
   */
  fail(error: unknown): void {
    if (error instanceof NafudaError) {
      process.stderr.write(`nafuda: ${error.format(this.lang)}\n`);
      const cause = (error as { systemCode?: string }).systemCode ?? ((error.cause as NodeJS.ErrnoException | undefined)?.code);
      process.exitCode = cause !== undefined && MACHINE_ERRORS.has(cause) ? EXIT.internal : EXIT.badInput;
      return;
    }
    const detail = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    process.stderr.write(`nafuda: ${this.text(msg("CLI_UNEXPECTED", { detail }))}\n`);
    if (error instanceof Error && process.env.NAFUDA_DEBUG) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.internal;
  }
}

/** System errors that are no fault of the input: a full disk or a failing one (README: exit 3). */
const MACHINE_ERRORS = new Set(["ENOSPC", "EDQUOT", "EIO", "ENOMEM"]);
