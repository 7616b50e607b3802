import { stderrOfHandler } from "../helpers/command-handler.js";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { postersCommand } from "../../src/cli/commands/posters.js";
import { Output } from "../../src/cli/output.js";
import { bundledPath } from "../../src/package-root.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-posters-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

const run = (args: Record<string, unknown>) => stderrOfHandler(postersCommand(new Output("ja")) as never, { bleed: false, "crop-marks": false, ...args });

describe("nafuda posters", () => {
  it("makes the example city's posters with --sizes, bleed and crop marks", async () => {
    const out = join(work, "out");
    const stderr = await run({ facilities: bundledPath("examples", "facilities.csv"), policy: bundledPath("examples", "policy.yaml"), output: out, sizes: ["a4"], bleed: true, "crop-marks": true, "date-style": "western" });
    expect(process.exitCode ?? 0).toBe(0);
    // An A4 is the poster, then a handout page with the whole text (and a page for the language panels where they do not fit).
    expect(stderr).toMatch(/10 施設、ポスター 22 ページ、発注 \d+ 部、エラー 0 件。/);
    expect(readdirSync(out)).toHaveLength(12);
  });

  it("reports bad rows with file, row and column and exits 1; a bad size option exits 2", async () => {
    const list = join(work, "bad.csv");
    writeFileSync(list, "施設名,対策,サイズ\n北公民館,police,A4\n南公民館,police,A9\n");
    const stderr = await run({ facilities: list, policy: bundledPath("examples", "policy.yaml"), output: join(work, "bad") });
    expect(stderr).toContain(`エラー：${list} の 3 行目・「サイズ」列：「A9」というサイズは作れません。「A4」の書き間違いではありませんか。作れるサイズ：「A4」「A3」「B3」「B2」。\n`);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    await run({ facilities: list, policy: bundledPath("examples", "policy.yaml"), output: join(work, "bad2"), sizes: ["A9"] });
    expect(process.exitCode).toBe(2);
  });

  it("names the policy file, line and key of a typo and exits 2", async () => {
    const policy = join(work, "policy.yaml");
    writeFileSync(policy, "issuer: x\ntitel: t\n");
    const stderr = await run({ facilities: bundledPath("examples", "facilities.csv"), policy, output: join(work, "none") });
    expect(stderr).toContain(`エラー：${policy}：方針ファイルを使えません。次の`);
    expect(stderr).toContain(`エラー：${policy} の 2 行目・「titel」：「titel」という項目はありません。「title」の書き間違いではありませんか。`);
    expect(process.exitCode).toBe(2);
  });
});
