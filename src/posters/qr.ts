/**
 * QR codes for the link to the full policy, made by lean-qr (ISO 18004 encoder, no dependencies) and drawn by
 * nafuda as vector squares. Error correction M (15 %): a poster may get scratched or bent.
 */
import { correction, generate } from "lean-qr";

/** The modules of a QR code, row by row (true = dark), without the quiet zone. */
export interface QrMatrix {
  /** Modules per side. */
  count: number;
  dark: boolean[];
}

/** Modules of white around the code that scanners need (ISO 18004: 4). */
export const QR_QUIET_ZONE = 4;

const cache = new Map<string, QrMatrix>();

/** The QR code of `text` (cached). */
export function qrMatrix(text: string): QrMatrix {
  let matrix = cache.get(text);
  if (!matrix) {
    const code = generate(text, { minCorrectionLevel: correction.M });
    const dark: boolean[] = [];
    for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) dark.push(code.get(x, y));
    matrix = { count: code.size, dark };
    if (cache.size > 200) cache.clear();
    cache.set(text, matrix);
  }
  return matrix;
}

/** Runs of dark modules per row as [x, y, length] in modules: what is drawn (one rectangle per run). */
export function qrRuns(matrix: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let y = 0; y < matrix.count; y++) {
    let x = 0;
    while (x < matrix.count) {
      if (!matrix.dark[y * matrix.count + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < matrix.count && matrix.dark[y * matrix.count + end]) end++;
      runs.push([x, y, end - x]);
      x = end;
    }
  }
  return runs;
}
