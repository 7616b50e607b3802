import { createRequire } from "node:module";

/**
 * The general morphological analyzer (kuroshiro + kuromoji), the last resort for a surname the name
 * dictionary does not know. Its dictionary costs about 1 s and 250 MB to load, so it is loaded on the first
 * call only, and shared by every resolver in the process. Its guesses are always sent to review.
 */
export interface SurnameAnalyzer {
  /** The analyzer's reading in hiragana. It may still hold kanji it could not read (髙橋 → 髙はし). */
  read(surname: string): Promise<string>;
}

interface Kuroshiro {
  init(analyzer: unknown): Promise<void>;
  convert(text: string, options: { to: "hiragana"; mode: "normal" }): Promise<string>;
}

const require = createRequire(import.meta.url);
let loading: Promise<Kuroshiro> | undefined;

function interopDefault<T>(module: unknown): T {
  return ((module as { default?: T }).default ?? module) as T;
}

/** Both packages are CommonJS with a `default` export (see traps: under ESM they arrive as { default }). */
function loadKuroshiro(): Promise<Kuroshiro> {
  return (loading ??= (async () => {
    const KuroshiroClass = interopDefault<new () => Kuroshiro>(require("kuroshiro"));
    const Analyzer = interopDefault<new () => unknown>(require("kuroshiro-analyzer-kuromoji"));
    const kuroshiro = new KuroshiroClass();
    await kuroshiro.init(new Analyzer());
    return kuroshiro;
  })());
}

/** The kuroshiro analyzer, loaded on first use. */
export function kuroshiroAnalyzer(): SurnameAnalyzer {
  return { read: async (surname) => (await loadKuroshiro()).convert(surname, { to: "hiragana", mode: "normal" }) };
}
