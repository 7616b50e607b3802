import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, configDefaults, parseConfig, type ConfigIssue } from "../../src/config/config.js";
import { initMessages, initProject, starterConfig } from "../../src/config/init.js";
import { texts, thrownBy } from "../helpers/errors.js";
import { bundledPath } from "../../src/package-root.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

const folder = mkdtempSync(join(tmpdir(), "nafuda-config-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function problems(source: string): readonly ConfigIssue[] {
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
    ["romanji:\n  system: passport\n", "CONFIG_UNKNOWN_KEY", "romanji", 1,
      "nafuda.config.yaml の 1 行目・「romanji」：知らないキーです。「romaji」の書き間違いではありませんか。使えるキー：「municipality」「lang」「output」「romaji」「foreignNamesIn」「readings」「badges」「posters」。",
      'nafuda.config.yaml, line 1, key romanji: unknown key (did you mean "romaji"?); valid keys: municipality, lang, output, romaji, foreignNamesIn, readings, badges, posters'],
    ["romaji:\n  sytem: passport\n", "CONFIG_UNKNOWN_KEY", "romaji.sytem", 2,
      "nafuda.config.yaml の 2 行目・「romaji.sytem」：知らないキーです。「system」の書き間違いではありませんか。「romaji」の中で使えるキー：「system」「case」。",
      'nafuda.config.yaml, line 2, key romaji.sytem: unknown key (did you mean "system"?); valid keys in romaji: system, case'],
    ["romaji:\n  system: pasport\n", "CONFIG_NOT_ONE_OF", "romaji.system", 2,
      "nafuda.config.yaml の 2 行目・「romaji.system」：「passport」「hepburn」「kunrei」「kana」のどれかを書いてください。「passport」の書き間違いではありませんか。",
      'nafuda.config.yaml, line 2, key romaji.system: must be one of passport, hepburn, kunrei, kana (did you mean "passport"?)'],
    ["posters:\n  bleed: yes please\n", "CONFIG_NOT_FLAG", "posters.bleed", 2,
      "nafuda.config.yaml の 2 行目・「posters.bleed」：true か false で書いてください。", "nafuda.config.yaml, line 2, key posters.bleed: must be true or false"],
    ["posters:\n  sizes: A4\n", "CONFIG_NOT_TEXT_LIST", "posters.sizes", 2,
      "nafuda.config.yaml の 2 行目・「posters.sizes」：文字の並び（例：[A4, A3]）で書いてください。", "nafuda.config.yaml, line 2, key posters.sizes: must be a list of texts, e.g. [A4, A3]"],
    ["badges: standard\n", "CONFIG_NOT_SECTION", "badges", 1,
      "nafuda.config.yaml の 1 行目・「badges」：下にキー（「template」「sheet」「fonts」）を字下げして並べる段落にしてください。",
      "nafuda.config.yaml, line 1, key badges: must be a section with keys template, sheet, fonts"],
    ["lang: fr\n", "CONFIG_NOT_ONE_OF", "lang", 1, "nafuda.config.yaml の 1 行目・「lang」：「ja」「en」のどれかを書いてください。", "nafuda.config.yaml, line 1, key lang: must be one of ja, en"],
  ])("%j → %s", async (source, code, key, line, japanese, english) => {
    const error = await thrownBy(() => parseConfig(source, "nafuda.config.yaml"));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code, file: "nafuda.config.yaml", key, line });
    expect(error.message).toBe(japanese);
    expect(error.format("en")).toBe(english);
  });

  it("reports every problem at once, each with its line", async () => {
    expect(problems("municipalty: x\noutput: 3\n").map((issue) => [issue.code, issue.key, issue.line])).toEqual([
      ["CONFIG_UNKNOWN_KEY", "municipalty", 1],
      ["CONFIG_NOT_TEXT", "output", 2],
    ]);
    const error = await thrownBy(() => parseConfig("municipalty: x\noutput: 3\n", "nafuda.config.yaml"));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toBe(
      "nafuda.config.yaml：設定ファイルに直すところが 2 か所あります。\n" +
        "  ・1 行目・「municipalty」：知らないキーです。「municipality」の書き間違いではありませんか。使えるキー：「municipality」「lang」「output」「romaji」「foreignNamesIn」「readings」「badges」「posters」。\n" +
        "  ・2 行目・「output」：空でない文字で書いてください。",
    );
    expect(error.format("en")).toBe(
      "nafuda.config.yaml: 2 problems:\n" +
        '  line 1, key municipalty: unknown key (did you mean "municipality"?); valid keys: municipality, lang, output, romaji, foreignNamesIn, readings, badges, posters\n' +
        "  line 2, key output: must be a non-empty text",
    );
  });

  it("names YAML syntax errors and keys given twice by their line", async () => {
    const twice = await thrownBy(() => parseConfig("output: a\noutput: b\n", "nafuda.config.yaml"));
    expect(twice).toMatchObject({ code: "CONFIG_DUPLICATE_KEY", line: 2 });
    expect(twice.message).toBe("nafuda.config.yaml の 2 行目：同じキーが二度書かれています。一つにまとめてください。");
    const syntax = await thrownBy(() => parseConfig("romaji: [\n", "nafuda.config.yaml"));
    expect(syntax).toMatchObject({ code: "CONFIG_SYNTAX", line: 2 });
    expect(syntax.message).toMatch(/^nafuda\.config\.yaml の 2 行目：YAML（または JSON）として読めません（.+）。字下げ、コロン、括弧、引用符を確かめてください。$/u);
    expect(syntax.message).not.toMatch(/at line/);
    const list = await thrownBy(() => parseConfig("- a\n", "nafuda.config.yaml"));
    expect(list.code).toBe("CONFIG_NOT_MAPPING");
    expect(list.message).toBe("nafuda.config.yaml：設定ファイルには「キー: 値」の組を書いてください（nafuda init が作る見本のとおりに）。");
  });

  it("accepts lang: ja or en", () => {
    expect(parseConfig("lang: en\n", "nafuda.config.yaml")).toEqual({ lang: "en" });
    expect(parseConfig("lang: ja\n", "nafuda.config.yaml").lang).toBe("ja");
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
    [COMPILED_CLI, ...args],
    { encoding: "utf8", cwd: folder });

  it("writes the starter files once and never overwrites them without --force", async () => {
    expect((await initProject(folder, "あおば市")).written).toEqual(
      ["nafuda.config.yaml", "policy.yaml", "facilities.csv", "templates/badge.json", "confirmed-readings.csv"]);
    writeFileSync(join(folder, "policy.yaml"), readFileSync(join(folder, "policy.yaml"), "utf8") + "\n# edited\n");
    expect((await initProject(folder, "あおば市")).skipped).toContain("policy.yaml");
    expect(readFileSync(join(folder, "policy.yaml"), "utf8")).toContain("# edited");
    expect(readFileSync(join(folder, "policy.yaml"), "utf8")).toContain("issuer: あおば市");
  });

  it("says what it did and what to do next, in Japanese or English", () => {
    const messages = initMessages({ written: ["nafuda.config.yaml"], skipped: ["policy.yaml"] }, "city");
    expect(messages.map((m) => m.code)).toEqual(["TEXT_INIT_WROTE", "TEXT_INIT_KEPT", "TEXT_INIT_NEXT"]);
    expect(texts(messages)).toEqual([
      "nafuda.config.yaml を書きました",
      "policy.yaml はすでにあるので、そのままにしました（上書きするには --force）",
      "次に policy.yaml と facilities.csv を直し、city で nafuda readings <名簿> を実行してください。",
    ]);
    expect(texts(messages, "en")).toEqual([
      "wrote nafuda.config.yaml",
      "kept policy.yaml (exists; --force to overwrite)",
      "Next: edit policy.yaml and facilities.csv, then run nafuda readings <roster> in city",
    ]);
  });

  it("refuses to write into a folder that is a file", async () => {
    writeFileSync(join(folder, "not-a-folder"), "x");
    const error = await thrownBy(() => initProject(join(folder, "not-a-folder"), "あおば市"));
    expect(error).toMatchObject({ code: "OUTPUT_FOLDER_NOT_FOLDER", file: join(folder, "not-a-folder") });
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
    expect(run.stderr).toContain("nafuda.config.yaml の 1 行目・「romanji」：知らないキーです。「romaji」の書き間違いではありませんか。");
    expect(existsSync(join(folder, "out", "review.csv"))).toBe(true); // from the earlier run, untouched
  });
});
