/**
 * Issue 10, the config file. Before: a key named __proto__ (or constructor, toString) reached "check is not a
 * function"; `--config` pointing at a folder printed Node's "EISDIR: illegal operation on a directory, read".
 * Now each is a ConfigError with a stable code naming the file (CLI: exit 2).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig, MAX_CONFIG_BYTES } from "../../src/config/config.js";
import { bundledPath } from "../../src/package-root.js";
import { thrownBy } from "../helpers/errors.js";
import { nafuda } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-hardening-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("keys that are names of Object.prototype", () => {
  it.each([
    ["__proto__: x\n", "__proto__", "CONFIG_UNKNOWN_KEY"],
    ["__proto__:\n  a: 1\n", "__proto__", "CONFIG_UNKNOWN_KEY"],
    ["constructor: 1\n", "constructor", "CONFIG_UNKNOWN_KEY"],
    ["toString: x\n", "toString", "CONFIG_UNKNOWN_KEY"],
    ["romaji:\n  __proto__: 1\n", "romaji.__proto__", "CONFIG_UNKNOWN_KEY"],
    ["romaji:\n  constructor: x\n", "romaji.constructor", "CONFIG_UNKNOWN_KEY"],
    ['{"badges": {"hasOwnProperty": "x"}}', "badges.hasOwnProperty", "CONFIG_UNKNOWN_KEY"],
  ])("%j: %s is an unknown key", async (source, key, code) => {
    const error = await thrownBy(() => parseConfig(source, "nafuda.config.yaml"));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code, key, file: "nafuda.config.yaml" });
    expect(error.message).toContain(`「${key}」：知らないキーです。`);
    expect(error.message).not.toMatch(/is not a function/);
  });

  it("the CLI: exit 2, the key named", () => {
    const folder = join(work, "proto");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "nafuda.config.yaml"), "romaji:\n  __proto__: passport\n");
    const run = nafuda(folder, ["readings", bundledPath("examples", "roster.csv")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nafuda.config.yaml の 2 行目・「romaji.__proto__」：知らないキーです。");
    expect(run.stderr).not.toMatch(/is not a function|\n\s+at /);
  });
});

describe("--config that is not a config file", () => {
  it("a folder: FILE_IS_FOLDER naming it", async () => {
    const folder = join(work, "a-folder");
    mkdirSync(folder);
    const error = await thrownBy(() => loadConfig(folder));
    expect(error).toMatchObject({ code: "FILE_IS_FOLDER", file: folder });
    expect(error.message).toBe(`${folder}：これはフォルダーです。ファイルそのものを指定してください。`);
  });

  it("a file that is not there, a device, a file too large", async () => {
    expect(await thrownBy(() => loadConfig(join(work, "nope.yaml")))).toMatchObject({ code: "CONFIG_NOT_FOUND", file: join(work, "nope.yaml") });
    if (existsSync("/dev/zero")) expect(await thrownBy(() => loadConfig("/dev/zero"))).toMatchObject({ code: "FILE_NOT_REGULAR", file: "/dev/zero" });
    writeFileSync(join(work, "huge.yaml"), `# ${"x".repeat(MAX_CONFIG_BYTES)}\n`);
    const huge = await thrownBy(() => loadConfig(join(work, "huge.yaml")));
    expect(huge.code).toBe("CONFIG_TOO_LARGE");
    expect(huge.message).toMatch(/設定ファイルが大きすぎます（1\.0 MB、上限 1\.0 MB）/u);
  });

  it("the CLI: --config a folder exits 2 naming it, without Node's EISDIR", () => {
    const folder = join(work, "cli-folder");
    mkdirSync(join(folder, "conf"), { recursive: true });
    const run = nafuda(folder, ["readings", bundledPath("examples", "roster.csv"), "--config", "conf"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("nafuda: conf：これはフォルダーです。ファイルそのものを指定してください。\n");
  });
});

describe("lang", () => {
  it("is a config key: ja or en", async () => {
    expect(parseConfig("lang: en\n", "c.yaml").lang).toBe("en");
    expect(await thrownBy(() => parseConfig("lang: english\n", "c.yaml"))).toMatchObject({ code: "CONFIG_NOT_ONE_OF", key: "lang", line: 1 });
  });
});

describe("nafuda init --name with characters YAML and CSV treat specially", () => {
  it.each(["あおば市: 北区", 'あおば"市"', "あおば'市", "あおば市 #1", "あおば, 市", "- あおば市", "あおば市\\n"])(
    "%j: the config, the policy and the facility list it writes read back with the name as typed",
    async (name) => {
      const folder = join(work, `init-${Buffer.from(name).toString("hex")}`);
      const run = nafuda(work, ["init", folder, `--name=${name}`]);
      expect(run.status, run.stderr).toBe(0);
      expect(loadConfig(join(folder, "nafuda.config.yaml"))!.config.municipality).toBe(name);
      const { loadPolicy } = await import("../../src/posters/policy.js");
      const policy = await loadPolicy(join(folder, "policy.yaml"));
      expect(policy.issuer).toBe(name);
      const { readFacilities } = await import("../../src/posters/facilities.js");
      const list = await readFacilities(join(folder, "facilities.csv"), { policy });
      expect(list.errors).toEqual([]);
      expect(list.facilities.length).toBe(10);
      expect(list.facilities.map((f) => f.issuer).filter(Boolean).join("")).not.toContain("みどり市");
    },
  );
});
