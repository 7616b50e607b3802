import { InputFileError, readInputFile } from "./read-input.js";
import type { CodedMessage } from "../messages/message.js";

/** What to say, for one kind of file, when it does not exist or is too large (the other refusals are the same for every file). */
export interface InputFileWording {
  notFound: CodedMessage;
  tooLarge: (sizes: { size: string; limit: string }) => CodedMessage;
}

/**
 * readInputFile (regular files only, size checked before reading) for a file of one kind — a template, a sheet
 * file, a font, a background PDF — whose refusals are that kind's own error class: `fail(message, cause)` makes it.
 * A missing or too large file gets the kind's wording; a folder, a device, no permission or a lock keep the shared
 * codes (FILE_IS_FOLDER, FILE_NOT_REGULAR, FILE_NO_PERMISSION, FILE_LOCKED, FILE_UNREADABLE).
 */
export async function readInputFileAs(
  path: string,
  maxBytes: number,
  wording: InputFileWording,
  fail: (message: CodedMessage, cause: InputFileError) => Error,
): Promise<Uint8Array> {
  try {
    return await readInputFile(path, maxBytes);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    if (error.code === "FILE_NOT_FOUND") throw fail(wording.notFound, error);
    if (error.code === "FILE_TOO_LARGE") {
      const params = error.params as { size: string; limit: string };
      throw fail(wording.tooLarge({ size: params.size, limit: params.limit }), error);
    }
    throw fail({ code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) } as CodedMessage, error);
  }
}
