/**
 * The CLI as plain JavaScript for the tests that start it as a process. Running the sources through tsx costs every
 * nafuda process ~0.25 s of loader hooks (Node 20 runs them on a loader thread: every module crosses over), and the
 * suite starts about 115 of them (issue 16: npm test ≤ 150 s). The global setup (test/helpers/global-setup.ts)
 * transpiles src/ into out/test-cli/src/ once per run with the TypeScript compiler's transpileModule (types are
 * checked by `tsc --noEmit` before the suite), keeping the folder layout, so the package root, fonts, data and
 * templates are found as from dist/.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { bundledPath } from "../../src/package-root.js";

/** Where the transpiled sources go. */
export const COMPILED_ROOT = bundledPath("out", "test-cli");

/** `node COMPILED_CLI …` runs nafuda as its users do, from JavaScript. */
export const COMPILED_CLI = join(COMPILED_ROOT, "src", "cli", "main.js");

/** Transpiles every src/**\/*.ts newer than its output. Returns how many files were written. */
export async function compileCli(): Promise<number> {
  const ts = (await import("typescript")).default;
  const source = bundledPath("src");
  let written = 0;
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
    });
  for (const file of walk(source)) {
    const out = join(COMPILED_ROOT, "src", relative(source, file)).replace(/\.ts$/, ".js");
    let fresh = false;
    try {
      fresh = statSync(out).mtimeMs >= statSync(file).mtimeMs;
    } catch {
      fresh = false;
    }
    if (fresh) continue;
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, esModuleInterop: true, sourceMap: false },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    written++;
  }
  // Node decides ESM or CommonJS from the nearest package.json: the package's own ("type": "module") is above.
  return written;
}
