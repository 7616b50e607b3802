import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sheetFromOptions } from "../../src/badges/sheet-option.js";
import { resolveSheet, cellRects, type SheetSpec } from "../../src/geometry/sheets.js";

describe("sheets from the command line", () => {
  it("takes presets, files and geometry options", async () => {
    expect(await sheetFromOptions(undefined, {})).toBeUndefined();
    expect(await sheetFromOptions("a4-10up", {})).toMatchObject({ columns: 2, rows: 5 });
    const custom = (await sheetFromOptions(undefined, { page: "A4", grid: "2x4", cell: "86.4x50.8", pitch: "96.4x60.8", margins: "21.2,8.6" })) as SheetSpec;
    expect(custom).toMatchObject({ name: "custom", page: "A4", columns: 2, rows: 4, cell: { width: 86.4, height: 50.8 }, pitchX: 96.4, marginTop: 21.2 });
    const sheet = resolveSheet(custom, { width: 85.6, height: 50 });
    expect(cellRects(sheet, {}, { width: 85.6, height: 50 })[1]!.x).toBeCloseTo(8.6 + 96.4 + 0.4, 6); // badge centred in its cell
    const adjusted = (await sheetFromOptions("a4-10up", { margins: "12,14" })) as SheetSpec;
    expect(adjusted).toMatchObject({ name: "a4-10up (adjusted)", marginTop: 12, columns: 2 });

    const folder = mkdtempSync(join(tmpdir(), "nafuda-sheet-"));
    writeFileSync(join(folder, "s.yaml"), "name: herma\npage: A4\ncolumns: 2\nrows: 5\ncell: { width: 80, height: 50 }\npitchX: 95\npitchY: 55\n");
    expect(await sheetFromOptions(join(folder, "s.yaml"), {})).toMatchObject({ name: "herma", pitchX: 95 });
    writeFileSync(join(folder, "bad.json"), JSON.stringify({ columns: 2, rows: "5", gutter: 3 }));
    await expect(sheetFromOptions(join(folder, "bad.json"), {})).rejects.toThrow(/gutter: unknown key[\s\S]*rows: must be a number/);
    await expect(sheetFromOptions("nope", {})).rejects.toThrow(/not a preset/);
    await expect(sheetFromOptions(undefined, { grid: "2 by 5" })).rejects.toThrow(/--grid "2 by 5"/);
  });
});
