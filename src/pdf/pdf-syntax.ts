/**
 * PDF object syntax as text (PDF 32000-1 §7.3), for the streaming writer (pdf-writer.ts): names, strings, numbers,
 * references, arrays and dictionaries, written the way pdf-lib writes them. Everything here is plain ASCII: names
 * escape other bytes as #xx, text strings are UTF-16BE hex strings, so an object body is written as latin1 bytes.
 * No pdf-lib here: the badge path loads none of it (its CommonJS tree takes ~0.1 s to load, fontkit ~0.2 s).
 */
import { pdfNumber } from "./numbers.js";

/** A number written as pdfNumber writes it (1/1000, no -0); NaN and ∞ are refused (PDF_NOT_FINITE). */
export const num = pdfNumber;

/**
 * A number at full precision, never in exponent notation (as pdf-lib writes numbers): page boxes and font metrics,
 * where nafuda's PDFs have always carried the exact value. NaN and ∞ are refused (PDF_NOT_FINITE).
 */
export function exact(value: number): string {
  pdfNumber(value);
  if (Object.is(value, -0)) return "0";
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e-7 → 0.0000001; 1e21 → 1000000000000000000000
  return Math.abs(value) < 1 ? value.toFixed(20).replace(/\.?0+$/, "") : BigInt(Math.round(value)).toString();
}

/** An integer, as it is (object numbers, lengths, counts, flags). */
export function int(value: number): string {
  return pdfNumber(Math.trunc(value));
}

/** `/Name`, with bytes outside ! … ~ and the delimiters written as #xx (UTF-8 for non-ASCII). */
export function name(value: string): string {
  if (/^[A-Za-z0-9._+-]+$/.test(value)) return `/${value}`;
  let out = "/";
  for (const byte of Buffer.from(value, "utf8")) {
    const regular = byte >= 0x21 && byte <= 0x7e && !"#%()/<>[]{}".includes(String.fromCharCode(byte));
    out += regular ? String.fromCharCode(byte) : `#${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A reference to object `objectNumber`, generation 0. */
export function ref(objectNumber: number): string {
  return `${objectNumber} 0 R`;
}

/** A literal string of printable ASCII, with \ ( ) escaped. Anything else is written as a text string (hex). */
export function literal(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) return textString(value);
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A text string (PDF 32000-1 §7.9.2.2) as pdf-lib's PDFHexString.fromText writes it: <FEFF …> UTF-16BE. */
export function textString(value: string): string {
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `<${hex}>`;
}

/** A hex string of bytes. */
export function hexBytes(bytes: Uint8Array): string {
  return `<${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex").toUpperCase()}>`;
}

/** `[a b c]` from already written values. */
export function array(items: readonly string[]): string {
  return `[${items.join(" ")}]`;
}

/** `[x1 y1 x2 y2]` of a rectangle in pt, at full precision (as pdf-lib's setMediaBox and setTrimBox write it). */
export function rectangle(x: number, y: number, width: number, height: number): string {
  return array([exact(x), exact(y), exact(x + width), exact(y + height)]);
}

/**
 * `<< /Key value … >>` from already written values, in the order given; undefined values are left out. Keys are
 * names without the slash.
 */
export function dict(entries: Record<string, string | undefined>): string {
  let out = "<<";
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out += ` ${name(key)} ${value}`;
  return `${out} >>`;
}

/** `true` / `false`. */
export function bool(value: boolean): string {
  return value ? "true" : "false";
}
