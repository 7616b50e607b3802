import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFRawStream, rgb } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { BackgroundLayoutError, parseBackgroundLayout } from "../../src/posters/background-layout.js";
import { mmToPt } from "../../src/geometry/units.js";
import { bundledPath } from "../../src/package-root.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-layout-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const issues = (data: unknown) => {
  try {
    parseBackgroundLayout(data, "layout.yaml");
    return [];
  } catch (error) {
    return (error as BackgroundLayoutError).issues;
  }
};

describe("the layout file for a city's own poster artwork", () => {
  it("reads pages (1-based for people, 0-based inside) and content boxes in mm", () => {
    expect(parseBackgroundLayout({ pages: { A4: 1, b2: 2 }, contentBoxes: { A4: { x: 15, y: 60, width: 180, height: 200 } } }, "l.yaml")).toEqual({
      pages: { A4: 0, B2: 1 },
      contentBoxes: { A4: { x: 15, y: 60, width: 180, height: 200 } },
    });
  });

  it.each([
    [{ page: { A4: 1 } }, 'unknown key "page" (did you mean "pages"?)'],
    [{ pages: { A5: 1 } }, "pages.A5: unknown size"],
    [{ pages: { A4: 0 } }, "pages.A4 must be a page number from 1"],
    [{ contentBoxes: { A4: { x: 10, y: 10, widht: 100, height: 100 } } }, 'contentBoxes.A4.widht: unknown key (did you mean "width"?)'],
    [{ contentBoxes: { A4: { x: 100, y: 10, width: 150, height: 100 } } }, "does not lie inside the 210 × 297 mm page"],
  ])("%j → %s", (data, message) => {
    expect(issues(data).join("\n")).toContain(message);
  });

  it("puts the text inside the content box over the artwork (nafuda posters --background --layout)", async () => {
    const art = await PDFDocument.create();
    const page = art.addPage([mmToPt(210), mmToPt(297)]);
    page.drawRectangle({ x: 0, y: mmToPt(297 - 50), width: mmToPt(210), height: mmToPt(50), color: rgb(0.1, 0.4, 0.3) });
    writeFileSync(join(work, "art.pdf"), await art.save());
    writeFileSync(join(work, "layout.yaml"), "contentBoxes:\n  A4: { x: 20, y: 70, width: 170, height: 200 }\n");
    writeFileSync(join(work, "facilities.csv"), "施設名,対策,サイズ\n北公民館,end-conversation police,A4\n");
    const tsx = pathToFileURL(bundledPath("node_modules", "tsx", "dist", "loader.mjs")).href;
    const run = spawnSync(process.execPath, ["--import", tsx, bundledPath("src", "cli", "main.ts"), "posters", "facilities.csv",
      "--policy", bundledPath("examples", "policy.yaml"), "--background", "art.pdf", "--layout", "layout.yaml", "-o", "out"], { cwd: work, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const pdf = await PDFDocument.load(readFileSync(join(work, "out", "北公民館.pdf")));
    expect(pdf.getPageCount()).toBe(1);
    // Every text-showing operation sits inside the box: x from 20 mm, y (from the top) from 70 mm.
    const content = new TextDecoder().decode(await extractContent(pdf));
    const positions = [...content.matchAll(/([\d.]+) ([\d.]+) Td|1 0 0 1 ([\d.]+) ([\d.]+) Tm|[\d.]+ 0 0 [\d.]+ ([\d.]+) ([\d.]+) Tm/g)]
      .map((m) => [Number(m[1] ?? m[3] ?? m[5]), Number(m[2] ?? m[4] ?? m[6])] as const);
    expect(positions.length).toBeGreaterThan(5);
    for (const [x, y] of positions) {
      expect(x).toBeGreaterThanOrEqual(mmToPt(20) - 0.5);
      expect(y).toBeLessThanOrEqual(mmToPt(297 - 70) + 0.5);
    }
  });

  it("refuses --layout without --background", () => {
    const tsx = pathToFileURL(bundledPath("node_modules", "tsx", "dist", "loader.mjs")).href;
    const run = spawnSync(process.execPath, ["--import", tsx, bundledPath("src", "cli", "main.ts"), "posters", "f.csv", "--policy", "p.yaml", "--layout", "layout.yaml", "-o", "out"], { cwd: work, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("--layout describes a --background PDF");
  });
});

/** The page's content stream(s), inflated. */
async function extractContent(pdf: PDFDocument): Promise<Uint8Array> {
  const contents = pdf.getPage(0).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
  const parts = streams.filter((s): s is PDFRawStream => s instanceof PDFRawStream).map((s) => {
    try { return inflateSync(s.contents); } catch { return Buffer.from(s.contents); }
  });
  return Buffer.concat(parts);
}
