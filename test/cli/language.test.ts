import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nafuda } from "../hardening/helpers.js";

/** The CLI as a person meets it: Japanese unless asked otherwise, help included; bad options said first. */
const work = mkdtempSync(join(tmpdir(), "nafuda-lang-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) => nafuda(work, args, { env: { NAFUDA_LANG: "", LANG: "en_US.UTF-8", LC_ALL: "", ...env } });

describe("the language of the CLI", () => {
  it("speaks Japanese by default, whatever the machine's locale (LANG=en_US here)", () => {
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^使い方: nafuda <コマンド> \[オプション\]/);
    expect(help.stdout).toContain("コマンド:");
    expect(help.stdout).toContain("職員一人ひとりの姓の読み");
    expect(help.stdout).not.toMatch(/Commands:|Show help/);
  });

  it("speaks English with --lang en, NAFUDA_LANG=en, or the config's lang: en", () => {
    for (const [args, env] of [[["--help", "--lang", "en"], {}], [["--help"], { NAFUDA_LANG: "en" }]] as const) {
      const help = run([...args], env);
      expect(help.stdout).toMatch(/^Usage: nafuda <command> \[options\]/);
      expect(help.stdout).toContain("Commands:");
    }
    const folder = mkdtempSync(join(work, "config-"));
    writeFileSync(join(folder, "nafuda.config.yaml"), "lang: en\n");
    const fromConfig = nafuda(folder, ["readings", "--help"], { env: { NAFUDA_LANG: "" } });
    expect(fromConfig.stdout).toContain("Decide every staff member's surname reading");
  });

  it("the command help is in the run's language too", () => {
    expect(run(["badges", "--help"]).stdout).toContain("確認が済んでいない読みがあっても印刷します");
    expect(run(["badges", "--help", "--lang", "en"]).stdout).toContain("print even though some readings still need review");
  });

  it("a bad option: the error first, one line on where help is, exit 2 (never the whole help)", () => {
    const bad = run(["readings", "x.csv", "--romaji", "wapuro"]);
    expect(bad.status).toBe(2);
    const lines = bad.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^nafuda: 指定のしかたが正しくありません：/);
    expect(lines[0]).toContain("wapuro");
    expect(lines[1]).toBe("説明を見るには：nafuda readings --help");
    const unknown = run(["badges", "r.csv", "-o", "b.pdf", "--colour", "red", "--lang", "en"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^nafuda: the options are not right: Unknown argument: colour\nFor help: nafuda badges --help\n$/);
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("コマンドを指定してください");
  });

  it("an unknown --lang is refused in Japanese", () => {
    const bad = run(["readings", "x.csv", "--lang", "fr"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^nafuda: 指定のしかたが正しくありません：/);
  });
});
