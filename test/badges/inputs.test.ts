import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PDFDocument, PDFString } from "pdf-lib";
import { BackgroundFileError, readBackground } from "../../src/badges/background.js";
import { csvField as csvCell } from "../../src/io/excel-csv.js";
import { thrownBy } from "../helpers/errors.js";

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
    const cases = [
      ["broken.pdf", "BACKGROUND_DAMAGED", /^名札の型の背景 PDFを読めません。壊れているか、PDF ではありません（.+）。デザインのソフトから PDF を書き出し直してください。$/u, /cannot be read — it is damaged or not a PDF .*export it again/],
      ["text.pdf", "BACKGROUND_DAMAGED", /^名札の型の背景 PDFを読めません。壊れているか、PDF ではありません/u, /cannot be read .*export it again/],
      ["locked.pdf", "BACKGROUND_ENCRYPTED", /^名札の型の背景 PDFは暗号化されています（パスワードか制限がかかっています）。パスワードや制限なしで保存し直し/u, /is encrypted .*without a password/],
      ["missing.pdf", "BACKGROUND_NOT_FOUND", /^名札の型の背景 PDFがありません。場所を確かめてください/u, /^the template's background PDF does not exist: check the path/],
    ] as const;
    for (const [name, code, japanese, english] of cases) {
      const error = await thrownBy(() => readBackground(join(folder, name), badge));
      expect(error, name).toBeInstanceOf(BackgroundFileError);
      expect(error).toMatchObject({ code, file: join(folder, name) });
      expect(error.message.startsWith(`${join(folder, name)}：`), name).toBe(true);
      expect(error.text(), name).toMatch(japanese);
      expect(error.text("en"), name).toMatch(english);
      expect(error.name).toMatch(/FileError$/); // the CLI's "bad input" (exit 2)
    }
    expect((await thrownBy(() => readBackground(folder, badge))).code).toBe("BACKGROUND_UNREADABLE");
    expect((await thrownBy(() => readBackground(folder, badge))).text()).toBe("名札の型の背景 PDFを読めません。これはフォルダーです。ファイルそのものを指定してください。");
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
