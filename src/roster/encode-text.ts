/**
 * Encodes text as Japanese Excel and older systems save it: CP932 (Windows-31J, what Excel calls
 * "CSV (コンマ区切り)") or EUC-JP. Node has decoders for both but no encoder, so the encoding tables
 * are built once, lazily, by running the WHATWG decoders over every two-byte code.
 *
 * Used for fixtures and the example roster, and for anyone writing a CSV that Japanese Excel
 * opens without mojibake.
 */

export type LegacyEncoding = "cp932" | "euc-jp";

const tables = new Map<LegacyEncoding, Map<string, number[]>>();

/** Thrown for a character the encoding cannot hold (e.g. 𠮷 in CP932). */
export class UnencodableCharacterError extends Error {
  override readonly name = "UnencodableCharacterError";
  constructor(
    readonly character: string,
    readonly encoding: LegacyEncoding,
    readonly index: number,
  ) {
    const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    super(`"${character}" (U+${code}) at position ${index} cannot be written in ${encoding.toUpperCase()}`);
  }
}

function decodePair(decoder: InstanceType<typeof TextDecoder>, lead: number, trail: number): string | null {
  try {
    const text = decoder.decode(new Uint8Array([lead, trail]));
    return [...text].length === 1 ? text : null;
  } catch {
    return null;
  }
}

function cp932Table(): Map<string, number[]> {
  const decoder = new TextDecoder("shift_jis", { fatal: true });
  const table = new Map<string, number[]>();
  // Windows prefers, for characters with two codes, the first in code order except that the
  // NEC-selected IBM extensions (lead bytes 0xED, 0xEE) lose to the IBM extensions (0xFA-0xFC),
  // as the WHATWG encoder does. User-defined area (0xF0-0xF9) is never produced.
  const leads: number[] = [];
  for (let lead = 0x81; lead <= 0x9f; lead++) leads.push(lead);
  for (let lead = 0xe0; lead <= 0xfc; lead++) if (lead !== 0xed && lead !== 0xee && (lead < 0xf0 || lead > 0xf9)) leads.push(lead);
  leads.push(0xed, 0xee);
  for (const lead of leads) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const character = decodePair(decoder, lead, trail);
      if (character !== null && !table.has(character)) table.set(character, [lead, trail]);
    }
  }
  for (let byte = 0xa1; byte <= 0xdf; byte++) table.set(String.fromCharCode(0xff61 + byte - 0xa1), [byte]);
  return table;
}

function eucJpTable(): Map<string, number[]> {
  const decoder = new TextDecoder("euc-jp", { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const character = decodePair(decoder, lead, trail);
      if (character !== null && !table.has(character)) table.set(character, [lead, trail]);
    }
  }
  for (let byte = 0xa1; byte <= 0xdf; byte++) table.set(String.fromCharCode(0xff61 + byte - 0xa1), [0x8e, byte]);
  return table;
}

function tableFor(encoding: LegacyEncoding): Map<string, number[]> {
  let table = tables.get(encoding);
  if (!table) {
    table = encoding === "cp932" ? cp932Table() : eucJpTable();
    tables.set(encoding, table);
  }
  return table;
}

/** The CP932 code of one character as a number (0x889F for 亜), or undefined when CP932 has none. */
export function cp932Code(character: string): number | undefined {
  const bytes = tableFor("cp932").get(character);
  if (!bytes) return undefined;
  return bytes.length === 2 ? bytes[0]! * 256 + bytes[1]! : bytes[0];
}

/** True when every character of `text` can be written in `encoding`. */
export function canEncode(text: string, encoding: LegacyEncoding): boolean {
  const table = tableFor(encoding);
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80 && character.length === 1) continue;
    if (!table.has(character)) return false;
  }
  return true;
}

/**
 * Encodes `text` in CP932 or EUC-JP. ASCII passes through as is (CP932 maps 0x5C to "\" like
 * Windows does). Throws UnencodableCharacterError for a character the encoding cannot hold.
 */
export function encodeText(text: string, encoding: LegacyEncoding): Uint8Array {
  const table = tableFor(encoding);
  const bytes: number[] = [];
  let index = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x80 && character.length === 1) {
      bytes.push(code);
    } else {
      const encoded = table.get(character);
      if (!encoded) throw new UnencodableCharacterError(character, encoding, index);
      bytes.push(...encoded);
    }
    index += character.length;
  }
  return Uint8Array.from(bytes);
}
