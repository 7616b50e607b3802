import { msg, type Message } from "../messages/message.js";

/**
 * Mojibake (文字化け) that decodeText cannot undo because it happened before nafuda saw the file:
 * a Shift_JIS (or UTF-8) roster opened as Latin-1 / Windows-1252 (or as UTF-8) by some tool and
 * saved again as UTF-8. The bytes are valid UTF-8; the Japanese is gone. Such a file must be
 * refused with a clear message, never read as names: "EõÔ" is not a surname.
 */

/** Windows-1252's characters in 0x80–0x9F (the rest of the byte range is Latin-1's). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((character, index) => [character, 0x80 + index]));

/** U+FFFD, which a decoder writes in place of bytes it could not read: the original characters are lost. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

/**
 * What the text said before it was garbled, when it is Shift_JIS/CP932 or UTF-8 bytes that were read
 * as Latin-1 or Windows-1252 ("²è“¡" → "佐藤", "ä½è—¤" → "佐藤"); null when the text is not such mojibake.
 * Only an exact, strict decoding into Japanese (kana or kanji) counts, so real Latin names
 * (José, Müller, Nguyễn) are never taken for mojibake.
 */
export function undoLatin1Mojibake(text: string): string | null {
  const bytes: number[] = [];
  let high = false;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const byte = code <= 0xff ? code : BYTE_OF.get(character);
    if (byte === undefined) return null;
    if (byte >= 0x80) high = true;
    bytes.push(byte);
  }
  if (!high) return null;
  for (const label of ["utf-8", "shift_jis"]) {
    let decoded: string;
    try {
      decoded = new TextDecoder(label, { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      continue;
    }
    // Japanese, and nothing left over that a Latin name would leave (María → Mar僘 is not a decoding).
    if (/[\u3041-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/u.test(decoded) && !/[A-Za-z\u0080-\u024F]/u.test(decoded)) return decoded;
  }
  return null;
}

/** A description of how `text` is garbled, for messages; null when it is not. */
export function describeMojibake(text: string): Message | null {
  if (text.includes(REPLACEMENT_CHARACTER)) {
    return msg("MOJIBAKE_REPLACEMENT", { text: visible(text) });
  }
  const original = undoLatin1Mojibake(text);
  return original === null ? null : msg("MOJIBAKE_PROBABLY", { text: visible(text), original: visible(original) });
}

/** Control characters (C0, DEL, C1) written as \u{…}, so that a message never sends them to a terminal. */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
