import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from "pdf-lib";
import type { Font } from "@pdf-lib/fontkit";
import { parseFont } from "../pdf/fonts.js";

/**
 * Draws page 1 of a badge PDF made by renderBadges as SVG, so that the page can show the badge exactly as it will
 * print without a PDF viewer: the same PDF, the same embedded (subset) fonts, glyph outlines at the positions the
 * PDF's text operators give. It reads the operators renderBadges writes (q/Q/cm, BT/ET, Tf, Tz, Tc, Ts, TL, Td,
 * Tm, Tj/TJ with Type0 Identity-H fonts, g/rg/k fill colours, re/f/S for rules) and reports anything else it
 * meets, such as a background PDF (Do), in `notShown` rather than guessing.
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

function colourFromCmyk(c: number, m: number, y: number, k: number): string {
  const channel = (x: number) => Math.round(255 * (1 - Math.min(1, x + k)));
  return rgbHex(channel(c) / 255, channel(m) / 255, channel(y) / 255);
}

function rgbHex(r: number, g: number, b: number): string {
  const hex = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 255).toString(16).padStart(2, "0");
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** SVG of page `pageIndex` of `pdfBytes`, a badge PDF written by renderBadges. */
export async function badgePdfToSvg(pdfBytes: Uint8Array, pageIndex = 0): Promise<BadgeSvg> {
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const page = doc.getPage(pageIndex);
  const { width, height } = page.getSize();
  const resources = doc.context.lookup(page.node.get(PDFName.of("Resources")));
  const fontDict = resources instanceof PDFDict ? doc.context.lookup(resources.get(PDFName.of("Font"))) : undefined;
  const fonts = new Map<string, PdfFontInfo>();
  const fontNamed = (name: string): PdfFontInfo => {
    let info = fonts.get(name);
    if (!info) {
      info = loadPdfFont(doc, fontDict instanceof PDFDict ? fontDict.get(PDFName.of(name)) : undefined);
      fonts.set(name, info);
    }
    return info;
  };

  const contents = page.node.get(PDFName.of("Contents"));
  const streams: PDFRawStream[] = [];
  const resolved = doc.context.lookup(contents);
  if (resolved instanceof PDFRawStream) streams.push(resolved);
  else if (resolved instanceof PDFArray) {
    for (let k = 0; k < resolved.size(); k++) {
      const s = doc.context.lookup(resolved.get(k));
      if (s instanceof PDFRawStream) streams.push(s);
    }
  }
  const text = streams.map((s) => Buffer.from(streamBytes(s)).toString("latin1")).join("\n");
  const tokens = tokenize(text);

  interface State { ctm: Matrix; fill: string; stroke: string; lineWidth: number }
  let state: State = { ctm: IDENTITY, fill: "#000000", stroke: "#000000", lineWidth: 1 };
  const saved: State[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let fontName = "";
  let fontSize = 0;
  let hScale = 1;
  let charSpacing = 0;
  let rise = 0;
  let leading = 0;
  let pathData = "";
  const notShown = new Set<string>();
  const glyphPaths = new Map<string, string>();
  const out: string[] = [];
  let glyphs = 0;

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
        const key = `${fontName}:${code}`;
        let d = glyphPaths.get(key);
        if (d === undefined) {
          d = info.font.getGlyph(code).path.toSVG();
          glyphPaths.set(key, d);
        }
        if (d) {
          out.push(`<path fill="${state.fill}" transform="matrix(${glyphMatrix.map(fmt).join(" ")})" d="${d}"/>`);
          glyphs++;
        }
      } else {
        notShown.add("font");
      }
      const tx = (advance * fontSize + charSpacing) * hScale;
      tm = multiply([1, 0, 0, 1, tx, 0], tm);
    }
  };

  const operands: Token[] = [];
  const num = (k: number) => {
    const t = operands[operands.length - k];
    return t && t.kind === "number" ? t.value : 0;
  };
  for (const token of tokens) {
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
      case "g": state.fill = rgbHex(num(1), num(1), num(1)); break;
      case "rg": state.fill = rgbHex(num(3), num(2), num(1)); break;
      case "k": state.fill = colourFromCmyk(num(4), num(3), num(2), num(1)); break;
      case "G": state.stroke = rgbHex(num(1), num(1), num(1)); break;
      case "RG": state.stroke = rgbHex(num(3), num(2), num(1)); break;
      case "K": state.stroke = colourFromCmyk(num(4), num(3), num(2), num(1)); break;
      case "w": state.lineWidth = num(1); break;
      case "re": pathData += `M${fmt(num(4))} ${fmt(num(3))}h${fmt(num(2))}v${fmt(num(1))}h${fmt(-num(2))}Z`; break;
      case "m": pathData += `M${fmt(num(2))} ${fmt(num(1))}`; break;
      case "l": pathData += `L${fmt(num(2))} ${fmt(num(1))}`; break;
      case "c": pathData += `C${[6, 5, 4, 3, 2, 1].map((k) => fmt(num(k))).join(" ")}`; break;
      case "h": pathData += "Z"; break;
      case "f": case "F": case "f*":
        if (pathData) out.push(`<path fill="${state.fill}" transform="matrix(${state.ctm.map(fmt).join(" ")})" d="${pathData}"/>`);
        pathData = "";
        break;
      case "S": case "s":
        if (pathData) out.push(`<path fill="none" stroke="${state.stroke}" stroke-width="${fmt(state.lineWidth)}" transform="matrix(${state.ctm.map(fmt).join(" ")})" d="${pathData}"/>`);
        pathData = "";
        break;
      case "n": pathData = ""; break;
      case "Do": notShown.add("background"); break;
      default: break;
    }
    operands.length = 0;
  }

  const widthMm = width * PT_TO_MM;
  const heightMm = height * PT_TO_MM;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(widthMm)}mm" height="${fmt(heightMm)}mm" role="img">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g transform="matrix(1 0 0 -1 0 ${fmt(height)})">${out.join("")}</g></svg>`;
  return { svg, widthMm, heightMm, glyphs, notShown: [...notShown] };
}
