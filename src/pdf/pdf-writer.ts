import { createHash, type Hash } from "node:crypto";
import { dict, hexBytes, int, ref } from "./pdf-syntax.js";

/**
 * A PDF written front to back as its objects are made (PDF 32000-1 §7.5): header, indirect objects in any order,
 * a classic cross-reference TABLE and trailer at the end. pdf-lib holds the whole document until save() (about 1 GB
 * at 100,000 badges); this keeps only each object's offset (20 bytes of xref each), so memory does not grow with the
 * document.
 *
 * The structure is PDF 1.4's: no object streams and no cross-reference streams (PDF/X-1a forbids them). What later
 * needs adding goes through the same calls: an OutputIntent or XMP metadata are objects the catalog names
 * (`finish({ catalog })`), Info dates are Info entries, page boxes are page entries, and `/ID` is `finish({ id })`,
 * either given or derived from the bytes written ("content"), never from the clock or randomness: identical input
 * gives identical bytes.
 *
 * Objects are either PDF text (pdf-syntax.ts) or pdf-lib core objects (`PdfLibObject`: anything with sizeInBytes and
 * copyBytesInto, e.g. a background page embedded by pdf-lib), so pdf-lib's objects stream through the same writer.
 */

/** Where the bytes go: a file being written (io/atomic-write.ts openAtomicOutput) or memory (BytesSink). */
export interface PdfSink {
  write(chunk: Uint8Array): Promise<void> | void;
}

/** A sink that keeps the bytes in memory: for small jobs, the web page and tests. */
export class BytesSink implements PdfSink {
  private chunks: Uint8Array[] = [];
  private length = 0;

  write(chunk: Uint8Array): void {
    // The writer reuses its buffer: keep a copy.
    this.chunks.push(Uint8Array.prototype.slice.call(chunk));
    this.length += chunk.byteLength;
  }

  /** Everything written, as one array. */
  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    this.chunks = [out];
    return out;
  }
}

/** A pdf-lib core object (PDFDict, PDFRawStream, …): serialised by pdf-lib itself. */
export interface PdfLibObject {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}

export type PdfVersion = "1.4" | "1.5" | "1.6" | "1.7";

export interface PdfWriterOptions {
  /** The header's version (default 1.4). An OpenType (CFF) FontFile3 needs 1.6. */
  version?: PdfVersion;
  /**
   * The first object number this writer hands out (default 1). Numbers below it belong to objects made elsewhere with
   * their own numbering (a pdf-lib context holding a background page), written with `writePdfLib` under those numbers.
   */
  firstObjectNumber?: number;
  /** Bytes kept before they go to the sink (default 256 KB). */
  bufferBytes?: number;
  /** Hash every byte from the first, so that `finish` can be given `id: "content"`. */
  contentId?: boolean;
}

export interface PdfTrailer {
  /** The catalog's object number. */
  root: number;
  /** The document information dictionary's object number. */
  info?: number;
  /** /ID: two byte strings, or "content" for both the MD5 of every byte before the cross-reference table. */
  id?: "content" | [Uint8Array, Uint8Array];
}

const encoder = new TextEncoder();

export class PdfWriter {
  private readonly offsets: number[] = [];
  private position = 0;
  private nextNumber: number;
  private readonly buffer: Uint8Array;
  private fill = 0;
  /** Chunks waiting for the sink, in order, before the buffer's own bytes. */
  private pending: Uint8Array[] = [];
  private hash: Hash | undefined;
  private finished = false;

  constructor(
    private readonly sink: PdfSink,
    options: PdfWriterOptions = {},
  ) {
    this.nextNumber = Math.max(1, options.firstObjectNumber ?? 1);
    this.buffer = new Uint8Array(options.bufferBytes ?? 256 * 1024);
    if (options.contentId) this.hash = createHash("md5");
    // The binary comment (four bytes above 127) tells transfer programs that the file is binary (§7.5.2).
    this.appendText(`%PDF-${options.version ?? "1.4"}\n%\u00e2\u00e3\u00cf\u00d3\n`);
  }

  /** Bytes written so far (the offset of the next object). */
  get size(): number {
    return this.position;
  }

  /**
   * The MD5 of every byte written so far (the writer must have been made with `contentId`): a document id that
   * derives from the content, for XMP metadata written before the end.
   */
  digestSoFar(): Uint8Array {
    if (!this.hash) throw new Error("PdfWriter: a content ID must be asked for when the writer is made");
    return new Uint8Array(this.hash.copy().digest());
  }

  /** Reserves an object number, for an object written later (a page's /Parent before the page tree is known). */
  reserve(): number {
    return this.nextNumber++;
  }

  /** Writes object `objectNumber` from PDF text (pdf-syntax.ts). */
  async writeObject(objectNumber: number, body: string): Promise<void> {
    this.begin(objectNumber);
    this.appendText(`${objectNumber} 0 obj\n${body}\nendobj\n`);
    await this.drain();
  }

  /**
   * Writes a stream object: `entries` (PDF text, without /Length) and the stream's bytes as they are (already
   * compressed when `entries` names a /Filter).
   */
  async writeStream(objectNumber: number, entries: Record<string, string | undefined>, data: Uint8Array): Promise<void> {
    this.begin(objectNumber);
    this.appendText(`${objectNumber} 0 obj\n${dict({ ...entries, Length: int(data.byteLength) })}\nstream\n`);
    await this.appendBytes(data);
    this.appendText("\nendstream\nendobj\n");
    await this.drain();
  }

  /** Writes a pdf-lib core object (a dictionary, array, stream…) as object `objectNumber`, serialised by pdf-lib. */
  async writePdfLib(objectNumber: number, object: PdfLibObject): Promise<void> {
    this.begin(objectNumber);
    this.appendText(`${objectNumber} 0 obj\n`);
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    await this.appendBytes(bytes);
    this.appendText("\nendobj\n");
    await this.drain();
  }

  /** The cross-reference table and trailer; then everything is handed to the sink. No object can follow. */
  async finish(trailer: PdfTrailer): Promise<void> {
    if (this.finished) throw new Error("PdfWriter: finished already");
    let id = trailer.id === "content" ? undefined : trailer.id;
    if (trailer.id === "content") {
      if (!this.hash) throw new Error("PdfWriter: a content ID must be asked for when the writer is made");
      const digest = new Uint8Array(this.hash.digest());
      this.hash = undefined;
      id = [digest, digest];
    }
    const count = Math.max(this.nextNumber, this.offsets.length);
    const xrefAt = this.position;
    // Free entries form a linked list from object 0 (§7.5.4): each names the next free number, the last names 0.
    const free: number[] = [];
    for (let n = 1; n < count; n++) if (this.offsets[n] === undefined) free.push(n);
    const nextFree = new Map<number, number>();
    let previous = 0;
    for (const n of free) {
      nextFree.set(previous, n);
      previous = n;
    }
    nextFree.set(previous, 0);
    let table = `xref\n0 ${count}\n`;
    const entry = (offset: number, generation: number, kind: "n" | "f") =>
      `${String(offset).padStart(10, "0")} ${String(generation).padStart(5, "0")} ${kind}\r\n`;
    table += entry(nextFree.get(0) ?? 0, 65535, "f");
    for (let n = 1; n < count; n++) {
      const offset = this.offsets[n];
      table += offset === undefined ? entry(nextFree.get(n) ?? 0, 0, "f") : entry(offset, 0, "n");
      if (table.length > 64 * 1024) {
        this.appendText(table);
        await this.drain();
        table = "";
      }
    }
    this.appendText(table);
    const entries: Record<string, string | undefined> = {
      Size: int(count),
      Root: ref(trailer.root),
      Info: trailer.info !== undefined ? ref(trailer.info) : undefined,
      ID: id ? `[${hexBytes(id[0])} ${hexBytes(id[1])}]` : undefined,
    };
    this.appendText(`trailer\n${dict(entries)}\nstartxref\n${xrefAt}\n%%EOF\n`);
    this.finished = true;
    await this.flush();
  }

  private begin(objectNumber: number): void {
    if (this.finished) throw new Error("PdfWriter: finished already");
    if (!Number.isInteger(objectNumber) || objectNumber < 1) throw new Error(`PdfWriter: bad object number ${objectNumber}`);
    if (this.offsets[objectNumber] !== undefined) throw new Error(`PdfWriter: object ${objectNumber} written twice`);
    this.offsets[objectNumber] = this.position;
  }

  private appendText(text: string): void {
    // Object text is ASCII (names escape, strings are hex); latin1 keeps the header's binary comment as its bytes.
    const ascii = /^[\x00-\x7f]*$/.test(text);
    const bytes = ascii ? encoder.encode(text) : Buffer.from(text, "latin1");
    this.hash?.update(bytes);
    if (this.fill + bytes.byteLength > this.buffer.byteLength) {
      // Rare: a text larger than what is left (a large W array or page tree). Keep it in order.
      this.pending.push(this.buffer.slice(0, this.fill), bytes);
      this.fill = 0;
    } else {
      this.buffer.set(bytes, this.fill);
      this.fill += bytes.byteLength;
    }
    this.position += bytes.byteLength;
  }

  private async appendBytes(bytes: Uint8Array): Promise<void> {
    this.hash?.update(bytes);
    if (bytes.byteLength > this.buffer.byteLength - this.fill) {
      this.pending.push(this.buffer.slice(0, this.fill), bytes);
      this.fill = 0;
      this.position += bytes.byteLength;
      await this.drain();
      return;
    }
    this.buffer.set(bytes, this.fill);
    this.fill += bytes.byteLength;
    this.position += bytes.byteLength;
  }

  /** Hands pending chunks to the sink; the buffer too when it is more than half full. */
  private async drain(): Promise<void> {
    if (this.pending.length > 0 || this.fill > this.buffer.byteLength / 2) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunks = this.pending;
    this.pending = [];
    // The buffer is reused once the sink has taken it (a sink that keeps bytes copies them: BytesSink).
    if (this.fill > 0) chunks.push(this.buffer.subarray(0, this.fill));
    for (const chunk of chunks) if (chunk.byteLength > 0) await this.sink.write(chunk);
    this.fill = 0;
  }
}
