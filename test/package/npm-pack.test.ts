import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/package-root.js";

/**
 * What another municipality gets: `npm pack`, installed into an empty project (dependencies from the npm cache
 * that `npm ci` filled, so no download is needed), then the CLI and a script importing the library, both run
 * from the installed package alone.
 */
const work = mkdtempSync(join(tmpdir(), "nafuda-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the npm package", () => {
  it("installs into an empty project and runs the CLI and the library from there", () => {
    const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    npm(["pack", "--pack-destination", work, "--silent"], packageRoot());
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
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

    // The README's runnable examples, as shipped in the package, against the installed build.
    for (const [example, expected] of [["library-usage.mjs", /72 staff, 0 to review, 0 errors/], ["badges-and-posters.mjs", /72 badges .* posters for /]] as const) {
      const run = spawnSync(process.execPath, [join(installed, "examples", example), join(project, "example-out")], { cwd: project, encoding: "utf8" });
      expect(run.status, `${example}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(expected);
    }
  }, 240_000);
});
