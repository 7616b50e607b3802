import { splitMora } from "../kana/mora.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { isPrintableKana, LONG_MARK, VOWEL_KANA } from "../kana/kana-classes.js";
import { moraVowel } from "./mora-table.js";

/** How long vowels were decided: from the dictionary pronunciation, by kana rules, or there were none to decide. */
export type LongVowelSource = "pronunciation" | "kana-rules" | "none";

/** Two vowels that meet and may be one long vowel: the vowel of the earlier mora + the vowel kana. */
export type VowelPair = "aa" | "ii" | "uu" | "ee" | "oo" | "ou" | "ei";

const PAIRS: ReadonlySet<string> = new Set<VowelPair>(["aa", "ii", "uu", "ee", "oo", "ou", "ei"]);

/** One decision: is mora `index` (a bare vowel kana) the second half of a long vowel? */
export interface VowelPairDecision {
  /** Index (in morae) of the second vowel. */
  readonly index: number;
  readonly pair: VowelPair;
  readonly long: boolean;
  /** False when the kana could be read the other way (a word boundary or not). */
  readonly certain: boolean;
  /** Which rule decided, in words. */
  readonly rule: string;
}

export interface LongVowelAnalysis {
  readonly morae: readonly string[];
  /** `long[i]` is true when mora i lengthens mora i−1 (always true for ー). */
  readonly long: readonly boolean[];
  readonly source: LongVowelSource;
  /** One decision per vowel pair that was considered (ー is not listed: it is always long). */
  readonly decisions: readonly VowelPairDecision[];
  /** Set when a pronunciation was given but could not be aligned with the reading. */
  readonly pronunciationProblem: string | null;
}

const SMALL_YOON = /[ゃゅょ]$/u;

/**
 * Name endings that are usually a word of their own starting with う (井上 い+の+うえ,
 * 小浦 こ+うら, 尾上 お+の+うえ): before them a う is taken as a separate vowel by default.
 */
export const FINAL_U_MORPHEMES: ReadonlySet<string> = new Set(["うえ", "うら"]);

/**
 * The vowel pair ending at mora `index`, or null: mora `index` must be a bare vowel kana
 * (あいうえお) and mora `index − 1` must end in a vowel. `long` says which earlier morae
 * are already the second half of a long vowel: such a mora does not start another pair.
 */
export function vowelPairAt(
  morae: readonly string[],
  index: number,
  long: readonly boolean[] = [],
): VowelPair | null {
  const mora = morae[index];
  const prev = morae[index - 1];
  if (index < 1 || mora === undefined || prev === undefined) return null;
  if (!VOWEL_KANA.has(mora) || long[index - 1] === true) return null;
  const first = moraVowel(prev);
  const second = moraVowel(mora);
  if (first === null || second === null) return null;
  const pair = first + second;
  return PAIRS.has(pair) ? (pair as VowelPair) : null;
}

/**
 * Kana rule for one vowel pair, when no pronunciation is known. The defaults are the likelier
 * reading in surnames; `certain: false` marks pairs that kana alone cannot decide.
 */
export function kanaRuleFor(
  morae: readonly string[],
  index: number,
  pair: VowelPair,
): Omit<VowelPairDecision, "index" | "pair"> {
  const prev = morae[index - 1] ?? "";
  const isLast = index === morae.length - 1;
  switch (pair) {
    case "ii":
    case "ei":
      return { long: false, certain: true, rule: "いい and えい are written in full" };
    case "aa":
    case "ee":
      return {
        long: false,
        certain: false,
        rule: `${prev}${morae[index]} taken as two vowels (usually a word boundary in names)`,
      };
    case "oo":
      if (isLast) return { long: false, certain: true, rule: "a name ending in おお keeps both vowels" };
      return { long: true, certain: false, rule: `${prev}お taken as a long vowel` };
    case "ou":
    case "uu":
      if (SMALL_YOON.test(prev)) {
        return { long: true, certain: true, rule: `${prev}う after a small ゃゅょ is a long vowel` };
      }
      // Final おう is a long vowel in surnames (佐藤, 麻生 あそう); final うう is not always (古宇 ふるう, 葛生 くずう).
      if (isLast && pair === "ou") return { long: true, certain: true, rule: `final ${prev}う is a long vowel` };
      if (FINAL_U_MORPHEMES.has(morae.slice(index).join(""))) {
        return {
          long: false,
          certain: false,
          rule: `${prev}${morae.slice(index).join("")} taken as ${prev} + ${morae.slice(index).join("")} (上 うえ, 浦 うら end many names)`,
        };
      }
      if (pair === "uu" && (prev === "つ" || prev === "づ")) {
        return {
          long: false,
          certain: false,
          rule: `${prev}う taken as two vowels (usually 津/松/勝 + 浦/内/上)`,
        };
      }
      return { long: true, certain: false, rule: `${prev}う taken as a long vowel` };
  }
}

/**
 * Decides long vowels by kana rules from mora `from` on, left to right, keeping `fixed`
 * decisions before `from`. A mora that is the second half of a long vowel does not start
 * another pair (おおうち: おお is long, then う starts a new vowel).
 */
export function decideByKanaRules(
  morae: readonly string[],
  fixed: { long: readonly boolean[]; decisions: readonly VowelPairDecision[] } = { long: [], decisions: [] },
  from = 0,
): { long: boolean[]; decisions: VowelPairDecision[] } {
  const long = morae.map((m, i) => (i < from ? fixed.long[i] === true : m === LONG_MARK));
  const decisions = fixed.decisions.filter((d) => d.index < from);
  for (let i = Math.max(from, 1); i < morae.length; i++) {
    const pair = vowelPairAt(morae, i, long);
    if (pair === null) continue;
    const decision = { index: i, pair, ...kanaRuleFor(morae, i, pair) };
    decisions.push(decision);
    long[i] = decision.long;
  }
  return { long, decisions };
}

/** Kana that sound the same; dictionaries write the pronunciation with the right-hand form. */
const SAME_SOUND: Readonly<Record<string, string>> = {
  "ぢ": "じ", "づ": "ず", "を": "お", "ゐ": "い", "ゑ": "え",
  "ゔ": "ぶ", "ゔぁ": "ば", "ゔぃ": "び", "ゔぇ": "べ", "ゔぉ": "ぼ", "ゔゅ": "びゅ",
};

function soundOf(mora: string): string {
  return SAME_SOUND[mora] ?? [...mora].map((c) => SAME_SOUND[c] ?? c).join("");
}

function sameSound(a: string, b: string): boolean {
  return soundOf(a) === soundOf(b);
}

/**
 * Aligns a dictionary pronunciation (katakana, long vowels as ー: サトー) with the reading's
 * morae, mora by mora. Returns the decisions, or a message saying why they do not align.
 */
export function alignPronunciation(
  morae: readonly string[],
  pronunciation: string,
): { long: boolean[]; decisions: VowelPairDecision[] } | { problem: string } {
  const pron = toHiragana(pronunciation);
  const reading = morae.join("");
  const problem = `pronunciation ${pronunciation} does not match reading ${reading}`;
  if (!isPrintableKana(pron)) return { problem: `pronunciation ${JSON.stringify(pronunciation)} is not kana` };
  const pronMorae = splitMora(pron);
  if (pronMorae.length !== morae.length) return { problem };
  const long: boolean[] = [];
  const decisions: VowelPairDecision[] = [];
  for (let i = 0; i < morae.length; i++) {
    const r = morae[i]!;
    const p = pronMorae[i]!;
    if (r === LONG_MARK) {
      if (p !== LONG_MARK && !VOWEL_KANA.has(p)) return { problem };
      long.push(true);
      continue;
    }
    const pair = vowelPairAt(morae, i, long);
    if (p === LONG_MARK) {
      if (pair === null) return { problem };
      long.push(true);
      decisions.push({ index: i, pair, long: true, certain: true, rule: `pronunciation ${pronunciation} marks ${morae[i - 1]}${r} long` });
      continue;
    }
    if (!sameSound(r, p)) return { problem };
    if ((pair === "ou" || pair === "uu") && SMALL_YOON.test(morae[i - 1]!)) {
      // ょう / ゅう is always one long vowel; some dictionary entries write it out (牛 ギュウ).
      long.push(true);
      decisions.push({ index: i, pair, long: true, certain: true, rule: `${morae[i - 1]}${r} after a small ゃゅょ is a long vowel` });
      continue;
    }
    long.push(false);
    if (pair !== null) {
      decisions.push({ index: i, pair, long: false, certain: true, rule: `pronunciation ${pronunciation} has ${morae[i - 1]}${r} as two vowels` });
    }
  }
  return { long, decisions };
}

/**
 * Decides which vowel pairs of a reading are long vowels: from the pronunciation when one is
 * given and aligns with the reading, otherwise by kana rules.
 *
 * @param morae the reading split into morae (hiragana, see splitMora)
 * @param pronunciation IPADIC-style pronunciation in katakana with ー for long vowels
 */
export function analyzeLongVowels(morae: readonly string[], pronunciation?: string): LongVowelAnalysis {
  let pronunciationProblem: string | null = null;
  if (pronunciation !== undefined && pronunciation.trim() !== "") {
    const aligned = alignPronunciation(morae, pronunciation);
    if ("problem" in aligned) {
      pronunciationProblem = aligned.problem;
    } else {
      const hasLength = aligned.decisions.length > 0 || morae.includes(LONG_MARK);
      return { morae, ...aligned, source: hasLength ? "pronunciation" : "none", pronunciationProblem };
    }
  }
  const decided = decideByKanaRules(morae);
  const hasLength = decided.decisions.length > 0 || morae.includes(LONG_MARK);
  return { morae, ...decided, source: hasLength ? "kana-rules" : "none", pronunciationProblem };
}
