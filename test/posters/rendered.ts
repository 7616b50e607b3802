/** Rendering PDF pages to pixels with poppler's pdftoppm, for tests that look at what a reader sees. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const hasPoppler = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** A greyscale page: one byte a pixel (0 black, 255 white), row by row. */
export interface GreyPage {
  width: number;
  height: number;
  /** Pixels per mm. */
  scale: number;
  pixels: Uint8Array;
}

/** Renders page `page` (1-based) of a PDF at `dpi`, greyscale, with pdftoppm. */
export function renderGrey(pdf: Uint8Array, page: number, dpi: number): GreyPage {
  const dir = mkdtempSync(join(tmpdir(), "nafuda-render-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file, join(dir, "out")]);
    const bytes = readFileSync(join(dir, "out.pgm"));
    // P5 <width> <height> 255, then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString("latin1"))!;
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, scale: dpi / 25.4, pixels: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows (in mm from the page's top) that hold ink darker than `threshold` inside a rectangle given in mm. */
export function inkRows(page: GreyPage, box: { x: number; y: number; width: number; height: number }, threshold = 128): { top: number; bottom: number } | null {
  const x0 = Math.max(0, Math.floor(box.x * page.scale));
  const x1 = Math.min(page.width, Math.ceil((box.x + box.width) * page.scale));
  const y0 = Math.max(0, Math.floor(box.y * page.scale));
  const y1 = Math.min(page.height, Math.ceil((box.y + box.height) * page.scale));
  let first = -1;
  let last = -1;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (page.pixels[y * page.width + x]! < threshold) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  }
  return first < 0 ? null : { top: first / page.scale, bottom: (last + 1) / page.scale };
}

/** The page as RGBA (for jsQR). */
export function rgba(page: GreyPage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(page.width * page.height * 4);
  for (let i = 0; i < page.pixels.length; i++) {
    out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = page.pixels[i]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Words and their boxes (pt, from the top-left) as pdftotext -bbox reads them. */
export function wordBoxes(pdf: Uint8Array): { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const dir = mkdtempSync(join(tmpdir(), "nafuda-bbox-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
    const words: { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] = [];
    let page = 0;
    for (const line of html.split("\n")) {
      if (line.includes("<page ")) page++;
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (m) words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">") });
    }
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF (all pages or one), whitespace removed. */
export function pdfText(pdf: Uint8Array, page?: number): string {
  const dir = mkdtempSync(join(tmpdir(), "nafuda-text-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const args = page ? ["-f", String(page), "-l", String(page)] : [];
    return execFileSync("pdftotext", [...args, "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
