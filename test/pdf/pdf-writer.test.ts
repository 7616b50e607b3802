import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFString } from "pdf-lib";
import { BytesSink, PdfWriter } from "../../src/pdf/pdf-writer.js";
import { array, dict, exact, literal, name, ref, textString } from "../../src/pdf/pdf-syntax.js";

/** A two-page document written through the streaming writer, objects out of number order on purpose. */
async function twoPages(options: { id?: "content"; chunk?: number } = {}) {
  const sink = new BytesSink();
  const writer = new PdfWriter(sink, { ...(options.id ? { contentId: true } : {}), ...(options.chunk ? { bufferBytes: options.chunk } : {}) });
  const pages = writer.reserve();
  const kids: number[] = [];
  for (const text of ["one", "two"]) {
    const content = writer.reserve();
    await writer.writeStream(content, {}, Buffer.from(`BT /F1 12 Tf 10 10 Td (${text}) Tj ET`, "latin1"));
    const page = writer.reserve();
    await writer.writeObject(page, dict({ Type: name("Page"), Parent: ref(pages), MediaBox: "[0 0 200 100]", Contents: ref(content) }));
    kids.push(page);
  }
  await writer.writeObject(pages, dict({ Type: name("Pages"), Kids: array(kids.map(ref)), Count: String(kids.length) }));
  const catalog = writer.reserve();
  await writer.writeObject(catalog, dict({ Type: name("Catalog"), Pages: ref(pages) }));
  const info = writer.reserve();
  await writer.writeObject(info, dict({ Title: textString("名札 総務課"), Producer: literal("nafuda") }));
  await writer.finish({ root: catalog, info, ...(options.id ? { id: options.id } : {}) });
  return sink.bytes();
}

/** Every xref entry of a classic table, with the offset checked to point at "N 0 obj". */
function xrefEntries(bytes: Uint8Array): { count: number; inUse: number[]; free: number[] } {
  const text = Buffer.from(bytes).toString("latin1");
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 5)).toBe("xref\n");
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
  const count = Number(header[1]);
  const table = text.slice(startxref + header[0].length, startxref + header[0].length + count * 20);
  const inUse: number[] = [];
  const free: number[] = [];
  for (let n = 0; n < count; n++) {
    const entry = table.slice(n * 20, n * 20 + 20);
    expect(entry, `entry ${n}`).toMatch(/^\d{10} \d{5} [nf]\r\n$/);
    if (entry[17] === "n") {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${n} 0 obj`.length), `object ${n} at ${offset}`).toBe(`${n} 0 obj`);
      inUse.push(n);
    } else {
      free.push(n);
    }
  }
  return { count, inUse, free };
}

describe("PdfWriter: a PDF written as its objects are made", () => {
  it("writes a classic cross-reference table and trailer (no object or xref streams) that pdf-lib and qpdf read", async () => {
    const bytes = await twoPages();
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n")).toBe(true);
    expect(text).not.toMatch(/\/ObjStm|\/XRef|\/ID/);
    const { count, inUse, free } = xrefEntries(bytes);
    expect(count).toBe(8);
    expect(inUse).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(free).toEqual([0]);
    expect(text).toMatch(/trailer\n<< \/Size 8 \/Root 6 0 R \/Info 7 0 R >>\nstartxref\n\d+\n%%EOF\n$/);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe("名札 総務課");
    expect(doc.getPage(1).getSize()).toEqual({ width: 200, height: 100 });
    try {
      execFileSync("qpdf", ["--version"], { stdio: "ignore" });
    } catch {
      return; // qpdf is not installed here: pdf-lib's reading above is the check
    }
    const file = join(mkdtempSync(join(tmpdir(), "nafuda-writer-")), "two.pdf");
    writeFileSync(file, bytes);
    const check = execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect(check).toMatch(/No syntax or stream encoding errors found/);
  });

  it("gives the same bytes whatever its buffer size (the sink sees them in pieces)", async () => {
    const whole = await twoPages();
    for (const chunk of [16, 100, 4096]) expect(Buffer.compare(Buffer.from(await twoPages({ chunk })), Buffer.from(whole))).toBe(0);
  });

  it("derives /ID from the bytes when asked, never from the clock: same input, same ID", async () => {
    const a = Buffer.from(await twoPages({ id: "content" })).toString("latin1");
    const b = Buffer.from(await twoPages({ id: "content" })).toString("latin1");
    expect(a).toBe(b);
    const id = /\/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]/.exec(a)!;
    expect(id[1]).toBe(id[2]);
    const { createHash } = await import("node:crypto");
    const body = a.slice(0, Number(/startxref\n(\d+)/.exec(a)![1]));
    expect(id[1]).toBe(createHash("md5").update(Buffer.from(body, "latin1")).digest("hex").toUpperCase());
  });

  it("numbers its own objects after objects made elsewhere, writes pdf-lib objects as pdf-lib serialises them, and lists unused numbers as free", async () => {
    const doc = await PDFDocument.create();
    const foreign = doc.context.obj({ Type: "XObject", Subtype: "Form", BBox: [0, 0, 10, 10], Note: PDFString.of("(a)") });
    const sink = new BytesSink();
    const writer = new PdfWriter(sink, { firstObjectNumber: 4, version: "1.6" });
    await writer.writePdfLib(2, foreign); // 1 and 3 never written: free
    const pages = writer.reserve();
    expect(pages).toBe(4);
    await writer.writeObject(pages, dict({ Type: name("Pages"), Kids: "[]", Count: "0" }));
    const catalog = writer.reserve();
    await writer.writeObject(catalog, dict({ Type: name("Catalog"), Pages: ref(pages) }));
    await writer.finish({ root: catalog });
    const bytes = sink.bytes();
    expect(Buffer.from(bytes).subarray(0, 8).toString("latin1")).toBe("%PDF-1.6");
    const { inUse, free } = xrefEntries(bytes);
    expect(inUse).toEqual([2, 4, 5]);
    expect(free).toEqual([0, 1, 3]);
    // The free list is linked: 0 → 1 → 3 → 0.
    const text = Buffer.from(bytes).toString("latin1");
    const table = text.slice(text.lastIndexOf("xref\n0 6\n") + "xref\n0 6\n".length);
    expect(table.slice(0, 20)).toBe("0000000001 65535 f\r\n");
    expect(table.slice(20, 40)).toBe("0000000003 00000 f\r\n");
    expect(table.slice(60, 80)).toBe("0000000000 00000 f\r\n");
    const read = await PDFDocument.load(bytes);
    const form = [...read.context.enumerateIndirectObjects()].find(([r]) => r.objectNumber === 2)![1] as PDFDict;
    expect(form.get(PDFName.of("Subtype"))).toBe(PDFName.of("Form"));
    expect((form.get(PDFName.of("BBox")) as unknown as { get(i: number): PDFNumber }).get(2).asNumber()).toBe(10);
  });

  it("refuses to write an object twice or after the end", async () => {
    const writer = new PdfWriter(new BytesSink());
    const n = writer.reserve();
    await writer.writeObject(n, "null");
    await expect(writer.writeObject(n, "null")).rejects.toThrow(/twice/);
    await writer.finish({ root: n });
    await expect(writer.writeObject(writer.reserve(), "null")).rejects.toThrow(/finished/);
  });
});

describe("pdf-syntax", () => {
  it("writes names, strings and numbers as pdf-lib does", () => {
    expect(name("FlateDecode")).toBe("/FlateDecode");
    expect(name("ABCDEF+BIZ UD(Gothic)")).toBe("/ABCDEF+BIZ#20UD#28Gothic#29");
    expect(name("総")).toBe("/#E7#B7#8F");
    expect(literal("a(b)\\c")).toBe("(a\\(b\\)\\\\c)");
    expect(textString("名札")).toBe("<FEFF540D672D>");
    expect(exact(595.2755905511812)).toBe("595.2755905511812");
    expect(exact(1e-7)).toBe("0.0000001");
    expect(exact(-0)).toBe("0");
    expect(() => exact(Number.NaN)).toThrow();
  });
});
