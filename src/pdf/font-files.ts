import { createHash } from "node:crypto";
import { isAbsolute } from "node:path";
import { readInputFileAs } from "../io/read-input-as.js";
import { msg, NafudaError, type CodedMessage } from "../messages/message.js";
import { bundledPath } from "../package-root.js";
import { FontFileError } from "./font-error.js";
import { readSfnt, type SfntInfo } from "./sfnt.js";

export { FontFileError };

/**
 * Font files without pdf-lib or fontkit: the bundled fonts, reading a font file, its cmap coverage and metrics
 * (sfnt.ts), the characters it lacks, and HarfBuzz subsets. The badge path needs only these (and cid-font.ts to
 * embed a subset); fonts.ts adds pdf-lib embedding for the posters and re-exports all of this.
 */

/** The largest font file read: the bundled CJK fonts are 5 MB, the largest CJK fonts about 30 MB. */
export const MAX_FONT_BYTES = 64 * 1024 * 1024;

/**
 * Fonts for PDF output.
 *
 * pdf-lib's own `embedFont(bytes, { subset: true })` drops glyphs with BIZ UD fonts (short loca
 * without padding; pdf-lib #1232). So we subset with HarfBuzz (npm subset-font, WebAssembly) to
 * exactly the code points used, then embed that small font whole (`subset: false`), named with the
 * `ABCDEF+` subset tag the PDF spec asks for (derived from a hash of the subset, so identical input
 * gives identical bytes).
 */

/** The fonts shipped in fonts/ (Morisawa BIZ UD, SIL OFL 1.1; see fonts/OFL.txt). */
export const BUNDLED_FONTS = [
  "BIZUDGothic-Regular",
  "BIZUDGothic-Bold",
  "BIZUDPGothic-Regular",
  "BIZUDPGothic-Bold",
] as const;

export type BundledFontName = (typeof BUNDLED_FONTS)[number];

/** True when `name` names a bundled font, with or without ".ttf". */
export function isBundledFontName(name: string): boolean {
  const bare = name.replace(/\.ttf$/i, "");
  return (BUNDLED_FONTS as readonly string[]).includes(bare);
}

/** The path of a bundled font, e.g. bundledFontPath("BIZUDPGothic-Bold"). */
export function bundledFontPath(name: string): string {
  const bare = name.replace(/\.ttf$/i, "");
  if (!isBundledFontName(bare)) throw new FontFileError(msg("FONT_NOT_BUNDLED", { name, bundled: [...BUNDLED_FONTS] }));
  return bundledPath("fonts", `${bare}.ttf`);
}

/**
 * Font bytes from a bundled font name, a file path (TTF/OTF), or bytes as they are.
 * A file is read as input (a regular file of at most MAX_FONT_BYTES: never a device such as /dev/zero) and checked
 * to be a whole TrueType/OpenType font; every refusal is a FontFileError naming the file. A bare name that is not a
 * path and not bundled is an error naming the bundled fonts.
 */
export async function loadFont(pathOrBytes: string | Uint8Array): Promise<Uint8Array> {
  if (typeof pathOrBytes !== "string") return pathOrBytes;
  const bundled = isBundledFontName(pathOrBytes);
  const path = bundled ? bundledFontPath(pathOrBytes) : pathOrBytes;
  const bareName = !bundled && !isAbsolute(pathOrBytes) && !/[\\/]/.test(pathOrBytes);
  const bytes = await readInputFileAs(
    path,
    MAX_FONT_BYTES,
    {
      notFound: bareName ? msg("FONT_NOT_FOUND", { name: pathOrBytes, bundled: [...BUNDLED_FONTS] }) : msg("FONT_FILE_NOT_FOUND"),
      tooLarge: (sizes) => msg("FONT_TOO_LARGE", sizes),
    },
    (message, cause) => new FontFileError(message, bareName && message.code === "FONT_NOT_FOUND" ? {} : { file: path }, { cause }),
  );
  fontInfo(bytes, path);
  return bytes;
}

/** A font error with the font's file (or name) as its place, when it has none yet. */
export function fontErrorFor(error: unknown, file: string): unknown {
  if (error instanceof FontFileError && error.file === undefined) {
    return new FontFileError({ code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) } as CodedMessage, { file }, { cause: error });
  }
  return error;
}

/** A library's failure on font bytes (HarfBuzz, fontkit, pdf-lib) as FONT_DAMAGED with its first line as the detail. */
export function damagedFont(error: unknown, file: string | undefined): NafudaError {
  if (error instanceof NafudaError) return error;
  const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
  return new FontFileError(msg("FONT_DAMAGED", { detail }), file !== undefined ? { file } : {}, { cause: error });
}

const infos = new WeakMap<Uint8Array, SfntInfo>();

/**
 * Fast facts about a font (cmap coverage, units per em, ascent/descent, PostScript name), read in
 * place and cached per byte array: what nafuda needs from a whole font before subsetting it.
 * A FontFileError (FONT_…) for bytes that are not a usable font; `file` names it.
 */
export function fontInfo(fontBytes: Uint8Array, file?: string): SfntInfo {
  let info = infos.get(fontBytes);
  if (!info) {
    try {
      info = readSfnt(fontBytes);
    } catch (error) {
      throw file !== undefined ? fontErrorFor(damagedFont(error, file), file) : damagedFont(error, undefined);
    }
    infos.set(fontBytes, info);
  }
  return info;
}

/** The distinct code points of `text` in code point order (surrogate pairs such as 𠮷 count as one). */
export function codePointsOf(text: string): number[] {
  const set = new Set<number>();
  for (const char of text) set.add(char.codePointAt(0)!);
  return [...set].sort((a, b) => a - b);
}

/** Variation selectors (VS1–16, IVS VS17–256): they choose a form of the character before them. */
export function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

/**
 * Characters that need no glyph of their own: controls, zero-width characters and variation
 * selectors (nafuda draws the base character's default form; it does not apply IVS).
 */
export function needsNoGlyph(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint < 0xa0) ||
    codePoint === 0x200b ||
    codePoint === 0x200c ||
    codePoint === 0x200d ||
    codePoint === 0x2060 ||
    codePoint === 0xfeff ||
    isVariationSelector(codePoint)
  );
}

/**
 * The characters of `text` the font has no glyph for, each once, in order of first appearance.
 * Characters outside the BMP (𠮷 U+20BB7) are whole characters, not halves of a surrogate pair.
 */
export function missingCharacters(fontBytes: Uint8Array, text: string): string[] {
  const font = fontInfo(fontBytes);
  const missing: string[] = [];
  const seen = new Set<number>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (seen.has(codePoint)) continue;
    seen.add(codePoint);
    if (needsNoGlyph(codePoint)) continue;
    if (!font.hasGlyph(codePoint)) missing.push(char);
  }
  return missing;
}

/** "U+20BB7 𠮷" — how a character is named in messages. */
export function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0)!;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")} ${char}`;
}

/** The PDF subset tag: six capital letters derived from the bytes (PDF 32000-1 §9.6.4). */
export function subsetTag(bytes: Uint8Array): string {
  const digest = createHash("sha256").update(bytes).digest();
  let tag = "";
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

/**
 * A font cut down by HarfBuzz to the glyphs of `text` (plus the space), as TrueType/OpenType bytes: the subset
 * subset-font makes with `{ targetFormat: "sfnt", noLayoutClosure: true }` (harfbuzz.ts calls the same HarfBuzz).
 */
export async function subsetFontForText(fontBytes: Uint8Array, text: string): Promise<Uint8Array> {
  const { hbSubset } = await import("./harfbuzz.js");
  return hbSubset(fontBytes, codePointsOf(`${text} `).filter((cp) => !needsNoGlyph(cp)));
}

/** True for OpenType fonts with PostScript (CFF) outlines: the file starts with "OTTO". */
export function isCffOpenType(bytes: Uint8Array): boolean {
  return bytes[0] === 0x4f && bytes[1] === 0x54 && bytes[2] === 0x54 && bytes[3] === 0x4f;
}

/** A PostScript-safe font name (no spaces, delimiters or non-ASCII). */
export function postScriptSafe(name: string): string {
  const safe = name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, "");
  return safe.length > 0 ? safe : "Font";
}
