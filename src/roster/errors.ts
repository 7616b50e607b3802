import { NafudaError, type CodedMessage, type Place } from "../messages/message.js";

/**
 * The error a roster or table file raises when it cannot be read at all (as opposed to a bad row,
 * which becomes a RowError and lets the other rows through). It names the file, where in it when known,
 * and says what to do; `code` is stable (README: Messages and codes).
 */
export class RosterFileError extends NafudaError {
  override name = "RosterFileError";
  declare readonly file: string;

  constructor(file: string, message: CodedMessage, where: Omit<Place, "file"> & { cause?: unknown } = {}) {
    const { cause, ...place } = where;
    super(message, { ...place, file }, cause !== undefined ? { cause } : {});
  }
}
