/**
 * No network access at run time: the whole job runs in a child process under a preload that refuses
 * and records every socket, DNS lookup, HTTP(S)/TLS request and fetch. The log must stay empty.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundledPath } from "../../src/package-root.js";
import { CLI, filesUnder, leftovers, TSX_LOADER } from "./helpers.js";

const PRELOAD = pathToFileURL(bundledPath("test", "hardening", "no-network-preload.mjs")).href;
const work = mkdtempSync(join(tmpdir(), "nafuda-no-network-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function underPreload(name: string, args: string[]) {
  const log = join(work, `${name}.log`);
  // tsx only for a TypeScript script (full-run.ts); the CLI is JavaScript already (helpers.ts CLI).
  const run = spawnSync(process.execPath, ["--import", PRELOAD, ...(args[0]!.endsWith(".ts") ? ["--import", TSX_LOADER] : []), ...args], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "", NAFUDA_NET_LOG: log },
    timeout: 120_000,
  });
  const attempts = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as { what: string }) : [];
  return { ...run, attempts };
}

describe("no network access at run time", () => {
  it("the preload catches and records a connection attempt (so the test below can fail)", () => {
    const probe = join(work, "probe.mjs");
    const code = [
      "import net from 'node:net'; import dns from 'node:dns';",
      "try { net.connect(9, '127.0.0.1'); } catch {}",
      "try { dns.lookup('example.org', () => {}); } catch {}",
      "await fetch('http://127.0.0.1:9/').catch(() => {});",
      "try { (await import('node:https')).get('https://example.org/'); } catch {}",
    ].join("\n");
    writeFileSync(probe, code);
    const run = underPreload("probe", [probe]);
    expect(run.status).toBe(0);
    expect(run.attempts.map((a) => a.what)).toEqual(["net.connect", "dns.lookup", "fetch", "https.get"]);
  });

  it("readings (with the analyzer), review sheet, badges and posters open no socket", () => {
    const out = join(work, "out");
    const run = underPreload("full", [bundledPath("test", "hardening", "full-run.ts"), out]);
    expect(run.stderr).not.toMatch(/network access refused/);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split("\n").pop()!) as { staff: number; analyzed: string[]; badges: number; posters: number; posterErrors: number };
    expect(summary.analyzed).toContain("鬮橋"); // the analyzer's dictionary was loaded
    expect(summary.badges).toBeGreaterThan(60);
    expect(summary.posters).toBeGreaterThan(2);
    expect(summary.posterErrors).toBe(0);
    expect(run.attempts).toEqual([]);
    expect(filesUnder(out)).toEqual(expect.arrayContaining(["badges.pdf", "review.csv", "posters/_order-manifest.csv"]));
    expect(leftovers(out)).toEqual([]);
  });

  it("the CLI (readings --strict, badges, posters) opens no socket either", () => {
    const out = join(work, "cli");
    const example = (name: string) => bundledPath("examples", name);
    const confirmed = example("confirmed-readings.csv");
    for (const [name, args] of [
      ["readings", ["readings", example("roster.csv"), "--overrides", confirmed, "--strict", "-o", join(out, "review.csv")]],
      ["badges", ["badges", example("roster.xlsx"), "--overrides", confirmed, "-o", join(out, "badges.pdf")]],
      ["posters", ["posters", example("facilities.csv"), "--policy", example("policy.yaml"), "-o", join(out, "posters")]],
    ] as const) {
      const run = underPreload(`cli-${name}`, [CLI, ...args]);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.attempts, name).toEqual([]);
    }
  });
});
