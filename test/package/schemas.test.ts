import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { createTemplate, TemplateError } from "../../src/badges/template.js";
import { parseBackgroundLayout } from "../../src/posters/background-layout.js";

/**
 * The JSON Schemas editors use to check a city's files (templates/badges/*.schema.json, templates/posters/*.schema.json)
 * accept every file nafuda ships, are referenced from those files by relative path (nothing on the network), and
 * refuse what nafuda's own loaders refuse.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schema = (...path: string[]) => ajv.compile(JSON.parse(readFileSync(bundledPath(...path), "utf8")));
const template = schema("templates", "badges", "template.schema.json");
const sheet = schema("templates", "badges", "sheet.schema.json");
const layout = schema("templates", "posters", "layout.schema.json");
const policy = schema("templates", "posters", "policy.schema.json");

describe("the JSON Schemas", () => {
  const templates = readdirSync(bundledPath("templates", "badges")).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
  it.each(templates)("templates/badges/%s is valid and names its schema by relative path", (file) => {
    const data = JSON.parse(readFileSync(bundledPath("templates", "badges", file), "utf8")) as Record<string, unknown>;
    expect(data.$schema).toBe("./template.schema.json");
    expect(template(data), JSON.stringify(template.errors)).toBe(true);
  });

  it("the example policy and the artwork layout are valid and point at their schemas by relative path", () => {
    const policyText = readFileSync(bundledPath("examples", "policy.yaml"), "utf8");
    expect(policyText.split("\n")[0]).toBe("# yaml-language-server: $schema=../templates/posters/policy.schema.json");
    expect(policy(parseYaml(policyText)), JSON.stringify(policy.errors)).toBe(true);
    const layoutText = readFileSync(bundledPath("examples", "artwork", "layout.yaml"), "utf8");
    expect(layoutText.split("\n")[0]).toBe("# yaml-language-server: $schema=../../templates/posters/layout.schema.json");
    const data = parseYaml(layoutText);
    expect(layout(data), JSON.stringify(layout.errors)).toBe(true);
    expect(() => parseBackgroundLayout(data, "layout.yaml")).not.toThrow();
  });

  it.each([
    ["no fields", { name: "x", width: 91, height: 55, fields: [] }],
    ["a typo in a key", { name: "x", width: 91, height: 55, fields: [{ source: "kana", font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 }, x: 1, y: 1, width: 80, height: 20, colur: "#000000" }] }],
    ["a size range upside down is still a range the schema knows; a negative width is not", { name: "x", width: -1, height: 55, fields: [{ source: "kana", font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 }, x: 1, y: 1, width: 80, height: 20 }] }],
    ["a colour that is no colour", { name: "x", width: 91, height: 55, fields: [{ source: "kana", font: "BIZUDPGothic-Bold", sizePt: { max: 40, min: 20 }, x: 1, y: 1, width: 80, height: 20, colour: "red" }] }],
  ])("a template with %s is refused by the schema and by createTemplate", (_, data) => {
    expect(template(data)).toBe(false);
    expect(() => createTemplate(data)).toThrow(TemplateError);
  });

  it("a sheet of the README's custom form is valid; one with a typo is not", () => {
    expect(sheet({ $schema: "../templates/badges/sheet.schema.json", name: "A4 12面", page: "A4", columns: 2, rows: 6, cell: { width: 86.4, height: 42.3 }, marginTop: 21.5, marginLeft: 18.6 })).toBe(true);
    expect(sheet({ columns: 2, rows: 6, colums: 3 })).toBe(false);
  });

  it("nothing in a schema points at the network", () => {
    for (const file of ["badges/template.schema.json", "badges/sheet.schema.json", "posters/layout.schema.json", "posters/policy.schema.json"]) {
      const text = readFileSync(join(bundledPath("templates"), file), "utf8");
      const urls = [...text.matchAll(/https?:\/\/[^"\s]+/g)].map((m) => m[0]);
      expect(urls, file).toEqual(["https://json-schema.org/draft/2020-12/schema"]); // the meta-schema's name only, never fetched
    }
  });
});
