import { createHash } from "node:crypto";
import { isAbsolute } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { Font } from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFFont, type PDFRef } from "pdf-lib";
import subsetFont from "subset-font";
import { readInputFileAs } from "../io/read-input-as.js";
import { msg, NafudaError, type CodedMessage } from "../messages/message.js";
import { bundledPath } from "../package-root.js";
import { FontFileError } from "./font-error.js";
import { readSfnt, type SfntInfo } from "./sfnt.js";

export { FontFileError };

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
function damagedFont(error: unknown, file: string | undefined): NafudaError {
  if (error instanceof NafudaError) return error;
  const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
  return new FontFileError(msg("FONT_DAMAGED", { detail }), file !== undefined ? { file } : {}, { cause: error });
}

const parsed = new WeakMap<Uint8Array, Font>();
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

/** The font parsed by fontkit (cached per byte array). A collection (TTC) gives its first face. FONT_DAMAGED when fontkit cannot. */
export function parseFont(fontBytes: Uint8Array, file?: string): Font {
  let font = parsed.get(fontBytes);
  if (!font) {
    try {
      const created = fontkit.create(Buffer.from(fontBytes.buffer, fontBytes.byteOffset, fontBytes.byteLength)) as Font & {
        fonts?: Font[];
      };
      font = created.fonts?.[0] ?? created;
    } catch (error) {
      throw damagedFont(error, file);
    }
    parsed.set(fontBytes, font);
  }
  return font;
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

/** A font cut down by HarfBuzz to the glyphs of `text` (plus the space), as TrueType/OpenType bytes. */
export async function subsetFontForText(fontBytes: Uint8Array, text: string): Promise<Uint8Array> {
  const characters = String.fromCodePoint(...codePointsOf(`${text} `).filter((cp) => !needsNoGlyph(cp)));
  const subset = await subsetFont(Buffer.from(fontBytes.buffer, fontBytes.byteOffset, fontBytes.byteLength), characters, {
    targetFormat: "sfnt",
    noLayoutClosure: true,
  });
  return new Uint8Array(subset.buffer, subset.byteOffset, subset.byteLength);
}

/** A PostScript-safe font name (no spaces, delimiters or non-ASCII). */
function postScriptSafe(name: string): string {
  const safe = name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, "");
  return safe.length > 0 ? safe : "Font";
}

export interface EmbedFontOptions {
  /** Throw when the font lacks a character of `text` (default true). */
  requireAllGlyphs?: boolean;
  /** The font's file (or its name), for the place of a FontFileError. */
  file?: string;
}

/**
 * Embeds `fontBytes` into `doc` cut down to exactly the characters of `text` (plus the space):
 * HarfBuzz subset, embedded whole as a CIDFontType2/Identity-H font with widths and ToUnicode,
 * BaseFont "ABCDEF+PostScriptName". Identical font and text give identical bytes.
 * Throws, naming the characters, when the font lacks some of them.
 */
export async function embedFontForText(
  doc: PDFDocument,
  fontBytes: Uint8Array,
  text: string,
  options: EmbedFontOptions = {},
): Promise<PDFFont> {
  const info = fontInfo(fontBytes, options.file);
  if (options.requireAllGlyphs !== false) {
    const missing = missingCharacters(fontBytes, text);
    if (missing.length > 0) {
      const name = info.postscriptName ?? options.file ?? "?";
      throw new FontFileError(msg("FONT_MISSING_GLYPH", { font: name, chars: missing.map(describeCharacter) }), options.file !== undefined ? { file: options.file } : {});
    }
  }
  let font: PDFFont;
  let subset: Uint8Array;
  try {
    // HarfBuzz and fontkit read the whole font: a damaged glyf or CFF table fails here, never later in the PDF.
    subset = await subsetFontForText(fontBytes, text);
    const name = `${subsetTag(subset)}+${postScriptSafe(info.postscriptName ?? "Font")}`;
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(subset, { subset: false, customName: name });
  } catch (error) {
    throw damagedFont(error, options.file);
  }
  if (isCffOpenType(subset)) {
    let refs = cffFonts.get(doc);
    if (!refs) cffFonts.set(doc, (refs = []));
    refs.push(font.ref);
  }
  return font;
}

/** True for OpenType fonts with PostScript (CFF) outlines: the file starts with "OTTO". */
export function isCffOpenType(bytes: Uint8Array): boolean {
  return bytes[0] === 0x4f && bytes[1] === 0x54 && bytes[2] === 0x54 && bytes[3] === 0x4f;
}

const cffFonts = new WeakMap<PDFDocument, PDFRef[]>();

/**
 * pdf-lib 1.17 with @pdf-lib/fontkit does not recognise CFF outlines (its isCFF check reads a
 * property this fontkit lacks), so an .otf with PostScript outlines is written as a TrueType
 * CIDFont (CIDFontType2, FontFile2): viewers warn or refuse. After the fonts are embedded (doc.flush),
 * this relabels the fonts embedFontForText made from such files: CIDFontType0, no CIDToGIDMap (CIDs
 * are glyph indices for a non-CID-keyed CFF), FontFile3 with /Subtype /OpenType (PDF 1.6).
 * saveDeterministic calls it. Returns how many fonts were relabelled.
 */
export function relabelCffFonts(doc: PDFDocument): number {
  const refs = cffFonts.get(doc) ?? [];
  let count = 0;
  for (const ref of refs) {
    const type0 = doc.context.lookup(ref);
    if (!(type0 instanceof PDFDict)) continue;
    const descendants = doc.context.lookup(type0.get(PDFName.of("DescendantFonts")));
    const cid = descendants instanceof PDFArray ? doc.context.lookup(descendants.get(0)) : undefined;
    if (!(cid instanceof PDFDict) || cid.get(PDFName.of("Subtype")) !== PDFName.of("CIDFontType2")) continue;
    const descriptor = doc.context.lookup(cid.get(PDFName.of("FontDescriptor")));
    if (!(descriptor instanceof PDFDict)) continue;
    const fileRef = descriptor.get(PDFName.of("FontFile2"));
    const file = fileRef ? doc.context.lookup(fileRef) : undefined;
    if (!fileRef || !(file instanceof PDFStream)) continue;
    cid.set(PDFName.of("Subtype"), PDFName.of("CIDFontType0"));
    cid.delete(PDFName.of("CIDToGIDMap"));
    descriptor.delete(PDFName.of("FontFile2"));
    descriptor.set(PDFName.of("FontFile3"), fileRef);
    file.dict.set(PDFName.of("Subtype"), PDFName.of("OpenType"));
    count++;
  }
  cffFonts.delete(doc);
  return count;
}
