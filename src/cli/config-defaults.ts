import type { Arguments } from "yargs";
import { configDefaults, loadConfig } from "../config/config.js";
import { EXIT } from "./report.js";

/** Whether `--name`, `--name=…` or one of its aliases was typed (config values never override those). */
function typed(argv: readonly string[], name: string, aliases: readonly string[]): boolean {
  return argv.some((token) => token === `--${name}` || token.startsWith(`--${name}=`) || token === `--no-${name}` ||
    aliases.some((alias) => token === `-${alias}` || token.startsWith(`-${alias}=`)));
}

/**
 * yargs middleware (before validation): fills options the user did not type from nafuda.config.* (found in the
 * working folder, or named by --config). A config with a wrong key stops the command with the key named.
 */
export function applyConfigDefaults(rawArgv: readonly string[]) {
  return (argv: Arguments): void => {
    const command = String(argv._[0] ?? "");
    if (command === "init" || command === "demo") return;
    try {
      const found = loadConfig(typeof argv.config === "string" ? argv.config : undefined);
      if (!found) return;
      for (const [name, value] of Object.entries(configDefaults(found.config, found.file, command))) {
        if (typed(rawArgv, name, name === "output" ? ["o"] : name === "template" ? ["t"] : [])) continue;
        argv[name] = value;
        argv[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
      }
    } catch (error) {
      process.stderr.write(`nafuda: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(EXIT.badInput);
    }
  };
}
