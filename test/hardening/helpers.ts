import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { bundledPath } from "../../src/package-root.js";
import { COMPILED_CLI } from "../helpers/compiled-cli.js";

/** The tsx loader by absolute URL: `--import tsx` does not resolve from other working folders. */
export const TSX_LOADER = pathToFileURL(bundledPath("node_modules", "tsx", "dist", "loader.mjs")).href;
/** The CLI as JavaScript, transpiled from src/ by the suite's global setup (test/helpers/compiled-cli.ts). */
export const CLI = COMPILED_CLI;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as a user would, a node process in `cwd`, from the sources transpiled to JavaScript once per run
 * (through tsx every process spent ~0.25 s more in loader hooks).
 * `nodeFlags` go before the script (e.g. another --import preload, --max-old-space-size).
 */
export function nafuda(cwd: string, args: string[], options: { nodeFlags?: string[]; env?: Record<string, string>; timeout?: number } = {}): CliRun {
  const run: SpawnSyncReturns<string> = spawnSync(
    process.execPath,
    [...(options.nodeFlags ?? []), CLI, ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "", NAFUDA_DEBUG: "", ...options.env },
      timeout: options.timeout ?? 120_000,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `folder`, relative, sorted (hidden files included). */
export function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(folder, path));
    }
  };
  walk(folder);
  return out.sort();
}

/** Temporary files writeFileAtomic would leave behind if it failed half-way. */
export function leftovers(folder: string): string[] {
  return filesUnder(folder).filter((file) => file.endsWith(".tmp") || /(^|\/)\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(file));
}
