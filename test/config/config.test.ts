import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, configDefaults, parseConfig } from "../../src/config/config.js";
import { initProject, starterConfig } from "../../src/config/init.js";
import { bundledPath } from "../../src/package-root.js";

const folder = mkdtempSync(join(tmpdir(), "nafuda-config-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function problems(source: string): string[] {
  try {
    parseConfig(source, "nafuda.config.yaml");
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
}

describe("nafuda.config.yaml validation: one clear message per wrong key", () => {
  it.each([
    ["romanji:\n  system: passport\n", 'unknown key "romanji" (did you mean "romaji"?)'],
    ["romaji:\n  sytem: passport\n", 'unknown key "romaji.sytem" (did you mean "system"?)'],
    ["romaji:\n  system: pasport\n", 'romaji.system must be one of passport, hepburn, kunrei, kana (did you mean "passport"?)'],
    ["posters:\n  bleed: yes please\n", "posters.bleed must be true or false"],
    ["posters:\n  sizes: A4\n", "posters.sizes must be a list of texts"],
    ["badges: standard\n", "badges must be a section with keys template, sheet, fonts"],
  ])("%j → %s", (source, message) => {
    expect(problems(source).join("\n")).toContain(message);
  });

  it("reports every problem at once", () => {
    expect(problems("municipalty: x\noutput: 3\n")).toHaveLength(2);
  });

  it("accepts the starter config that nafuda init writes, and JSON", () => {
    expect(problems(starterConfig("あおば市"))).toEqual([]);
    expect(parseConfig('{"romaji": {"case": "upper"}}', "nafuda.config.json")).toEqual({ romaji: { case: "upper" } });
  });
});

describe("config values become option defaults", () => {
  const config = parseConfig(starterConfig("あおば市"), "/city/nafuda.config.yaml");
  it("resolves paths against the config's folder and keeps built-in names", () => {
    expect(configDefaults(config, "/city/nafuda.config.yaml", "badges")).toMatchObject({
      romaji: "passport", overrides: "/city/confirmed-readings.csv", template: "/city/templates/badge.json",
      sheet: "a4-10up", output: "/city/out/badges.pdf",
    });
    expect(configDefaults(config, "/city/nafuda.config.yaml", "posters")).toMatchObject({ policy: "/city/policy.yaml", output: "/city/out/posters" });
  });
  it("gives a command only the options it has", () => {
    expect(Object.keys(configDefaults(config, "/city/nafuda.config.yaml", "posters"))).not.toContain("romaji");
  });
});

describe("nafuda init and a config-driven run", () => {
  const nafuda = (...args: string[]) => spawnSync(process.execPath,
    ["--import", pathToFileURL(bundledPath("node_modules", "tsx", "dist", "loader.mjs")).href, bundledPath("src", "cli", "main.ts"), ...args],
    { encoding: "utf8", cwd: folder });

  it("writes the starter files once and never overwrites them without --force", async () => {
    expect((await initProject(folder, "あおば市")).written).toEqual(
      ["nafuda.config.yaml", "policy.yaml", "facilities.csv", "templates/badge.json", "confirmed-readings.csv"]);
    writeFileSync(join(folder, "policy.yaml"), readFileSync(join(folder, "policy.yaml"), "utf8") + "\n# edited\n");
    expect((await initProject(folder, "あおば市")).skipped).toContain("policy.yaml");
    expect(readFileSync(join(folder, "policy.yaml"), "utf8")).toContain("# edited");
    expect(readFileSync(join(folder, "policy.yaml"), "utf8")).toContain("issuer: あおば市");
  });

  it("runs readings with the config's romaji case and output folder; an option typed on the command line wins", () => {
    writeFileSync(join(folder, "nafuda.config.yaml"), starterConfig("あおば市").replace("  case: title", "  case: upper"));
    expect(nafuda("readings", bundledPath("examples", "roster.csv")).status).toBe(0);
    expect(readFileSync(join(folder, "out", "review.csv"), "utf8")).toContain(",SATO,");
    const typed = nafuda("readings", bundledPath("examples", "roster.csv"), "--romaji-case", "title", "--format", "json", "-o", "r.json");
    expect(typed.status).toBe(0);
    expect(readFileSync(join(folder, "r.json"), "utf8")).toContain('"Sato"');
  });

  it("stops with exit 2 and names the key when the config has a typo", () => {
    writeFileSync(join(folder, "nafuda.config.yaml"), "romanji:\n  system: passport\n");
    const run = nafuda("readings", bundledPath("examples", "roster.csv"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown key "romanji" (did you mean "romaji"?)');
    expect(existsSync(join(folder, "out", "review.csv"))).toBe(true); // from the earlier run, untouched
  });
});
