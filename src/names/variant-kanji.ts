/**
 * Variant (異体字) kanji in surnames → the form a dictionary is likely to hold.
 *
 * FOR DICTIONARY LOOKUP ONLY. Never print the normalised form: a person's name is printed as
 * written. Look the name up as written first, then normalised (the dictionary may hold the old
 * form too: 渡邊, 齋藤).
 *
 * Only pairs where the old / variant form is unlikely to be in the dictionary and the reading
 * does not change are mapped. Pairs where both forms are common surnames in their own right
 * (龍/竜, 峯/峰, 渕/淵, 舘/館, 曾/曽, 籠/篭, 嶽/岳) are left alone.
 */

export interface VariantKanjiEntry {
  /** The variant as it appears in rosters (may be outside the BMP: 𠮷 is two UTF-16 units). */
  readonly variant: string;
  /** The form to look up instead. */
  readonly standard: string;
  readonly note: string;
}

/** The mapping table, as data. */
export const VARIANT_KANJI_TABLE: readonly VariantKanjiEntry[] = [
  { variant: "髙", standard: "高", note: "U+9AD9 はしご高 (髙橋)" },
  { variant: "\uFA11", standard: "崎", note: "U+FA11 たつさき; a unified ideograph in the compatibility block, NFKC keeps it (山﨑)" },
  { variant: "嵜", standard: "崎", note: "U+5D5C (山嵜)" },
  { variant: "\u{20BB7}", standard: "吉", note: "U+20BB7 つちよし, outside the BMP (𠮷田)" },
  { variant: "\u{2123D}", standard: "土", note: "U+2123D 土 with a dot (𡈽屋)" },
  { variant: "德", standard: "徳", note: "U+5FB7 (德永)" },
  { variant: "邊", standard: "辺", note: "U+908A (渡邊)" },
  { variant: "邉", standard: "辺", note: "U+9089 (渡邉)" },
  { variant: "齋", standard: "斎", note: "U+9F4B (齋藤)" },
  { variant: "齊", standard: "斉", note: "U+9F4A (齊藤)" },
  { variant: "櫻", standard: "桜", note: "U+6AFB (櫻井)" },
  { variant: "廣", standard: "広", note: "U+5EE3 (廣瀬)" },
  { variant: "濱", standard: "浜", note: "U+6FF1 (濱田)" },
  { variant: "濵", standard: "浜", note: "U+6FF5 (濵田)" },
  { variant: "澤", standard: "沢", note: "U+6FA4 (澤田)" },
  { variant: "嶋", standard: "島", note: "U+5D8B (中嶋)" },
  { variant: "嶌", standard: "島", note: "U+5D8C (嶌田)" },
  { variant: "冨", standard: "富", note: "U+51A8 (冨田)" },
  { variant: "槇", standard: "槙", note: "U+69C7 (槇原)" },
  { variant: "惠", standard: "恵", note: "U+60E0" },
  { variant: "藏", standard: "蔵", note: "U+85CF (大藏)" },
  { variant: "條", standard: "条", note: "U+689D (北條)" },
  { variant: "眞", standard: "真", note: "U+771E (眞鍋)" },
  { variant: "國", standard: "国", note: "U+570B (國分)" },
  { variant: "會", standard: "会", note: "U+6703 (會田)" },
  { variant: "彌", standard: "弥", note: "U+5F4C" },
  { variant: "瀨", standard: "瀬", note: "U+7028 (廣瀨)" },
  { variant: "栁", standard: "柳", note: "U+6801 (栁田)" },
  { variant: "桒", standard: "桑", note: "U+6852 (桒原)" },
  { variant: "靑", standard: "青", note: "U+9751 (靑木)" },
  { variant: "淸", standard: "清", note: "U+6DF8 (淸水)" },
  { variant: "黃", standard: "黄", note: "U+9EC3" },
];

/** The table as a map keyed by the variant (one code point each). */
export const VARIANT_KANJI: ReadonlyMap<string, string> = new Map(
  VARIANT_KANJI_TABLE.map((entry) => [entry.variant, entry.standard]),
);

/** Variation selectors: U+FE00–U+FE0F and the ideographic ones U+E0100–U+E01EF (葛󠄀, 辻󠄀). */
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/**
 * The form of a name to look up in a dictionary: NFKC (which also maps CJK compatibility
 * ideographs such as U+FA10 塚 to their unified forms), variation selectors removed, then the
 * variants in VARIANT_KANJI_TABLE replaced, code point by code point (so 𠮷 is one character).
 *
 *   normalizeVariantKanji('髙橋') → '高橋'; normalizeVariantKanji('𠮷田') → '吉田'
 */
export function normalizeVariantKanji(s: string): string {
  const nfkc = s.normalize("NFKC").replace(VARIATION_SELECTORS, "");
  let out = "";
  for (const ch of nfkc) out += VARIANT_KANJI.get(ch) ?? ch;
  return out;
}
