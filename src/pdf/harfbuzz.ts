import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * HarfBuzz's subsetter (hb-subset, WebAssembly), called the way the npm package subset-font calls it with
 * `{ targetFormat: "sfnt", noLayoutClosure: true }` — every layout feature kept, no layout closure, the code points
 * given — so the subsets are byte for byte the ones subset-font makes. The same WebAssembly module, found through
 * subset-font (the dependency that brings it), without subset-font's wrapper: that loads fontverter, wawoff2 and pako
 * for WOFF conversions nafuda never asks for (~60 ms of every start), and re-reads the whole font into HarfBuzz for
 * each subset. Here the font's face is made once and kept for the run (a split makes a subset per group).
 */

/** The WebAssembly API (this project's TypeScript lib has no DOM types). */
const wasm = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> } }).WebAssembly;

interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x00000200;

let loading: Promise<HarfBuzz> | undefined;

/** The hb-subset module subset-font uses: node_modules/harfbuzzjs as subset-font itself resolves it. */
function wasmPath(): string {
  const fromHere = createRequire(import.meta.url);
  const subsetFont = fromHere.resolve("subset-font");
  return createRequire(subsetFont).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
}

function harfBuzz(): Promise<HarfBuzz> {
  loading ??= (async () => {
    const { instance } = await wasm.instantiate(await readFile(wasmPath()));
    const exports = instance.exports as unknown as HarfBuzz;
    exports._initialize();
    return exports;
  })();
  return loading;
}

/**
 * Starts reading and compiling the module now (V8 compiles it on background threads), for a caller that will
 * subset soon and has other work meanwhile. A failure shows at the first hbSubset.
 */
export function warmUpHarfBuzz(): void {
  harfBuzz().catch(() => undefined);
}

/** Faces made, by font bytes: a few fonts per run, each copied into HarfBuzz's memory once. */
const faces = new Map<Uint8Array, { face: number; buffer: number }>();
const MAX_FACES = 4;

function faceFor(hb: HarfBuzz, font: Uint8Array): number {
  const known = faces.get(font);
  if (known) return known.face;
  if (faces.size >= MAX_FACES) {
    const [oldest, entry] = faces.entries().next().value as [Uint8Array, { face: number; buffer: number }];
    hb.hb_face_destroy(entry.face);
    hb.free(entry.buffer);
    faces.delete(oldest);
  }
  const buffer = hb.malloc(font.byteLength);
  if (buffer === 0) throw new Error("HarfBuzz could not allocate memory for the font");
  new Uint8Array(hb.memory.buffer).set(font, buffer);
  const blob = hb.hb_blob_create(buffer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  faces.set(font, { face, buffer });
  return face;
}

/** Runs one at a time: HarfBuzz's memory is shared by every call. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The subset of `font` (TrueType/OpenType bytes) with the glyphs of `codePoints`, as TrueType/OpenType bytes. Throws
 * (a plain Error, for the caller to name the font) when HarfBuzz cannot subset the font.
 */
export function hbSubset(font: Uint8Array, codePoints: Iterable<number>): Promise<Uint8Array> {
  const run = queue.then(async () => {
    const hb = await harfBuzz();
    const face = faceFor(hb, font);
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error("hb_subset_input_create_or_fail (harfbuzz) returned zero, indicating failure");
    let subset = 0;
    try {
      // Every layout feature (subset-font's default, HarfBuzz's --layout-features=*).
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      hb.hb_set_invert(features);
      hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
      subset = hb.hb_subset_or_fail(face, input);
    } finally {
      hb.hb_subset_input_destroy(input);
    }
    if (subset === 0) throw new Error("hb_subset_or_fail (harfbuzz) returned zero, indicating failure. Maybe the input file is corrupted?");
    const blob = hb.hb_face_reference_blob(subset);
    try {
      const offset = hb.hb_blob_get_data(blob, 0);
      const length = hb.hb_blob_get_length(blob);
      if (length === 0) throw new Error("Failed to create subset font, maybe the input file is corrupted?");
      // A copy: HarfBuzz's memory is reused (and may grow, detaching views) by the next call.
      return new Uint8Array(hb.memory.buffer, offset, length).slice();
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
