import { NafudaError, type CodedMessage, type Place } from "../messages/message.js";

/**
 * Raised when a sheet cannot hold the template or its numbers do not add up (the message has the numbers), when a
 * sheet option or file is wrong, or when the printer calibration would move a badge off the page. `code` is stable
 * (SHEET_…); `problems` lists each wrong key of a sheet file.
 */
export class SheetError extends NafudaError {
  override name = "SheetError";
  readonly problems: readonly CodedMessage[];

  constructor(message: CodedMessage, place: Place & { problems?: readonly CodedMessage[] } = {}) {
    const { problems = [], ...where } = place;
    super(message, where);
    this.problems = problems;
  }
}
