import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { isMap, isPair, isScalar, LineCounter, parseDocument, type YAMLError } from "yaml";
import { formatBytes } from "../messages/general.js";
import { LANGS, type Lang } from "../messages/lang.js";
import { msg, NafudaError, placeMessage, type CodedMessage, type Place } from "../messages/message.js";
import { suggestion } from "../text/suggest.js";
import { ROMAJI_CASES, ROMAJI_SYSTEMS, type RomajiCase, type RomajiSystem } from "../romaji/systems.js";

/**
 * nafuda.config.json / nafuda.config.yaml: what a city sets once so that nobody types it again.
 * Every value is a default: an option given on the command line wins. Paths are relative to the config file.
 */
export interface NafudaConfig {
  /** The municipality's name, e.g. 「あおば市」 (used by `nafuda init` and shown in messages). */
  municipality?: string;
  /** The language nafuda speaks (messages, review sheet headers): ja (default) or en. */
  lang?: Lang;
  romaji?: { system?: RomajiSystem; case?: RomajiCase };
  /** The script foreign nationals' surnames are printed in: hiragana (default, すみす) or katakana (スミス). */
  foreignNamesIn?: "hiragana" | "katakana";
  readings?: { overrides?: string };
  badges?: { template?: string; sheet?: string; fonts?: Record<string, string> };
  posters?: { policy?: string; sizes?: string[]; dateStyle?: "era" | "western"; bleed?: boolean; cropMarks?: boolean };
  /** Folder for outputs when a command is run without -o: review.csv, badges.pdf, posters/. */
  output?: string;
}

export const CONFIG_FILE_NAMES = ["nafuda.config.yaml", "nafuda.config.yml", "nafuda.config.json"] as const;

/** A config file is a page of YAML; a file far larger is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** One problem of a config file: a catalogue message with the key (romaji.system) and the line it is on. */
export type ConfigIssue = CodedMessage & { readonly key?: string; readonly line?: number };

/**
 * A config file that cannot be used. One problem: its own code (CONFIG_UNKNOWN_KEY, CONFIG_SYNTAX, …) with the key
 * and line as the place. Several: CONFIG_INVALID lists them all; `issues` has each one with its key and line.
 */
export class ConfigError extends NafudaError {
  override name = "ConfigFileError";
  declare readonly file: string;
  readonly issues: readonly ConfigIssue[];

  constructor(file: string, issues: readonly ConfigIssue[], options: { cause?: unknown } = {}) {
    const only = issues.length === 1 ? issues[0]! : undefined;
    const message: CodedMessage = only
      ? { code: only.code, ...(only.params !== undefined ? { params: only.params } : {}) }
      : msg("CONFIG_INVALID", { count: issues.length, issues: issues.map(issueMessage) });
    const place: Place = { file, ...(only?.key !== undefined ? { key: only.key } : {}), ...(only?.line !== undefined ? { line: only.line } : {}) };
    super(message, place, options);
    this.issues = issues;
  }
}

/** An issue as one line of a list: 2 行目・「romaji.system」：… / line 2, key romaji.system: … */
export function issueMessage(issue: ConfigIssue): CodedMessage {
  const text: CodedMessage = { code: issue.code, ...(issue.params !== undefined ? { params: issue.params } : {}) };
  return msg("TEXT_PLACED_ITEM", { where: placeMessage({ key: issue.key, line: issue.line }), text });
}

function withSuggestion(word: string, candidates: readonly string[]): { suggestion?: CodedMessage } {
  const hint = suggestion(word, candidates);
  return hint ? { suggestion: hint } : {};
}

type Check = (value: unknown) => CodedMessage | null;
const text: Check = (v) => (typeof v === "string" && v.trim() !== "" ? null : msg("CONFIG_NOT_TEXT"));
const flag: Check = (v) => (typeof v === "boolean" ? null : msg("CONFIG_NOT_FLAG"));
const oneOf = (choices: readonly string[]): Check => (v) =>
  typeof v === "string" && choices.includes(v) ? null : msg("CONFIG_NOT_ONE_OF", { choices: [...choices], ...(typeof v === "string" ? withSuggestion(v, choices) : {}) });
const texts: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? null : msg("CONFIG_NOT_TEXT_LIST"));
const textMap: Check = (v) =>
  v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string") ? null : msg("CONFIG_NOT_FONT_MAP");

/** The schema as data: each key, what it accepts. Nested objects are sections. Looked up by own keys only. */
const SCHEMA: Record<string, Check | Record<string, Check>> = {
  municipality: text,
  lang: oneOf(LANGS),
  output: text,
  romaji: { system: oneOf(ROMAJI_SYSTEMS), case: oneOf(ROMAJI_CASES) },
  foreignNamesIn: oneOf(["hiragana", "katakana"]),
  readings: { overrides: text },
  badges: { template: text, sheet: text, fonts: textMap },
  posters: { policy: text, sizes: texts, dateStyle: oneOf(["era", "western"]), bleed: flag, cropMarks: flag },
};

/**
 * Validates parsed config data; every wrong key or value is reported at once, with the nearest valid key.
 * `lines` gives the line of a key ("romaji.system" → 3) when the data came from a file.
 */
export function validateConfig(data: unknown, file: string, lines: ReadonlyMap<string, number> = new Map()): NafudaConfig {
  const issues: ConfigIssue[] = [];
  const at = (key: string, message: CodedMessage): ConfigIssue => {
    const line = lines.get(key);
    return { ...message, key, ...(line !== undefined ? { line } : {}) };
  };
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new ConfigError(file, [msg("CONFIG_NOT_MAPPING")]);
  const keys = Object.keys(SCHEMA);
  for (const [key, value] of Object.entries(data)) {
    const rule = Object.hasOwn(SCHEMA, key) ? SCHEMA[key] : undefined;
    if (!rule) {
      issues.push(at(key, msg("CONFIG_UNKNOWN_KEY", { valid: keys, ...withSuggestion(key, keys) })));
      continue;
    }
    if (typeof rule === "function") {
      const problem = rule(value);
      if (problem) issues.push(at(key, problem));
      continue;
    }
    const inner = Object.keys(rule);
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      issues.push(at(key, msg("CONFIG_NOT_SECTION", { keys: inner })));
      continue;
    }
    for (const [innerKey, innerValue] of Object.entries(value)) {
      const check = Object.hasOwn(rule, innerKey) ? rule[innerKey] : undefined;
      if (!check) {
        issues.push(at(`${key}.${innerKey}`, msg("CONFIG_UNKNOWN_KEY", { valid: inner, section: key, ...withSuggestion(innerKey, inner) })));
        continue;
      }
      const problem = check(innerValue);
      if (problem) issues.push(at(`${key}.${innerKey}`, problem));
    }
  }
  if (issues.length > 0) throw new ConfigError(file, issues);
  return data as NafudaConfig;
}

/** The line of every key and section key of the document ("romaji" → 2, "romaji.system" → 3), 1-based. */
function keyLines(contents: unknown, counter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (!isMap(node) || depth > 1) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = `${prefix}${String(pair.key.value)}`;
      const offset = pair.key.range?.[0];
      if (offset !== undefined && !lines.has(key)) lines.set(key, counter.linePos(offset).line);
      walk(pair.value, `${key}.`, depth + 1);
    }
  };
  walk(contents, "", 0);
  return lines;
}

/** A YAML error as an issue: its line, and the library's sentence without the excerpt it prints. */
function syntaxIssue(error: YAMLError): ConfigIssue {
  const line = error.linePos?.[0]?.line;
  if (error.code === "DUPLICATE_KEY") return { ...msg("CONFIG_DUPLICATE_KEY"), ...(line !== undefined ? { line } : {}) };
  const detail = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "").slice(0, 160);
  return { ...msg("CONFIG_SYNTAX", { detail }), ...(line !== undefined ? { line } : {}) };
}

/** Parses YAML or JSON config text (JSON is YAML too), with line numbers in syntax errors and key problems. */
export function parseConfig(source: string, file: string): NafudaConfig {
  const counter = new LineCounter();
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true, lineCounter: counter });
  if (document.errors.length > 0) throw new ConfigError(file, document.errors.map(syntaxIssue));
  return validateConfig(document.toJS() ?? {}, file, keyLines(document.contents, counter));
}

/**
 * Reads a config file: a regular file of at most MAX_CONFIG_BYTES (never a folder, a device or a pipe), as UTF-8.
 * Synchronous: the CLI reads it while it parses its options.
 */
function readConfigText(file: string): string {
  const fail = (message: CodedMessage, cause?: unknown): never => {
    throw new ConfigError(file, [message], cause !== undefined ? { cause } : {});
  };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(msg("CONFIG_NOT_FOUND"), error);
    if (code === "EISDIR") return fail(msg("FILE_IS_FOLDER"), error);
    if (code === "EACCES" || code === "EPERM") return fail(msg("FILE_NO_PERMISSION"), error);
    if (code === "EBUSY") return fail(msg("FILE_LOCKED"), error);
    return fail(msg("FILE_UNREADABLE", { reason: code ?? String(error) }), error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return fail(msg("FILE_IS_FOLDER"));
    if (!stats.isFile()) return fail(msg("FILE_NOT_REGULAR"));
    if (stats.size > MAX_CONFIG_BYTES) return fail(msg("CONFIG_TOO_LARGE", { size: formatBytes(stats.size), limit: formatBytes(MAX_CONFIG_BYTES) }));
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled).toString("utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(msg("FILE_UNREADABLE", { reason: (error as NodeJS.ErrnoException).code ?? String(error) }), error);
  } finally {
    closeSync(fd);
  }
}

/**
 * The config file named, or the first nafuda.config.* in `folder`; null when there is none. A config file that
 * is missing (when named), a folder, a device, too large, not YAML, or has a wrong key is a ConfigError.
 */
export function loadConfig(path: string | undefined, folder = process.cwd()): { config: NafudaConfig; file: string } | null {
  const file = path ?? CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((candidate) => isPresent(candidate));
  if (!file) return null;
  return { config: parseConfig(readConfigText(file), file), file };
}

/** Something of that name exists (a file, or a folder that readConfigText will refuse by name). */
function isPresent(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The config as CLI option defaults (option name → value), paths made absolute against the config's folder.
 * `command` picks the default output for that command when the config names an output folder.
 */
export function configDefaults(config: NafudaConfig, file: string, command: string | undefined): Record<string, unknown> {
  const base = dirname(resolve(file));
  const path = (p: string | undefined) => (p === undefined ? undefined : isAbsolute(p) ? p : join(base, p));
  // A built-in template or sheet by its name; a file of the city's own by its path.
  const builtin = (name?: string) => (name && !/[/\\.]/.test(name) ? name : path(name));
  const defaults: Record<string, unknown> = {};
  if (command === "readings" || command === "badges") {
    Object.assign(defaults, {
      romaji: config.romaji?.system,
      "romaji-case": config.romaji?.case,
      "foreign-names-in": config.foreignNamesIn,
      overrides: path(config.readings?.overrides),
    });
  }
  if (command === "badges") {
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
  if (command === "serve") {
    // What the page starts with; a template given by path is offered under its file's name.
    Object.assign(defaults, {
      romaji: config.romaji?.system,
      "romaji-case": config.romaji?.case,
      "foreign-names-in": config.foreignNamesIn,
      template: builtin(config.badges?.template),
    });
  }
  if (command === "readings" && config.output) defaults.output = join(path(config.output)!, "review.csv");
  return Object.fromEntries(Object.entries(defaults).filter(([, value]) => value !== undefined));
}
