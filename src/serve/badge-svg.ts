import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from "pdf-lib";
import type { Font } from "@pdf-lib/fontkit";
import { parseFont } from "../pdf/fonts.js";

/**
 * Draws page 1 of a badge PDF made by renderBadges as SVG, so that the page can show the badge exactly as it will
 * print without a PDF viewer: the same PDF, the same embedded (subset) fonts, glyph outlines at the positions the
 * PDF's text operators give, and vector artwork (a template's background PDF, placed as a form XObject) with its
 * clipping. It reads what renderBadges writes (q/Q/cm, BT/ET, Tf, Tz, Tc, Ts, TL, Td, Tm, Tj/TJ with Type0
 * Identity-H fonts, gray/RGB/CMYK/separation colours, paths, W clips, forms, JPEG images) and reports what it
 * cannot draw (other images, fonts it cannot read) in `notShown` rather than guessing.
 */
export interface BadgeSvg {
  svg: string;
  /** Page size in mm. */
  widthMm: number;
  heightMm: number;
  /** Glyphs drawn. */
  glyphs: number;
  /** What the preview leaves out (e.g. "background"), for a note beside it. */
  notShown: string[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const PT_TO_MM = 25.4 / 72;

/** m1 × m2 in PDF's row-vector convention (apply m1 first, then m2). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [A, B, C, D, E, F] = m2;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

const fmt = (n: number) => {
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) ? "0" : String(r);
};

type Token = { kind: "number"; value: number } | { kind: "name"; value: string } | { kind: "hex"; value: Uint8Array }
  | { kind: "string"; value: Uint8Array } | { kind: "array"; value: Token[] } | { kind: "op"; value: string };

/** Tokenises a content stream (enough of the syntax for what renderBadges writes, and a little more). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const stack: Token[][] = [tokens];
  let i = 0;
  const push = (token: Token) => stack[stack.length - 1]!.push(token);
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "%") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (ch === "/") {
      let j = i + 1;
      while (j < text.length && !/[\s/<>[\]()%{}]/.test(text[j]!)) j++;
      push({ kind: "name", value: text.slice(i + 1, j) });
      i = j;
    } else if (ch === "<" && text[i + 1] !== "<") {
      const end = text.indexOf(">", i);
      const hex = text.slice(i + 1, end).replace(/\s+/g, "");
      const padded = hex.length % 2 === 1 ? `${hex}0` : hex;
      const bytes = new Uint8Array(padded.length / 2);
      for (let k = 0; k < bytes.length; k++) bytes[k] = parseInt(padded.slice(k * 2, k * 2 + 2), 16);
      push({ kind: "hex", value: bytes });
      i = end + 1;
    } else if (ch === "(") {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < text.length && depth > 0) {
        const c = text[i]!;
        if (c === "\\") {
          const next = text[i + 1] ?? "";
          const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
          if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
            bytes.push(parseInt(octal, 8) & 0xff);
            i += 1 + octal.length;
            continue;
          }
          if (escapes[next] !== undefined) bytes.push(escapes[next]!);
          i += 2;
          continue;
        }
        if (c === "(") depth++;
        if (c === ")" && --depth === 0) break;
        bytes.push(c.charCodeAt(0) & 0xff);
        i++;
      }
      push({ kind: "string", value: new Uint8Array(bytes) });
      i++;
    } else if (ch === "[") {
      const inner: Token[] = [];
      push({ kind: "array", value: inner });
      stack.push(inner);
      i++;
    } else if (ch === "]") {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (ch === "<" || ch === ">") {
      // Dictionaries only appear in inline images and marked content, which renderBadges does not write.
      i += 2;
    } else {
      let j = i;
      while (j < text.length && !/[\s/<>[\]()%]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) push({ kind: "number", value: Number(word) });
      else push({ kind: "op", value: word });
      i = j === i ? i + 1 : j;
    }
  }
  return tokens;
}

interface PdfFontInfo {
  font: Font | null;
  /** Advance widths by CID, in thousandths of an em. */
  widths: Map<number, number>;
  defaultWidth: number;
  twoByte: boolean;
}

function numberOf(object: PDFObject | undefined): number | undefined {
  return object instanceof PDFNumber ? object.asNumber() : undefined;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  const name = filter instanceof PDFArray ? filter.get(0) : filter;
  return name instanceof PDFName && name.asString() === "/FlateDecode" ? inflateSync(stream.contents) : stream.contents;
}

function loadPdfFont(doc: PDFDocument, fontObject: PDFObject | undefined): PdfFontInfo {
  const dict = doc.context.lookup(fontObject);
  const info: PdfFontInfo = { font: null, widths: new Map(), defaultWidth: 1000, twoByte: false };
  if (!(dict instanceof PDFDict)) return info;
  const subtype = dict.get(PDFName.of("Subtype"));
  let descriptorHolder: PDFDict = dict;
  if (subtype instanceof PDFName && subtype.asString() === "/Type0") {
    info.twoByte = true;
    const descendants = doc.context.lookup(dict.get(PDFName.of("DescendantFonts")));
    const cidFont = descendants instanceof PDFArray ? doc.context.lookup(descendants.get(0)) : undefined;
    if (cidFont instanceof PDFDict) {
      descriptorHolder = cidFont;
      info.defaultWidth = numberOf(cidFont.get(PDFName.of("DW"))) ?? 1000;
      const w = doc.context.lookup(cidFont.get(PDFName.of("W")));
      if (w instanceof PDFArray) {
        for (let k = 0; k < w.size(); ) {
          const first = numberOf(doc.context.lookup(w.get(k)));
          const next = doc.context.lookup(w.get(k + 1));
          if (first === undefined) break;
          if (next instanceof PDFArray) {
            for (let m = 0; m < next.size(); m++) info.widths.set(first + m, numberOf(doc.context.lookup(next.get(m))) ?? info.defaultWidth);
            k += 2;
          } else {
            const last = numberOf(next) ?? first;
            const width = numberOf(doc.context.lookup(w.get(k + 2))) ?? info.defaultWidth;
            for (let cid = first; cid <= last; cid++) info.widths.set(cid, width);
            k += 3;
          }
        }
      }
    }
  }
  const descriptor = doc.context.lookup(descriptorHolder.get(PDFName.of("FontDescriptor")));
  if (descriptor instanceof PDFDict) {
    for (const key of ["FontFile2", "FontFile3", "FontFile"]) {
      const file = doc.context.lookup(descriptor.get(PDFName.of(key)));
      if (file instanceof PDFRawStream) {
        try {
          info.font = parseFont(streamBytes(file));
        } catch {
          info.font = null;
        }
        break;
      }
    }
  }
  return info;
}

/**
 * CMYK as printed inks look on screen, not the naive 1 − (c + k): a weighted sum over the 16 ink overlaps (the
 * approximation xpdf and poppler use), so that a template's CMYK artwork has the colour it will print with.
 */
function colourFromCmyk(c: number, m: number, y: number, k: number): string {
  const [c1, m1, y1, k1] = [1 - c, 1 - m, 1 - y, 1 - k];
  // [weight of this overlap, its r, g, b]
  const overlaps: [number, number, number, number][] = [
    [c1 * m1 * y1 * k1, 1, 1, 1],
    [c1 * m1 * y1 * k, 0.1373, 0.1216, 0.1255],
    [c1 * m1 * y * k1, 1, 0.949, 0],
    [c1 * m1 * y * k, 0.1098, 0.102, 0],
    [c1 * m * y1 * k1, 0.9255, 0, 0.549],
    [c1 * m * y1 * k, 0.1412, 0, 0],
    [c1 * m * y * k1, 0.9294, 0.1098, 0.1412],
    [c1 * m * y * k, 0.1333, 0, 0],
    [c * m1 * y1 * k1, 0, 0.6784, 0.9373],
    [c * m1 * y1 * k, 0, 0.0588, 0.1412],
    [c * m1 * y * k1, 0, 0.651, 0.3137],
    [c * m1 * y * k, 0, 0.0745, 0],
    [c * m * y1 * k1, 0.1804, 0.1922, 0.5725],
    [c * m * y1 * k, 0, 0, 0.0078],
    [c * m * y * k1, 0.2118, 0.2119, 0.2235],
  ];
  let [r, g, b] = [0, 0, 0];
  for (const [weight, wr, wg, wb] of overlaps) {
    r += weight * wr;
    g += weight * wg;
    b += weight * wb;
  }
  return rgbHex(r, g, b);
}

function rgbHex(r: number, g: number, b: number): string {
  const hex = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 255).toString(16).padStart(2, "0");
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

function contentText(doc: PDFDocument, contents: PDFObject | undefined): string {
  const resolved = doc.context.lookup(contents);
  const streams: PDFRawStream[] = [];
  if (resolved instanceof PDFRawStream) streams.push(resolved);
  else if (resolved instanceof PDFArray) {
    for (let k = 0; k < resolved.size(); k++) {
      const s = doc.context.lookup(resolved.get(k));
      if (s instanceof PDFRawStream) streams.push(s);
    }
  }
  return streams.map((s) => Buffer.from(streamBytes(s)).toString("latin1")).join("\n");
}

function numbers(doc: PDFDocument, object: PDFObject | undefined): number[] | null {
  const array = doc.context.lookup(object);
  if (!(array instanceof PDFArray)) return null;
  const out: number[] = [];
  for (let k = 0; k < array.size(); k++) out.push(numberOf(doc.context.lookup(array.get(k))) ?? 0);
  return out;
}

interface GraphicsState {
  ctm: Matrix;
  fill: string;
  stroke: string;
  fillSpace: string;
  strokeSpace: string;
  lineWidth: number;
  /** Clip paths in force, outermost first (ids of <clipPath> elements). */
  clips: string[];
}

/** A colour from operands in a colour space: gray, RGB, CMYK, or a separation's tint (drawn as black ink). */
function colourIn(space: string, values: number[]): string {
  if (space === "DeviceRGB" && values.length >= 3) return rgbHex(values[0]!, values[1]!, values[2]!);
  if (space === "DeviceCMYK" && values.length >= 4) return colourFromCmyk(values[0]!, values[1]!, values[2]!, values[3]!);
  if (space === "DeviceGray") return rgbHex(values[0] ?? 0, values[0] ?? 0, values[0] ?? 0);
  const tint = values[0] ?? 1;
  return rgbHex(1 - tint, 1 - tint, 1 - tint);
}

/** SVG of page `pageIndex` of `pdfBytes`, a badge PDF written by renderBadges (artwork in form XObjects included). */
export async function badgePdfToSvg(pdfBytes: Uint8Array, pageIndex = 0): Promise<BadgeSvg> {
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const page = doc.getPage(pageIndex);
  const { width, height } = page.getSize();
  const notShown = new Set<string>();
  const glyphPaths = new Map<PdfFontInfo, Map<number, string>>();
  const fontCache = new Map<PDFObject, PdfFontInfo>();
  const defs: string[] = [];
  const out: string[] = [];
  let glyphs = 0;
  let depth = 0;

  const emit = (state: GraphicsState, element: string) => {
    out.push(state.clips.reduceRight((inner, id) => `<g clip-path="url(#${id})">${inner}</g>`, element));
  };
  const addClip = (state: GraphicsState, d: string, matrix: Matrix, evenOdd: boolean) => {
    const id = `c${defs.length + 1}`;
    defs.push(`<clipPath id="${id}" clipPathUnits="userSpaceOnUse"><path transform="matrix(${matrix.map(fmt).join(" ")})" clip-rule="${evenOdd ? "evenodd" : "nonzero"}" d="${d}"/></clipPath>`);
    state.clips = [...state.clips, id];
  };

  const run = (text: string, resources: PDFDict | undefined, initial: GraphicsState) => {
    const lookupIn = (category: string, name: string): PDFObject | undefined => {
      const dict = resources ? doc.context.lookup(resources.get(PDFName.of(category))) : undefined;
      return dict instanceof PDFDict ? dict.get(PDFName.of(name)) : undefined;
    };
    const fontNamed = (name: string): PdfFontInfo => {
      const ref = lookupIn("Font", name);
      if (!ref) return { font: null, widths: new Map(), defaultWidth: 1000, twoByte: false };
      let info = fontCache.get(ref);
      if (!info) fontCache.set(ref, (info = loadPdfFont(doc, ref)));
      return info;
    };
    let state: GraphicsState = { ...initial };
    const saved: GraphicsState[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let fontName = "";
    let fontSize = 0;
    let hScale = 1;
    let charSpacing = 0;
    let rise = 0;
    let leading = 0;
    let pathData = "";
    let pendingClip: "nonzero" | "evenodd" | null = null;

    const showBytes = (bytes: Uint8Array) => {
      const info = fontNamed(fontName);
      const step = info.twoByte ? 2 : 1;
      for (let k = 0; k + step - 1 < bytes.length; k += step) {
        const code = step === 2 ? (bytes[k]! << 8) | bytes[k + 1]! : bytes[k]!;
        const advance = (info.widths.get(code) ?? info.defaultWidth) / 1000;
        if (info.font) {
          const unitsPerEm = info.font.unitsPerEm;
          const trm = multiply(multiply([fontSize * hScale, 0, 0, fontSize, 0, rise], tm), state.ctm);
          const glyphMatrix = multiply([1 / unitsPerEm, 0, 0, 1 / unitsPerEm, 0, 0], trm);
          let paths = glyphPaths.get(info);
          if (!paths) glyphPaths.set(info, (paths = new Map()));
          let d = paths.get(code);
          if (d === undefined) {
            d = info.font.getGlyph(code).path.toSVG();
            paths.set(code, d);
          }
          if (d) {
            emit(state, `<path fill="${state.fill}" transform="matrix(${glyphMatrix.map(fmt).join(" ")})" d="${d}"/>`);
            glyphs++;
          }
        } else {
          notShown.add("font");
        }
        const tx = (advance * fontSize + charSpacing) * hScale;
        tm = multiply([1, 0, 0, 1, tx, 0], tm);
      }
    };
    const endPath = () => {
      if (pendingClip && pathData) addClip(state, pathData, state.ctm, pendingClip === "evenodd");
      pendingClip = null;
      pathData = "";
    };
    const paint = (fill: boolean, stroke: boolean, evenOdd = false) => {
      if (pathData) {
        const matrix = `matrix(${state.ctm.map(fmt).join(" ")})`;
        if (fill) emit(state, `<path fill="${state.fill}"${evenOdd ? ' fill-rule="evenodd"' : ""} transform="${matrix}" d="${pathData}"/>`);
        if (stroke) emit(state, `<path fill="none" stroke="${state.stroke}" stroke-width="${fmt(Math.max(state.lineWidth, 0.1))}" transform="${matrix}" d="${pathData}"/>`);
      }
      endPath();
    };
    const drawXObject = (name: string) => {
      const object = doc.context.lookup(lookupIn("XObject", name));
      if (!(object instanceof PDFRawStream)) return;
      const subtype = object.dict.get(PDFName.of("Subtype"));
      const kind = subtype instanceof PDFName ? subtype.asString() : "";
      if (kind === "/Form" && depth < 8) {
        const matrix = (numbers(doc, object.dict.get(PDFName.of("Matrix"))) ?? [...IDENTITY]) as Matrix;
        const inner: GraphicsState = { ...state, ctm: multiply(matrix, state.ctm) };
        const bbox = numbers(doc, object.dict.get(PDFName.of("BBox")));
        if (bbox && bbox.length === 4) {
          const [x0, y0, x1, y1] = bbox as [number, number, number, number];
          addClip(inner, `M${fmt(x0)} ${fmt(y0)}H${fmt(x1)}V${fmt(y1)}H${fmt(x0)}Z`, inner.ctm, false);
        }
        const formResources = doc.context.lookup(object.dict.get(PDFName.of("Resources")));
        depth++;
        run(Buffer.from(streamBytes(object)).toString("latin1"), formResources instanceof PDFDict ? formResources : resources, inner);
        depth--;
      } else if (kind === "/Image") {
        const filter = object.dict.get(PDFName.of("Filter"));
        const filterName = filter instanceof PDFArray ? filter.get(0) : filter;
        if (filterName instanceof PDFName && filterName.asString() === "/DCTDecode") {
          // Image space is the unit square, y up: flip it into SVG's y-down image box.
          const matrix = multiply([1, 0, 0, -1, 0, 1], state.ctm);
          const data = Buffer.from(object.contents).toString("base64");
          emit(state, `<image width="1" height="1" preserveAspectRatio="none" transform="matrix(${matrix.map(fmt).join(" ")})" href="data:image/jpeg;base64,${data}"/>`);
        } else {
          notShown.add("image");
        }
      }
    };

    const operands: Token[] = [];
    const num = (k: number) => {
      const t = operands[operands.length - k];
      return t && t.kind === "number" ? t.value : 0;
    };
    const allNumbers = () => operands.filter((t): t is { kind: "number"; value: number } => t.kind === "number").map((t) => t.value);
    const lastName = () => {
      const t = operands[operands.length - 1];
      return t && t.kind === "name" ? t.value : "";
    };
    for (const token of tokenize(text)) {
      if (token.kind !== "op") {
        operands.push(token);
        continue;
      }
      switch (token.value) {
        case "q": saved.push({ ...state }); break;
        case "Q": state = saved.pop() ?? state; break;
        case "cm": state.ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], state.ctm); break;
        case "BT": tm = IDENTITY; tlm = IDENTITY; break;
        case "ET": break;
        case "Tf": {
          const name = operands[operands.length - 2];
          fontName = name && name.kind === "name" ? name.value : "";
          fontSize = num(1);
          break;
        }
        case "Tz": hScale = num(1) / 100; break;
        case "Tc": charSpacing = num(1); break;
        case "Ts": rise = num(1); break;
        case "TL": leading = num(1); break;
        case "Tm": tm = tlm = [num(6), num(5), num(4), num(3), num(2), num(1)]; break;
        case "Td": tm = tlm = multiply([1, 0, 0, 1, num(2), num(1)], tlm); break;
        case "TD": leading = -num(1); tm = tlm = multiply([1, 0, 0, 1, num(2), num(1)], tlm); break;
        case "T*": tm = tlm = multiply([1, 0, 0, 1, 0, -leading], tlm); break;
        case "Tj": {
          const s = operands[operands.length - 1];
          if (s && (s.kind === "hex" || s.kind === "string")) showBytes(s.value);
          break;
        }
        case "TJ": {
          const array = operands[operands.length - 1];
          if (array && array.kind === "array") {
            for (const item of array.value) {
              if (item.kind === "hex" || item.kind === "string") showBytes(item.value);
              else if (item.kind === "number") tm = multiply([1, 0, 0, 1, (-item.value / 1000) * fontSize * hScale, 0], tm);
            }
          }
          break;
        }
        case "g": state.fill = colourIn("DeviceGray", allNumbers()); break;
        case "rg": state.fill = colourIn("DeviceRGB", allNumbers()); break;
        case "k": state.fill = colourIn("DeviceCMYK", allNumbers()); break;
        case "G": state.stroke = colourIn("DeviceGray", allNumbers()); break;
        case "RG": state.stroke = colourIn("DeviceRGB", allNumbers()); break;
        case "K": state.stroke = colourIn("DeviceCMYK", allNumbers()); break;
        case "cs": state.fillSpace = lastName(); break;
        case "CS": state.strokeSpace = lastName(); break;
        case "sc": case "scn": state.fill = colourIn(state.fillSpace, allNumbers()); break;
        case "SC": case "SCN": state.stroke = colourIn(state.strokeSpace, allNumbers()); break;
        case "w": state.lineWidth = num(1); break;
        case "re": pathData += `M${fmt(num(4))} ${fmt(num(3))}h${fmt(num(2))}v${fmt(num(1))}h${fmt(-num(2))}Z`; break;
        case "m": pathData += `M${fmt(num(2))} ${fmt(num(1))}`; break;
        case "l": pathData += `L${fmt(num(2))} ${fmt(num(1))}`; break;
        case "c": pathData += `C${[6, 5, 4, 3, 2, 1].map((k) => fmt(num(k))).join(" ")}`; break;
        case "v": pathData += `S${[4, 3, 2, 1].map((k) => fmt(num(k))).join(" ")}`; break;
        case "y": pathData += `C${[4, 3, 2, 1, 2, 1].map((k) => fmt(num(k))).join(" ")}`; break;
        case "h": pathData += "Z"; break;
        case "W": pendingClip = "nonzero"; break;
        case "W*": pendingClip = "evenodd"; break;
        case "f": case "F": paint(true, false); break;
        case "f*": paint(true, false, true); break;
        case "S": paint(false, true); break;
        case "s": pathData += "Z"; paint(false, true); break;
        case "B": paint(true, true); break;
        case "B*": paint(true, true, true); break;
        case "b": pathData += "Z"; paint(true, true); break;
        case "b*": pathData += "Z"; paint(true, true, true); break;
        case "n": endPath(); break;
        case "Do": drawXObject(lastName()); break;
        case "BI": notShown.add("image"); break;
        default: break;
      }
      operands.length = 0;
    }
  };

  const pageResources = doc.context.lookup(page.node.get(PDFName.of("Resources")));
  run(contentText(doc, page.node.get(PDFName.of("Contents"))), pageResources instanceof PDFDict ? pageResources : undefined, {
    ctm: IDENTITY, fill: "#000000", stroke: "#000000", fillSpace: "DeviceGray", strokeSpace: "DeviceGray", lineWidth: 1, clips: [],
  });

  const widthMm = width * PT_TO_MM;
  const heightMm = height * PT_TO_MM;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(widthMm)}mm" height="${fmt(heightMm)}mm" role="img">` +
    (defs.length > 0 ? `<defs>${defs.join("")}</defs>` : "") +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g transform="matrix(1 0 0 -1 0 ${fmt(height)})">${out.join("")}</g></svg>`;
  return { svg, widthMm, heightMm, glyphs, notShown: [...notShown] };
}
