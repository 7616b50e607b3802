/**
 * The print objects of a file written by the streaming writer (badges, the calibration sheet), as PDF text: the
 * registration colour, the overprint state, the ViewerPreferences, and in print-shop mode the PDF/X-1a:2003 entries
 * (OutputIntent, XMP metadata, Info dates, Trapped, GTS_PDFXVersion) with the document id taken from the bytes
 * written so far. No pdf-lib here (the badge path loads none of it); deterministic.ts does the same for pdf-lib's
 * documents from the same data (pdfx.ts).
 */
import { createHash } from "node:crypto";
import type { PdfWriter } from "./pdf-writer.js";
import { array, bool, dict, int, literal, name, textString } from "./pdf-syntax.js";
import { OUTPUT_INTENT, OVERPRINT_STATE, pdfDate, PDFX_VERSION, viewerPreferences, xmpPacket } from "./pdfx.js";
import { PDF_PRODUCER } from "./producer.js";

/** Registration colour (Separation /All: 100 % of every ink) for crop marks and cut guides. */
export const REGISTRATION_COLOUR_SPACE = array([
  name("Separation"),
  name("All"),
  name("DeviceCMYK"),
  dict({ FunctionType: "2", Domain: "[0 1]", C0: "[0 0 0 0]", C1: "[1 1 1 1]", N: "1" }),
]);

/** The overprint graphics state (black text overprints in print-shop files). */
export const OVERPRINT_EXT_G_STATE = dict({ Type: name(OVERPRINT_STATE.Type), OP: bool(OVERPRINT_STATE.OP), op: bool(OVERPRINT_STATE.op), OPM: int(OVERPRINT_STATE.OPM) });

/** `<< /PrintScaling /None [/Duplex /DuplexFlipLongEdge] >>`. */
export function viewerPreferencesDict(options: { duplex?: boolean } = {}): string {
  const prefs = viewerPreferences(options);
  return dict({ PrintScaling: name(prefs.printScaling), Duplex: prefs.duplex ? name(prefs.duplex) : undefined });
}

/** The OutputIntent dictionary naming Japan Color 2001 Coated by its registry (no ICC profile embedded). */
export function outputIntentDict(): string {
  return dict({
    Type: name(OUTPUT_INTENT.Type),
    S: name(OUTPUT_INTENT.S),
    OutputConditionIdentifier: literal(OUTPUT_INTENT.OutputConditionIdentifier),
    OutputCondition: literal(OUTPUT_INTENT.OutputCondition),
    RegistryName: literal(OUTPUT_INTENT.RegistryName),
    Info: literal(OUTPUT_INTENT.Info),
  });
}

export interface PrintShopDocument {
  title: string;
  date: Date;
}

/** The Info dictionary: Producer, Creator, Title; in print-shop mode also the dates, Trapped and GTS_PDFXVersion. */
export function infoDict(title: string, printShop?: PrintShopDocument): string {
  return dict({
    Producer: textString(PDF_PRODUCER),
    Creator: textString(PDF_PRODUCER),
    Title: textString(title),
    CreationDate: printShop ? literal(pdfDate(printShop.date)) : undefined,
    ModDate: printShop ? literal(pdfDate(printShop.date)) : undefined,
    Trapped: printShop ? name("False") : undefined,
    GTS_PDFXVersion: printShop ? literal(PDFX_VERSION) : undefined,
  });
}

/**
 * Writes the XMP metadata of a print-shop file (its document id the MD5 of every byte written so far — the pages,
 * fonts and resources — with the document's date and title) and returns the catalog's extra entries and the trailer /ID made from the same digest.
 * Without print-shop mode: only the ViewerPreferences.
 */
export async function writePrintCatalogEntries(
  writer: PdfWriter,
  options: { printShop?: PrintShopDocument; duplex?: boolean },
): Promise<{ catalog: Record<string, string>; id?: [Uint8Array, Uint8Array] }> {
  const catalog: Record<string, string> = { ViewerPreferences: viewerPreferencesDict({ duplex: options.duplex }) };
  if (!options.printShop) return { catalog };
  // The content written so far (pages, fonts, resources) and what the file says besides: its date and title.
  const digest = new Uint8Array(
    createHash("md5").update(writer.digestSoFar()).update(pdfDate(options.printShop.date)).update(options.printShop.title, "utf8").digest(),
  );
  const hex = Buffer.from(digest).toString("hex");
  const metadata = writer.reserve();
  const xmp = Buffer.from(xmpPacket({ title: options.printShop.title, producer: PDF_PRODUCER, date: options.printShop.date, documentId: hex }), "utf8");
  await writer.writeStream(metadata, { Type: name("Metadata"), Subtype: name("XML") }, xmp);
  catalog.Metadata = `${metadata} 0 R`;
  catalog.OutputIntents = array([outputIntentDict()]);
  return { catalog, id: [digest, digest] };
}
