import { NafudaError } from "../messages/message.js";

/**
 * A font that cannot be used: missing, not a TrueType/OpenType file, damaged or cut short, or without a character the
 * text needs. The place names the font file (or the name the template gave it); `code` is stable (FONT_…).
 */
export class FontFileError extends NafudaError {
  override name = "FontFileError";
}
