import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFRawStream, rgb } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { BackgroundLayoutError, loadBackgroundLayout, parseBackgroundLayout, type BackgroundLayoutIssue } from "../../src/posters/background-layout.js";
import { encodeText } from "../../src/roster/encode-text.js";
import { thrownBy } from "../helpers/errors.js";
import { mmToPt } from "../../src/geometry/units.js";
import { bundledPath } from "../../src/package-root.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-layout-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const issues = (data: unknown): BackgroundLayoutIssue[] => {
  try {
    parseBackgroundLayout(data, "layout.yaml");
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(BackgroundLayoutError);
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
    [{ page: { A4: 1 } }, "page", "LAYOUT_UNKNOWN_KEY", 'layout.yaml, key page: unknown key "page" (did you mean "pages"?); keys: pages, contentBoxes',
      "layout.yaml の 「page」：「page」という項目はありません。「pages」の書き間違いではありませんか。使える項目：「pages」「contentBoxes」。"],
    [{ pages: { A5: 1 } }, "pages.A5", "LAYOUT_UNKNOWN_SIZE", 'layout.yaml, key pages.A5: unknown size "A5" (did you mean "A4"?); sizes: A4, A3, B3, B2',
      "layout.yaml の 「pages.A5」：「A5」というサイズはありません。「A4」の書き間違いではありませんか。使えるサイズ：「A4」「A3」「B3」「B2」。"],
    [{ pages: { A4: 0 } }, "pages.A4", "LAYOUT_BAD_PAGE", "layout.yaml, key pages.A4: must be a page number from 1",
      "layout.yaml の 「pages.A4」：背景の PDF のページ番号を、1 から始まる整数で書いてください（1 が最初のページです）。"],
    [{ pages: [1] }, "pages", "LAYOUT_NOT_SIZE_MAP", "layout.yaml, key pages: must map sizes (A4, A3, B3, B2) to values",
      "layout.yaml の 「pages」：サイズ（「A4」「A3」「B3」「B2」）ごとに値を書いてください（例：「A4: 1」）。"],
    [{ contentBoxes: { A4: { x: 10, y: 10, widht: 100, height: 100 } } }, "contentBoxes.A4.widht", "LAYOUT_UNKNOWN_KEY",
      'layout.yaml, key contentBoxes.A4.widht: unknown key "widht" (did you mean "width"?); keys: x, y, width, height',
      "layout.yaml の 「contentBoxes.A4.widht」：「widht」という項目はありません。「width」の書き間違いではありませんか。使える項目：「x」「y」「width」「height」。"],
    [{ contentBoxes: { A4: { x: 100, y: 10, width: 150, height: 100 } } }, "contentBoxes.A4", "LAYOUT_BOX_OUTSIDE",
      "layout.yaml, key contentBoxes.A4: (100, 10, 150 × 100 mm) does not lie inside the 210 × 297 mm page",
      "layout.yaml の 「contentBoxes.A4」：文を置く範囲（x 100、y 10、幅 150、高さ 100 mm）が、210 × 297 mm の用紙からはみ出しています（幅と高さは 0 より大きく）。用紙の内側に収まるように直してください。"],
    [{ contentBoxes: { A4: { x: Number.NaN, y: 10, width: 150, height: 100 } } }, "contentBoxes.A4", "LAYOUT_BOX_NEEDS_NUMBERS",
      "layout.yaml, key contentBoxes.A4: needs x, y, width and height as numbers of mm",
      "layout.yaml の 「contentBoxes.A4」：文を置く範囲は x、y、width、height を mm の数で書いてください（例：{ x: 15, y: 40, width: 180, height: 230 }）。"],
    [[1, 2], "", "LAYOUT_NOT_MAPPING", "layout.yaml: the file must hold pages and/or contentBoxes",
      "layout.yaml：レイアウトファイルには「pages」（サイズごとの背景のページ）か「contentBoxes」（文を置く範囲）を書いてください。"],
  ])("%j → %s %s", (data, key, code, english, japanese) => {
    const found = issues(data).find((issue) => issue.key === key);
    expect(found?.code).toBe(code);
    const error = new BackgroundLayoutError("layout.yaml", [found!]);
    expect(error.format("en")).toBe(english);
    expect(error.message).toBe(japanese);
  });

  it.each([Number.POSITIVE_INFINITY, Number.NaN, "10"])("a content box with %s is refused: no non-finite number reaches the PDF", (value) => {
    expect(issues({ contentBoxes: { A3: { x: 10, y: 10, width: value, height: 100 } } }).map((i) => i.code)).toEqual(["LAYOUT_BOX_NEEDS_NUMBERS"]);
  });

  it("every problem at once, under a summary line", () => {
    const error = (() => {
      try {
        parseBackgroundLayout({ page: 1, pages: { A4: 0 } }, "layout.yaml");
      } catch (e) {
        return e as BackgroundLayoutError;
      }
      throw new Error("expected a BackgroundLayoutError");
    })();
    expect(error.code).toBe("LAYOUT_INVALID");
    expect(error.file).toBe("layout.yaml");
    expect(error.message.split("\n")).toEqual([
      "layout.yaml：レイアウトファイルを使えません。次の 2 か所を直してから、もう一度実行してください。",
      expect.stringMatching(/^layout\.yaml の 「page」：/),
      expect.stringMatching(/^layout\.yaml の 「pages\.A4」：/),
    ]);
    expect(error.format("en").split("\n")[0]).toBe("layout.yaml: the layout file cannot be used: 2 problem(s) to correct, listed below.");
  });

  it("reads the file like the policy: any Japanese encoding, bounded, aliases capped, errors with their line", async () => {
    const sjis = join(work, "sjis-layout.yaml");
    writeFileSync(sjis, encodeText("# 市の背景（A4 用）\npages:\n  A4: 1\n", "cp932"));
    expect(await loadBackgroundLayout(sjis)).toEqual({ pages: { A4: 0 } });
    const bad = join(work, "bad-layout.yaml");
    writeFileSync(bad, "pages:\n  A4: [1\n");
    const syntax = (await thrownBy(() => loadBackgroundLayout(bad))) as BackgroundLayoutError;
    expect(syntax.issues).toEqual([expect.objectContaining({ code: "POSTER_YAML_SYNTAX", line: expect.any(Number) })]);
    expect(syntax.message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} の \\d+ 行目：YAML（または JSON）として正しくありません`));
    const bomb = join(work, "bomb-layout.yaml");
    writeFileSync(bomb, `a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [${Array(10).fill("*a").join(",")}]\nc: &c [${Array(10).fill("*b").join(",")}]\npages: { A4: 1 }\n`);
    expect(((await thrownBy(() => loadBackgroundLayout(bomb))) as BackgroundLayoutError).issues.map((i) => i.code)).toEqual(["POSTER_YAML_TOO_MANY_ALIASES"]);
    const missing = (await thrownBy(() => loadBackgroundLayout(join(work, "nope.yaml")))) as BackgroundLayoutError;
    expect(missing).toBeInstanceOf(BackgroundLayoutError);
    expect(missing.issues.map((i) => i.code)).toEqual(["POSTER_FILE_NOT_FOUND"]);
    expect(((await thrownBy(() => loadBackgroundLayout("/dev/zero"))) as BackgroundLayoutError).issues.map((i) => i.code)).toEqual(["FILE_NOT_REGULAR"]);
  });

  it("puts the text inside the content box over the artwork (nafuda posters --background --layout)", async () => {
    const art = await PDFDocument.create();
    const page = art.addPage([mmToPt(210), mmToPt(297)]);
    page.drawRectangle({ x: 0, y: mmToPt(297 - 50), width: mmToPt(210), height: mmToPt(50), color: rgb(0.1, 0.4, 0.3) });
    writeFileSync(join(work, "art.pdf"), await art.save());
    writeFileSync(join(work, "layout.yaml"), "contentBoxes:\n  A4: { x: 20, y: 70, width: 170, height: 200 }\n");
    writeFileSync(join(work, "facilities.csv"), "施設名,対策,サイズ\n北公民館,end-conversation police,A4\n");
    const run = spawnSync(process.execPath, [COMPILED_CLI, "posters", "facilities.csv",
      "--policy", bundledPath("examples", "policy.yaml"), "--background", "art.pdf", "--layout", "layout.yaml", "-o", "out"], { cwd: work, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const pdf = await PDFDocument.load(readFileSync(join(work, "out", "北公民館.pdf")));
    // The poster over the artwork, then the handout with the whole text (a plain page: the box leaves no room for it).
    expect(pdf.getPageCount()).toBe(2);
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
    const run = spawnSync(process.execPath, [COMPILED_CLI, "posters", "f.csv", "--policy", "p.yaml", "--layout", "layout.yaml", "-o", "out"], { cwd: work, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("--layout は --background の PDF のための指定です。--background も指定してください。");
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
