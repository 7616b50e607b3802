/** --one-size-per-file (issue 13): one PDF per facility and size, ASCII names from 施設コード or the row; the manifest keeps the Japanese name. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { formatRowError } from "../../src/model.js";
import { bundledPath } from "../../src/package-root.js";
import { MANIFEST_FILE, runPosterBatch, SUMMARY_FILE } from "../../src/posters/batch.js";
import { readFacilities } from "../../src/posters/facilities.js";
import { loadPolicy } from "../../src/posters/policy.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-one-size-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const POLICY = bundledPath("examples", "policy.yaml");
const policy = await loadPolicy(POLICY);
const asOf = { year: 2025, month: 3, day: 1 };

function list(name: string, lines: string[]): string {
  const file = join(work, name);
  writeFileSync(file, ["施設名,施設コード,対策,サイズ,部数", ...lines].join("\n"));
  return file;
}

describe("posters --one-size-per-file", () => {
  it("writes one file per size named from 施設コード, else F and the row as Excel shows it; the manifest keeps the Japanese name", async () => {
    const facilities = list("codes.csv", ["本庁舎 市民課窓口,HQ-1,police pairs,A4 A3,A4=3 A3=1", "中央図書館,,police record-phone,B3 B2,2"]);
    const out = join(work, "out");
    const result = await runPosterBatch(facilities, POLICY, out, { asOf, oneSizePerFile: true, printShop: true });
    expect(result.errors).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(["F003_B2.pdf", "F003_B3.pdf", "HQ-1_A3.pdf", "HQ-1_A4.pdf", MANIFEST_FILE, SUMMARY_FILE].sort());
    for (const file of readdirSync(out).filter((f) => !f.startsWith("_"))) {
      expect(file).toMatch(/^[A-Za-z0-9_-]+\.pdf$/);
      const doc = await PDFDocument.load(readFileSync(join(out, file)));
      // One trim size per file (a size's language page is the same size).
      const trims = new Set(doc.getPages().map((p) => { const t = p.getTrimBox(); return `${Math.round(t.width)}x${Math.round(t.height)}`; }));
      expect(trims.size, file).toBe(1);
    }
    const manifest = readFileSync(join(out, MANIFEST_FILE), "utf8").split("\r\n").filter(Boolean);
    expect(manifest.slice(1)).toEqual([
      "本庁舎 市民課窓口,A4,210×297,3,HQ-1_A4.pdf,1,ポスター,2025-03-01",
      "本庁舎 市民課窓口,A3,297×420,1,HQ-1_A3.pdf,1,ポスター,2025-03-01",
      "中央図書館,B3,364×515,2,F003_B3.pdf,1,ポスター,2025-03-01",
      "中央図書館,B2,515×728,2,F003_B2.pdf,1,ポスター,2025-03-01",
    ]);
  });

  it("refuses a 施設コード that cannot be an ASCII file name, and one used twice, naming the row and column", async () => {
    const facilities = list("bad-codes.csv", ["北公民館,北-1,police,A4,1", "南公民館,S1,police,A4,1", "東公民館,s1,police,A4,1"]);
    const { errors } = await readFacilities(facilities, { policy });
    expect(errors.map((e) => `${e.sheetRow}:${e.column}:${e.code}`)).toEqual(["2:施設コード:FACILITY_BAD_CODE", "4:施設コード:FACILITY_DUPLICATE_CODE"]);
    expect(formatRowError(errors[0]!, "ja")).toBe(`${facilities} の 2 行目・「施設コード」列：施設コード「北-1」はファイル名に使えません。半角の英数字・「-」・「_」で 1〜32 文字にしてください（例：F003、honcho-1）。`);
    expect(formatRowError(errors[1]!, "en")).toMatch(/the facility code "s1" is the same as row 3's/);
  });
});
