import { Inflate } from "fflate";

/**
 * Reading parts out of a ZIP file (an XLSX workbook) within bounds: the central directory is read first, so the
 * number of parts is known before anything is inflated; only the parts asked for are inflated at all, in chunks,
 * and inflating stops as soon as a part outgrows its limit. A zip bomb costs its compressed size, not its claims.
 * Inflating is fflate's (raw DEFLATE, streaming); the container is parsed here because fflate's own unzip
 * inflates every part it is given whole.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the directory claims; never trusted for allocation. */
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {
  override name = "ZipFormatError";
}

/** A part inflated beyond the limit it was read with. */
export class ZipPartTooLargeError extends Error {
  override name = "ZipPartTooLargeError";
  constructor(readonly part: string, readonly limit: number) {
    super(`${part} inflates beyond ${limit} bytes`);
  }
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The entries of the central directory; throws ZipFormatError when there is none, or more than `maxEntries`. */
export function zipEntries(bytes: Uint8Array, maxEntries: number): { entries: ZipEntry[]; count: number } {
  const eocd = findEndOfDirectory(bytes);
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw new ZipFormatError("ZIP64 end record missing");
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) throw new ZipFormatError("ZIP64 end record damaged");
    count = u64(bytes, record + 32);
    size = u64(bytes, record + 40);
    offset = u64(bytes, record + 48);
  }
  if (count > maxEntries) return { entries: [], count };
  if (offset + size > bytes.length) throw new ZipFormatError("central directory outside the file");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipFormatError("central directory damaged");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let entrySize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(nameBytes);
    // ZIP64 sizes and offset, in that order, for the fields that overflowed.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (entrySize === 0xffffffff) (entrySize = u64(bytes, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, field)), (field += 8);
        if (localOffset === 0xffffffff) localOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, size: entrySize, localOffset });
    at = extraEnd + commentLength;
  }
  return { entries, count };
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return at;
  }
  throw new ZipFormatError("no ZIP directory (the file is cut short or not a ZIP)");
}

const CHUNK = 16 * 1024;

/**
 * Inflates one entry, handing the bytes to `onData` as they come; stops with ZipPartTooLargeError once more than
 * `maxBytes` came out. Throws ZipFormatError for an encrypted part, an unknown method or broken data.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, onData: (chunk: Uint8Array) => void): void {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipFormatError(`${entry.name}: local header damaged`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} runs past the end of the file`);
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZipPartTooLargeError(entry.name, maxBytes);
    if (chunk.length > 0) onData(chunk);
  };
  if (entry.method === 0) {
    for (let from = start; from < end; from += CHUNK) take(bytes.subarray(from, Math.min(end, from + CHUNK)));
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method} is not supported`);
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    take(chunk);
    if (final) finished = true;
  });
  try {
    for (let from = start; from < end && !finished; from += CHUNK) {
      const to = Math.min(end, from + CHUNK);
      inflate.push(bytes.subarray(from, to), to === end);
    }
  } catch (error) {
    if (error instanceof ZipPartTooLargeError) throw error;
    throw new ZipFormatError(`${entry.name}: ${(error as Error).message}`);
  }
  if (!finished) throw new ZipFormatError(`${entry.name}: compressed data cut short`);
}

/**
 * Sets every part's modification time to 1980-01-01 00:00 (the ZIP epoch), in the local headers and the central
 * directory, so that a workbook made twice from the same rows is the same bytes. Patches `bytes` and returns it.
 */
export function normalizeZipTimes(bytes: Uint8Array): Uint8Array {
  const { entries } = zipEntries(bytes, Number.MAX_SAFE_INTEGER);
  const put16 = (at: number, value: number) => ((bytes[at] = value & 0xff), (bytes[at + 1] = value >> 8));
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const entry of entries) {
    put16(entry.localOffset + 10, 0);
    put16(entry.localOffset + 12, DOS_DATE);
  }
  const eocd = findEndOfDirectory(bytes);
  let at = u32(bytes, eocd + 16);
  for (let i = 0; i < entries.length; i++) {
    put16(at + 12, 0);
    put16(at + 14, DOS_DATE);
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return bytes;
}
