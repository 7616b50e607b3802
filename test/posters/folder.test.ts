import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { makePosters, PosterBatchError } from "../../src/posters/batch.js";
import { readFacilities, toFacility } from "../../src/posters/facilities.js";
import { makePosterFolder, posterFolderZip } from "../../src/posters/folder.js";
import { loadPolicy } from "../../src/posters/policy.js";
import { makeSigns } from "../../src/signs/batch.js";
import { thrownBy } from "../helpers/errors.js";
import { unzip } from "../helpers/unzip.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-poster-folder-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const policy = await loadPolicy(bundledPath("examples", "policy.yaml"));
const list = await readFacilities(bundledPath("examples", "facilities.csv"), { policy });
const asOf = { year: 2025, month: 3, day: 1 };

describe("the print order in memory (the web page's download)", async () => {
  const folder = await makePosterFolder(policy, list.facilities, { asOf });

  it("is file for file, byte for byte, what nafuda posters and then nafuda signs leave in their folder", async () => {
    const out = join(work, "cli");
    await makePosters(policy, list.facilities, out, { asOf });
    await makeSigns(policy, list.facilities, out, { asOf });
    expect(folder.files.map((f) => f.name).sort()).toEqual(readdirSync(out).sort());
    for (const file of folder.files) expect(Buffer.from(file.bytes).equals(readFileSync(join(out, file.name))), file.name).toBe(true);
  });

  it("lists each facility's posters and signs in list order, then the manifest with the sign lines, then the summary", () => {
    const names = folder.files.map((f) => f.name);
    expect(names.slice(0, 5)).toEqual(["本庁舎_市民課窓口.pdf", "本庁舎_市民課窓口__窓口標識.pdf", "本庁舎_税務課窓口.pdf", "本庁舎_税務課窓口__窓口標識.pdf", "本庁舎_税務課窓口__電話シール.pdf"]);
    expect(names.slice(-2)).toEqual(["_order-manifest.csv", "_order-summary.pdf"]);
    const manifest = new TextDecoder().decode(folder.files.find((f) => f.name === "_order-manifest.csv")!.bytes);
    // 税務課: counter=2 phone=6 → 2 tent cards, one sheet of 6 stickers.
    expect(manifest).toContain("本庁舎 税務課窓口,A4横,297×210,2,本庁舎_税務課窓口__窓口標識.pdf,1,窓口の標識（三角柱）,2025-03-01");
    expect(manifest).toMatch(/本庁舎 税務課窓口,a4-10up,91×55,1,本庁舎_税務課窓口__電話シール\.pdf,1,電話のシール（6 面）,2025-03-01/);
    expect(folder.errors).toEqual([]);
  });

  it("a facility that cannot be made is reported with its row; the others and their signs are made", async () => {
    const made = await makePosterFolder(policy, [
      toFacility({ row: 1, name: "北公民館", measures: ["police"] }),
      toFacility({ row: 2, name: "病院", title: "とても長い表題".repeat(200), measures: ["police", "record-phone"] }),
    ], { asOf });
    expect(made.files.map((f) => f.name)).toEqual(["北公民館.pdf", "病院__電話シール.pdf", "_order-manifest.csv", "_order-summary.pdf"]);
    expect(made.errors).toMatchObject([{ row: 2, code: "POSTER_TEXT_TOO_LONG" }]);
  });

  it("nothing to make: a PosterBatchError, no files", async () => {
    const error = await thrownBy(() => makePosterFolder(policy, [toFacility({ row: 4, name: "病院", title: "とても長い表題".repeat(200), measures: ["police"] })], { asOf }));
    expect(error).toBeInstanceOf(PosterBatchError);
    expect((error as PosterBatchError).errors).toMatchObject([{ row: 4, code: "POSTER_TEXT_TOO_LONG" }]);
  });

  describe("as one ZIP", () => {
    const zip = posterFolderZip(folder);
    const entries = unzip(zip);

    it("holds the folder's files at its top level, each the same bytes", () => {
      expect(entries.map((e) => e.name)).toEqual(folder.files.map((f) => f.name));
      for (const [i, entry] of entries.entries()) expect(entry.bytes.equals(Buffer.from(folder.files[i]!.bytes)), entry.name).toBe(true);
    });

    it("flags every Japanese name as UTF-8 (bit 11), so Windows Explorer shows it as written", () => {
      for (const entry of entries) expect(Boolean(entry.flags & 0x800), entry.name).toBe(/[^\x20-\x7e]/.test(entry.name));
      expect(entries.find((e) => e.name === "_order-summary.pdf")!.flags & 0x800).toBe(0);
    });

    it("dates every entry on the printing date, whatever the time zone: the same folder gives the same bytes", () => {
      // DOS date: (year - 1980) << 9 | month << 5 | day; noon.
      for (const entry of entries) {
        expect(entry.dosDate).toBe(((2025 - 1980) << 9) | (3 << 5) | 1);
        expect(entry.dosTime).toBe(12 << 11);
      }
      const tz = process.env.TZ;
      try {
        for (const zone of ["Asia/Tokyo", "America/Los_Angeles", "UTC"]) {
          process.env.TZ = zone;
          expect(Buffer.from(posterFolderZip(folder)).equals(Buffer.from(zip)), zone).toBe(true);
        }
      } finally {
        if (tz === undefined) delete process.env.TZ;
        else process.env.TZ = tz;
      }
    });
  });
});

describe("the print order in memory, for a print shop (printShop: true)", async () => {
  const { printCheck } = await import("../pdf/print-check.js");
  const folder = await makePosterFolder(policy, list.facilities.slice(0, 2), { asOf, printShop: true, date: "2025-03-01" });

  it("holds the same files as the posters and signs commands write with --print-shop, each PDF/X-1a as a preflight sees it", async () => {
    const out = join(work, "print-shop");
    await makePosters(policy, list.facilities.slice(0, 2), out, { asOf, printShop: true, date: "2025-03-01" });
    await makeSigns(policy, list.facilities.slice(0, 2), out, { asOf, printShop: true, date: "2025-03-01" });
    expect(folder.files.map((f) => f.name).sort()).toEqual(readdirSync(out).sort());
    for (const file of folder.files.filter((f) => f.name.endsWith(".pdf") && !f.name.startsWith("_"))) {
      expect(Buffer.from(file.bytes).equals(readFileSync(join(out, file.name))), file.name).toBe(true);
      expect((await printCheck(file.bytes, { pdfx: true })).problems, file.name).toEqual([]);
    }
  });
});
