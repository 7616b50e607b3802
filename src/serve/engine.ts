import { kuroshiroAnalyzer, type SurnameAnalyzer } from "../readings/analyzer.js";
import type { PrintedScript } from "../model.js";
import type { RomajiCase, RomajiSystem } from "../romaji/systems.js";
import { BUILTIN_TEMPLATES } from "../badges/template.js";

/**
 * What one server holds for every request: the analyzer (its dictionary loads once, on first use, and the page
 * is told while it does) and the badge templates it offers.
 */

export type AnalyzerState = "idle" | "loading" | "ready";

/** An analyzer that says whether its dictionary is still loading (the first read loads it: seconds, once). */
export class WatchedAnalyzer implements SurnameAnalyzer {
  state: AnalyzerState = "idle";
  constructor(private readonly inner: SurnameAnalyzer) {}

  async read(surname: string): Promise<string> {
    if (this.state === "idle") this.state = "loading";
    try {
      const reading = await this.inner.read(surname);
      this.state = "ready";
      return reading;
    } catch (error) {
      if (this.state === "loading") this.state = "idle";
      throw error;
    }
  }
}

/** One analyzer for every server of the process: its dictionary takes a second or more and 250–400 MB to load, once. */
export const SHARED_ANALYZER = new WatchedAnalyzer(kuroshiroAnalyzer());

/** What the page starts with (a city's nafuda.config.yaml, through `nafuda serve`); the page may change each. */
export interface PageDefaults {
  romaji: RomajiSystem;
  romajiCase: RomajiCase;
  /** How a foreign national's name in katakana prints (the readings' foreignNamesIn). */
  foreignNamesIn: PrintedScript;
  /** The badge template first chosen: a name among `templates`. */
  template: string;
}

export interface Engine {
  analyzer: WatchedAnalyzer;
  defaults: PageDefaults;
  /** The templates offered, by the name the page sends: a built-in name, or the path of the server's own template. */
  templates: ReadonlyMap<string, string>;
}

export interface EngineOptions {
  /** The fallback analyzer (default: kuroshiro, shared by the process). */
  analyzer?: SurnameAnalyzer;
  /** Templates offered besides the built-in ones: name → template JSON path (e.g. the city's own design). */
  templates?: Record<string, string>;
  /** What the page starts with (default: passport romaji, title case, hiragana, the standard template). */
  defaults?: Partial<PageDefaults>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const analyzer = options.analyzer
    ? options.analyzer instanceof WatchedAnalyzer ? options.analyzer : new WatchedAnalyzer(options.analyzer)
    : SHARED_ANALYZER;
  const templates = new Map<string, string>(BUILTIN_TEMPLATES.map((name) => [name, name]));
  for (const [name, path] of Object.entries(options.templates ?? {})) templates.set(name, path);
  const defaults: PageDefaults = { romaji: "passport", romajiCase: "title", foreignNamesIn: "hiragana", template: "standard", ...options.defaults };
  if (!templates.has(defaults.template)) defaults.template = "standard";
  return { analyzer, templates, defaults };
}

export const DEFAULT_ENGINE: Engine = createEngine();

/** Lets the event loop answer other requests (the page's status questions) during a long piece of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
