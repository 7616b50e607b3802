import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES, TemplateError, loadTemplate, parseTemplate } from "../../src/badges/template.js";
import { thrownBy } from "../helpers/errors.js";

describe("templates", () => {
  it("loads every built-in template", async () => {
    for (const name of BUILTIN_TEMPLATES) {
      const template = await loadTemplate(name);
      expect(template.name).toBe(name);
      expect(template.fields.map((f) => f.source)).toEqual(expect.arrayContaining(["kana", "romaji"]));
    }
    expect((await loadTemplate("standard-duplex")).back).toBe("same");
    expect((await loadTemplate("card")).width).toBe(85.6);
  });

  it("names every wrong key: one problem per key, each with its code, in Japanese and English", async () => {
    const error = await thrownBy(() =>
      parseTemplate(
        {
          name: "bad",
          width: 91,
          height: "55",
          colour: "red",
          fields: [
            { source: "kana", x: 1, y: 1, width: 10, height: 5, font: "BIZUDPGothic-Bold", sizePt: { max: 10, min: 20 }, align: "middle", fontSize: 3 },
            { source: "romaji", x: 1, y: 1, font: "BIZUDPGothic-Bold", sizePt: { max: 10, min: 5 }, colour: "blue", minCondense: 1.5 },
            { source: "所属", x: 80, y: 50, width: 20, height: 5, font: "X", sizePt: { max: 10, min: 5 } },
          ],
        },
        { source: "bad.json" },
      ),
    );
    expect(error).toBeInstanceOf(TemplateError);
    const template = error as TemplateError;
    expect(template).toMatchObject({ code: "TEMPLATE_INVALID", file: "bad.json", source: "bad.json" });
    expect(template.problems.map((p) => [p.key, p.code])).toEqual([
      ["colour", "TEMPLATE_UNKNOWN_KEY"],
      ["height", "TEMPLATE_BAD_BADGE_SIZE"],
      ["fields[0].fontSize", "TEMPLATE_UNKNOWN_KEY"],
      ["fields[0].sizePt", "TEMPLATE_SIZE_MIN_ABOVE_MAX"],
      ["fields[0].align", "TEMPLATE_BAD_ALIGN"],
      ["fields[1]", "TEMPLATE_PARTIAL_BOX"],
      ["fields[1].minCondense", "TEMPLATE_BAD_CONDENSE"],
      ["fields[1].colour", "TEMPLATE_BAD_COLOUR"],
    ]);
    expect(template.message.split("\n")[0]).toBe("bad.json：名札の型（テンプレート）に直すところが 8 か所あります。直してから、もう一度実行してください。");
    expect(template.message).toContain("\n  ・「height」：名札の高さを mm の数（0 より大きく 2000 以下）で書いてください（今は \"55\"）。");
    expect(template.message).toContain("\n  ・「fields[0].sizePt」：min 20 が max 10 より大きくなっています。min は max 以下にしてください。");
    expect(template.message).toContain("\n  ・「fields[0].align」：「left」「center」「right」のどれかを書いてください。");
    expect(template.message).toContain("\n  ・「fields[1]」：枠は x, y, width, height（mm）を四つとも書くか、どれも書かないでください。");
    const english = template.format("en");
    expect(english).toMatch(/^bad\.json: the template is not valid:\n/);
    expect(english).toMatch(/^  - height: must be the badge height in mm/m);
    expect(english).toMatch(/^  - colour: unknown key/m);
    expect(english).toMatch(/fields\[0\]\.sizePt: min 20 is larger than max 10/);
    expect(english).toMatch(/fields\[0\]\.align: must be "left", "center" or "right"/);
    expect(english).toMatch(/fields\[0\]\.fontSize: unknown key/);
    expect(english).toMatch(/fields\[1\]: give all of x, y, width, height/);
    expect(english).toMatch(/fields\[1\]\.colour: must be "#RRGGBB"/);
    expect(english).toMatch(/fields\[1\]\.minCondense: must be a number in \(0, 1\]/);
  });

  it("suggests the key a typo meant", async () => {
    const error = (await thrownBy(() =>
      parseTemplate({ name: "x", width: 91, height: 55, fields: [{ source: "kana", x: 1, y: 1, width: 10, height: 5, font: "F", sizePt: { max: 10, min: 5 }, valgin: "top" }] }),
    )) as TemplateError;
    expect(error.problems).toMatchObject([{ key: "fields[0].valgin", code: "TEMPLATE_UNKNOWN_KEY" }]);
    expect(error.message).toContain("「fields[0].valgin」：知らないキーです。「valign」の書き間違いではありませんか。使えるキー：");
    expect(error.format("en")).toContain('fields[0].valgin: unknown key (did you mean "valign"?) (known: ');
    expect(error.file).toBeUndefined(); // an inline template has no file to name
  });

  it("refuses boxes outside the badge", async () => {
    const error = (await thrownBy(() =>
      parseTemplate({ name: "x", width: 91, height: 55, fields: [{ source: "kana", x: 80, y: 50, width: 20, height: 5, font: "F", sizePt: { max: 10, min: 5 } }] }),
    )) as TemplateError;
    expect(error.problems).toMatchObject([{ key: "fields[0]", code: "TEMPLATE_BOX_OUTSIDE" }]);
    expect(error.message).toContain("「fields[0]」：「kana」の枠（80,50 から 20 × 5 mm）が 91 × 55 mm の名札からはみ出しています。枠を名札の中に収めてください。");
    expect(error.format("en")).toMatch(/reaches outside the 91 × 55 mm badge/);
  });

  it("refuses an unknown built-in name, listing the built-in ones", async () => {
    const error = await thrownBy(() => loadTemplate("fancy"));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.code).toBe("TEMPLATE_UNKNOWN_BUILTIN");
    expect(error.message).toBe("「fancy」という組み込みの名札の型はありません。組み込み：「standard」「card」「standard-duplex」「band」。自分で作った型なら、.json ファイルの場所を指定してください。");
    expect(error.format("en")).toMatch(/built in: standard, card, standard-duplex, band/);
    expect((await thrownBy(() => loadTemplate("constructor"))).code).toBe("TEMPLATE_UNKNOWN_BUILTIN");
  });

  it("names a template file that is missing, a folder, or not JSON", async () => {
    const folder = mkdtempSync(join(tmpdir(), "nafuda-template-"));
    const missing = await thrownBy(() => loadTemplate(join(folder, "nope.json")));
    expect(missing).toMatchObject({ code: "TEMPLATE_NOT_FOUND", file: join(folder, "nope.json") });
    expect(missing.text()).toBe("名札の型のファイルがありません。場所とファイル名を確かめてください（組み込みの型なら standard のように名前だけを書きます）。");
    mkdirSync(join(folder, "dir.json"));
    expect(await thrownBy(() => loadTemplate(join(folder, "dir.json")))).toMatchObject({ code: "FILE_IS_FOLDER", file: join(folder, "dir.json") });
    writeFileSync(join(folder, "bad.json"), '{ "name": "x", }');
    const syntax = await thrownBy(() => loadTemplate(join(folder, "bad.json")));
    expect(syntax).toBeInstanceOf(TemplateError);
    expect(syntax).toMatchObject({ code: "TEMPLATE_BAD_JSON", file: join(folder, "bad.json") });
    expect(syntax.text()).toMatch(/^JSON として読めません（.+）。カンマ、括弧、引用符を確かめてください。$/);
    expect(syntax.text("en")).toMatch(/^not valid JSON \(.+\): check the commas, brackets and quotes$/);
  });
});

describe("the band template's artwork", () => {
  it("is the file test/badges/band-background.ts makes (regenerate it with npx tsx test/badges/band-background.ts)", async () => {
    const { readFileSync } = await import("node:fs");
    const { makeBandBackground } = await import("./band-background.js");
    const { builtinTemplatePath } = await import("../../src/badges/template.js");
    const committed = readFileSync(builtinTemplatePath("band").replace(/\.json$/, ".pdf"));
    expect(Buffer.compare(committed, Buffer.from(await makeBandBackground()))).toBe(0);
  });

  it("gives every field its box from the form", async () => {
    const { readBackground } = await import("../../src/badges/background.js");
    const { builtinTemplatePath } = await import("../../src/badges/template.js");
    const bg = await readBackground(builtinTemplatePath("band").replace(/\.json$/, ".pdf"), { width: 91, height: 55 });
    expect(bg.size.width).toBeCloseTo(91, 6);
    expect(bg.trimOffsetPt.x).toBeCloseTo((3 * 72) / 25.4, 6);
    const kana = bg.boxes.get("kana")!;
    expect(kana.x).toBeCloseTo(5, 6);
    expect(kana.y).toBeCloseTo(15, 6);
    expect(kana.width).toBeCloseTo(81, 6);
    expect(kana.height).toBeCloseTo(21, 6);
    expect([...bg.boxes.keys()].sort()).toEqual(["kana", "romaji", "所属"].sort());
  });
});
