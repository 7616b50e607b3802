import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { renderBadgeSheets, renderBadgesToFile, writeBadgeSheets } from "../../src/badges/render-badges.js";
import { renderBadgesSplit, renderBadgesSplitToFolder } from "../../src/badges/split.js";
import { parseTemplate } from "../../src/badges/template.js";
import type { PdfSink } from "../../src/pdf/pdf-writer.js";
import { SAMPLE, staff } from "./staff-fixture.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-streaming-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 1,100 staff: enough pages (one badge a page with crop marks) that the writer hands its buffer on several times. */
const MANY = Array.from({ length: 1100 }, (_, i) => SAMPLE[i % SAMPLE.length]!).map((s, i) => staff(i + 1, s.surname, s.kana, s.romaji, s.record.department));

const hidden = (folder: string) => readdirSync(folder).filter((name) => name.startsWith("."));

describe("badges streamed to the output as the pages are made (issue 16)", () => {
  it("hands pages to the sink while later pages are still being made, and nothing of the document stays behind", async () => {
    let received = 0;
    let writes = 0;
    const sink: PdfSink = {
      write(chunk) {
        received += chunk.byteLength;
        writes++;
      },
    };
    const seen: Array<[page: number, bytes: number]> = [];
    const result = await writeBadgeSheets(MANY, sink, { template: "standard", cropMarks: true, onProgress: (done) => seen.push([done, received]) });
    expect(result.pages).toBe(1100);
    expect(writes).toBeGreaterThan(3);
    // Half-way through the pages, the sink already has a good part of the file, and not all of it.
    const [, half] = seen[549]!;
    expect(half).toBeGreaterThan(received * 0.2);
    expect(half).toBeLessThan(received * 0.8);
    // The same bytes as the in-memory form.
    const bytes = (await renderBadgeSheets(MANY, { template: "standard", cropMarks: true })).pdf;
    expect(bytes.byteLength).toBe(received);
  });

  it("renderBadgesToFile writes the same bytes as renderBadgeSheets returns, through a temporary file, and leaves none", async () => {
    const path = join(work, "badges.pdf");
    const options = { template: "standard-duplex", sheet: "a4-10up", duplex: true, cutGuides: true } as const;
    const result = await renderBadgesToFile(SAMPLE, path, options);
    expect(result).toMatchObject({ path, badges: SAMPLE.length, pages: 4, errors: [], warnings: [] });
    const inMemory = await renderBadgeSheets(SAMPLE, options);
    expect(Buffer.compare(readFileSync(path), Buffer.from(inMemory.pdf))).toBe(0);
    expect(result.bytes).toBe(inMemory.pdf.byteLength);
    expect(hidden(work)).toEqual([]);
    expect((await PDFDocument.load(readFileSync(path))).getPageCount()).toBe(4);
  });

  it("writes PDF 1.4 with a classic cross-reference table: no object streams, no cross-reference stream", async () => {
    const text = Buffer.from((await renderBadgeSheets(SAMPLE, { template: "standard" })).pdf).toString("latin1");
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text).toMatch(/\nxref\n0 \d+\n0000000000 65535 f\r\n/);
    expect(text).toMatch(/\ntrailer\n<< \/Size \d+ \/Root \d+ 0 R \/Info \d+ 0 R >>\nstartxref\n\d+\n%%EOF\n$/);
    expect(text).not.toMatch(/\/ObjStm|\/Type \/XRef|\/ID \[|CreationDate|ModDate/);
  });

  it("a run that fails part way leaves the previous file as it was and no temporary file", async () => {
    const folder = mkdtempSync(join(work, "fail-"));
    const path = join(folder, "badges.pdf");
    writeFileSync(path, "the previous badges");
    const stop = new Error("stopped at page 50");
    await expect(
      renderBadgesToFile(MANY, path, { template: "standard", cropMarks: true, onProgress: (done) => { if (done === 50) throw stop; } }),
    ).rejects.toBe(stop);
    expect(readFileSync(path, "utf8")).toBe("the previous badges");
    expect(readdirSync(folder)).toEqual(["badges.pdf"]);
  });

  it("writes nothing (and keeps a previous file) when no row can be printed", async () => {
    const folder = mkdtempSync(join(work, "none-"));
    const path = join(folder, "badges.pdf");
    writeFileSync(path, "the previous badges");
    const template = parseTemplate({
      name: "kanji", width: 91, height: 55,
      fields: [{ source: "surname", x: 5, y: 5, width: 81, height: 20, font: "BIZUDGothic-Bold", sizePt: { max: 40, min: 20 } }],
    });
    const result = await renderBadgesToFile([staff(1, "𠮷田", "よしだ", "Yoshida", "総務課")], path, { template });
    expect(result.badges).toBe(0);
    expect(result.path).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(readFileSync(path, "utf8")).toBe("the previous badges");
    expect(readdirSync(folder)).toEqual(["badges.pdf"]);
  });

  it("renderBadgesSplitToFolder writes each group's PDF as renderBadgesSplit makes it, and the same index", async () => {
    const folder = join(work, "split");
    const written = await renderBadgesSplitToFolder(SAMPLE, "所属", folder, { template: "standard" });
    const inMemory = await renderBadgesSplit(SAMPLE, "所属", { template: "standard" });
    expect(written.index).toBe(inMemory.index);
    expect(readFileSync(join(folder, "index.csv"), "utf8")).toBe(inMemory.index);
    expect(written.files.map((f) => f.fileName)).toEqual(inMemory.files.map((f) => f.fileName));
    for (const [i, file] of inMemory.files.entries()) {
      expect(written.files[i]).toMatchObject({ key: file.key, badges: file.badges, pages: file.pages, path: join(folder, file.fileName), bytes: file.pdf.byteLength });
      expect(Buffer.compare(readFileSync(join(folder, file.fileName)), Buffer.from(file.pdf)), file.fileName).toBe(0);
    }
    expect(readdirSync(folder).sort()).toEqual([...inMemory.files.map((f) => f.fileName), "index.csv"].sort());
  });

  it("a split that fails part way renames nothing into the folder and leaves no temporary file", async () => {
    const folder = join(work, "split-fail");
    const progress = (done: number) => {
      if (done === 2) throw new Error("stopped after two groups");
    };
    await expect(renderBadgesSplitToFolder(SAMPLE, "所属", folder, { template: "standard", onProgress: progress })).rejects.toThrow(/two groups/);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});
