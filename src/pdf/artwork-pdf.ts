import { readFile } from "node:fs/promises";
import { EncryptedPDFError, PDFDocument } from "pdf-lib";

/** An artwork PDF (a badge or poster background) that cannot be used; the message names the file and what to do. (CLI: bad input, exit 2.) */
export class BackgroundFileError extends Error {
  override name = "BackgroundFileError";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads and parses an artwork PDF that a city supplies, turning every way it can fail (missing, encrypted,
 * damaged, no pages) into a BackgroundFileError whose message says which file, as what (`role`, e.g. "the
 * template's background PDF" or "the --background PDF"), and what to do.
 */
export async function openArtworkPdf(path: string, role: string): Promise<{ bytes: Uint8Array; doc: PDFDocument }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new BackgroundFileError(path, missing
      ? `${role} ${path} does not exist: check the path (it is relative to the folder you run nafuda in)`
      : `cannot read ${role} ${path}: ${(error as Error).message}`);
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    // pdf-lib's errors are ES5 subclasses of Error: instanceof fails, so the message is checked too.
    if (error instanceof EncryptedPDFError || /\bis encrypted\b/.test((error as Error).message)) {
      throw new BackgroundFileError(path, `${role} ${path} is encrypted (a password or permissions are set): save it again without a password or restrictions (e.g. print it to a new PDF) and use that file`);
    }
    throw new BackgroundFileError(path, `${role} ${path} cannot be read — it is damaged or not a PDF (${(error as Error).message.split("\n")[0]}): export it again from the design program as PDF`);
  }
  if (doc.getPageCount() === 0) throw new BackgroundFileError(path, `${role} ${path} has no pages: export it again with the artwork on page 1`);
  return { bytes, doc };
}
