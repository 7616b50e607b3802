import type { NameDictionary, NameEntry, CommonSurnameEntry, OtherReadingKind } from "./name-dictionary.js";
import { lookupKey } from "./split-name.js";
import { learnVoicing, voicingModel, type Observation, type VoicingModel } from "./voicing.js";

/** A surname source nafuda reads: which readings people actually have. */
export type SurnameSource = "IPADIC" | "UniDic" | "JUMAN";

/** One reading a surname may have, with what speaks for it. */
export interface ReadingCandidate {
  reading: string;
  /** Higher is better: the sum of what each source and the voicing model say (see surnameEvidence). */
  score: number;
  /** The surname sources that list this reading for this surname (empty: the voicing model's guess only). */
  sources: SurnameSource[];
  /** The kanji read this way are also a place name or a common word (三戸 さんのへ, 松林 しょうりん). */
  placeOrWord: OtherReadingKind[];
  /** The voicing model's probability of this reading's voicing, when its last kanji's reading can voice. */
  voicing?: number;
  /** What the score is made of. */
  features: ReadingFeatures;
}

/** All that nafuda knows about a surname's readings. */
export interface SurnameEvidence {
  /** Readings, best first: every one a source lists, and the other voicing of each (which may be unattested). */
  candidates: ReadingCandidate[];
  /** The IPADIC and UniDic entries, most common first (for romaji's pronunciation and the reasons). */
  ipadic: readonly NameEntry[];
  unidic: readonly NameEntry[];
  /** JUMAN's entries (one of the 1,500 commonest surnames), or empty. */
  common: readonly CommonSurnameEntry[];
}

/**
 * What is known of one candidate reading, as numbers: the score is their weighted sum. Each source that knows the
 * surname says how much costlier the reading is than its best (IPADIC, UniDic: cost difference / 1000; costs are
 * log-frequency-like), or that it does not list the reading at all; JUMAN, which lists every reading in real use
 * of the 1,500 commonest surnames but does not weigh them, says whether it lists the reading and whether it is
 * the only one; the voicing model gives its log-odds for the reading's voicing.
 */
export interface ReadingFeatures {
  ipadicCost: number;
  ipadicMissing: number;
  ipadicBest: number;
  unidicCost: number;
  unidicMissing: number;
  unidicBest: number;
  jumanListed: number;
  jumanMissing: number;
  jumanOnly: number;
  voicing: number;
  /** Only IPADIC lists it, and it is also the kanji's place-name or word reading. */
  placeOrWordOnly: number;
  /** It is also the kanji's place-name reading, and JUMAN (people, not text) does not list it. */
  placeNotCommon: number;
  /** It is also the kanji's reading as a common word, and JUMAN does not list it. */
  wordNotCommon: number;
  unattested: number;
}

export type EvidenceWeights = { readonly [K in keyof ReadingFeatures]: number };

/**
 * The weights, fitted by scripts/fit-evidence-weights.ts (a softmax over each surname's candidates, the most
 * common reading as the target) on the TUNING part of bench/data/surnames-devset.tsv only; the held-out part was
 * never used.
 */
export const DEFAULT_EVIDENCE_WEIGHTS: EvidenceWeights = {
  ipadicCost: 0.24, ipadicMissing: -0.95, ipadicBest: -0.12,
  unidicCost: 0.25, unidicMissing: -2.14, unidicBest: 0.25,
  jumanListed: 0.85, jumanMissing: -0.85, jumanOnly: 0.03,
  voicing: 0.24, placeOrWordOnly: -0.12, placeNotCommon: 0.49, wordNotCommon: -0.03, unattested: -0.78,
};

export function scoreOf(features: ReadingFeatures, weights: EvidenceWeights): number {
  let score = 0;
  for (const key of Object.keys(features) as (keyof ReadingFeatures)[]) score += features[key] * weights[key];
  return score;
}

/**
 * What tells whether a surname's best reading may be wrong for the person: how far ahead it is, how well attested
 * the next reading is, how many sources know the surname at all. A logistic model of these, fitted on the tuning
 * part of the development set (scripts/fit-evidence-weights.ts, each person a sample: is the printed reading
 * theirs?), gives the chance that the printed reading is not the person's; above the threshold, nafuda asks.
 */
export interface DoubtFeatures {
  bias: number;
  /** Score of the best reading minus that of the next attested one (8 when there is none). */
  marginAttested: number;
  /** Score of the best reading minus that of the next candidate, attested or not (8 when there is none). */
  marginAny: number;
  /** How many sources list the next attested reading. */
  nextSources: number;
  /** JUMAN lists several readings of the surname in real use. */
  jumanSeveral: number;
  /** How many sources list the best reading. */
  bestSources: number;
  /** A surname of one kanji. */
  oneKanji: number;
  /** How many sources know the surname at all. */
  knownBy: number;
  /** How sure the voicing model is of the best reading's voicing (0: even odds; 0.5: certain, or no voicing). */
  voicingCertainty: number;
  /** How many readings the sources attest (at most 6). */
  attested: number;
  /** JUMAN lists the surname with the best reading as its only reading in real use. */
  commonOnlyBest: number;
  /** JUMAN lists the next attested reading too: people do read the surname that way. */
  nextInCommon: number;
  /** The next candidate differs from the best only in voicing (みつた / みつだ). */
  nextIsVoicing: number;
  /** The best reading is also the kanji's place-name reading, and JUMAN does not list it. */
  bestPlace: number;
  /** The best reading is also the kanji's reading as a common word, and JUMAN does not list it. */
  bestWord: number;
}

export type DoubtWeights = { readonly [K in keyof DoubtFeatures]: number };

/** Fitted by scripts/fit-evidence-weights.ts on the tuning part only. */
export const DEFAULT_DOUBT_WEIGHTS: DoubtWeights = {
  bias: -0.14, marginAttested: -0.12, marginAny: -0.45, nextSources: 0.7, jumanSeveral: -0.27, bestSources: -0.35,
  oneKanji: 0.48, knownBy: -0.33, voicingCertainty: -0.49, attested: 0.39, commonOnlyBest: -0.24,
  nextInCommon: -0.32, nextIsVoicing: 0.11, bestPlace: 0.01, bestWord: -0.01,
};

/**
 * Ask when the chance that the best reading is not the person's is above this. Chosen on the tuning part (the
 * sweep of npm run bench:readings) as the threshold that costs least when a wrong badge handed out costs as much
 * as 20 rows checked: lower asks more and prints fewer wrong readings; 0.15 would ask about a sixth fewer
 * surnames and leave about twice as many people with a wrong badge.
 */
export const DEFAULT_DOUBT_THRESHOLD = 0.06;

export function doubtFeatures(evidence: SurnameEvidence, surname: string): DoubtFeatures {
  const [best, next] = evidence.candidates;
  const attested = evidence.candidates.filter((c) => c.sources.length > 0);
  const nextAttested = attested.find((c) => c !== best);
  const cap = (x: number) => Math.min(8, x);
  return {
    bias: 1,
    marginAttested: nextAttested && best ? cap(best.score - nextAttested.score) : 8,
    marginAny: next && best ? cap(best.score - next.score) : 8,
    nextSources: nextAttested?.sources.length ?? 0,
    jumanSeveral: evidence.common.length > 1 ? 1 : 0,
    bestSources: best?.sources.length ?? 0,
    oneKanji: Array.from(surname).length === 1 ? 1 : 0,
    knownBy: (evidence.ipadic.length > 0 ? 1 : 0) + (evidence.unidic.length > 0 ? 1 : 0) + (evidence.common.length > 0 ? 1 : 0),
    voicingCertainty: best?.voicing === undefined ? 0.5 : Math.abs(best.voicing - 0.5),
    attested: Math.min(6, attested.length),
    commonOnlyBest: evidence.common.length > 0 && evidence.common.every((e) => e.reading === best?.reading) ? 1 : 0,
    nextInCommon: nextAttested?.sources.includes("JUMAN") ? 1 : 0,
    nextIsVoicing: next && best && differByVoicing(next.reading, best.reading) ? 1 : 0,
    bestPlace: best?.features.placeNotCommon ?? 0,
    bestWord: best?.features.wordNotCommon ?? 0,
  };
}

/** The chance (0–1) that the best reading is not the person's, by the doubt model. */
export function doubtOf(features: DoubtFeatures, weights: DoubtWeights = DEFAULT_DOUBT_WEIGHTS): number {
  let z = 0;
  for (const key of Object.keys(features) as (keyof DoubtFeatures)[]) z += features[key] * weights[key];
  return 1 / (1 + Math.exp(-z));
}

/** Two readings that differ only in whether one kana is voiced (みつた / みつだ) or は / わ (はぎはら / はぎわら). */
export function differByVoicing(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    differences++;
    const pair = [a[i]!, b[i]!].sort().join("");
    if (a[i]!.normalize("NFD")[0] !== b[i]!.normalize("NFD")[0] && pair !== "はわ" && pair !== "ばわ") return false;
  }
  return differences === 1;
}

/** The costs IPADIC and UniDic give a surname entry seen in no corpus (their default): it says "listed", not "common". */
const defaultCost = { ipadic: (cost: number) => Math.abs(cost - 7620) <= 30, unidic: (cost: number) => Math.abs(cost - 5896) <= 2 };

/** A reason to ask about the best reading whatever the doubt model says. */
export type FirmDoubt =
  /** No source lists it: the voicing model's reading of the surname. */
  | { kind: "unattested" }
  /** Only IPADIC lists it, and it is also the kanji's place-name or word reading (松林 しょうりん). */
  | { kind: "placeOrWordOnly" }
  /** JUMAN, which counts people, lists the surname's readings and this is not one of them. */
  | { kind: "notAmongCommon" }
  /**
   * The voicing model cannot tell (30–70 %), no list of people knows the surname, and every dictionary that
   * lists the reading does so at its default cost (光田 みつた: IPADIC 7620, UniDic 5896; most people are みつだ).
   */
  | { kind: "thinVoicing"; other?: string };

export function firmDoubt(evidence: SurnameEvidence): FirmDoubt | null {
  const best = evidence.candidates[0];
  if (!best) return null;
  if (best.sources.length === 0) return { kind: "unattested" };
  if (best.features.placeOrWordOnly) return { kind: "placeOrWordOnly" };
  const { common } = evidence;
  if (common.length > 0 && !common.some((e) => foldJiZu(e.reading) === foldJiZu(best.reading))) return { kind: "notAmongCommon" };
  if (best.voicing !== undefined && Math.abs(best.voicing - 0.5) < 0.2 && common.length === 0) {
    const ipadic = evidence.ipadic.find((e) => e.reading === best.reading);
    const unidic = evidence.unidic.find((e) => e.reading === best.reading);
    if ((!ipadic || defaultCost.ipadic(ipadic.cost)) && (!unidic || defaultCost.unidic(unidic.cost))) {
      return { kind: "thinVoicing", other: evidence.candidates.find((c) => c !== best && differByVoicing(c.reading, best.reading))?.reading };
    }
  }
  return null;
}

/** The entries of one table: as written first (a dictionary may hold 渡邊 itself), else under the common form. */
function lookup<T>(table: ((surface: string) => readonly T[]) | undefined, surname: string): readonly T[] {
  if (!table) return [];
  const asWritten = table(surname.normalize("NFKC"));
  return asWritten.length > 0 ? asWritten : table(lookupKey(surname));
}

const voicingModels = new WeakMap<NameDictionary, VoicingModel>();
/**
 * The voicing model of a dictionary, learnt on first use from the readings its tables agree on: every reading
 * of JUMAN's common surnames, and the reading IPADIC and UniDic both give first.
 */
export function voicingModelOf(dictionary: NameDictionary): VoicingModel | null {
  if (!dictionary.surnames) return null;
  let model = voicingModels.get(dictionary);
  if (!model) {
    // The bundled tables' model is shipped learnt (data/voicing-model.tsv); a dictionary of one's own is learnt here.
    const shipped = dictionary.voicingTables?.();
    model = shipped ? voicingModel(shipped, (surface) => voicingObservationsOf(dictionary, surface)) : learnVoicing(voicingObservations(dictionary));
    voicingModels.set(dictionary, model);
  }
  return model;
}

/**
 * What the voicing model learns from, surname by surname: every reading JUMAN lists for a common surname (each
 * weighed 1/n), else the reading IPADIC and UniDic both give first.
 */
export function voicingObservationsOf(dictionary: NameDictionary, surface: string): Observation[] {
  const common = dictionary.commonSurname?.(surface) ?? [];
  if (common.length > 0) return common.map((entry) => ({ surface, reading: entry.reading, weight: 1 / common.length }));
  const first = dictionary.surname(surface)[0];
  const second = dictionary.secondOpinion(surface)[0];
  return first && second && first.reading === second.reading ? [{ surface, reading: first.reading, weight: 1 }] : [];
}

/** Every observation of the dictionary's surname tables (see voicingObservationsOf). */
export function voicingObservations(dictionary: NameDictionary): Observation[] {
  return [...(dictionary.surnames?.() ?? [])].flatMap((surface) => voicingObservationsOf(dictionary, surface));
}

/** ぢ and づ written as じ and ず (島津 しまづ = しまず): the readings a roster may write either way. */
export function foldJiZu(kana: string): string {
  return kana.replace(/ぢ/g, "じ").replace(/づ/g, "ず");
}

/**
 * What the sources say about a surname's readings. Each reading's score adds, for each source that knows the
 * surname, minus how much costlier the reading is than that source's best (IPADIC, UniDic: cost difference /
 * scale), or minus the source's `missing` when it does not list the reading; and the voicing model's log-odds
 * for the reading's voicing (relative to even odds), times its weight.
 */
/** The readings some source lists for the surname (IPADIC, UniDic, JUMAN), unweighed: surnameEvidence's attested ones. */
export function attestedReadings(dictionary: NameDictionary, surname: string): string[] {
  const lists = [
    lookup((s) => dictionary.surname(s), surname),
    lookup((s) => dictionary.secondOpinion(s), surname),
    lookup(dictionary.commonSurname?.bind(dictionary), surname),
  ];
  return [...new Set(lists.flatMap((list) => list.map((e) => e.reading)))];
}

export function surnameEvidence(dictionary: NameDictionary, surname: string, weights: EvidenceWeights = DEFAULT_EVIDENCE_WEIGHTS): SurnameEvidence {
  const ipadic = lookup((s) => dictionary.surname(s), surname);
  const unidic = lookup((s) => dictionary.secondOpinion(s), surname);
  const common = lookup(dictionary.commonSurname?.bind(dictionary), surname);
  const other = lookup(dictionary.otherReadings?.bind(dictionary), surname);
  const attested = [...new Set([...ipadic, ...unidic, ...common].map((e) => e.reading))];
  if (attested.length === 0) return { candidates: [], ipadic, unidic, common };
  const model = voicingModelOf(dictionary);
  const key = lookupKey(surname);
  // Every attested reading, and the other voicings of each.
  const voicing = new Map<string, { probability: number; forms: number }>();
  const readings = new Set(attested);
  for (const reading of attested) {
    const estimate = model?.estimate(key, reading);
    if (!estimate) continue;
    for (const form of estimate.forms) {
      readings.add(form.reading);
      voicing.set(form.reading, { probability: form.probability, forms: estimate.forms.length });
    }
  }
  const cost = (list: readonly NameEntry[], reading: string) => {
    const entry = list.find((e) => e.reading === reading);
    return entry && list.length > 0 ? -(entry.cost - list[0]!.cost) / 1000 : 0;
  };
  const lists = (list: readonly { reading: string }[], reading: string) => list.some((e) => e.reading === reading);
  const candidates = [...readings].map((reading): ReadingCandidate => {
    const sources: SurnameSource[] = [];
    if (lists(ipadic, reading)) sources.push("IPADIC");
    if (lists(unidic, reading)) sources.push("UniDic");
    if (lists(common, reading)) sources.push("JUMAN");
    const odds = voicing.get(reading);
    const kinds = other.find((o) => o.reading === reading)?.kinds ?? [];
    const features: ReadingFeatures = {
      ipadicCost: cost(ipadic, reading),
      ipadicMissing: ipadic.length > 0 && !lists(ipadic, reading) ? 1 : 0,
      ipadicBest: ipadic[0]?.reading === reading ? 1 : 0,
      unidicCost: cost(unidic, reading),
      unidicMissing: unidic.length > 0 && !lists(unidic, reading) ? 1 : 0,
      unidicBest: unidic[0]?.reading === reading ? 1 : 0,
      jumanListed: lists(common, reading) ? 1 : 0,
      jumanMissing: common.length > 0 && !lists(common, reading) ? 1 : 0,
      jumanOnly: common.length > 0 && common.every((e) => e.reading === reading) ? 1 : 0,
      // Log-odds against even odds between the forms: 0 where the model cannot tell.
      voicing: odds === undefined ? 0 : Math.log(odds.probability * odds.forms),
      placeOrWordOnly: sources.length === 1 && sources[0] === "IPADIC" && kinds.length > 0 ? 1 : 0,
      placeNotCommon: (kinds.includes("place") || kinds.includes("town")) && !lists(common, reading) ? 1 : 0,
      wordNotCommon: kinds.includes("word") && !lists(common, reading) ? 1 : 0,
      unattested: sources.length === 0 ? 1 : 0,
    };
    return { reading, score: scoreOf(features, weights), features, sources, placeOrWord: [...kinds], ...(odds === undefined ? {} : { voicing: odds.probability }) };
  });
  candidates.sort((a, b) => b.score - a.score || b.sources.length - a.sources.length || (a.reading < b.reading ? -1 : a.reading > b.reading ? 1 : 0));
  return { candidates, ipadic, unidic, common };
}
