import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from "pdf-lib";
import { readInputFileAs } from "../io/read-input-as.js";
import { msg, isMessage, type CodedMessage, type Message } from "../messages/message.js";
import { BackgroundFileError, libraryDetail } from "./artwork-error.js";

export { BackgroundFileError, libraryDetail };

/** The largest artwork PDF read: print-ready poster artwork with images is tens of MB. */
export const MAX_ARTWORK_BYTES = 256 * 1024 * 1024;

/** PDF 32000-1 Annex C: a page is 3 to 14,400 units on each side. */
const MIN_PAGE_PT = 3;
const MAX_PAGE_PT = 14_400;

/**
 * What the PDF is to the person, for the messages: the template's background (TEXT_ROLE_TEMPLATE_BACKGROUND), the PDF
 * of an option (TEXT_ROLE_OPTION_PDF), or any catalogue message. A string is the option that named it ("--background").
 */
export type ArtworkRole = Message | string;

function roleMessage(role: ArtworkRole): Message {
  return isMessage(role) ? role : msg("TEXT_ROLE_OPTION_PDF", { option: role });
}

/** A rectangle of page 1 as the PDF gives it, in pt; null when it is not four finite numbers. */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Page 1 of an artwork PDF, found by nafuda's own walk of the page tree (cycle-safe), with its boxes checked. */
export interface ArtworkPage {
  /** Index among the document's pages (always 0: page 1). */
  index: number;
  mediaBox: PageBox;
  /** The TrimBox when the page has a usable one, else the MediaBox. */
  trimBox: PageBox;
}

/**
 * Reads and parses an artwork PDF that a city supplies, turning every way it can fail (missing, a folder or device,
 * too large, encrypted, damaged, a page tree that loops, no pages, page 1 without a size or with a size that is no
 * number or 0) into a BackgroundFileError that names the file, says as what (`role`) and what to do. No pdf-lib
 * message is shown as it is; no NaN or ∞ from a damaged file reaches a PDF nafuda writes.
 */
export async function openArtworkPdf(path: string, role: ArtworkRole): Promise<{ bytes: Uint8Array; doc: PDFDocument; page: ArtworkPage }> {
  const as = roleMessage(role);
  const bytes = await readInputFileAs(
    path,
    MAX_ARTWORK_BYTES,
    { notFound: msg("BACKGROUND_NOT_FOUND", { role: as }), tooLarge: (sizes) => msg("BACKGROUND_TOO_LARGE", { role: as, ...sizes }) },
    (reason, cause) =>
      reason.code === "BACKGROUND_NOT_FOUND" || reason.code === "BACKGROUND_TOO_LARGE"
        ? new BackgroundFileError(path, reason, { cause })
        : new BackgroundFileError(path, msg("BACKGROUND_UNREADABLE", { role: as, reason }), { cause }),
  );
  let doc: PDFDocument;
  try {
    doc = await withoutPdfLibWarnings(() => PDFDocument.load(bytes, { updateMetadata: false }));
  } catch (error) {
    // pdf-lib's errors are ES5 subclasses of Error: instanceof fails, so the message is checked too.
    if (error instanceof EncryptedPDFError || /\bis encrypted\b/.test((error as Error).message)) {
      throw new BackgroundFileError(path, msg("BACKGROUND_ENCRYPTED", { role: as }), { cause: error });
    }
    throw new BackgroundFileError(path, msg("BACKGROUND_DAMAGED", { role: as, detail: libraryDetail(error) }), { cause: error });
  }
  const page = firstPage(doc, path, as);
  return { bytes, doc, page };
}

/**
 * Runs pdf-lib on an artwork PDF without its console warnings ("Trying to parse invalid object: …", "Invalid object
 * ref: …"): pdf-lib prints them while it recovers from damage, and they are library text a person should not see.
 * What cannot be recovered from is a BackgroundFileError.
 */
export async function withoutPdfLibWarnings<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/**
 * Page 1 by walking /Root /Pages /Kids with a visited set (pdf-lib recurses without one: a page tree that points back
 * at itself overflows the stack), and its MediaBox (inherited through /Parent, also cycle-safe) and TrimBox checked.
 */
function firstPage(doc: PDFDocument, path: string, role: Message): ArtworkPage {
  const fail = (message: CodedMessage): never => {
    throw new BackgroundFileError(path, message);
  };
  const context = doc.context;
  const lookup = (object: PDFObject | undefined): PDFObject | undefined => (object instanceof PDFRef ? context.lookup(object) : object);
  let root: PDFObject | undefined;
  try {
    root = lookup(doc.catalog.get(PDFName.of("Pages")));
  } catch (error) {
    fail(msg("BACKGROUND_DAMAGED", { role, detail: libraryDetail(error) }));
  }
  if (!(root instanceof PDFDict)) return fail(msg("BACKGROUND_NO_PAGES", { role }));
  const seen = new Set<PDFObject>();
  // Depth-first, in order: the first leaf is page 1.
  const stack: PDFObject[] = [root];
  let leaf: PDFDict | undefined;
  while (stack.length > 0 && leaf === undefined) {
    const node = stack.pop()!;
    if (seen.has(node)) fail(msg("BACKGROUND_BROKEN_PAGE_TREE", { role }));
    seen.add(node);
    if (!(node instanceof PDFDict)) continue;
    const kids = lookup(node.get(PDFName.of("Kids")));
    if (kids instanceof PDFArray) {
      for (let i = kids.size() - 1; i >= 0; i--) {
        const kid = lookup(kids.get(i));
        if (kid !== undefined) stack.push(kid);
      }
    } else if (node !== root || node.get(PDFName.of("Type")) === PDFName.of("Page")) {
      leaf = node;
    }
  }
  if (leaf === undefined) return fail(msg("BACKGROUND_NO_PAGES", { role }));
  // Every page of the tree, to be sure that pdf-lib's own walk (embedPdf, getPages) ends: no node twice anywhere.
  const all: PDFObject[] = [...stack];
  while (all.length > 0) {
    const node = all.pop()!;
    if (seen.has(node)) fail(msg("BACKGROUND_BROKEN_PAGE_TREE", { role }));
    seen.add(node);
    const kids = node instanceof PDFDict ? lookup(node.get(PDFName.of("Kids"))) : undefined;
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) { const kid = lookup(kids.get(i)); if (kid !== undefined) all.push(kid); }
  }

  // Page 1 and its ancestors through /Parent, all of them (pdf-lib climbs to the top for every inherited key: a
  // /Parent loop would never end).
  const ancestors: PDFDict[] = [];
  for (let node: PDFObject | undefined = leaf; node instanceof PDFDict; node = lookup(node.get(PDFName.of("Parent")))) {
    if (ancestors.includes(node)) fail(msg("BACKGROUND_BROKEN_PAGE_TREE", { role }));
    ancestors.push(node);
  }
  const inherited = (key: string): PDFObject | undefined => {
    for (const node of ancestors) {
      const value = node.get(PDFName.of(key));
      if (value !== undefined) return lookup(value);
    }
    return undefined;
  };
  const box = (object: PDFObject | undefined): PageBox | null => {
    if (!(object instanceof PDFArray) || object.size() !== 4) return null;
    const numbers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const value = lookup(object.get(i));
      if (!(value instanceof PDFNumber) || !Number.isFinite(value.asNumber())) return null;
      numbers.push(value.asNumber());
    }
    const [x1, y1, x2, y2] = numbers as [number, number, number, number];
    return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  };
  const usable = (b: PageBox) => b.width >= MIN_PAGE_PT && b.height >= MIN_PAGE_PT && b.width <= MAX_PAGE_PT && b.height <= MAX_PAGE_PT;
  const size = (value: number) => (Number.isFinite(value) ? String(Math.round(value * 100) / 100) : String(value));

  const mediaObject = inherited("MediaBox");
  if (mediaObject === undefined) return fail(msg("BACKGROUND_NO_MEDIABOX", { role }));
  const mediaBox = box(mediaObject);
  if (mediaBox === null || !usable(mediaBox)) {
    return fail(msg("BACKGROUND_BAD_PAGE_SIZE", { role, box: "MediaBox", width: mediaBox ? size(mediaBox.width) : "?", height: mediaBox ? size(mediaBox.height) : "?" }));
  }
  const trimObject = leaf.get(PDFName.of("TrimBox"));
  let trimBox = mediaBox;
  if (trimObject !== undefined) {
    const trim = box(lookup(trimObject));
    if (trim === null || !usable(trim)) {
      return fail(msg("BACKGROUND_BAD_PAGE_SIZE", { role, box: "TrimBox", width: trim ? size(trim.width) : "?", height: trim ? size(trim.height) : "?" }));
    }
    trimBox = trim;
  }
  return { index: 0, mediaBox, trimBox };
}

