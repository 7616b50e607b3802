import { describe, expect, it } from "vitest";
import { BUILTIN_TEMPLATES, TemplateError, loadTemplate, parseTemplate } from "../../src/badges/template.js";

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

  it("names every wrong key", () => {
    try {
      parseTemplate({
        name: "bad",
        width: 91,
        height: "55",
        colour: "red",
        fields: [
          { source: "kana", x: 1, y: 1, width: 10, height: 5, font: "BIZUDPGothic-Bold", sizePt: { max: 10, min: 20 }, align: "middle", fontSize: 3 },
          { source: "romaji", x: 1, y: 1, font: "BIZUDPGothic-Bold", sizePt: { max: 10, min: 5 }, colour: "blue", minCondense: 1.5 },
          { source: "所属", x: 80, y: 50, width: 20, height: 5, font: "X", sizePt: { max: 10, min: 5 } },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const problems = (error as TemplateError).problems.join("\n");
      expect(problems).toMatch(/^height: must be the badge height in mm/m);
      expect(problems).toMatch(/^colour: unknown key/m);
      expect(problems).toMatch(/fields\[0\]\.sizePt: min 20 is larger than max 10/);
      expect(problems).toMatch(/fields\[0\]\.align: must be "left", "center" or "right"/);
      expect(problems).toMatch(/fields\[0\]\.fontSize: unknown key/);
      expect(problems).toMatch(/fields\[1\]: give all of x, y, width, height/);
      expect(problems).toMatch(/fields\[1\]\.colour: must be "#RRGGBB"/);
      expect(problems).toMatch(/fields\[1\]\.minCondense: must be a number in \(0, 1\]/);
    }
  });

  it("refuses boxes outside the badge", () => {
    expect(() =>
      parseTemplate({ name: "x", width: 91, height: 55, fields: [{ source: "kana", x: 80, y: 50, width: 20, height: 5, font: "F", sizePt: { max: 10, min: 5 } }] }),
    ).toThrow(/reaches outside the 91 × 55 mm badge/);
  });

  it("refuses an unknown built-in name", async () => {
    await expect(loadTemplate("fancy")).rejects.toThrow(/built in: standard, card, standard-duplex, band/);
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
