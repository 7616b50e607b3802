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

export function printReadinessProblems(doc: PDFDocument): ReadinessProblem[] {
  const found = new Set<ReadinessProblem>();
  const context = doc.context;
  const lookup = (object: PDFObject | undefined): PDFObject | undefined => (object instanceof PDFRef ? context.lookup(object) : object);
  const visitDict = (dict: PDFDict) => {
    for (const [key, raw] of dict.entries()) {
      const value = lookup(raw);
      const k = key.asString();
      if (value instanceof PDFName) {
        const v = value.asString();
        if (v === "/DeviceRGB" || (v === "/RGB" && (k === "/CS" || k === "/ColorSpace"))) found.add("DeviceRGB");
        if (v === "/CalRGB") found.add("CalRGB");
        if (k === "/BM" && v !== "/Normal" && v !== "/Compatible") found.add("BM");
        if (k === "/SMask" && v !== "/None") found.add("SMask");
      }
      if ((k === "/CA" || k === "/ca") && value instanceof PDFNumber && value.asNumber() < 1) found.add("CA/ca < 1");
      if (k === "/SMask" && (value instanceof PDFDict || value instanceof PDFRawStream)) found.add("SMask");
      if (k === "/BM" && value instanceof PDFArray && value.asArray().some((v) => { const n = lookup(v); return n instanceof PDFName && n.asString() !== "/Normal" && n.asString() !== "/Compatible"; })) found.add("BM");
      if (k === "/Group" && value instanceof PDFDict && lookup(value.get(PDFName.of("S")))?.toString() === "/Transparency") found.add("Group /Transparency");
      if (value instanceof PDFArray) visitArray(value);
      else if (value instanceof PDFDict && !(raw instanceof PDFRef)) visitDict(value);
    }
  };
  const visitArray = (array: PDFArray) => {
    const items = array.asArray().map(lookup);
    const first = items[0];
    if (first instanceof PDFName) {
      const n = first.asString();
      if (n === "/CalRGB") found.add("CalRGB");
      if (n === "/ICCBased") {
        const profile = items[1];
        const dict = profile instanceof PDFRawStream ? profile.dict : profile instanceof PDFDict ? profile : undefined;
        const components = dict ? lookup(dict.get(PDFName.of("N"))) : undefined;
        if (components instanceof PDFNumber && components.asNumber() === 3) found.add("ICCBased RGB");
      }
    }
    for (const [i, item] of items.entries()) {
      if (item instanceof PDFName && item.asString() === "/DeviceRGB") found.add("DeviceRGB");
      if (item instanceof PDFArray) visitArray(item);
      else if (item instanceof PDFDict && !(array.get(i) instanceof PDFRef)) visitDict(item);
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      visitDict(object.dict);
      const type = lookup(object.dict.get(PDFName.of("Subtype")))?.toString();
      // Page contents and form XObjects: their operators. Images, fonts, ICC profiles and metadata are not content.
      const isContent = type === undefined ? !object.dict.has(PDFName.of("Length1")) && !object.dict.has(PDFName.of("N")) && !object.dict.has(PDFName.of("Type")) : type === "/Form";
      if (!isContent) continue;
      let text: string;
      try {
        text = Buffer.from(decodePDFRawStream(object).decode()).toString("latin1");
      } catch {
        continue;
      }
      if (RGB_OPERATOR.test(text)) found.add("rg/RG");
      if (INLINE_RGB.test(text)) found.add("DeviceRGB");
    } else if (object instanceof PDFDict) {
      visitDict(object);
    } else if (object instanceof PDFArray) {
      visitArray(object);
    }
  }
  return ORDER.filter((problem) => found.has(problem));
}
