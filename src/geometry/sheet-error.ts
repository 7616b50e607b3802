import { msg, NafudaError, type CodedMessage, type Place } from "../messages/message.js";

/**
 * Raised when a sheet cannot hold the template or its numbers do not add up (the message has the numbers), when a
 * sheet option or file is wrong, or when the printer calibration would move a badge off the page. `code` is stable
 * (SHEET_…); `problems` lists each wrong key of a sheet file.
 */
export class SheetError extends NafudaError {
  override name = "SheetError";
  readonly problems: readonly CodedMessage[];

  /**
   * @param message the catalogue message. A string is the legacy form that src/cli/commands/badges.ts still uses for
   * its `--font NAME=path.ttf` check ("--font x: write NAME=path.ttf …"); it becomes FONT_OPTION_FORMAT. Remove it
   * once the CLI uses parseFontOptions (src/badges/sheet-option.ts).
   */
  constructor(message: CodedMessage | string, place: Place & { problems?: readonly CodedMessage[] } = {}) {
    const { problems = [], ...where } = place;
    super(typeof message === "string" ? msg("FONT_OPTION_FORMAT", { entry: /^--font (.*?): write NAME=/s.exec(message)?.[1] ?? message }) : message, where);
    this.problems = problems;
  }
}
