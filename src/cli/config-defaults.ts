import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Arguments } from "yargs";
import type { NafudaConfig } from "../config/config.js";
import { typedValue } from "./lang.js";
import type { Output } from "./output.js";
import { EXIT } from "./output.js";

/** The config file names looked for in the working folder (the same list as src/config/config.ts). */
const CONFIG_NAMES = ["nafuda.config.yaml", "nafuda.config.yml", "nafuda.config.json"];

export interface CliConfig {
  found: { config: NafudaConfig; file: string } | null;
  /** The config could not be read: reported by the first command that uses it. */
  error?: unknown;
}

/**
 * nafuda.config.* (in the working folder, or named by --config), read once before the commands are set up, so
 * that its `lang` decides the language of help too. Its module (and YAML) is loaded only when there is one.
 */
export async function findCliConfig(argv: readonly string[]): Promise<CliConfig> {
  const named = typedValue(argv, "config");
  if (named === undefined && !CONFIG_NAMES.some((name) => existsSync(join(process.cwd(), name)))) return { found: null };
  try {
    const { loadConfig } = await import("../config/config.js");
    return { found: loadConfig(named) };
  } catch (error) {
    return { found: null, error };
  }
}

/** Whether `--name`, `--name=…` or one of its aliases was typed (config values never override those). */
function typed(argv: readonly string[], name: string, aliases: readonly string[]): boolean {
  return argv.some((token) => token === `--${name}` || token.startsWith(`--${name}=`) || token === `--no-${name}` ||
    aliases.some((alias) => token === `-${alias}` || token.startsWith(`-${alias}=`)));
}

/**
 * yargs middleware (before validation): fills options the user did not type from the config. A config with a
 * wrong key stops the command (exit 2) with the key named.
 */
export function applyConfigDefaults(rawArgv: readonly string[], config: CliConfig, defaults: ConfigDefaults, out: Output) {
  return (argv: Arguments): void => {
    const command = String(argv._[0] ?? "");
    if (command === "init" || command === "demo" || command === "") return;
    if (config.error !== undefined) {
      out.fail(config.error);
      process.exit(process.exitCode === EXIT.internal ? EXIT.internal : EXIT.badInput);
    }
    if (!config.found) return;
    for (const [name, value] of Object.entries(defaults(config.found.config, config.found.file, command))) {
      if (typed(rawArgv, name, name === "output" ? ["o"] : name === "template" ? ["t"] : [])) continue;
      argv[name] = value;
      argv[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
    }
  };
}

export type ConfigDefaults = (config: NafudaConfig, file: string, command: string) => Record<string, unknown>;
