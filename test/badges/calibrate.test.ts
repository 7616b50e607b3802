/** nafuda calibrate (issue 13): the calibration sheet's geometry, its words, its PDF, and the command. */
import { stderrOfHandler } from "../helpers/command-handler.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { calibrationSheet } from "../../src/badges/calibrate.js";
import { calibrateCommand } from "../../src/cli/commands/calibrate.js";
import { Output } from "../../src/cli/output.js";
import { calibrationLayout } from "../../src/geometry/calibration.js";
import { resolveSheet, SHEET_PRESETS } from "../../src/geometry/sheets.js";
import { hasPoppler, pdfText } from "../posters/rendered.js";
import { printCheck } from "../pdf/print-check.js";
import { thrownBy } from "../helpers/errors.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-calibrate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});
const card = { width: 91, height: 55 };

describe("the calibration sheet's geometry", () => {
  it("puts a target at every cell corner of a4-10up and a 182 mm ruler from the top-left corner", () => {
    const layout = calibrationLayout(resolveSheet(SHEET_PRESETS["a4-10up"]!, card), card);
    expect(layout.cells).toHaveLength(10);
    expect(layout.targets).toHaveLength(3 * 6);
    expect(layout.targets[0]).toEqual({ x: 14, y: 11 });
    expect(layout.targets.at(-1)).toEqual({ x: 196, y: 286 });
    expect(layout.expected).toEqual({ x: 14, y: 11 });
    expect(layout.ruler).toEqual({ a: { x: 14, y: 11 }, b: { x: 196, y: 11 }, length: 182 });
    expect(layout.ticks).toHaveLength(183);
  });

  it("draws what nafuda would print with the calibration given, and still quotes the uncalibrated numbers", () => {
    const sheet = resolveSheet(SHEET_PRESETS["a4-10up"]!, card);
    const layout = calibrationLayout(sheet, card, { offsetX: 1.5, offsetY: -1, scale: 1.01 });
    // Scaled about the page centre (105, 148.5), then shifted: the same rule as the badges (geometry/sheets.ts).
    expect(layout.targets[0]!.x).toBeCloseTo(105 + (14 - 105) * 1.01 + 1.5, 3);
    expect(layout.targets[0]!.y).toBeCloseTo(148.5 + (11 - 148.5) * 1.01 - 1, 3);
    expect(layout.ruler.b.x - layout.ruler.a.x).toBeCloseTo(182 * 1.01, 3);
    expect(layout.expected).toEqual({ x: 14, y: 11 });
    expect(layout.ruler.length).toBe(182);
  });

  it("has gaps of a4-8up-card: the corners of each card", () => {
    const cardSheet = resolveSheet(SHEET_PRESETS["a4-8up-card"]!, { width: 85.6, height: 54 });
    const layout = calibrationLayout(cardSheet, { width: 85.6, height: 54 });
    expect(layout.targets).toHaveLength(4 * 8);
    expect(layout.ruler.length).toBeCloseTo(95.6 + 85.6, 6);
  });
});

describe("the calibration sheet", () => {
  it.skipIf(!hasPoppler)("says how to set --scale and --offset-x/-y, in Japanese or English, and passes the print check", async () => {
    const { pdf } = await calibrationSheet({ sheet: "a4-10up" });
    expect((await printCheck(pdf)).problems).toEqual([]);
    const text = pdfText(pdf);
    expect(text).toContain("印刷位置の調整シート（a4-10up）");
    expect(text).toContain("目盛りA〜B（182mmのはず）を定規で測ります。--scale=182÷測った長さ（例：181mm→--scale1.0055）。");
    expect(text).toContain("--offset-x=14−左端まで、--offset-y=11−上端まで");
    expect(text).toContain("この印刷の設定：--offset-x0--offset-y0--scale1");
    const english = pdfText((await calibrationSheet({ lang: "en", offsetX: 1.5, scale: 1.01 })).pdf);
    expect(english).toContain("--scale=182÷whatyoumeasured");
    expect(english).toContain("Printedwith:--offset-x1.5--offset-y0--scale1.01");
    // The same options, the same bytes.
    expect(Buffer.compare(Buffer.from(pdf), Buffer.from((await calibrationSheet({ sheet: "a4-10up" })).pdf))).toBe(0);
  });

  it("refuses a sheet without cells to compare", async () => {
    const error = await thrownBy(() => calibrationSheet({ sheet: "a4-1up" }));
    expect(error.code).toBe("CALIBRATE_NO_CELLS");
    expect(error.message).toBe("用紙「a4-1up」には名札の枠がありません。面付けの用紙（a4-10up、a4-8up-card など）を指定してください。");
  });

  it("nafuda calibrate writes the sheet and says what to do with it", async () => {
    const output = join(work, "calibrate.pdf");
    const stderr = await stderrOfHandler(calibrateCommand(new Output("ja")) as never, { output, sheet: "a4-10up", template: "standard", "offset-x": 0, "offset-y": 0, scale: 1 });
    expect(process.exitCode ?? 0).toBe(0);
    expect(stderr).toBe(`調整シート（a4-10up）を ${output} に書き出しました。「実際のサイズ」（100%）で印刷し、シートの手順どおりに測ってください。\n`);
    expect(readFileSync(output).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
  });
});
