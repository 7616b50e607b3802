import fontkit from "@pdf-lib/fontkit";
import type { Font } from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFFont, type PDFRef } from "pdf-lib";
import { msg } from "../messages/message.js";
import { FontFileError } from "./font-error.js";
import {
  damagedFont,
  describeCharacter,
  fontInfo,
  isCffOpenType,
  missingCharacters,
  postScriptSafe,
  subsetFontForText,
  subsetTag,
} from "./font-files.js";

export {
  BUNDLED_FONTS,
  MAX_FONT_BYTES,
  bundledFontPath,
  codePointsOf,
  describeCharacter,
  fontErrorFor,
  fontInfo,
  isBundledFontName,
  isCffOpenType,
  isVariationSelector,
  loadFont,
  missingCharacters,
  needsNoGlyph,
  subsetFontForText,
  subsetTag,
  type BundledFontName,
} from "./font-files.js";
export { FontFileError };

/**
 * Fonts for PDF output.
 *
 * pdf-lib's own `embedFont(bytes, { subset: true })` drops glyphs with BIZ UD fonts (short loca
 * without padding; pdf-lib #1232). So we subset with HarfBuzz (npm subset-font, WebAssembly) to
 * exactly the code points used, then embed that small font whole (`subset: false`), named with the
 * `ABCDEF+` subset tag the PDF spec asks for (derived from a hash of the subset, so identical input
 * gives identical bytes).
 *
 * This file is the pdf-lib side (posters, and anything that draws with a PDFDocument); the font files themselves
 * (reading, coverage, subsetting) are font-files.ts, and badges embed their subsets with cid-font.ts, without
 * pdf-lib or fontkit.
 */

const parsed = new WeakMap<Uint8Array, Font>();

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
