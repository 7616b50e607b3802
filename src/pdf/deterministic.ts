import { PDFDict, PDFDocument, PDFHeader, PDFName, type SaveOptions } from "pdf-lib";
import { relabelCffFonts } from "./fonts.js";

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
