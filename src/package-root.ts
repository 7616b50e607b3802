import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The folder holding nafuda's package.json, whether running from src/ (tests, tsx)
 * or from dist/src/ (the installed CLI). Bundled fonts, templates and data live under it.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "nafuda") return (cached = folder);
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("nafuda: cannot find the package folder (package.json named nafuda)");
    folder = parent;
  }
}

/** A path inside the package folder, e.g. bundledPath("fonts", "BIZUDGothic-Regular.ttf"). */
export function bundledPath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
