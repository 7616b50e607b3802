import { toRomaji } from "wanakana";

/**
 * How each hiragana mora is spelt in each system, before っ, ん and long vowels are applied
 * (those depend on the neighbours and are handled in romanize.ts / long-vowels.ts).
 *
 * The wāpuro (`kana`) spelling of the plain kana and their ゃゅょ combinations is wanakana's (toRomaji), which is
 * what that system is. The rest is written out by hand from the rules: wanakana has no passport or Hepburn
 * spelling of names (its kunrei option does nothing), and it spells the loan-word combinations of foreign names
 * kana by kana (ふぁ fua, てぃ tei, ゔぁ vua, くゎ kuゎ), so those keep the spelling a name has (fa, ti, va, kwa);
 * test/romaji/mora-table.test.ts lists each difference.
 */

export interface MoraSpelling {
  /** 外務省 passport Hepburn. */
  readonly passport: string;
  /** Modified Hepburn (without the long-vowel macrons, which are added later). */
  readonly hepburn: string;
  /** Kunrei-shiki (without the circumflexes, which are added later). */
  readonly kunrei: string;
  /** Wāpuro spelling as typed / as wanakana.toRomaji writes it. */
  readonly kana: string;
}

type Row = readonly [kana: string, hepburn: string, kunrei?: string, passport?: string, wapuro?: string];

/** Single kana. Columns: kana, Hepburn, Kunrei (if different), passport (if different), wāpuro (if different). */
const SINGLE: readonly Row[] = [
  ["あ", "a"], ["い", "i"], ["う", "u"], ["え", "e"], ["お", "o"],
  ["か", "ka"], ["き", "ki"], ["く", "ku"], ["け", "ke"], ["こ", "ko"],
  ["が", "ga"], ["ぎ", "gi"], ["ぐ", "gu"], ["げ", "ge"], ["ご", "go"],
  ["さ", "sa"], ["し", "shi", "si"], ["す", "su"], ["せ", "se"], ["そ", "so"],
  ["ざ", "za"], ["じ", "ji", "zi"], ["ず", "zu"], ["ぜ", "ze"], ["ぞ", "zo"],
  ["た", "ta"], ["ち", "chi", "ti"], ["つ", "tsu", "tu"], ["て", "te"], ["と", "to"],
  ["だ", "da"], ["ぢ", "ji", "zi"], ["づ", "zu", "zu"], ["で", "de"], ["ど", "do"],
  ["な", "na"], ["に", "ni"], ["ぬ", "nu"], ["ね", "ne"], ["の", "no"],
  ["は", "ha"], ["ひ", "hi"], ["ふ", "fu", "hu"], ["へ", "he"], ["ほ", "ho"],
  ["ば", "ba"], ["び", "bi"], ["ぶ", "bu"], ["べ", "be"], ["ぼ", "bo"],
  ["ぱ", "pa"], ["ぴ", "pi"], ["ぷ", "pu"], ["ぺ", "pe"], ["ぽ", "po"],
  ["ま", "ma"], ["み", "mi"], ["む", "mu"], ["め", "me"], ["も", "mo"],
  ["や", "ya"], ["ゆ", "yu"], ["よ", "yo"],
  ["ら", "ra"], ["り", "ri"], ["る", "ru"], ["れ", "re"], ["ろ", "ro"],
  ["わ", "wa"], ["ゐ", "i", "i", "i", "wi"], ["ゑ", "e", "e", "e", "we"], ["を", "o", "o", "o", "wo"],
  ["ゔ", "vu", "vu", "bu"],
  // Small kana standing alone (no kana before them to join).
  ["ぁ", "a"], ["ぃ", "i"], ["ぅ", "u"], ["ぇ", "e"], ["ぉ", "o"],
  ["ゃ", "ya"], ["ゅ", "yu"], ["ょ", "yo"], ["ゎ", "wa"],
];

/** Kana of the i-row that combine with ゃ ゅ ょ: [kana, Hepburn stem, Kunrei stem]. */
const YOON_BASES: readonly (readonly [string, string, string])[] = [
  ["き", "ky", "ky"], ["ぎ", "gy", "gy"],
  ["し", "sh", "sy"], ["じ", "j", "zy"],
  ["ち", "ch", "ty"], ["ぢ", "j", "zy"],
  ["に", "ny", "ny"], ["ひ", "hy", "hy"], ["び", "by", "by"], ["ぴ", "py", "py"],
  ["み", "my", "my"], ["り", "ry", "ry"],
];

/** Other combinations (mostly loan-word sounds). Columns as in SINGLE. */
const EXTENDED: readonly Row[] = [
  ["しぇ", "she", "sye"], ["じぇ", "je", "zye"], ["ちぇ", "che", "tye"], ["ぢぇ", "je", "zye"],
  ["いぇ", "ye"], ["きぇ", "kye"], ["ぎぇ", "gye"], ["にぇ", "nye"], ["ひぇ", "hye"],
  ["ふぁ", "fa"], ["ふぃ", "fi"], ["ふぇ", "fe"], ["ふぉ", "fo"], ["ふゅ", "fyu"], ["ふょ", "fyo"],
  ["てぃ", "ti"], ["でぃ", "di"], ["とぅ", "tu"], ["どぅ", "du"], ["てゅ", "tyu"], ["でゅ", "dyu"],
  ["うぃ", "wi"], ["うぇ", "we"], ["うぉ", "wo"],
  ["つぁ", "tsa"], ["つぃ", "tsi"], ["つぇ", "tse"], ["つぉ", "tso"],
  ["すぃ", "si"], ["ずぃ", "zi"],
  ["くぁ", "kwa"], ["ぐぁ", "gwa"], ["くゎ", "kwa"], ["ぐゎ", "gwa"],
  ["ゔぁ", "va", "va", "ba"], ["ゔぃ", "vi", "vi", "bi"], ["ゔぇ", "ve", "ve", "be"],
  ["ゔぉ", "vo", "vo", "bo"], ["ゔゅ", "vyu", "vyu", "byu"],
];

function spelling(row: Row, wapuroFromWanakana: boolean): MoraSpelling {
  const [kana, hepburn, kunrei, passport, wapuro] = row;
  return {
    hepburn,
    kunrei: kunrei ?? hepburn,
    passport: passport ?? hepburn,
    kana: wapuroFromWanakana ? wanakanaWapuro(kana) : (wapuro ?? hepburn),
  };
}

/** wanakana's wāpuro spelling of a mora, except the small ゎ standing alone, which it leaves as kana. */
function wanakanaWapuro(mora: string): string {
  return mora === "ゎ" ? "wa" : toRomaji(mora);
}

function buildTable(): ReadonlyMap<string, MoraSpelling> {
  const table = new Map<string, MoraSpelling>();
  for (const row of SINGLE) table.set(row[0], spelling(row, true));
  for (const [base, hepburnStem, kunreiStem] of YOON_BASES) {
    for (const [small, vowel] of [["ゃ", "a"], ["ゅ", "u"], ["ょ", "o"]] as const) {
      const hepburn = hepburnStem + vowel;
      const kunrei = kunreiStem + vowel;
      table.set(base + small, { hepburn, kunrei, passport: hepburn, kana: wanakanaWapuro(base + small) });
    }
  }
  for (const row of EXTENDED) table.set(row[0], spelling(row, false));
  return table;
}

/** Every mora this module can spell, keyed by its hiragana (っ ん ー are handled separately). */
export const MORA_TABLE: ReadonlyMap<string, MoraSpelling> = buildTable();

/** The vowel a mora ends in (a i u e o), or null for っ ん ー and anything unknown. */
export function moraVowel(mora: string): "a" | "i" | "u" | "e" | "o" | null {
  // An unusual combination (きぇ) ends in the vowel of its last kana.
  const entry = MORA_TABLE.get(mora) ?? MORA_TABLE.get([...mora].pop() ?? "");
  if (entry === undefined) return null;
  const last = entry.hepburn.slice(-1);
  return last === "a" || last === "i" || last === "u" || last === "e" || last === "o" ? last : null;
}
