import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/messages/catalogue.js";
import { POSTERS_MESSAGES } from "../../src/messages/posters.js";
import { bundledPath } from "../../src/package-root.js";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Every param a wording asks for: a one-item list reads as text, as a list and as "present". */
const anyParams = new Proxy({}, { get: () => ["「値」"] });

const SOURCES = [
  ...readdirSync(bundledPath("src", "posters")).map((file) => join("src", "posters", file)),
  ...readdirSync(bundledPath("src", "signs")).map((file) => join("src", "signs", file)),
  join("src", "cli", "commands", "signs.ts"),
  join("src", "io", "safe-file-names.ts"),
];

describe("the posters' catalogue entries", () => {
  it.each(Object.keys(POSTERS_MESSAGES))("%s has a Japanese and an English wording", (code) => {
    const entry = CATALOGUE[code as keyof typeof CATALOGUE] as { kind: string; ja: (p: unknown) => string; en: (p: unknown) => string };
    expect(entry).toBe(POSTERS_MESSAGES[code as keyof typeof POSTERS_MESSAGES]);
    const ja = entry.ja(anyParams);
    const en = entry.en(anyParams);
    expect(ja).toMatch(JAPANESE);
    expect(en).not.toBe(ja);
    for (const text of [ja, en]) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|\[object /);
    }
    // An error is whole sentences (or ends with the nested message that is).
    if (entry.kind === "error") expect(ja).toMatch(/([。）]|「値」)$/);
  });

  it("codes are named by area", () => {
    for (const [code, entry] of Object.entries(POSTERS_MESSAGES)) {
      // Texts are TEXT_…, or the signs command's help and progress (CMD_SIGNS, OPT_…, SIGNS_…) as the CLI names them.
      expect(code).toMatch(entry.kind === "text" ? /^(TEXT|CMD|OPT|SIGNS)_[A-Z0-9_]+$/ : /^(POSTER|POLICY|FACILITY|LAYOUT|OUTPUT|SIGN|SIGNS)_[A-Z0-9_]+$/);
    }
  });

  it.each(SOURCES)("%s has no unconverted text and uses only catalogue codes", (file) => {
    const source = readFileSync(bundledPath(file), "utf8");
    expect(source).not.toMatch(/\bunconverted\(|UNCONVERTED|didYouMean\(/);
    for (const [, code] of source.matchAll(/\bmsg\("([A-Z0-9_]+)"/g)) expect(Object.hasOwn(CATALOGUE, code!), code).toBe(true);
    // Thrown errors are the area's NafudaError classes; a plain Error only for bugs, worded from the catalogue.
    for (const [line] of source.matchAll(/throw new (?:Error|RangeError|TypeError)\(.*$/gm)) expect(line).toContain("POSTER_INTERNAL_ERROR");
  });
});
