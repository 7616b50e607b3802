import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPath, packageRoot } from "../../src/package-root.js";
import { TSX_LOADER } from "../hardening/helpers.js";

/**
 * What another municipality gets: `npm pack`, installed into an empty project (dependencies from the npm cache
 * that `npm ci` filled, so no download is needed), then the CLI and a script importing the library, both run
 * from the installed package alone.
 */
const work = mkdtempSync(join(tmpdir(), "nafuda-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
let tarball: string;
beforeAll(() => {
  // One `npm pack` (its prepack builds dist/) for both tests.
  npm(["pack", "--pack-destination", work, "--silent"], packageRoot());
  tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
}, 120_000);

describe("the npm package", () => {
  it("holds what it documents and nothing else, and says its size", () => {
    const listing = JSON.parse(npm(["pack", "--dry-run", "--json", "--ignore-scripts"], packageRoot())) as { files: { path: string }[]; size: number; unpackedSize: number }[];
    const files = listing[0]!.files.map((f) => f.path);
    const tops = [...new Set(files.map((f) => f.split("/")[0]))].sort();
    expect(tops).toEqual(["NOTICE.md", "README.md", "data", "dist", "examples", "fonts", "nafuda.cmd", "package.json", "templates", "web"]);
    expect(files.some((f) => f.startsWith("dist/src/") && f.endsWith(".d.ts"))).toBe(true);
    expect(files.filter((f) => /^(test|bench|scripts|src)\//.test(f) || f.startsWith("dist/test") || f.startsWith("dist/bench"))).toEqual([]);
    for (const schema of ["templates/badges/template.schema.json", "templates/badges/sheet.schema.json", "templates/posters/layout.schema.json", "templates/posters/policy.schema.json"]) expect(files).toContain(schema);
    // Reported, not asserted: the size a city downloads and installs.
    console.log(`npm package: ${(listing[0]!.size / 1024 / 1024).toFixed(1)} MB packed, ${(listing[0]!.unpackedSize / 1024 / 1024).toFixed(1)} MB installed, ${files.length} files`);
  });

  it("installs into an empty project and runs the CLI and the library from there", () => {
    expect(tarball).toBeDefined();

    const project = join(work, "city");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "city", private: true, type: "module" }));
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", join(work, tarball!)], project);
    const installed = join(project, "node_modules", "nafuda");
    for (const part of ["dist/src/index.js", "dist/src/cli/main.js", "data/ipadic-names.tsv", "fonts/BIZUDPGothic-Bold.ttf", "templates/badges/standard.json", "examples/roster.csv", "web"]) {
      expect(existsSync(join(installed, part)), part).toBe(true);
    }
    expect(existsSync(join(installed, "test")) || existsSync(join(installed, "bench")) || existsSync(join(installed, "src"))).toBe(false);

    const cli = spawnSync(join(project, "node_modules", ".bin", "nafuda"), ["readings", join(installed, "examples", "roster.csv"), "--format", "json"], { cwd: project, encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).summary).toEqual({ total: 72, review: 3, errors: 0 });

    writeFileSync(join(project, "badges.mjs"), `
      import { writeFile } from "node:fs/promises";
      import { loadRoster, createReadingResolver, resolveReadings, renderBadges, loadTemplate, sheetPreset } from "nafuda";
      const roster = await loadRoster("node_modules/nafuda/examples/roster.csv");
      const { staff } = await resolveReadings(roster.records, createReadingResolver({ overrides: "node_modules/nafuda/examples/confirmed-readings.csv" }));
      const pdf = await renderBadges(staff, { template: await loadTemplate("standard"), sheet: sheetPreset("a4-10up") });
      await writeFile("badges.pdf", pdf);
      console.log(staff.length, pdf.length);
    `);
    const library = spawnSync(process.execPath, ["badges.mjs"], { cwd: project, encoding: "utf8" });
    expect(library.status, library.stderr).toBe(0);
    const [count, bytes] = library.stdout.trim().split(" ").map(Number);
    expect(count).toBe(72);
    expect(bytes).toBeGreaterThan(10_000);

    // The README's runnable library examples, as shipped in the package, against the installed build.
    for (const [example, expected] of [
      ["readings.mjs", /72 staff, 0 to review, 0 errors/],
      ["badges.mjs", /72 badges .* on the band template, .* on the city's own/],
      ["posters.mjs", /posters for .* one from data and one on artwork/],
      ["errors.mjs", /ROSTER_NO_NAME_COLUMN/],
    ] as const) {
      const run = spawnSync(process.execPath, [join(installed, "examples", "library", example), join(project, "example-out")], { cwd: project, encoding: "utf8" });
      expect(run.status, `${example}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(expected);
    }
    // The subpath entries resolve from the installed package.
    const sub = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { romanize } from "nafuda/romaji"; import { toHiragana } from "nafuda/kana"; import { mmToPt } from "nafuda/pdf"; import { startServer } from "nafuda/serve"; console.log(romanize(toHiragana("サトウ")), Math.round(mmToPt(91)), typeof startServer);'], { cwd: project, encoding: "utf8" });
    expect(sub.status, sub.stderr).toBe(0);
    expect(sub.stdout.trim()).toBe("Sato 258 function");
  }, 240_000);
});

describe("the offline package (npm run package:offline)", () => {
  it("unpacks on a PC without network and npm, and runs from its folder: readings, badges, the launcher", () => {
    const out = join(work, "offline");
    const made = spawnSync(process.execPath, ["--import", TSX_LOADER, bundledPath("scripts", "package-offline.ts"), out, join(work, tarball)], { cwd: packageRoot(), encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    const zipName = readdirSync(out).find((f) => f.endsWith(".zip"))!;
    expect(zipName).toMatch(/^nafuda-offline-\d+\.\d+\.\d+\.zip$/);
    // Unpacked as Windows' Explorer would: every entry under one folder.
    const entries = unzipSync(new Uint8Array(readFileSync(join(out, zipName))));
    const names = Object.keys(entries);
    const top = zipName.replace(/\.zip$/, "");
    expect(names.every((n) => n.startsWith(`${top}/`))).toBe(true);
    const place = join(work, "C ドライブ", "名札 nafuda"); // spaces and Japanese in the path, as on a city PC
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.endsWith("/")) continue;
      const path = join(place, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
    const root = join(place, top);
    for (const part of ["nafuda.cmd", "はじめにお読みください.txt", "dist/src/cli/main.js", "node_modules/pdf-lib/package.json", "node_modules/kuromoji/dict/base.dat.gz", "examples/roster.csv"]) {
      expect(existsSync(join(root, part)), part).toBe(true);
    }
    // Only what runs: no test tools, no TypeScript, no benchmark peers.
    for (const dev of ["vitest", "typescript", "pdfkit", "@pdfme", "playwright-core", "tsx"]) expect(existsSync(join(root, "node_modules", dev)), dev).toBe(false);
    const guide = readFileSync(join(root, "はじめにお読みください.txt"));
    expect(guide.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // Notepad reads it as UTF-8
    expect(guide.toString("utf8")).toContain("nafuda.cmd をダブルクリック");

    // With every network call refused (the test preload records any attempt) and npm nowhere on the PATH.
    const log = join(work, "net.log");
    const preload = pathToFileURL(bundledPath("test", "hardening", "no-network-preload.mjs")).href;
    const env = { PATH: dirname(process.execPath), NAFUDA_NET_LOG: log, HOME: work };
    const cli = (args: string[]) => spawnSync(process.execPath, ["--import", preload, join(root, "dist", "src", "cli", "main.js"), ...args], { cwd: root, encoding: "utf8", env });
    const readings = cli(["readings", join("examples", "roster.csv"), "--format", "json", "-o", "-"]);
    expect(readings.status, readings.stderr).toBe(0);
    expect(JSON.parse(readings.stdout).summary).toEqual({ total: 72, review: 3, errors: 0 });
    const badges = cli(["badges", join("examples", "roster.csv"), "--overrides", join("examples", "confirmed-readings.csv"), "-o", join(work, "offline.pdf")]);
    expect(badges.status, badges.stderr).toBe(0);
    expect(readFileSync(join(work, "offline.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  }, 240_000);
});

describe("the Windows launcher nafuda.cmd", () => {
  const text = readFileSync(bundledPath("nafuda.cmd"));
  it("is ASCII only with CRLF line ends (cmd.exe reads .cmd files in CP932, and needs CRLF for its labels)", () => {
    expect([...text].every((byte) => byte === 0x0d || byte === 0x0a || (byte >= 0x20 && byte < 0x7f))).toBe(true);
    const lines = text.toString("latin1").split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).every((line) => !line.includes("\n") && !line.includes("\r"))).toBe(true);
  });

  it("starts the page from its own folder, quoting paths (spaces and Japanese folder names work), and stops to show an error", () => {
    const script = text.toString("latin1");
    expect(script).toContain('cd /d "%~dp0"');
    expect(script).toContain('node "%~dp0dist\\src\\cli\\main.js" serve %*');
    expect(script).toMatch(/where node >nul 2>nul\r\nif errorlevel 1 goto nonode/);
    for (const label of ["nonode", "nobuild"]) expect(script).toContain(`goto ${label}`), expect(script).toContain(`:${label}\r\n`);
    expect(script).toContain("pause");
  });
});
