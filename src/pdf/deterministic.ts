import { createHash } from "node:crypto";
import { PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString, type SaveOptions } from "pdf-lib";
import { relabelCffFonts } from "./fonts.js";
import { DOCUMENT_ID_PLACEHOLDER, OUTPUT_INTENT, pdfDate, PDFX_VERSION, viewerPreferences, xmpPacket, xmpUuid } from "./pdfx.js";

/**
 * PDFs that are byte-identical for identical input: no creation or modification time,
 * fixed Producer and Creator ("nafuda"), no random document ID, no random font-name suffixes
 * (fonts are named by a hash of their bytes, see fonts.ts).
 */

import { PDF_PRODUCER } from "./producer.js";

export { PDF_PRODUCER };

export { pdfNumber } from "./numbers.js";

export interface DocumentInfo {
  title?: string;
  subject?: string;
}

/** A new PDFDocument with fixed metadata and nothing that depends on the clock. */
export async function createDeterministicDocument(info: DocumentInfo = {}): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  applyFixedMetadata(doc, info);
  return doc;
}

/** Sets Producer/Creator to "nafuda", removes dates, and sets title/subject when given. */
export function applyFixedMetadata(doc: PDFDocument, info: DocumentInfo = {}): void {
  doc.setProducer(PDF_PRODUCER);
  doc.setCreator(PDF_PRODUCER);
  if (info.title !== undefined) doc.setTitle(info.title);
  if (info.subject !== undefined) doc.setSubject(info.subject);
  // setProducer above made sure the Info dictionary exists.
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  infoDict?.delete(PDFName.of("CreationDate"));
  infoDict?.delete(PDFName.of("ModDate"));
}

/** Saves without anything time- or random-dependent (no trailer ID, fixed metadata); CFF-outline fonts labelled right. */
export async function saveDeterministic(doc: PDFDocument, options: SaveOptions = {}): Promise<Uint8Array> {
  applyFixedMetadata(doc);
  doc.context.trailerInfo.ID = undefined;
  await doc.flush();
  // Fonts from .otf files with PostScript outlines: label them as such (needs PDF 1.6; pdf-lib writes 1.7).
  if (relabelCffFonts(doc) > 0 && !/^%PDF-(1\.[67]|2\.)/.test(doc.context.header.toString())) {
    doc.context.header = PDFHeader.forVersion(1, 7);
  }
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, ...options });
}

/** How a pdf-lib document is finished for print (savePrintDocument). */
export interface PrintFinish {
  /** PDF/X-1a:2003: the document's title and date (Info, XMP); absent for everyday files. */
  printShop?: { title: string; date: Date };
  /** A duplex job: ViewerPreferences /Duplex /DuplexFlipLongEdge. */
  duplex?: boolean;
}

const PLACEHOLDER_UUID = xmpUuid(DOCUMENT_ID_PLACEHOLDER);

/**
 * Saves a document as every nafuda PDF is saved since issue 13: deterministic (fixed metadata, no clock), a PDF 1.4
 * file structure (a classic cross-reference table, no object streams), ViewerPreferences /PrintScaling /None (and
 * /Duplex for duplex jobs). In print-shop mode also the PDF/X-1a:2003 entries: OutputIntent (Japan Color 2001 Coated,
 * JC200103), XMP metadata, CreationDate and ModDate from the given date, Trapped False, GTS_PDFXVersion, and a trailer
 * /ID. The /ID and the XMP document id are the MD5 of the file written with a placeholder of the same length in
 * their place, then put in place: they derive from the content, and identical input gives identical bytes.
 * An OpenType font with CFF outlines needs PDF 1.6 (FontFile3 /OpenType): such a file is written as 1.7, and is
 * refused in print-shop mode before it gets here.
 */
export async function savePrintDocument(doc: PDFDocument, finish: PrintFinish = {}): Promise<Uint8Array> {
  applyFixedMetadata(doc);
  const context = doc.context;
  const prefs = viewerPreferences({ duplex: finish.duplex });
  const viewer = PDFDict.withContext(context);
  viewer.set(PDFName.of("PrintScaling"), PDFName.of(prefs.printScaling));
  if (prefs.duplex) viewer.set(PDFName.of("Duplex"), PDFName.of(prefs.duplex));
  doc.catalog.set(PDFName.of("ViewerPreferences"), viewer);
  context.trailerInfo.ID = undefined;
  await doc.flush();
  const cff = relabelCffFonts(doc) > 0;
  const printShop = finish.printShop;
  if (printShop) {
    const info = context.lookup(context.trailerInfo.Info, PDFDict)!;
    const date = PDFString.of(pdfDate(printShop.date));
    info.set(PDFName.of("CreationDate"), date);
    info.set(PDFName.of("ModDate"), date);
    info.set(PDFName.of("Trapped"), PDFName.of("False"));
    info.set(PDFName.of("GTS_PDFXVersion"), PDFString.of(PDFX_VERSION));
    const intent = PDFDict.withContext(context);
    intent.set(PDFName.of("Type"), PDFName.of(OUTPUT_INTENT.Type));
    intent.set(PDFName.of("S"), PDFName.of(OUTPUT_INTENT.S));
    for (const key of ["OutputConditionIdentifier", "OutputCondition", "RegistryName", "Info"] as const) intent.set(PDFName.of(key), PDFString.of(OUTPUT_INTENT[key]));
    doc.catalog.set(PDFName.of("OutputIntents"), context.obj([intent]));
    const xmp = Buffer.from(xmpPacket({ title: printShop.title, producer: PDF_PRODUCER, date: printShop.date, documentId: DOCUMENT_ID_PLACEHOLDER }), "utf8");
    const metadata = context.stream(xmp, { Type: "Metadata", Subtype: "XML" });
    doc.catalog.set(PDFName.of("Metadata"), context.register(metadata));
    context.trailerInfo.ID = context.obj([PDFHexString.of(DOCUMENT_ID_PLACEHOLDER), PDFHexString.of(DOCUMENT_ID_PLACEHOLDER)]);
  }
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  // pdf-lib's writer always heads the file %PDF-1.7; the structure written is PDF 1.4's (same length, no offset moves).
  if (!cff && Buffer.from(bytes.subarray(0, 8)).toString("latin1") === "%PDF-1.7") bytes.set(Buffer.from("%PDF-1.4", "latin1"), 0);
  if (!printShop) return bytes;
  const digest = createHash("md5").update(bytes).digest("hex").toUpperCase();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = Buffer.from(text);
  // The XMP's two ids, then the trailer's two strings: each the same length as its placeholder, so no offset moves.
  const uuid = Buffer.from(xmpUuid(digest.toLowerCase()), "latin1");
  for (let at = out.indexOf(PLACEHOLDER_UUID, 0, "latin1"); at >= 0; at = out.indexOf(PLACEHOLDER_UUID, at + 1, "latin1")) uuid.copy(out, at);
  const trailer = out.lastIndexOf("trailer", undefined, "latin1");
  const hex = Buffer.from(`<${DOCUMENT_ID_PLACEHOLDER}>`, "latin1");
  for (let at = out.indexOf(hex, trailer); at >= 0; at = out.indexOf(hex, at + 1)) Buffer.from(`<${digest}>`, "latin1").copy(out, at);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
