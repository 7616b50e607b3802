import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-startup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PRELOAD = pathToFileURL(bundledPath("test", "badges", "loaded-modules-preload.mjs")).href;

/** The packages (node_modules/NAME) a nafuda process loads. */
function packagesLoaded(args: string[]): { status: number | null; stderr: string; packages: Set<string> } {
  const log = join(work, `modules-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ["--import", PRELOAD, COMPILED_CLI, ...args], {
    cwd: work, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", NAFUDA_MODULES_FILE: log },
  });
  const packages = new Set<string>();
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line) ?? /^cjs:((?:@[^/]+\/)?[^./][^/]*)/.exec(line);
    if (match) packages.add(match[1]!);
  }
  return { status: run.status, stderr: run.stderr, packages };
}

describe("a command loads only what it uses (issue 16)", () => {
  it("nafuda badges on a CSV roster loads neither pdf-lib nor fontkit, subset-font's WOFF tools or the YAML parser", () => {
    writeFileSync(join(work, "roster.csv"), "\uFEFF職員番号,氏名,姓フリガナ,所属\r\n1,松野　太郎,マツノ,総務課\r\n2,林　花子,ハヤシ,市民課\r\n");
    const run = packagesLoaded(["badges", "roster.csv", "-o", "badges.pdf"]);
    expect(run.status, run.stderr).toBe(0);
    for (const heavy of ["pdf-lib", "@pdf-lib/fontkit", "fontkit", "subset-font", "fontverter", "wawoff2", "pako", "yaml", "kuroshiro", "kuromoji"]) {
      expect(run.packages.has(heavy), `${heavy} was loaded: ${[...run.packages].join(", ")}`).toBe(false);
    }
    expect(run.packages.has("yargs")).toBe(true); // the preload does see packages
    expect(readFileSync(join(work, "badges.pdf")).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
  });

  it("a template with a background PDF loads pdf-lib for that page, and still no fontkit", () => {
    const run = packagesLoaded(["badges", "roster.csv", "--template", "band", "-o", "band.pdf"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.packages.has("pdf-lib")).toBe(true);
    expect(run.packages.has("@pdf-lib/fontkit")).toBe(false);
  });
});
