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
  // Family-name forms (JIS X 0208, 0212, 0213) that Unihan links to no standard form, checked by hand; the older
  // entries above that Unihan does not link either are listed in test/names/variant-kanji.test.ts.
  { variant: "\u{2363A}", standard: "橋", note: "U+2363A 𣘺, JIS X 0213 2-15-35, outside the BMP (高𣘺, 𣘺本)" },
  { variant: "槗", standard: "橋", note: "U+69D7, JIS X 0212 (槗本)" },
  { variant: "舩", standard: "船", note: "U+8229 (舩橋, 舩木)" },
  { variant: "靍", standard: "鶴", note: "U+974D, JIS X 0213 1-93-72 (靍田)" },
  { variant: "靏", standard: "鶴", note: "U+974F, JIS X 0213 1-93-74 (靏岡)" },
  { variant: "\u{266B0}", standard: "脇", note: "U+266B0 𦚰, JIS X 0213 2-85-26, outside the BMP (𦚰田)" },
  { variant: "逹", standard: "達", note: "U+9039 (足逹, 安逹)" },
  { variant: "桺", standard: "柳", note: "U+687A, JIS X 0213 2-14-72 (桺田)" },
  { variant: "隝", standard: "島", note: "U+969D, JIS X 0213 1-93-62 (隝田)" },
  { variant: "曻", standard: "昇", note: "U+66FB, JIS X 0213 1-85-23" },
  { variant: "溪", standard: "渓", note: "U+6EAA (溪口)" },
  { variant: "豐", standard: "豊", note: "U+8C50 (豐田, 豐島)" },
  { variant: "杤", standard: "栃", note: "U+6764 (杤木)" },
  { variant: "驒", standard: "騨", note: "U+9A52, JIS X 0213 1-94-20 (飛驒)" },
  // Old forms (旧字体) Unihan links to their standard form: kJinmeiyoKanji (the 人名用漢字 table's variants),
  // kSemanticVariant, kZVariant, kSimplifiedVariant. Each is checked against Unihan where Debian unicode-data is
  // installed (test/names/variant-kanji.test.ts).
  { variant: "寳", standard: "宝", note: "U+5BF3 (寳田)" },
  { variant: "寶", standard: "宝", note: "U+5BF6 (寶田)" },
  { variant: "澁", standard: "渋", note: "U+6F81 (澁谷, 澁澤)" },
  { variant: "瀧", standard: "滝", note: "U+7027 (瀧本, 瀧澤)" },
  { variant: "圓", standard: "円", note: "U+5713 (圓山)" },
  { variant: "壽", standard: "寿", note: "U+58FD" },
  { variant: "鐵", standard: "鉄", note: "U+9435" },
  { variant: "亞", standard: "亜", note: "U+4E9E" },
  { variant: "萬", standard: "万", note: "U+842C (萬田)" },
  { variant: "榮", standard: "栄", note: "U+69AE" },
  { variant: "實", standard: "実", note: "U+5BE6" },
  { variant: "兒", standard: "児", note: "U+5152 (兒玉)" },
  { variant: "來", standard: "来", note: "U+4F86 (來栖)" },
  { variant: "與", standard: "与", note: "U+8207 (與那覇)" },
  { variant: "埜", standard: "野", note: "U+57DC (小埜)" },
  { variant: "淺", standard: "浅", note: "U+6DFA (淺野, 淺井)" },
  { variant: "穗", standard: "穂", note: "U+7A57 (穗積)" },
  { variant: "莊", standard: "荘", note: "U+838A (莊司)" },
  { variant: "靜", standard: "静", note: "U+975C" },
  { variant: "晉", standard: "晋", note: "U+6649" },
  { variant: "蘆", standard: "芦", note: "U+8606 (蘆田)" },
  { variant: "鄕", standard: "郷", note: "U+9115, JIS X 0213 1-92-76 (本鄕)" },
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
