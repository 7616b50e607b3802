import type { NameSplit } from "./split-name.js";

/**
 * Names that are not Japanese, split as people write them. A roster's 姓/名 columns always win; without them:
 * - Latin letters with a part in capitals: that part is the family name, as passports and Japanese forms write
 *   it (SMITH John, John SMITH, NGUYEN Van An) — certain.
 * - Latin letters otherwise (John Smith, María García): Western order, the last part is the family name — flagged.
 * - Katakana with ・ or ＝ between its parts (ジョン・スミス): Western order, the last part is the family name — flagged.
 * A katakana name split by a space (スミス　ジョン) is read like any roster name, surname first; a name of one part is
 * its own surname. Never is a name of several parts taken whole as a surname without a word.
 */

/** Latin letters only (with the apostrophes, dots, hyphens and spaces names hold). */
export const LATIN_NAME = /^[\p{Script=Latin}'’.\- \u3000]+$/u;
const KATAKANA_WITH_DOTS = /^[\p{Script=Katakana}ー・=＝\s]+$/u;
const DOTS = /[・=＝]/u;

/** The name is written the way foreign nationals' names are: Latin letters, or katakana alone. */
export function isForeignScript(surname: string): boolean {
  const text = surname.normalize("NFKC").trim();
  return LATIN_NAME.test(text) || /^[\p{Script=Katakana}ー・=＝]+$/u.test(text);
}

const capitals = (part: string) => part === part.toUpperCase() && part !== part.toLowerCase() && [...part].length >= 2;

export function splitForeignName(name: string): NameSplit | null {
  const text = name.normalize("NFKC").trim();
  if (LATIN_NAME.test(text)) {
    const parts = text.split(/\s+/u).filter(Boolean);
    if (parts.length < 2) return null;
    const upper = parts.map((part, index) => (capitals(part) ? index : -1)).filter((index) => index >= 0);
    const family = upper.length === 1 ? upper[0]! : parts.length - 1;
    return {
      surname: parts[family]!,
      given: parts.filter((_, index) => index !== family).join(" "),
      method: "foreign",
      otherSurnames: [],
      foreign: { order: upper.length === 1 ? "capitals" : "western", familyIndex: family, parts: parts.length },
    };
  }
  if (KATAKANA_WITH_DOTS.test(text) && DOTS.test(text)) {
    const parts = text.split(/[・=＝\s]+/u).filter(Boolean);
    if (parts.length < 2) return null;
    return {
      surname: parts[parts.length - 1]!,
      given: parts.slice(0, -1).join("・"),
      method: "foreign",
      otherSurnames: [],
      foreign: { order: "western", familyIndex: parts.length - 1, parts: parts.length },
    };
  }
  return null;
}
