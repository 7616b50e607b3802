import { isPrintableKana, LONG_MARK } from "../kana/kana-classes.js";
import { msg, type Message } from "../messages/message.js";
import { splitMora } from "../kana/mora.js";
import { toHiragana } from "../kana/to-hiragana.js";
import { applyRomajiCase } from "./letter-case.js";
import {
  analyzeLongVowels,
  decideByKanaRules,
  vowelPairAt,
  type LongVowelSource,
  type VowelPairDecision,
} from "./long-vowels.js";
import { MORA_TABLE, moraVowel } from "./mora-table.js";
import {
  DEFAULT_ROMAJI_CASE,
  DEFAULT_ROMAJI_SYSTEM,
  isRomajiCase,
  isRomajiSystem,
  type RomajiCase,
  type RomajiSystem,
} from "./systems.js";

export interface RomanizeOptions {
  /** Default `passport`. */
  system?: RomajiSystem;
  /** Default `title` (Matsuno); `upper` gives MATSUNO. */
  case?: RomajiCase;
  /**
   * The dictionary (IPADIC) pronunciation in katakana, long vowels written ー: サトー for
   * さとう, オーウチ for おおうち, イノウエ for いのうえ. Decides which vowel pairs are long.
   */
  pronunciation?: string;
}

export interface RomanizeResult {
  romaji: string;
  /** What decided the long vowels: the pronunciation, kana rules, or there were none. */
  longVowels: LongVowelSource;
  /** True when the romaji may be wrong and a person should check it (then `reasons` says why). */
  ambiguous: boolean;
  /** Why, one catalogue message per doubt (REASON_ROMAJI_*); empty iff `ambiguous` is false. */
  reasons: Message[];
}

const MACRON: Readonly<Record<string, string>> = { a: "ā", i: "ī", u: "ū", e: "ē", o: "ō" };
const CIRCUMFLEX: Readonly<Record<string, string>> = { a: "â", i: "î", u: "û", e: "ê", o: "ô" };

/** Pairs whose second vowel passport spelling leaves out when long. */
const PASSPORT_DROPS: ReadonlySet<string> = new Set(["ou", "oo", "uu"]);
/** Pairs Hepburn / Kunrei write as one marked vowel when long (いい and えい are written out). */
const MARKED: ReadonlySet<string> = new Set(["ou", "oo", "uu", "aa", "ee"]);

function markLastVowel(out: string, marks: Readonly<Record<string, string>>): string {
  const last = out.slice(-1);
  const marked = marks[last];
  return marked === undefined ? out : out.slice(0, -1) + marked;
}

/** The spelling of one mora in a system; unknown combinations are spelt kana by kana. */
function spellMora(mora: string, system: RomajiSystem, notes: Message[]): string {
  const entry = MORA_TABLE.get(mora);
  if (entry !== undefined) return entry[system];
  const parts = [...mora].map((ch) => MORA_TABLE.get(ch)?.[system] ?? "");
  notes.push(msg("REASON_ROMAJI_UNUSUAL_KANA", { kana: mora, romaji: parts.join("") }));
  return parts.join("");
}

/**
 * Spells morae in a system with the given long-vowel decisions, in lower case.
 * `notes` collects problems that a person should look at (a っ that doubles nothing, …).
 */
export function spellMorae(
  morae: readonly string[],
  long: readonly boolean[],
  system: RomajiSystem,
  notes: Message[] = [],
): string {
  const base = morae.map((m) => (m === "っ" || m === "ん" || m === LONG_MARK ? null : spellMora(m, system, notes)));
  let out = "";
  let lastVowel: string | null = null;
  for (let i = 0; i < morae.length; i++) {
    const mora = morae[i]!;
    if (mora === LONG_MARK) {
      if (system === "hepburn") out = markLastVowel(out, MACRON);
      else if (system === "kunrei") out = markLastVowel(out, CIRCUMFLEX);
      else if (system === "kana" && lastVowel !== null) out += lastVowel;
      continue;
    }
    if (long[i] === true) {
      const pair = vowelPairAt(morae, i);
      const isLast = i === morae.length - 1;
      if (pair !== null && system === "passport" && PASSPORT_DROPS.has(pair) && !(pair === "oo" && isLast)) continue;
      if (pair !== null && (system === "hepburn" || system === "kunrei") && MARKED.has(pair)) {
        out = markLastVowel(out, system === "hepburn" ? MACRON : CIRCUMFLEX);
        continue;
      }
    }
    const next = base[i + 1] ?? null;
    if (mora === "っ") {
      if (next === null || /^[aeiou]/u.test(next)) {
        notes.push(msg("REASON_ROMAJI_SMALL_TSU", { kana: morae.join("") }));
        continue;
      }
      out += next.startsWith("ch") && system !== "kunrei" ? "t" : next[0];
      continue;
    }
    if (mora === "ん") {
      if (system === "passport") out += next !== null && /^[bmp]/u.test(next) ? "m" : "n";
      else out += next !== null && /^[aeiouy]/u.test(next) ? "n'" : "n";
      continue;
    }
    const spelt = base[i]!;
    out += spelt;
    lastVowel = moraVowel(mora);
  }
  return out;
}

function checkLongMarks(morae: readonly string[], input: string): void {
  for (let i = 0; i < morae.length; i++) {
    if (morae[i] !== LONG_MARK) continue;
    let j = i - 1;
    while (j >= 0 && morae[j] === LONG_MARK) j--;
    if (j < 0 || moraVowel(morae[j]!) === null) {
      throw new Error(
        `romanize: ー in ${JSON.stringify(input)} does not follow a vowel (it cannot start a reading or follow っ or ん)`,
      );
    }
  }
}

/**
 * Romanises a surname reading and says how sure the result is.
 *
 * Input is kana (hiragana or katakana, half-width allowed; spaces are removed). Throws an
 * Error for input that is not kana, and never returns an empty string. Passport spelling is
 * ASCII letters only.
 *
 * Long vowels: with `pronunciation` (IPADIC, ー for long), a vowel the pronunciation shows as ー is
 * long and any other is not. Without it kana rules decide, and every pair that could go either
 * way (こうら: 高良 Kora or 小浦 Koura) makes the result `ambiguous`, with the other spelling
 * in `reasons`.
 */
export function romanizeDetailed(kana: string, options: RomanizeOptions = {}): RomanizeResult {
  const system = options.system ?? DEFAULT_ROMAJI_SYSTEM;
  const letterCase = options.case ?? DEFAULT_ROMAJI_CASE;
  if (!isRomajiSystem(system)) throw new Error(`romanize: unknown romaji system ${JSON.stringify(system)}`);
  if (!isRomajiCase(letterCase)) throw new Error(`romanize: unknown letter case ${JSON.stringify(letterCase)}`);
  if (typeof kana !== "string") throw new Error(`romanize: expected a kana string, got ${typeof kana}`);
  const hira = toHiragana(kana);
  if (!isPrintableKana(hira)) {
    throw new Error(
      `romanize: ${JSON.stringify(kana)} is not kana (only hiragana, katakana and ー can be romanised)`,
    );
  }
  const morae = splitMora(hira);
  checkLongMarks(morae, kana);

  const analysis = analyzeLongVowels(morae, options.pronunciation);
  const reasons: Message[] = [];
  const notes: Message[] = [];
  const romaji = spellMorae(morae, analysis.long, system, notes);

  if (analysis.pronunciationProblem !== null) {
    reasons.push(msg("REASON_ROMAJI_PRONUNCIATION", { pronunciation: options.pronunciation ?? "", kana: hira }));
  }
  for (const decision of analysis.decisions) {
    if (decision.certain) continue;
    const other = alternativeSpelling(morae, analysis, decision, system);
    if (other === romaji) continue;
    reasons.push(msg("REASON_ROMAJI_LONG_VOWEL", { kana: hira, romaji: applyRomajiCase(romaji, letterCase), other: applyRomajiCase(other, letterCase) }));
  }
  const seen = new Set<string>();
  for (const note of notes) {
    const key = JSON.stringify(note);
    if (!seen.has(key)) (seen.add(key), reasons.push(note));
  }

  if (romaji === "") throw new Error(`romanize: ${JSON.stringify(kana)} has no sound that can be romanised`);
  if (system === "passport" && !/^[a-z]+$/u.test(romaji)) {
    throw new Error(`romanize: internal error, passport spelling ${JSON.stringify(romaji)} of ${JSON.stringify(kana)} is not ASCII letters`);
  }
  return {
    romaji: applyRomajiCase(romaji, letterCase),
    longVowels: analysis.source,
    ambiguous: reasons.length > 0,
    reasons,
  };
}

/** The spelling with one uncertain decision flipped and the later pairs re-decided. */
function alternativeSpelling(
  morae: readonly string[],
  analysis: { long: readonly boolean[]; decisions: readonly VowelPairDecision[] },
  decision: VowelPairDecision,
  system: RomajiSystem,
): string {
  const fixedLong = analysis.long.slice(0, decision.index + 1);
  fixedLong[decision.index] = !decision.long;
  const flipped = { ...decision, long: !decision.long };
  const fixedDecisions = [...analysis.decisions.filter((d) => d.index < decision.index), flipped];
  const redone = decideByKanaRules(morae, { long: fixedLong, decisions: fixedDecisions }, decision.index + 1);
  return spellMorae(morae, redone.long, system, []);
}

/**
 * Romanises a surname reading: `romanize('まつの') → 'Matsuno'`,
 * `romanize('さとう', { pronunciation: 'サトー' }) → 'Sato'`,
 * `romanize('さとう', { system: 'hepburn', case: 'upper' }) → 'SATŌ'`.
 * See romanizeDetailed for the rules and for how sure the result is.
 */
export function romanize(kana: string, options: RomanizeOptions = {}): string {
  return romanizeDetailed(kana, options).romaji;
}
