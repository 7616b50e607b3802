import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { MANIFEST_FILE, runPosterBatch, SUMMARY_FILE } from "../../src/posters/batch.js";
import { PolicyError } from "../../src/posters/policy.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-poster-batch-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("posters batch", () => {
  it("writes one PDF per facility, the manifest and the summary; bad rows are reported, the rest made", async () => {
    const list = join(work, "list.csv");
    writeFileSync(
      list,
      [
        "施設名,対策,サイズ,部数,言語",
        "本庁舎 市民課窓口,end-conversation police record-counter pairs,A4 A3,A4=3 A3=1,ja en",
        "../../逃げる施設,police,A4,1,ja",
        ",police,A4,1,ja",
        "北公民館,police,A5,1,ja",
        "中央図書館,police record-phone,B3,2,ja",
      ].join("\n"),
    );
    const out = join(work, "out");
    const result = await runPosterBatch(list, bundledPath("examples", "policy.yaml"), out);
    expect(result.errors.map((e) => `${e.file}:${e.row}:${e.column}`)).toEqual([`${list}:3:施設名`, `${list}:4:サイズ`]);
    const files = readdirSync(out).sort();
    expect(files).toEqual([MANIFEST_FILE, SUMMARY_FILE, "中央図書館.pdf", "本庁舎_市民課窓口.pdf", "逃げる施設.pdf"].sort());
    expect(readdirSync(work).sort()).toEqual(["list.csv", "out"]);

    const manifest = readFileSync(join(out, MANIFEST_FILE), "utf8");
    expect(manifest.startsWith("\uFEFF施設名,サイズ,")).toBe(true);
    expect(manifest.split("\r\n").filter(Boolean)).toEqual([
      "\uFEFF施設名,サイズ,仕上がり寸法(mm),部数,ファイル,ページ",
      "本庁舎 市民課窓口,A4,210×297,3,本庁舎_市民課窓口.pdf,1",
      "本庁舎 市民課窓口,A3,297×420,1,本庁舎_市民課窓口.pdf,2",
      "../../逃げる施設,A4,210×297,1,逃げる施設.pdf,1",
      "中央図書館,B3,364×515,2,中央図書館.pdf,1",
    ]);
    const counter = await PDFDocument.load(readFileSync(join(out, "本庁舎_市民課窓口.pdf")));
    expect(counter.getPageCount()).toBe(2);
    const summary = await PDFDocument.load(readFileSync(join(out, SUMMARY_FILE)));
    expect(summary.getPageCount()).toBe(1);

    // Same input, same bytes (stable names and deterministic PDFs).
    const again = join(work, "again");
    await runPosterBatch(list, bundledPath("examples", "policy.yaml"), again, {});
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file)))).toBe(true);
  });

  it("stops with a PolicyError naming the policy file and key, writing nothing", async () => {
    const policy = join(work, "policy.yaml");
    writeFileSync(policy, readFileSync(bundledPath("examples", "policy.yaml"), "utf8").replace("effectiveDate:", "efectiveDate:"));
    const out = join(work, "none");
    await expect(runPosterBatch(bundledPath("examples", "facilities.csv"), policy, out)).rejects.toThrow(PolicyError);
    await expect(runPosterBatch(bundledPath("examples", "facilities.csv"), policy, out)).rejects.toThrow(/policy\.yaml, line \d+, key efectiveDate: unknown key "efectiveDate" \(did you mean "effectiveDate"\?\)/);
    expect(() => readdirSync(out)).toThrow();
  });
});
