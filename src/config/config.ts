import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { didYouMean } from "../text/suggest.js";
import { ROMAJI_CASES, ROMAJI_SYSTEMS, type RomajiCase, type RomajiSystem } from "../romaji/systems.js";

/**
 * nafuda.config.json / nafuda.config.yaml: what a city sets once so that nobody types it again.
 * Every value is a default: an option given on the command line wins. Paths are relative to the config file.
 */
export interface NafudaConfig {
  /** The municipality's name, e.g. 「あおば市」 (used by `nafuda init` and shown in messages). */
  municipality?: string;
  romaji?: { system?: RomajiSystem; case?: RomajiCase };
  readings?: { overrides?: string };
  badges?: { template?: string; sheet?: string; fonts?: Record<string, string> };
  posters?: { policy?: string; sizes?: string[]; dateStyle?: "era" | "western"; bleed?: boolean; cropMarks?: boolean };
  /** Folder for outputs when a command is run without -o: review.csv, badges.pdf, posters/. */
  output?: string;
}

export const CONFIG_FILE_NAMES = ["nafuda.config.yaml", "nafuda.config.yml", "nafuda.config.json"] as const;

export class ConfigError extends Error {
  override name = "ConfigFileError";
  constructor(readonly file: string, readonly issues: string[]) {
    super(`${file}: ${issues.length === 1 ? issues[0] : `${issues.length} problems:\n  ${issues.join("\n  ")}`}`);
  }
}

type Check = (value: unknown) => string | null;
const text: Check = (v) => (typeof v === "string" && v.trim() !== "" ? null : "must be a non-empty text");
const flag: Check = (v) => (typeof v === "boolean" ? null : "must be true or false");
const oneOf = (choices: readonly string[]): Check => (v) =>
  typeof v === "string" && choices.includes(v) ? null : `must be one of ${choices.join(", ")}${typeof v === "string" ? didYouMean(v, choices) : ""}`;
const texts: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? null : "must be a list of texts, e.g. [A4, A3]");
const textMap: Check = (v) =>
  v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string") ? null : "must map names to font files";

/** The schema as data: each key, what it accepts. Nested objects are sections. */
const SCHEMA: Record<string, Check | Record<string, Check>> = {
  municipality: text,
  output: text,
  romaji: { system: oneOf(ROMAJI_SYSTEMS), case: oneOf(ROMAJI_CASES) },
  readings: { overrides: text },
  badges: { template: text, sheet: text, fonts: textMap },
  posters: { policy: text, sizes: texts, dateStyle: oneOf(["era", "western"]), bleed: flag, cropMarks: flag },
};

/** Validates parsed config data; every wrong key or value is reported at once, with the nearest valid key. */
export function validateConfig(data: unknown, file: string): NafudaConfig {
  const issues: string[] = [];
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new ConfigError(file, ["the file must hold a mapping of keys (see nafuda init)"]);
  for (const [key, value] of Object.entries(data)) {
    const rule = SCHEMA[key];
    if (!rule) { issues.push(`unknown key "${key}"${didYouMean(key, Object.keys(SCHEMA))}; valid keys: ${Object.keys(SCHEMA).join(", ")}`); continue; }
    if (typeof rule === "function") { const problem = rule(value); if (problem) issues.push(`${key} ${problem}`); continue; }
    if (!value || typeof value !== "object" || Array.isArray(value)) { issues.push(`${key} must be a section with keys ${Object.keys(rule).join(", ")}`); continue; }
    for (const [inner, innerValue] of Object.entries(value)) {
      const check = rule[inner];
      if (!check) { issues.push(`unknown key "${key}.${inner}"${didYouMean(inner, Object.keys(rule))}; valid keys in ${key}: ${Object.keys(rule).join(", ")}`); continue; }
      const problem = check(innerValue);
      if (problem) issues.push(`${key}.${inner} ${problem}`);
    }
  }
  if (issues.length > 0) throw new ConfigError(file, issues);
  return data as NafudaConfig;
}

/** Parses YAML or JSON config text (JSON is YAML too), with line numbers in syntax errors. */
export function parseConfig(source: string, file: string): NafudaConfig {
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) throw new ConfigError(file, document.errors.map((e) => e.message.split("\n")[0]!));
  return validateConfig(document.toJS() ?? {}, file);
}

/** The config file named, or the first nafuda.config.* in `folder`; null when there is none. */
export function loadConfig(path: string | undefined, folder = process.cwd()): { config: NafudaConfig; file: string } | null {
  const file = path ?? CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((candidate) => existsSync(candidate));
  if (!file) return null;
  if (!existsSync(file)) throw new ConfigError(file, ["the config file does not exist: check the path given to --config"]);
  return { config: parseConfig(readFileSync(file, "utf8"), file), file };
}

/**
 * The config as CLI option defaults (option name → value), paths made absolute against the config's folder.
 * `command` picks the default output for that command when the config names an output folder.
 */
export function configDefaults(config: NafudaConfig, file: string, command: string | undefined): Record<string, unknown> {
  const base = dirname(resolve(file));
  const path = (p: string | undefined) => (p === undefined ? undefined : isAbsolute(p) ? p : join(base, p));
  const defaults: Record<string, unknown> = {};
  if (command === "readings" || command === "badges") {
    Object.assign(defaults, {
      romaji: config.romaji?.system,
      "romaji-case": config.romaji?.case,
      overrides: path(config.readings?.overrides),
    });
  }
  if (command === "badges") {
    const builtin = (name?: string) => (name && !/[/\\.]/.test(name) ? name : path(name));
    Object.assign(defaults, {
      template: builtin(config.badges?.template),
      sheet: builtin(config.badges?.sheet),
      font: config.badges?.fonts ? Object.entries(config.badges.fonts).map(([name, font]) => `${name}=${path(font)}`) : undefined,
      output: config.output ? join(path(config.output)!, "badges.pdf") : undefined,
    });
  }
  if (command === "posters") {
    Object.assign(defaults, {
      policy: path(config.posters?.policy),
      sizes: config.posters?.sizes,
      "date-style": config.posters?.dateStyle,
      bleed: config.posters?.bleed,
      "crop-marks": config.posters?.cropMarks,
      output: config.output ? join(path(config.output)!, "posters") : undefined,
    });
  }
  if (command === "readings" && config.output) defaults.output = join(path(config.output)!, "review.csv");
  return Object.fromEntries(Object.entries(defaults).filter(([, value]) => value !== undefined));
}
