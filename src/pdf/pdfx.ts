/**
 * PDF/X-1a:2003 (ISO 15930-4), the print-shop mode's file format, as data and text: the registered printing
 * condition the OutputIntent names, the Info entries, the XMP packet, PDF dates, and the document date's rule.
 * Both writers use it: the streaming writer of badges and the calibration sheet (pdf-syntax.ts text) and pdf-lib's
 * documents (posters, signs; deterministic.ts). Pure: no clock, no randomness, no I/O.
 *
 * What the rest of PDF/X-1a asks is each writer's part: CMYK and Gray only (colour.ts), no transparency, every font
 * embedded, no object streams or cross-reference streams (a PDF 1.4 file), TrimBox and BleedBox on every page, and
 * a trailer /ID, which nafuda derives from the file's own bytes.
 */

/** The printing condition: Japan Color 2001 Coated, registered at ICC as JC200103 (no ICC profile need be embedded). */
export const PRINT_CONDITION = {
  identifier: "JC200103",
  condition: "Japan Color 2001 Coated",
  registry: "http://www.color.org",
  info: "Japan Color 2001 Coated (JC200103), sheet-fed offset, coated paper",
} as const;

export const PDFX_VERSION = "PDF/X-1a:2003";
export const PDFX_CONFORMANCE = "PDF/X-1a:2003";

/**
 * The date a document says it was made when none is given: 2020-01-01 00:00:00 UTC. Files never carry the clock's
 * time, so the same input gives the same bytes.
 */
export const FIXED_DOCUMENT_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Why a date cannot be used: the text given, and where it came from. */
export interface BadDocumentDate {
  readonly bad: string;
  readonly from: "--date" | "SOURCE_DATE_EPOCH";
}

/**
 * The document's date: `given` (YYYY-MM-DD, or an ISO date and time with a zone, e.g. 2025-04-01T09:00:00+09:00),
 * else SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention), else FIXED_DOCUMENT_DATE.
 * Seconds are kept, milliseconds dropped. A date that cannot be read is returned as BadDocumentDate.
 */
export function documentDate(given: string | Date | undefined, env: Readonly<Record<string, string | undefined>> = {}): Date | BadDocumentDate {
  if (given instanceof Date) return Number.isFinite(given.getTime()) ? new Date(Math.floor(given.getTime() / 1000) * 1000) : { bad: String(given), from: "--date" };
  if (given !== undefined) {
    const text = given.trim();
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    let time: number;
    if (day) {
      const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
      time = Date.UTC(y, m - 1, d);
      const back = new Date(time);
      if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return { bad: given, from: "--date" };
    } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
      time = Date.parse(text);
    } else {
      return { bad: given, from: "--date" };
    }
    if (!Number.isFinite(time) || time < Date.UTC(1970, 0, 1) || time >= Date.UTC(10000, 0, 1)) return { bad: given, from: "--date" };
    return new Date(Math.floor(time / 1000) * 1000);
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d{1,12}$/.test(epoch) || Number(epoch) * 1000 >= Date.UTC(10000, 0, 1)) return { bad: epoch, from: "SOURCE_DATE_EPOCH" };
    return new Date(Number(epoch) * 1000);
  }
  return FIXED_DOCUMENT_DATE;
}

export function isBadDocumentDate(value: Date | BadDocumentDate): value is BadDocumentDate {
  return !(value instanceof Date);
}

const two = (v: number) => String(v).padStart(2, "0");

/** A PDF date (PDF 32000-1 §7.9.4) in UTC: D:20200101000000Z. */
export function pdfDate(date: Date): string {
  return `D:${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
}

/** The same date as XMP writes it: 2020-01-01T00:00:00Z. */
export function xmpDate(date: Date): string {
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}Z`;
}

/** 32 hex digits that stand for the document id until the file's bytes are known (then replaced in place). */
export const DOCUMENT_ID_PLACEHOLDER = "0".repeat(32);

/** A document id as XMP writes it, from 16 bytes of hex: uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx. */
export function xmpUuid(hex32: string): string {
  return `uuid:${hex32.slice(0, 8)}-${hex32.slice(8, 12)}-${hex32.slice(12, 16)}-${hex32.slice(16, 20)}-${hex32.slice(20, 32)}`;
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface XmpFields {
  title: string;
  producer: string;
  date: Date;
  /** 32 hex digits (the document's content hash, or DOCUMENT_ID_PLACEHOLDER). */
  documentId: string;
}

/**
 * The XMP packet (UTF-8) of a PDF/X-1a:2003 file: title, dates (the same as Info's), producer and creator tool,
 * Trapped False, GTS_PDFXVersion, and the document and instance ids. A fixed writer: the same fields give the same
 * bytes, and the id is a run of hex digits of fixed length, so that it can be replaced in place.
 */
export function xmpPacket(fields: XmpFields): string {
  const date = xmpDate(fields.date);
  const id = xmpUuid(fields.documentId);
  return [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"` +
      ` xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"` +
      ` xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(fields.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(fields.producer)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(fields.producer)}</pdf:Producer>`,
    `<pdf:Trapped>False</pdf:Trapped>`,
    `<pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>`,
    `<pdfx:GTS_PDFXVersion>${PDFX_VERSION}</pdfx:GTS_PDFXVersion>`,
    `<pdfx:GTS_PDFXConformance>${PDFX_CONFORMANCE}</pdfx:GTS_PDFXConformance>`,
    `<xmpMM:DocumentID>${id}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${id}</xmpMM:InstanceID>`,
    `</rdf:Description>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ].join("\n");
}

/** How a viewer should print the file: at 100 % (no "fit to page"), and for duplex jobs flipped on the long edge. */
export interface ViewerPreferences {
  printScaling: "None";
  duplex?: "DuplexFlipLongEdge";
}

/** The ViewerPreferences every nafuda PDF carries. */
export function viewerPreferences(options: { duplex?: boolean } = {}): ViewerPreferences {
  return options.duplex ? { printScaling: "None", duplex: "DuplexFlipLongEdge" } : { printScaling: "None" };
}

/** The OutputIntent's entries (PDF 32000-1 §14.11.5), as plain values each writer turns into its objects. */
export const OUTPUT_INTENT = {
  Type: "OutputIntent",
  S: "GTS_PDFX",
  OutputConditionIdentifier: PRINT_CONDITION.identifier,
  OutputCondition: PRINT_CONDITION.condition,
  RegistryName: PRINT_CONDITION.registry,
  Info: PRINT_CONDITION.info,
} as const;

/** The overprint graphics state for black text in print-shop files: K overprints what is under it (OPM 1). */
export const OVERPRINT_STATE = { Type: "ExtGState", OP: true, op: true, OPM: 1 } as const;
/** Its resource name on every page that sets black text. */
export const OVERPRINT_RESOURCE = "GSop";
/** The registration colour space's resource name (Separation /All: every ink, for crop marks and guides). */
export const REGISTRATION_RESOURCE = "CSReg";
