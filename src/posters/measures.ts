/**
 * The measures a facility may take against customer harassment. The policy file words each
 * one; the facility list says which apply where (phone recording only where it is done).
 */

export const MEASURE_IDS = [
  "end-conversation",
  "police",
  "legal-action",
  "record-counter",
  "record-phone",
  "pairs",
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];

/** Default short labels, used when the policy file gives only the text. */
export const DEFAULT_MEASURE_LABELS: Readonly<Record<MeasureId, string>> = {
  "end-conversation": "対応の打ち切り",
  police: "警察への通報",
  "legal-action": "法的措置",
  "record-counter": "窓口での録音・録画",
  "record-phone": "電話の録音",
  pairs: "複数の職員での対応",
};

/**
 * Words a facility list may use for a measure besides its id, so that staff can fill the
 * sheet in Japanese. Compared after NFKC and removing spaces.
 */
const ALIASES: Readonly<Record<MeasureId, readonly string[]>> = {
  "end-conversation": ["打ち切り", "対応の打ち切り", "対応終了", "退去", "end"],
  police: ["警察", "通報", "警察への通報"],
  "legal-action": ["法的措置", "法的対応", "legal"],
  "record-counter": ["窓口録音", "窓口録画", "窓口での録音・録画", "録画", "counter"],
  "record-phone": ["電話録音", "電話の録音", "phone"],
  pairs: ["複数対応", "複数の職員での対応", "複数人対応", "二人対応"],
};

const LOOKUP = new Map<string, MeasureId>();
for (const id of MEASURE_IDS) {
  LOOKUP.set(id, id);
  for (const alias of ALIASES[id]) LOOKUP.set(normalizeWord(alias), id);
}

function normalizeWord(word: string): string {
  return word.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

export function isMeasureId(value: string): value is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(value);
}

/** The measure a word in a facility list names (id or Japanese alias), or null. */
export function measureFromWord(word: string): MeasureId | null {
  return LOOKUP.get(normalizeWord(word)) ?? null;
}

/** All the words measureFromWord accepts, for suggestions. */
export function measureWords(): string[] {
  return [...LOOKUP.keys()];
}

/** Sorts measure ids into the policy's canonical order and drops duplicates. */
export function canonicalMeasureOrder(ids: Iterable<MeasureId>): MeasureId[] {
  const set = new Set(ids);
  return MEASURE_IDS.filter((id) => set.has(id));
}
