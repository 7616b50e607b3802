/**
 * Is a city's artwork PDF fit for PDF/X-1a? What print-shop mode refuses in a background PDF (issue 13): RGB colour
 * (DeviceRGB, CalRGB, an ICC profile with three components, rg/RG operators, RGB inline images) and transparency
 * (soft masks, constant alpha under 1, blend modes other than Normal, transparency groups). The answer is the list
 * of what was found, in PDF's own words (for the message, BACKGROUND_NOT_PRINT_READY); empty when the file is ready.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from "pdf-lib";

/** What was found, each once, in the order of this list. */
const ORDER = ["DeviceRGB", "CalRGB", "ICCBased RGB", "rg/RG", "SMask", "CA/ca < 1", "BM", "Group /Transparency"] as const;
export type ReadinessProblem = (typeof ORDER)[number];

const RGB_OPERATOR = /(?:^|[\s\]])(?:[-+]?(?:\d+\.?\d*|\.\d+)\s+){3}(?:rg|RG)(?=[\s\[/<(]|$)/;
const INLINE_RGB = /\bBI\b[\s\S]*?\/(?:CS|ColorSpace)\s*\/(?:RGB|DeviceRGB)\b/;

/**
 * What of `pages` (0-based; default every page) is RGB or transparent: their contents and everything their resources
 * reach (images, forms, colour spaces, graphics states, patterns, shadings, fonts), never their annotations or form
 * fields, which nafuda does not embed.
 */
export function printReadinessProblems(doc: PDFDocument, pages?: readonly number[]): ReadinessProblem[] {
  const found = new Set<ReadinessProblem>();
  const context = doc.context;
  const lookup = (object: PDFObject | undefined): PDFObject | undefined => (object instanceof PDFRef ? context.lookup(object) : object);
  const nameOf = (object: PDFObject | undefined) => {
    const value = lookup(object);
    return value instanceof PDFName ? value.asString() : undefined;
  };
  const checkDict = (dict: PDFDict) => {
    for (const [key, raw] of dict.entries()) {
      const k = key.asString();
      const value = lookup(raw);
      const v = nameOf(value);
      if (v === "/DeviceRGB" || (v === "/RGB" && (k === "/CS" || k === "/ColorSpace"))) found.add("DeviceRGB");
      if (v === "/CalRGB") found.add("CalRGB");
      if (k === "/BM" && ((v !== undefined && v !== "/Normal" && v !== "/Compatible") || (value instanceof PDFArray && value.asArray().some((b) => !["/Normal", "/Compatible"].includes(nameOf(b) ?? ""))))) found.add("BM");
      if (k === "/SMask" && v !== "/None" && value !== undefined) found.add("SMask");
      if ((k === "/CA" || k === "/ca") && value instanceof PDFNumber && value.asNumber() < 1) found.add("CA/ca < 1");
      if (k === "/Group" && value instanceof PDFDict && nameOf(value.get(PDFName.of("S"))) === "/Transparency") found.add("Group /Transparency");
    }
  };
  const checkArray = (array: PDFArray) => {
    const items = array.asArray();
    const first = nameOf(items[0]);
    if (first === "/CalRGB") found.add("CalRGB");
    if (first === "/ICCBased") {
      const profile = lookup(items[1]);
      const dict = profile instanceof PDFRawStream ? profile.dict : profile instanceof PDFDict ? profile : undefined;
      const components = dict ? lookup(dict.get(PDFName.of("N"))) : undefined;
      if (components instanceof PDFNumber && components.asNumber() === 3) found.add("ICCBased RGB");
    }
    if (items.some((item) => nameOf(item) === "/DeviceRGB")) found.add("DeviceRGB");
  };
  const checkContent = (stream: PDFRawStream) => {
    let text: string;
    try {
      text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    } catch {
      return;
    }
    if (RGB_OPERATOR.test(text)) found.add("rg/RG");
    if (INLINE_RGB.test(text)) found.add("DeviceRGB");
  };
  const seen = new Set<PDFObject>();
  const SKIP = new Set(["/Parent", "/Annots", "/P", "/AcroForm", "/StructParents", "/Metadata"]);
  const walk = (object: PDFObject | undefined, content: boolean) => {
    const value = lookup(object);
    if (value === undefined || seen.has(value)) return;
    seen.add(value);
    if (value instanceof PDFArray) {
      checkArray(value);
      for (const item of value.asArray()) walk(item, content);
      return;
    }
    const dict = value instanceof PDFRawStream ? value.dict : value instanceof PDFDict ? value : undefined;
    if (!dict) return;
    checkDict(dict);
    if (value instanceof PDFRawStream && (content || nameOf(dict.get(PDFName.of("Subtype"))) === "/Form")) checkContent(value);
    for (const [key, item] of dict.entries()) if (!SKIP.has(key.asString())) walk(item, false);
  };
  const all = doc.getPages();
  for (const index of pages ?? all.map((_, i) => i)) {
    const page = all[index];
    if (!page) continue;
    const contents = lookup(page.node.get(PDFName.of("Contents")));
    for (const stream of contents instanceof PDFArray ? contents.asArray() : [contents]) walk(stream, true);
    // Resources and the transparency group, inherited or not.
    walk(page.node.Resources(), false);
    const group = lookup(page.node.get(PDFName.of("Group")));
    if (group instanceof PDFDict && nameOf(group.get(PDFName.of("S"))) === "/Transparency") found.add("Group /Transparency");
  }
  return ORDER.filter((problem) => found.has(problem));
}
