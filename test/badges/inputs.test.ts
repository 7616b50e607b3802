import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PDFDocument, PDFString } from "pdf-lib";
import { BackgroundFileError, readBackground } from "../../src/badges/background.js";
import { csvField as csvCell } from "../../src/io/excel-csv.js";

describe("bad background PDFs", () => {
  const folder = mkdtempSync(join(tmpdir(), "nafuda-bg-bad-"));
  const badge = { width: 91, height: 55 };

  it("names the file and says what to do: damaged, not a PDF, encrypted, missing", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([258, 156]);
    const good = await doc.save({ useObjectStreams: false });
    writeFileSync(join(folder, "broken.pdf"), good.subarray(0, good.length >> 1));
    writeFileSync(join(folder, "text.pdf"), "これはPDFではありません\n");
    const encrypted = await PDFDocument.load(good);
    encrypted.context.trailerInfo.Encrypt = encrypted.context.obj({ Filter: "Standard", V: 1, R: 2, Length: 40, P: -44, O: PDFString.of("o".repeat(32)), U: PDFString.of("u".repeat(32)) });
    writeFileSync(join(folder, "locked.pdf"), await encrypted.save({ useObjectStreams: false }));
    for (const [name, pattern] of [
      ["broken.pdf", /broken\.pdf cannot be read .*export it again/],
      ["text.pdf", /text\.pdf cannot be read .*export it again/],
      ["locked.pdf", /locked\.pdf is encrypted .*without a password/],
      ["missing.pdf", /the template's background PDF .*missing\.pdf does not exist: check the path/],
    ] as const) {
      const error = await readBackground(join(folder, name), badge).then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(BackgroundFileError);
      expect((error as Error).message).toMatch(pattern);
      expect((error as BackgroundFileError).name).toMatch(/FileError$/); // the CLI's "bad input" (exit 2)
    }
  });
});

describe("index.csv cells", () => {
  it("neutralise formulas and quote as needed", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+81")).toBe("'+81");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell("総務課")).toBe("総務課");
    expect(csvCell(12)).toBe("12");
  });
});
