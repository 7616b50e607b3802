import { NafudaError, type CodedMessage } from "../messages/message.js";

/**
 * An artwork PDF (a badge or poster background) that cannot be used; the place names the file, the message says
 * what is wrong and what to do; `code` is stable (BACKGROUND_…, or FILE_IS_FOLDER and the like). (CLI: bad input, exit 2.)
 */
export class BackgroundFileError extends NafudaError {
  override name = "BackgroundFileError";
  declare readonly file: string;

  constructor(file: string, message: CodedMessage, options: { cause?: unknown } = {}) {
    super(message, { file }, options);
  }
}

/** The first line of a library's message, short: a detail inside nafuda's own sentence. */
export function libraryDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.slice(0, 160);
}

