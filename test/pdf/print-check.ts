/**
 * A structural self-check of the PDFs nafuda writes, as a print shop's preflight would look at them (issue 13; no free
 * PDF/X validator exists here), and Ghostscript's CMYK separations (tiffsep) read back as plates.
 *
 * printCheck lists what is wrong, in words; an empty list passes. Everyday files: a PDF 1.4 file structure (classic
 * cross-reference table, no object streams, no cross-reference stream), ViewerPreferences /PrintScaling /None, fonts
 * embedded, no RGB or transparency anywhere, every colour operator of every content stream (pages and form XObjects)
 * CMYK, K-only text, marks in registration colour. Print-shop files (`pdfx: true`) also: a trailer /ID, Info dates,
 * Trapped, GTS_PDFXVersion, XMP with the same id, an OutputIntent naming JC200103, TrimBox and BleedBox on every page
 * with MediaBox ⊇ BleedBox ⊇ TrimBox, black text overprinting.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from "pdf-lib";

export const hasGhostscript = (() => {
  try {
    execFileSync("gs", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

export interface CheckOptions {
  /** Check PDF/X-1a:2003 as well. */
  pdfx?: boolean;
  /** A duplex job: ViewerPreferences /Duplex /DuplexFlipLongEdge expected. */
  duplex?: boolean;
}

type Token = { op: string } | { value: string | number | string[] };

/** The tokens of a content stream: operands (numbers, names, strings, arrays as their items) and operators. */
function tokens(content: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = content.length;
  const ws = /[\s]/;
  let array: string[] | null = null;
  const push = (value: string | number) => (array ? array.push(String(value)) : out.push({ value }));
  while (i < n) {
    const c = content[i]!;
    if (ws.test(c)) {
      i++;
    } else if (c === "%") {
      while (i < n && content[i] !== "\n" && content[i] !== "\r") i++;
    } else if (c === "(") {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        if (content[i] === "\\") i++;
        else if (content[i] === "(") depth++;
        else if (content[i] === ")" && --depth === 0) break;
      }
      i++;
      push(content.slice(start, i));
    } else if (c === "<" && content[i + 1] === "<") {
      // An inline dictionary (BDC properties): skipped to its end.
      let depth = 0;
      for (; i < n; i++) {
        if (content.startsWith("<<", i)) {
          depth++;
          i++;
        } else if (content.startsWith(">>", i)) {
          depth--;
          i++;
          if (depth === 0) break;
        }
      }
      i++;
      push("<<>>");
    } else if (c === "<") {
      const end = content.indexOf(">", i);
      push(content.slice(i, end + 1));
      i = end + 1;
    } else if (c === "[") {
      array = [];
      i++;
    } else if (c === "]") {
      out.push({ value: array ?? [] });
      array = null;
      i++;
    } else if (c === "/") {
      let j = i + 1;
      while (j < n && !/[\s/\[\]<>()%{}]/.test(content[j]!)) j++;
      push(content.slice(i, j));
      i = j;
    } else {
      let j = i;
      while (j < n && !/[\s/\[\]<>()%{}]/.test(content[j]!)) j++;
      const word = content.slice(i, j || i + 1);
      i = Math.max(j, i + 1);
      if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(word)) push(Number(word));
      else if (word === "true" || word === "false" || word === "null") push(word);
      else out.push({ op: word });
    }
  }
  return out;
}

const COLOUR_OPS = new Set(["rg", "RG", "g", "G", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN"]);

interface StreamFacts {
  colourOps: string[];
  /** The fill colour in effect at each text-showing operator. */
  textColours: string[];
  /** Whether overprint (the resource named) was set when K 100 % text was shown. */
  blackTextOverprinted: boolean[];
  /** Stroke colour at each stroke operator. */
  strokes: string[];
}

function streamFacts(content: string, overprintNames: ReadonlySet<string>): StreamFacts {
  const facts: StreamFacts = { colourOps: [], textColours: [], blackTextOverprinted: [], strokes: [] };
  type State = { fill: string; stroke: string; overprint: boolean };
  let state: State = { fill: "0 g", stroke: "0 G", overprint: false };
  const stack: State[] = [];
  let operands: (string | number | string[])[] = [];
  for (const token of tokens(content)) {
    if ("value" in token) {
      operands.push(token.value);
      continue;
    }
    const op = token.op;
    if (COLOUR_OPS.has(op)) {
      const text = `${operands.join(" ")} ${op}`.trim();
      facts.colourOps.push(text);
      if (op === op.toLowerCase()) state = { ...state, fill: text };
      else state = { ...state, stroke: text };
    } else if (op === "q") stack.push(state);
    else if (op === "Q") state = stack.pop() ?? state;
    else if (op === "gs") state = { ...state, overprint: overprintNames.has(String(operands[0])) };
    else if (op === "Tj" || op === "TJ" || op === "'" || op === '"') {
      facts.textColours.push(state.fill);
      if (state.fill === "0 0 0 1 k") facts.blackTextOverprinted.push(state.overprint);
    } else if (op === "S" || op === "s" || op === "B" || op === "b" || op === "B*" || op === "b*") facts.strokes.push(state.stroke);
    operands = [];
  }
  return facts;
}

const isCmykFill = (op: string) => /^(-?[\d.]+ ){4}k$/i.test(op);
const isKOnlyFill = (op: string) => /^0 0 0 [\d.]+ k$/.test(op);

export interface CheckReport {
  problems: string[];
  pages: number;
  /** Every content stream's colour operators, for the record. */
  colourOps: Set<string>;
  textColours: Set<string>;
}

/** The check described at the top of this file. */
export async function printCheck(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  const problems: string[] = [];
  const text = Buffer.from(bytes).toString("latin1");
  const version = /^%PDF-(\d\.\d)/.exec(text)?.[1];
  if (version !== "1.4") problems.push(`header %PDF-${version}, not 1.4`);
  if (/\/Type\s*\/ObjStm/.test(text)) problems.push("object streams");
  if (/\/Type\s*\/XRef/.test(text)) problems.push("a cross-reference stream");
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref || !text.startsWith("xref", Number(startxref[1]))) problems.push("no classic cross-reference table at startxref");

  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? context.lookup(o) : o);
  const nameOf = (o: PDFObject | undefined) => (lookup(o) instanceof PDFName ? (lookup(o) as PDFName).asString() : undefined);
  const stringOf = (o: PDFObject | undefined) => {
    const v = lookup(o);
    return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
  };
  const catalog = doc.catalog;

  const prefs = lookup(catalog.get(PDFName.of("ViewerPreferences")));
  if (!(prefs instanceof PDFDict) || nameOf(prefs.get(PDFName.of("PrintScaling"))) !== "/None") problems.push("no ViewerPreferences /PrintScaling /None");
  if (options.duplex && (!(prefs instanceof PDFDict) || nameOf(prefs.get(PDFName.of("Duplex"))) !== "/DuplexFlipLongEdge")) problems.push("a duplex job without /Duplex /DuplexFlipLongEdge");

  // Anything RGB or transparent, anywhere (nested dictionaries and arrays too).
  const everything: Array<[{ objectNumber: number }, PDFObject]> = [];
  const nested = (ref: { objectNumber: number }, object: PDFObject) => {
    everything.push([ref, object]);
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    const items = object instanceof PDFArray ? object.asArray() : dict ? [...dict.entries()].map(([, v]) => v) : [];
    for (const item of items) if (item instanceof PDFDict || item instanceof PDFArray) nested(ref, item);
  };
  for (const [ref, object] of context.enumerateIndirectObjects()) nested(ref, object);
  for (const [ref, object] of everything) {
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    const all = object instanceof PDFArray ? object.asArray() : dict ? [...dict.entries()].flatMap(([k, v]) => [k, v]) : [];
    for (const item of all) {
      const value = lookup(item);
      if (value instanceof PDFName && (value.asString() === "/DeviceRGB" || value.asString() === "/CalRGB")) problems.push(`object ${ref.objectNumber}: ${value.asString()}`);
      if (value instanceof PDFArray) for (const inner of value.asArray()) if (lookup(inner) instanceof PDFName && ["/DeviceRGB", "/CalRGB"].includes(nameOf(inner)!)) problems.push(`object ${ref.objectNumber}: ${nameOf(inner)}`);
    }
    if (dict) {
      const smask = lookup(dict.get(PDFName.of("SMask")));
      if (smask && nameOf(smask) !== "/None") problems.push(`object ${ref.objectNumber}: SMask`);
      for (const key of ["CA", "ca"]) {
        const alpha = lookup(dict.get(PDFName.of(key)));
        if (alpha instanceof PDFNumber && alpha.asNumber() < 1) problems.push(`object ${ref.objectNumber}: /${key} ${alpha.asNumber()}`);
      }
      const type = nameOf(dict.get(PDFName.of("Type")));
      if (type === "/FontDescriptor" && !["FontFile", "FontFile2", "FontFile3"].some((key) => dict.has(PDFName.of(key)))) problems.push(`object ${ref.objectNumber}: a font not embedded`);
      if (type === "/Font") {
        const subtype = nameOf(dict.get(PDFName.of("Subtype")));
        if (subtype === "/Type0") {
          const descendants = lookup(dict.get(PDFName.of("DescendantFonts")));
          const cid = descendants instanceof PDFArray ? lookup(descendants.get(0)) : undefined;
          if (!(cid instanceof PDFDict) || !(lookup(cid.get(PDFName.of("FontDescriptor"))) instanceof PDFDict)) problems.push(`object ${ref.objectNumber}: a Type0 font without its descriptor`);
        } else if (subtype !== "/CIDFontType0" && subtype !== "/CIDFontType2" && !(lookup(dict.get(PDFName.of("FontDescriptor"))) instanceof PDFDict)) {
          problems.push(`object ${ref.objectNumber}: font ${nameOf(dict.get(PDFName.of("BaseFont")))} not embedded`);
        }
        if (options.pdfx && nameOf(dict.get(PDFName.of("Subtype"))) === "/CIDFontType0") {
          const descriptor = lookup(dict.get(PDFName.of("FontDescriptor")));
          const file = descriptor instanceof PDFDict ? lookup(descriptor.get(PDFName.of("FontFile3"))) : undefined;
          if (file instanceof PDFRawStream && nameOf(file.dict.get(PDFName.of("Subtype"))) === "/OpenType") problems.push(`object ${ref.objectNumber}: an OpenType FontFile3 (PDF 1.6)`);
        }
      }
    }
  }

  // Every content stream: the pages', and every form XObject's.
  const colourOps = new Set<string>();
  const textColours = new Set<string>();
  const checkStream = (stream: PDFRawStream, where: string, resources: PDFDict | undefined) => {
    const overprint = new Set<string>();
    const states = resources ? lookup(resources.get(PDFName.of("ExtGState"))) : undefined;
    if (states instanceof PDFDict) {
      for (const [key, value] of states.entries()) {
        const state = lookup(value);
        if (state instanceof PDFDict && String(lookup(state.get(PDFName.of("op")))) === "true") overprint.add(key.asString());
      }
    }
    const content = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    const facts = streamFacts(content, overprint);
    for (const op of facts.colourOps) {
      colourOps.add(op);
      const ok = isCmykFill(op) || /^(-?[\d.]+ ){4}K$/.test(op) || /^\/CSReg (CS|cs)$/.test(op) || /^1 (SCN|scn)$/.test(op);
      if (!ok) problems.push(`${where}: colour operator "${op}"`);
    }
    for (const fill of facts.textColours) {
      textColours.add(fill);
      if (!isKOnlyFill(fill)) problems.push(`${where}: text in "${fill}", not K only`);
    }
    for (const stroke of facts.strokes) if (stroke === "1 1 1 1 K") problems.push(`${where}: a line in 400 % CMYK (marks are registration colour)`);
    if (options.pdfx && facts.blackTextOverprinted.some((on) => !on)) problems.push(`${where}: black text that does not overprint`);
  };
  const seenForms = new Set<PDFRawStream>();
  const walkForms = (resources: PDFDict | undefined, where: string) => {
    const xobjects = resources ? lookup(resources.get(PDFName.of("XObject"))) : undefined;
    if (!(xobjects instanceof PDFDict)) return;
    for (const [key, value] of xobjects.entries()) {
      const form = lookup(value);
      if (!(form instanceof PDFRawStream) || seenForms.has(form) || nameOf(form.dict.get(PDFName.of("Subtype"))) !== "/Form") continue;
      seenForms.add(form);
      const own = lookup(form.dict.get(PDFName.of("Resources")));
      checkStream(form, `${where} form ${key.asString()}`, own instanceof PDFDict ? own : undefined);
      walkForms(own instanceof PDFDict ? own : undefined, `${where} form ${key.asString()}`);
    }
  };
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const where = `page ${index + 1}`;
    const resources = lookup(page.node.get(PDFName.of("Resources")));
    const contents = lookup(page.node.get(PDFName.of("Contents")));
    const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
    for (const stream of streams) if (stream instanceof PDFRawStream) checkStream(stream, where, resources instanceof PDFDict ? resources : undefined);
    walkForms(resources instanceof PDFDict ? resources : undefined, where);
    if (options.pdfx) {
      const box = (key: string) => {
        const value = lookup(page.node.get(PDFName.of(key)));
        return value instanceof PDFArray ? value.asArray().map((v) => (lookup(v) as PDFNumber).asNumber()) : undefined;
      };
      const media = box("MediaBox");
      const bleed = box("BleedBox");
      const trim = box("TrimBox");
      if (!trim) problems.push(`${where}: no TrimBox`);
      if (!bleed) problems.push(`${where}: no BleedBox`);
      const inside = (inner: number[], outer: number[]) => inner[0]! >= outer[0]! - 1e-6 && inner[1]! >= outer[1]! - 1e-6 && inner[2]! <= outer[2]! + 1e-6 && inner[3]! <= outer[3]! + 1e-6;
      if (media && bleed && trim && !(inside(bleed, media) && inside(trim, bleed))) problems.push(`${where}: boxes not MediaBox ⊇ BleedBox ⊇ TrimBox`);
    }
  });

  if (options.pdfx) {
    const id = context.trailerInfo.ID;
    const idArray = lookup(id);
    const idHex = idArray instanceof PDFArray ? (lookup(idArray.get(0)) as PDFHexString | undefined)?.asString() : undefined;
    if (!idHex || !/^[0-9A-Fa-f]{32}$/.test(idHex)) problems.push("no trailer /ID");
    const info = lookup(context.trailerInfo.Info);
    if (!(info instanceof PDFDict)) problems.push("no Info dictionary");
    else {
      for (const key of ["CreationDate", "ModDate", "Title"]) if (!stringOf(info.get(PDFName.of(key)))) problems.push(`Info without ${key}`);
      if (nameOf(info.get(PDFName.of("Trapped"))) !== "/False" && nameOf(info.get(PDFName.of("Trapped"))) !== "/True") problems.push("Info without Trapped");
      if (stringOf(info.get(PDFName.of("GTS_PDFXVersion"))) !== "PDF/X-1a:2003") problems.push("Info without GTS_PDFXVersion PDF/X-1a:2003");
    }
    const intents = lookup(catalog.get(PDFName.of("OutputIntents")));
    const intent = intents instanceof PDFArray ? lookup(intents.get(0)) : undefined;
    if (!(intent instanceof PDFDict)) problems.push("no OutputIntent");
    else {
      if (nameOf(intent.get(PDFName.of("S"))) !== "/GTS_PDFX") problems.push("OutputIntent not /GTS_PDFX");
      if (stringOf(intent.get(PDFName.of("OutputConditionIdentifier"))) !== "JC200103") problems.push("OutputIntent not JC200103");
      if (stringOf(intent.get(PDFName.of("RegistryName"))) !== "http://www.color.org") problems.push("OutputIntent without RegistryName http://www.color.org");
    }
    const metadata = lookup(catalog.get(PDFName.of("Metadata")));
    if (!(metadata instanceof PDFRawStream)) problems.push("no XMP metadata");
    else {
      const xmp = Buffer.from(decodePDFRawStream(metadata).decode()).toString("utf8");
      if (!xmp.includes("<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>")) problems.push("XMP without GTS_PDFXVersion");
      const documentId = /<xmpMM:DocumentID>uuid:([0-9a-f-]{36})<\/xmpMM:DocumentID>/.exec(xmp)?.[1]?.replace(/-/g, "");
      if (!documentId || /^0+$/.test(documentId)) problems.push("XMP without a document id");
      const info2 = lookup(context.trailerInfo.Info);
      const created = info2 instanceof PDFDict ? stringOf(info2.get(PDFName.of("CreationDate"))) : undefined;
      const m = created ? /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(created) : null;
      if (!m || !xmp.includes(`<xmp:CreateDate>${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z</xmp:CreateDate>`)) problems.push("XMP dates differ from Info's");
    }
  }
  return { problems: [...new Set(problems)], pages: pages.length, colourOps, textColours };
}

/** One ink plate: 0 no ink … 255 full ink, row by row. */
export interface Plate {
  width: number;
  height: number;
  /** Pixels per mm. */
  scale: number;
  ink: Uint8Array;
}

export type Plates = Record<"Cyan" | "Magenta" | "Yellow" | "Black", Plate>;

/** A baseline, uncompressed, 8-bit one-sample TIFF (what tiffsep writes with -sCompression=none), as ink. */
function readTiff(bytes: Buffer, scale: number): Plate {
  const le = bytes.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const ifd = u32(4);
  const count = u16(ifd);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const tag = u16(at);
    const type = u16(at + 2);
    const n = u32(at + 4);
    const size = type === 3 ? 2 : 4;
    const base = n * size <= 4 ? at + 8 : u32(at + 8);
    const values: number[] = [];
    for (let j = 0; j < n; j++) values.push(size === 2 ? u16(base + j * 2) : u32(base + j * 4));
    tags.set(tag, values);
  }
  const width = tags.get(256)![0]!;
  const height = tags.get(257)![0]!;
  if ((tags.get(259)?.[0] ?? 1) !== 1) throw new Error("compressed TIFF");
  const photometric = tags.get(262)?.[0] ?? 1;
  const offsets = tags.get(273)!;
  const counts = tags.get(279)!;
  const raw = Buffer.concat(offsets.map((offset, i) => bytes.subarray(offset, offset + counts[i]!)));
  const ink = new Uint8Array(width * height);
  // Photometric 0: WhiteIsZero (0 = no ink); 1: BlackIsZero (255 = no ink).
  for (let i = 0; i < ink.length; i++) ink[i] = photometric === 0 ? raw[i]! : 255 - raw[i]!;
  return { width, height, scale, ink };
}

/** Ghostscript's CMYK separations of page `page` at `dpi`: one plate per ink (tiffsep; overprint simulated). */
export function separations(pdf: Uint8Array, page: number, dpi: number): Plates {
  const dir = mkdtempSync(join(tmpdir(), "nafuda-sep-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", `-r${dpi}`, "-sCompression=none", `-dFirstPage=${page}`, `-dLastPage=${page}`, `-sOutputFile=${join(dir, "p.tif")}`, file], { stdio: "pipe" });
    const plate = (ink: string) => {
      const name = readdirSync(dir).find((f) => f === `p(${ink}).tif`);
      if (!name) throw new Error(`no ${ink} separation`);
      return readTiff(readFileSync(join(dir, name)), dpi / 25.4);
    };
    return { Cyan: plate("Cyan"), Magenta: plate("Magenta"), Yellow: plate("Yellow"), Black: plate("Black") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a rectangle (mm from the page's top-left): how many pixels carry more than `threshold` of the ink, and of how many. */
export function inked(plate: Plate, box: { x: number; y: number; width: number; height: number }, threshold = 64): { inked: number; pixels: number } {
  const x0 = Math.max(0, Math.floor(box.x * plate.scale));
  const x1 = Math.min(plate.width, Math.ceil((box.x + box.width) * plate.scale));
  const y0 = Math.max(0, Math.floor(box.y * plate.scale));
  const y1 = Math.min(plate.height, Math.ceil((box.y + box.height) * plate.scale));
  let count = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (plate.ink[y * plate.width + x]! > threshold) count++;
  return { inked: count, pixels: Math.max(0, x1 - x0) * Math.max(0, y1 - y0) };
}
