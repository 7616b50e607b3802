/**
 * The badges and files areas' entries of the message catalogue (src/messages/badges.ts, files.ts): each is in the
 * merged catalogue as written (no other area's entry of the same code replaces it), has both languages, and follows
 * the naming rules; and every code the areas' sources name is in the catalogue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/messages/catalogue.js";
import { BADGES_MESSAGES } from "../../src/messages/badges.js";
import { FILES_MESSAGES } from "../../src/messages/files.js";
import type { Entry } from "../../src/messages/entry.js";
import { bundledPath } from "../../src/package-root.js";

const AREA = { ...BADGES_MESSAGES, ...FILES_MESSAGES } as unknown as Record<string, Entry<Record<string, unknown>>>;

/** Params that every wording can take: a text "A" that is also a list of "A" and "B" where a list is wanted. */
const VALUE = Object.assign(new String("A"), { join: (separator = ",") => ["A", "B"].join(separator), map: <T>(f: (item: string) => T) => ["A", "B"].map(f) });
const ANY = new Proxy({}, { get: () => VALUE });

const ERROR_PREFIXES = /^(TEMPLATE|BADGE|BADGES|BACKGROUND|SHEET|FONT|PDF|FIT|OUTPUT|CONFIG)_[A-Z0-9_]+$/;

describe("the badges and files catalogue entries", () => {
  it("are in the catalogue as written (a code of another area's file of the same name would replace them)", () => {
    expect(Object.keys(BADGES_MESSAGES).filter((code) => code in FILES_MESSAGES)).toEqual([]);
    for (const [code, entry] of Object.entries(AREA)) expect(CATALOGUE[code as keyof typeof CATALOGUE], code).toBe(entry);
  });

  it.each(Object.keys(AREA))("%s: Japanese and English wording, code named by its kind and area", (code) => {
    const entry = AREA[code]!;
    const ja = entry.ja(ANY as never);
    const en = entry.en(ANY as never);
    expect(ja.length).toBeGreaterThan(0);
    expect(en.length).toBeGreaterThan(0);
    expect(ja).not.toMatch(/undefined|\[object/);
    expect(en).not.toMatch(/undefined|\[object/);
    expect(ja).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/u);
    if (entry.kind === "error") {
      expect(code).toMatch(ERROR_PREFIXES);
      expect(ja, "an error is polite: です・ます").toMatch(/(ください|ません|です|ます|ました)/u);
    }
    if (entry.kind === "warning") expect(code).toMatch(/^WARN_/);
    if (entry.kind === "text") expect(code).toMatch(/^TEXT_/);
  });

  it("every code the areas' sources name is in the catalogue", () => {
    const folders = ["src/badges", "src/geometry", "src/pdf", "src/text", "src/config"];
    const files = [...folders.flatMap((folder) => readdirSync(bundledPath(folder)).map((name) => join(folder, name))), "src/io/atomic-write.ts", "src/io/read-input-as.ts"];
    const codes = new Set<string>();
    for (const file of files.filter((name) => name.endsWith(".ts"))) {
      for (const match of readFileSync(bundledPath(file), "utf8").matchAll(/\bmsg\("([A-Z0-9_]+)"/g)) codes.add(match[1]!);
    }
    expect(codes.size).toBeGreaterThan(50);
    for (const code of codes) expect(Object.hasOwn(CATALOGUE, code), code).toBe(true);
    expect(codes.has("UNCONVERTED")).toBe(false);
  });
});
