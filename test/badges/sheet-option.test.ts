import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFontOptions, sheetFromOptions } from "../../src/badges/sheet-option.js";
import { resolveSheet, cellRects, SheetError, type SheetSpec } from "../../src/geometry/sheets.js";
import { thrownBy } from "../helpers/errors.js";

describe("sheets from the command line", () => {
  const folder = mkdtempSync(join(tmpdir(), "nafuda-sheet-"));

  it("takes presets, files and geometry options", async () => {
    expect(await sheetFromOptions(undefined, {})).toBeUndefined();
    expect(await sheetFromOptions("a4-10up", {})).toMatchObject({ columns: 2, rows: 5 });
    const custom = (await sheetFromOptions(undefined, { page: "A4", grid: "2x4", cell: "86.4x50.8", pitch: "96.4x60.8", margins: "21.2,8.6" })) as SheetSpec;
    expect(custom).toMatchObject({ name: "custom", page: "A4", columns: 2, rows: 4, cell: { width: 86.4, height: 50.8 }, pitchX: 96.4, marginTop: 21.2 });
    const sheet = resolveSheet(custom, { width: 85.6, height: 50 });
    expect(cellRects(sheet, {}, { width: 85.6, height: 50 })[1]!.x).toBeCloseTo(8.6 + 96.4 + 0.4, 6); // badge centred in its cell
    const adjusted = (await sheetFromOptions("a4-10up", { margins: "12,14" })) as SheetSpec;
    expect(adjusted).toMatchObject({ name: "a4-10up (adjusted)", marginTop: 12, columns: 2 });

    writeFileSync(join(folder, "s.yaml"), "name: herma\npage: A4\ncolumns: 2\nrows: 5\ncell: { width: 80, height: 50 }\npitchX: 95\npitchY: 55\n");
    expect(await sheetFromOptions(join(folder, "s.yaml"), {})).toMatchObject({ name: "herma", pitchX: 95 });
  });

  it("names each wrong key of a sheet file, with a suggestion for a typo", async () => {
    writeFileSync(join(folder, "bad.json"), JSON.stringify({ columns: 2, rows: "5", gutter: 3, pitchx: 95 }));
    const error = await thrownBy(() => sheetFromOptions(join(folder, "bad.json"), {}));
    expect(error).toBeInstanceOf(SheetError);
    expect(error).toMatchObject({ code: "SHEET_FILE_INVALID", file: join(folder, "bad.json") });
    expect((error as SheetError).problems.map((p) => p.params?.key)).toEqual(["gutter", "pitchx", "rows"]);
    expect(error.message).toMatch(/^.*bad\.json：シートの定義に直すところが 3 か所あります。\n  ・「gutter」：知らないキーです。使えるキー：「name」/u);
    expect(error.message).toContain("\n  ・「pitchx」：知らないキーです。「pitchX」の書き間違いではありませんか。");
    expect(error.message).toContain("\n  ・「rows」：数で書いてください。");
    expect(error.format("en")).toMatch(/gutter: unknown key[\s\S]*pitchx: unknown key \(did you mean "pitchX"\?\)[\s\S]*rows: must be a number/);
  });

  it("names the line of a YAML syntax error, and a file that is not there", async () => {
    writeFileSync(join(folder, "syntax.yaml"), "columns: 2\nrows: [\n");
    const error = await thrownBy(() => sheetFromOptions(join(folder, "syntax.yaml"), {}));
    expect(error).toMatchObject({ code: "SHEET_FILE_SYNTAX", file: join(folder, "syntax.yaml"), line: 3 });
    expect(error.message).toMatch(/syntax\.yaml の 3 行目：YAML として読めません（.+）。字下げ、コロン、カンマ、括弧を確かめてください。$/u);
    const missing = await thrownBy(() => sheetFromOptions("nope", {}));
    expect(missing.code).toBe("SHEET_NOT_FOUND");
    expect(missing.message).toBe("--sheet 「nope」：組み込みのシート（「a4-10up」「a4-8up-card」「a4-1up」「single」）でも、ファイルでもありません。名前かファイルの場所を確かめてください。");
    expect(missing.format("en")).toMatch(/not a preset/);
    expect((await thrownBy(() => sheetFromOptions("constructor", {}))).code).toBe("SHEET_NOT_FOUND");
  });

  it("refuses geometry options that are not two numbers, and unknown papers", async () => {
    const grid = await thrownBy(() => sheetFromOptions(undefined, { grid: "2 by 5" }));
    expect(grid.code).toBe("SHEET_OPTION_PAIR");
    expect(grid.message).toBe("--grid 「2 by 5」：91x55 のように、二つの数で書いてください。");
    expect(grid.format("en")).toBe('--grid "2 by 5": write two numbers like 91x55');
    expect((await thrownBy(() => sheetFromOptions(undefined, { cell: "..x5" }))).code).toBe("SHEET_OPTION_PAIR"); // Number("..") is NaN
    const paper = await thrownBy(() => sheetFromOptions(undefined, { page: "Z9" }));
    expect(paper.code).toBe("SHEET_UNKNOWN_PAPER");
    expect(paper.message).toMatch(/^「Z9」という用紙の大きさはありません。使えるもの：「A0」「A1」/u);
  });

  it("reads --font NAME=path entries", async () => {
    expect(parseFontOptions(["BIZUDPGothic-Bold=fonts/city.ttf", "X=a=b.ttf"])).toEqual({ "BIZUDPGothic-Bold": "fonts/city.ttf", X: "a=b.ttf" });
    const error = await thrownBy(() => parseFontOptions(["city.ttf"]));
    expect(error.code).toBe("FONT_OPTION_FORMAT");
    expect(error.message).toBe("--font 「city.ttf」：「名前=ファイル.ttf」の形で書いてください（名前は名札の型に書いたフォントの名前です）。");
    expect(error.format("en")).toBe("--font city.ttf: write NAME=path.ttf (NAME as the template names it)");
  });
});
