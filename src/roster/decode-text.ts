import { cp932Code } from "./encode-text.js";
import { msg } from "../messages/message.js";
import { RosterFileError } from "./errors.js";

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "cp932" | "euc-jp";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Lines (1-based, as the text's line breaks count them) written in another encoding than the rest: a UTF-8 file
   * with a row pasted in from a Shift_JIS one. `encoding` is what the line was read as; null when it is neither
   * (the line then holds U+FFFD where its bytes were).
   */
  foreignLines?: { line: number; encoding: TextEncodingName | null }[];
}

/**
 * Decodes a text file whose encoding nobody told us, the way Japanese offices save them.
 *
 * 1. A byte-order mark decides: UTF-8 (Excel "CSV UTF-8"), UTF-16LE (Excel "Unicode テキスト"), UTF-16BE.
 * 2. Without one, UTF-16 is still recognised by its zero bytes (no real text file holds NUL).
 * 3. Otherwise each of strict UTF-8, CP932 (WHATWG Shift_JIS = Windows-31J: ①, ㈱, 髙, 﨑) and
 *    EUC-JP is tried. Valid UTF-8 wins unless it reads as mojibake (characters no Japanese roster
 *    holds, such as "Ҳ" from half-width katakana) while another encoding reads cleanly. Between CP932
 *    and EUC-JP, which often both decode the same EUC-JP bytes, the reading with more plausible
 *    Japanese wins (full-width kana and kanji over half-width katakana and user-defined characters).
 *
 * Pure: bytes in, text out. `file` only names the file in the error.
 */
export function decodeText(bytes: Uint8Array, file = "(input)"): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = tryDecode("utf-8", body);
    if (text !== null) return { text, encoding: "utf-8-bom" };
    const mixed = mixedUtf8(body, true);
    if (mixed) return { ...mixed, encoding: "utf-8-bom" };
    return { text: strictDecode("utf-8", body, file), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strictDecode("utf-16le", bytes.subarray(2), file), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strictDecode("utf-16be", bytes.subarray(2), file), encoding: "utf-16be" };
  }
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16 !== null) {
    const text = tryDecode(utf16, bytes);
    if (text !== null) return { text, encoding: utf16 };
  }

  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null && (isAscii(bytes) || oddities(utf8) === 0)) return { text: utf8, encoding: "utf-8" };
  if (utf8 === null) {
    const mixed = mixedUtf8(bytes, false);
    if (mixed) return { ...mixed, encoding: "utf-8" };
  }

  const candidates: { encoding: TextEncodingName; text: string; odd: number; score: number; order: number }[] = [];
  const add = (encoding: TextEncodingName, text: string | null, order: number) => {
    if (text !== null) candidates.push({ encoding, text, odd: oddities(text), score: plausibility(text), order });
  };
  add("utf-8", utf8, 0);
  add("cp932", tryDecode("shift_jis", bytes), 1);
  add("euc-jp", tryDecode("euc-jp", bytes), 2);
  if (candidates.length === 0) {
    throw new RosterFileError(file, msg("TEXT_NOT_JAPANESE_ENCODING"));
  }
  candidates.sort((a, b) => a.odd - b.odd || b.score - a.score || a.order - b.order);
  const best = candidates[0]!;
  // Valid UTF-8 is kept unless another encoding reads with no oddities at all.
  if (utf8 !== null && best.encoding !== "utf-8" && best.odd > 0) return { text: utf8, encoding: "utf-8" };
  return { text: best.text, encoding: best.encoding };
}

function strictDecode(label: string, bytes: Uint8Array, file: string): string {
  const text = tryDecode(label, bytes);
  if (text === null) {
    throw new RosterFileError(file, msg("TEXT_BAD_BOM", { encoding: label.toUpperCase() }));
  }
  return text;
}

/**
 * UTF-8 with some lines in another encoding: most lines that hold anything but ASCII are valid UTF-8, the others
 * read as CP932 (or not at all). Line breaks are the same byte in both encodings, so lines can be decoded one by
 * one. Null when the text is not like that (a whole CP932 file is left to the encoding guess).
 */
function mixedUtf8(bytes: Uint8Array, hasBom: boolean): Pick<DecodedText, "text" | "foreignLines"> | null {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, at + 1));
    start = at + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  let utf8Lines = 0;
  const pieces: string[] = [];
  const foreignLines: { line: number; encoding: TextEncodingName | null }[] = [];
  lines.forEach((line, index) => {
    if (isAscii(line)) return void pieces.push(ascii(line));
    const utf8 = tryDecode("utf-8", line);
    if (utf8 !== null) {
      utf8Lines++;
      return void pieces.push(utf8);
    }
    const cp932 = tryDecode("shift_jis", line);
    foreignLines.push({ line: index + 1, encoding: cp932 !== null && oddities(cp932) === 0 ? "cp932" : null });
    pieces.push(cp932 !== null && oddities(cp932) === 0 ? cp932 : new TextDecoder("utf-8").decode(line));
  });
  // Mostly UTF-8: a BOM says so, otherwise at least twice as many UTF-8 lines as others.
  if (foreignLines.length === 0 || utf8Lines === 0 || (!hasBom && utf8Lines < 2 * foreignLines.length)) return null;
  return { text: pieces.join(""), foreignLines };
}

function ascii(bytes: Uint8Array): string {
  let text = "";
  for (let at = 0; at < bytes.length; at += 8192) text += String.fromCharCode(...bytes.subarray(at, at + 8192));
  return text;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/**
 * UTF-16 without a BOM: a text file in any 8-bit encoding holds no zero byte, UTF-16 of ASCII holds
 * one in every other byte. When zeros are there, the byte order that reads cleanly wins.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0 || !bytes.includes(0)) return null;
  const readings = (["utf-16le", "utf-16be"] as const)
    .map((encoding) => ({ encoding, text: tryDecode(encoding, bytes) }))
    .filter((reading): reading is { encoding: "utf-16le" | "utf-16be"; text: string } => reading.text !== null)
    .map((reading) => ({ ...reading, odd: oddities(reading.text), score: plausibility(reading.text) + asciiCount(reading.text) }))
    .filter((reading) => reading.odd === 0)
    .sort((a, b) => b.score - a.score);
  return readings[0]?.encoding ?? null;
}

function asciiCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d) count++;
  }
  return count;
}

function isJapanese(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x30ff) || // CJK punctuation, hiragana, katakana
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs: 﨑
    (code >= 0xff01 && code <= 0xff60) || // full-width forms
    (code >= 0x20000 && code <= 0x3ffff) // 𠮷 and other supplementary ideographs
  );
}

/**
 * Characters a roster never holds but mojibake produces: controls, the private-use area (CP932
 * user-defined characters), U+FFFD, and the scripts that half-width katakana or kanji bytes turn
 * into when read as UTF-8 (U+0250–U+1FFF apart from Greek and Cyrillic letters, which JIS X 0208 has).
 */
function oddities(text: string): number {
  let count = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) count++;
    } else if (code < 0x7f) {
      continue;
    } else if (code <= 0x9f) {
      count++;
    } else if (code < 0x250) {
      continue; // Latin-1 and Latin Extended: José, Müller
    } else if (code >= 0x391 && code <= 0x3c9) {
      continue;
    } else if (code >= 0x401 && code <= 0x451) {
      continue;
    } else if (code < 0x2000) {
      count++;
    } else if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || (code >= 0xfff0 && code <= 0xffff)) {
      count++;
    }
  }
  return count;
}

/**
 * How much the text reads like Japanese. Full-width kana and punctuation count most, then the
 * common (JIS level 1) kanji; rare (level 2) kanji and half-width katakana, which is what one
 * encoding's kanji look like through another's decoder, count little.
 */
function plausibility(text: string): number {
  let score = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if ((code >= 0x3000 && code <= 0x30ff) || (code >= 0xff01 && code <= 0xff60)) {
      score += 2;
    } else if (code >= 0xff61 && code <= 0xff9f) {
      score += 0.4;
    } else if (isJapanese(code)) {
      const sjis = cp932Code(character);
      score += sjis !== undefined && sjis >= 0x889f && sjis <= 0x9872 ? 1 : sjis !== undefined && sjis >= 0x989f && sjis <= 0xeaa4 ? 0.25 : 0.5;
    }
  }
  return score;
}
