/**
 * A model of voicing (連濁, rendaku) in surnames: does the last kanji's reading start voiced after this first part
 * (光田 みつだ or みつた, 山崎 やまざき or やまさき, 萩原 はぎわら or はぎはら)? Dictionaries often list one form of a
 * surname only, or both at one default cost, so where they are thin nafuda asks this model, and where the model is
 * thin too, a person.
 *
 * It is learnt from the surname tables themselves, never from the development set: every reading JUMAN lists
 * for its 1,500 common surnames, and every reading that IPADIC and UniDic both give as their best. For each
 * surname ending in a kanji (田), the reading's end is matched to a form of that kanji's reading (た / だ), and
 * the forms are counted by what comes before: the kana just before (ん voices: 本田 ほんだ), and whether the part
 * before already holds a voiced sound (柴田 しばた, 藤田 ふじた: voicing is rarer there). Counts back off from the
 * most specific context to the kanji's reading alone, and to the reading alone across kanji. When asked about a
 * surname, its own readings are left out of the counts (leave-one-out), so a surname is never its own evidence.
 */

import { indexLines, lazyGroups } from "./table-lines.js";

const VOICED: Readonly<Record<string, string>> = {
  か: "が", き: "ぎ", く: "ぐ", け: "げ", こ: "ご", さ: "ざ", し: "じ", す: "ず", せ: "ぜ", そ: "ぞ",
  た: "だ", ち: "ぢ", つ: "づ", て: "で", と: "ど", は: "ば", ひ: "び", ふ: "ぶ", へ: "べ", ほ: "ぼ",
};
const PLAIN: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(VOICED).map(([plain, voiced]) => [voiced, plain]));
const VOICED_OBSTRUENT = /[がぎぐげござじずぜぞだぢづでどばびぶべぼ]/u;

/** How the last kanji's reading starts: as it is (た), voiced (だ), or, for は, as わ (原 はら / わら). */
export type VoicingForm = "plain" | "voiced" | "wa";

/** The kanji reading a surname's reading ends in, in its plain form: 田 → た, 崎 → さき, 原 → はら. */
function plainOf(suffix: string): { base: string; form: VoicingForm } | null {
  const first = suffix[0]!;
  if (VOICED[first]) return { base: suffix, form: "plain" };
  if (PLAIN[first]) return { base: PLAIN[first] + suffix.slice(1), form: "voiced" };
  if (first === "わ") return { base: "は" + suffix.slice(1), form: "wa" };
  return null;
}

/** The reading of `base` in `form`. */
function formOf(base: string, form: VoicingForm): string {
  if (form === "plain") return base;
  if (form === "voiced") return VOICED[base[0]!]! + base.slice(1);
  return "わ" + base.slice(1);
}

function formsOf(base: string): VoicingForm[] {
  return base[0] === "は" ? ["plain", "voiced", "wa"] : ["plain", "voiced"];
}

/** One reading seen in training: the surname, its last kanji and the reading (weight: 1, or split between forms). */
export interface Observation { surface: string; reading: string; weight: number }

/** What the model says of one surname's reading. */
export interface VoicingEstimate {
  /** The part before the last kanji's reading (みつ in みつだ). */
  prefix: string;
  /** The last kanji's reading in its plain form (た). */
  base: string;
  /** The form this reading has. */
  form: VoicingForm;
  /** Each form's reading of the whole surname and its probability, most likely first. */
  forms: { reading: string; form: VoicingForm; probability: number }[];
  /** How many surnames ending in the same kanji and reading the estimate rests on (0: the reading alone). */
  support: number;
}

export interface VoicingModel {
  /** The estimate for a surname's reading, or null when its last kanji's reading cannot voice or is not known. */
  estimate(surface: string, reading: string): VoicingEstimate | null;
}

type Counts = Map<string, Map<VoicingForm, number>>;
/** Two kanji or more, kanji only. */
const KANJI_NAME = /^[\p{Script=Han}々]{2,}$/u;
/** The last character (a kanji outside the BMP, 𣘺, is two UTF-16 units). */
const lastOf = (surface: string) => String.fromCodePoint(surface.codePointAt(surface.length - 1 - (/[\uDC00-\uDFFF]$/.test(surface) ? 1 : 0))!);
const add = (counts: Counts, key: string, form: VoicingForm, weight: number) => {
  const forms = counts.get(key) ?? counts.set(key, new Map()).get(key)!;
  forms.set(form, (forms.get(form) ?? 0) + weight);
};

/** Smoothing strength of each back-off step (pseudo-counts of the parent's estimate). */
const PRIOR = 2;
/** A kanji reading is one of the kanji's when at least this many surnames ending in the kanji show it. */
const MIN_BASE_SURNAMES = 3;

/**
 * What the model learns from the tables: for each last kanji, how many surnames show each of its readings (in plain
 * form), and the forms counted by context. Learnt once from the bundled tables and shipped (data/voicing-model.tsv,
 * scripts/learn-voicing-model.ts; a test checks it is what the tables teach), or learnt from a city's own tables.
 */
export interface VoicingTables {
  /** Last kanji → its reading in plain form → how many surnames ending in the kanji show it. */
  bases: Lookup<ReadonlyMap<string, number>>;
  /** Context key (kanji|base|kana before|voiced before, and the back-off keys) → form → weight. */
  counts: Lookup<ReadonlyMap<VoicingForm, number>>;
}

/** What the model reads in its tables: a lookup by key (a Map when learnt, the shipped file's lines when read). */
interface Lookup<V> {
  get(key: string): V | undefined;
}

/** The tables as learnt, every key in memory (what voicingTablesText writes). */
export interface LearntVoicingTables extends VoicingTables {
  bases: Map<string, Map<string, number>>;
  counts: Counts;
}

/** Learns the tables from observations: each a surname's surface, a reading trusted for it, and a weight. */
export function learnVoicingTables(observations: Iterable<Observation>): LearntVoicingTables {
  const all: Observation[] = [...observations].filter((o) => KANJI_NAME.test(o.surface));
  // The readings each last kanji has, in plain form, with how many surnames show each.
  const surfaces = new Map<string, Map<string, Set<string>>>();
  for (const o of all) {
    const kanji = lastOf(o.surface);
    for (let k = 1; k <= Math.min(4, o.reading.length - 1); k++) {
      const base = plainOf(o.reading.slice(-k))?.base ?? o.reading.slice(-k);
      const byBase = surfaces.get(kanji) ?? surfaces.set(kanji, new Map()).get(kanji)!;
      (byBase.get(base) ?? byBase.set(base, new Set()).get(base)!).add(o.surface);
    }
  }
  const bases = new Map([...surfaces].map(([kanji, byBase]) => [kanji, new Map([...byBase].map(([base, set]) => [base, set.size]))]));
  const counts: Counts = new Map();
  const tables = { bases, counts };
  for (const o of all) countInto(tables, counts, o);
  return tables;
}

/** The kanji reading a reading ends in: the one most surnames ending in this kanji show (then the longer). */
function splitReading(bases: VoicingTables["bases"], surface: string, reading: string) {
  if (!KANJI_NAME.test(surface)) return null;
  const kanji = lastOf(surface);
  const byBase = bases.get(kanji);
  if (!byBase) return null;
  // Every ending of the reading that is a reading of the kanji (in any voicing), with how many surnames show it.
  const endings: { k: number; count: number }[] = [];
  for (let k = 1; k <= Math.min(4, reading.length - 1); k++) {
    const plain = plainOf(reading.slice(-k)) ?? { base: reading.slice(-k) };
    const count = byBase.get(plain.base) ?? 0;
    if (count >= MIN_BASE_SURNAMES) endings.push({ k, count });
  }
  if (endings.length === 0) return null;
  // The kanji's reading is the longest ending that at least half as many surnames show as the commonest one
  // (本: もと, not と, though every もと ends in と); it voices only if it starts with a kana that can.
  const most = Math.max(...endings.map((e) => e.count));
  const { k } = endings.filter((e) => e.count * 2 >= most).at(-1)!;
  const plain = plainOf(reading.slice(-k));
  if (!plain) return null;
  return { kanji, ...plain, prefix: reading.slice(0, -k) };
}

function contextKeys(kanji: string, base: string, prefix: string): string[] {
  const last = prefix.at(-1)!;
  const voicedBefore = VOICED_OBSTRUENT.test(prefix) ? "v" : "-";
  return [`${kanji}|${base}|${last}|${voicedBefore}`, `${kanji}|${base}|${voicedBefore}`, `${kanji}|${base}`, `*|${base}`];
}

function countInto(tables: VoicingTables, target: Counts, o: Observation): void {
  const s = splitReading(tables.bases, o.surface, o.reading);
  if (s) for (const key of contextKeys(s.kanji, s.base, s.prefix)) add(target, key, s.form, o.weight);
}

/** Learns the model from observations (see learnVoicingTables). */
export function learnVoicing(observations: Iterable<Observation>): VoicingModel {
  const all = [...observations];
  const bySurface = new Map<string, Observation[]>();
  for (const o of all) (bySurface.get(o.surface) ?? bySurface.set(o.surface, []).get(o.surface)!).push(o);
  return voicingModel(learnVoicingTables(all), (surface) => bySurface.get(surface) ?? []);
}

/**
 * The model over learnt tables. `own` gives a surname's own observations: its share of the counts is taken out
 * again when it is asked about (leave-one-out).
 */
export function voicingModel(tables: VoicingTables, own: (surface: string) => Iterable<Observation>): VoicingModel {
  const { counts } = tables;
  const split = (surface: string, reading: string) => splitReading(tables.bases, surface, reading);
  const keys = contextKeys;
  const countOwn = (target: Counts, o: Observation) => (KANJI_NAME.test(o.surface) ? countInto(tables, target, o) : undefined);
  return {
    estimate(surface, reading) {
      const s = split(surface, reading);
      if (!s) return null;
      const mine: Counts = new Map();
      for (const o of own(surface)) countOwn(mine, o);
      const count = (key: string, form: VoicingForm) => Math.max(0, (counts.get(key)?.get(form) ?? 0) - (mine.get(key)?.get(form) ?? 0));
      const forms = formsOf(s.base);
      let p = new Map<VoicingForm, number>(forms.map((f) => [f, 1 / forms.length]));
      let support = 0;
      for (const key of keys(s.kanji, s.base, s.prefix).reverse()) {
        const n = forms.reduce((a, f) => a + count(key, f), 0);
        p = new Map(forms.map((f) => [f, (count(key, f) + PRIOR * p.get(f)!) / (n + PRIOR)]));
        if (key === `${s.kanji}|${s.base}`) support = n;
      }
      return {
        prefix: s.prefix,
        base: s.base,
        form: s.form,
        forms: forms.map((form) => ({ reading: s.prefix + formOf(s.base, form), form, probability: p.get(form)! })).sort((a, b) => b.probability - a.probability),
        support,
      };
    },
  };
}

/**
 * The tables as text (data/voicing-model.tsv): `base` lines (kanji, reading, surnames) and `count` lines (key, form,
 * weight), sorted; a weight is written as JavaScript writes the number, which reads back exactly.
 */
export function voicingTablesText(tables: LearntVoicingTables): string {
  const lines: string[] = [];
  for (const [kanji, byBase] of tables.bases) for (const [base, n] of byBase) lines.push(`base\t${kanji}\t${base}\t${n}`);
  for (const [key, forms] of tables.counts) for (const [form, weight] of forms) lines.push(`count\t${key}\t${form}\t${weight}`);
  return lines.sort().join("\n") + "\n";
}

/** Reads voicingTablesText's text back: indexed, each kanji's and key's lines read when first looked up. */
export function parseVoicingTables(text: string): VoicingTables {
  const numbers = <K extends string>(lines: string[][]) => new Map(lines.filter(([, name, value]) => name && value).map(([, name, value]) => [name as K, Number(value)]));
  return {
    bases: lazyGroups(text, indexLines(text, "base\t"), "base\t", (lines) => numbers<string>(lines)),
    counts: lazyGroups(text, indexLines(text, "count\t"), "count\t", (lines) => numbers<VoicingForm>(lines)),
  };
}
