/**
 * Japanese line breaking for posters and signs, pure apart from the phrase model: the caller measures text.
 *
 * Where a line may end, from best to worst:
 * - at a space (it vanishes at the line end), the only place in `words` mode (やさしい日本語 and English, written
 *   with spaces between words) unless one word is longer than the line;
 * - at a phrase boundary (文節) found by BudouX (Google's phrase segmenter, its Japanese model); a boundary
 *   between two kanji (基本方|針) is a weak one, since the model sometimes cuts a compound there;
 * - between any two characters kinsoku allows.
 * What never happens:
 * - 行頭禁則: closing brackets, 、。 and other punctuation, small kana (ぁぃぅぇぉっゃゅょゎ…), the long-vowel mark ー,
 *   iteration marks and …‥ never start a line; 行末禁則: opening brackets never end one. A piece kinsoku holds
 *   together that is wider than the line stays one line (the layout condenses it);
 * - a katakana word (センター), a number or a Latin word (8:30, 0120-000-000, visitors) is not split unless it is
 *   longer than the line; then it is split between morae (never before ー or a small kana: that is kinsoku);
 * - a paragraph's last line of three characters or fewer (a widow: 「ます。」, a lone 「る」): another break is
 *   chosen, or one more line used.
 * Among the breaks that satisfy all that, the cheapest is chosen: each line costs 100, a line's unused width
 * 100 × (slack / width)² (minimum raggedness), a break between characters 250 (one more line is worth avoiding
 * it), a weak phrase boundary 80, a phrase boundary or a space nothing. `balance` counts the last line's slack too
 * (headlines: two lines of similar length rather than a full line and a short one).
 * "\n" in the text is a forced break (paragraph).
 */
import { jaModel, Parser } from "budoux";

/** Characters that must not begin a line. */
export const NO_LINE_START = new Set([
  ..."、。，．,.・：；:;？！?!‼⁇⁈⁉ー－—‐-〜～…‥ヽヾゝゞ々〻",
  ..."）)］]｝}〕〉》」』】〙〗〟’”»",
  ..."ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
  ..."％%℃°′″",
]);

/** Characters that must not end a line. */
export const NO_LINE_END = new Set([..."（(［[｛{〔〈《「『【〘〖〝‘“«￥$＄#＃№"]);

/** A paragraph's last line must hold more than this many characters (spaces not counted) when it is not the only line. */
export const WIDOW_MAX_CHARS = 3;

/** Break points that vanish at a line end: spaces, and U+200B (zero width) which is never printed. */
const SPACE = /^[ \t\u3000\u200b]$/;
/** Latin letters, digits and the punctuation that joins them into one unbreakable word. */
const LATIN = /^[A-Za-z0-9\u00c0-\u024f'’@&_+=/:.,\-–~#%°€$¥()[\]"!?;*]$/;
/** Full-width letters and digits (１２３, ＡＢＣ): one word, like Latin. */
const WIDE_ALNUM = /^[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]$/;
/** Katakana that make up a word (not ・, which separates words): full and half width, ー, ヽヾ, small ㇰ–ㇿ. */
const KATAKANA = /^[\u30a1-\u30fa\u30fc-\u30fe\u31f0-\u31ff\uff66-\uff9f]$/;
/** Ideographs (kanji), incl. 々 and the CJK extensions. */
const KANJI = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007]|[\ud840-\ud87f][\udc00-\udfff]$/;

export type Measure = (text: string) => number;

export interface BreakOptions {
  /** Break only at spaces when possible (text written with spaces between words). */
  words?: boolean;
  /** Even out every line, the last one included (headlines). Default: only lines before the last. */
  balance?: boolean;
}

/** The kind of a place between two pieces of text where a line may end. */
type BreakKind = "none" | "space" | "phrase" | "weak" | "char" | "forced";

/** How much a line end of each kind costs (a full empty line costs 100). */
const PENALTY: Record<Exclude<BreakKind, "none">, number> = { space: 0, phrase: 0, weak: 80, char: 250, forced: 400 };
/** What one more line costs: a break between characters (250) is worth a line more to avoid; a weak phrase boundary is not. */
const LINE_COST = 100;
/** Punctuation after which a line may always end as after a phrase (BudouX keeps 暴言・暴力・過度な together). */
const PHRASE_END = new Set([..."、。，．・：；！？!?）」』】"]);

export type AtomKind = "space" | "latin" | "katakana" | "char";

interface Atom {
  text: string;
  kind: AtomKind;
  /** Offset in the paragraph (UTF-16 units). */
  start: number;
}

const isSpace = (atom: Atom | undefined): boolean => atom?.kind === "space";
const firstChar = (text: string): string => [...text][0] ?? "";
const lastChar = (text: string): string => [...text].slice(-1)[0] ?? "";

function atomKind(char: string): AtomKind {
  if (SPACE.test(char)) return "space";
  if (LATIN.test(char) || WIDE_ALNUM.test(char)) return "latin";
  if (KATAKANA.test(char)) return "katakana";
  return "char";
}

/** The paragraph as atoms: runs of Latin letters and digits (a word, a number), runs of katakana (a word), single others. */
export function atomsOf(paragraph: string): Atom[] {
  const atoms: Atom[] = [];
  let offset = 0;
  for (const char of paragraph) {
    const kind = atomKind(char);
    const last = atoms[atoms.length - 1];
    // A long-vowel mark after katakana belongs to the word (センター); after anything else it is a character.
    if (last && kind === last.kind && (kind === "latin" || kind === "katakana")) last.text += char;
    else atoms.push({ text: char, kind, start: offset });
    offset += char.length;
  }
  return atoms;
}

let parser: Parser | null = null;
const phraseCache = new Map<string, Set<number>>();

/** Offsets (UTF-16 units) where BudouX's Japanese model puts a phrase boundary. Cached per paragraph. */
export function phraseBoundaries(paragraph: string): Set<number> {
  let set = phraseCache.get(paragraph);
  if (!set) {
    parser ??= new Parser(jaModel);
    set = new Set(parser.parseBoundaries(paragraph));
    if (phraseCache.size > 5000) phraseCache.clear();
    phraseCache.set(paragraph, set);
  }
  return set;
}

/** The phrases BudouX finds (for tests and previews). */
export function phrasesOf(paragraph: string): string[] {
  const cuts = [...phraseBoundaries(paragraph)].sort((a, b) => a - b);
  const phrases: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    phrases.push(paragraph.slice(from, cut));
    from = cut;
  }
  phrases.push(paragraph.slice(from));
  return phrases.filter((p) => p !== "");
}

/** The kind of the place after atoms[i] (between it and atoms[i + 1]). */
function boundaryKind(atoms: readonly Atom[], i: number, phrases: Set<number>, words: boolean): BreakKind {
  const here = atoms[i]!;
  const next = atoms[i + 1]!;
  if (isSpace(next)) return "none"; // lines end after their spaces, which vanish
  if (isSpace(here)) {
    // "word ）": spaces before a no-start character (or after a no-end one) are no break point either.
    let before = i;
    while (before >= 0 && isSpace(atoms[before])) before--;
    if (NO_LINE_START.has(firstChar(next.text))) return "none";
    if (before >= 0 && NO_LINE_END.has(lastChar(atoms[before]!.text))) return "none";
    return "space";
  }
  if (NO_LINE_START.has(firstChar(next.text)) || NO_LINE_END.has(lastChar(here.text))) return "none";
  if (words) return "none";
  const at = next.start;
  if (PHRASE_END.has(lastChar(here.text))) return "phrase";
  if (phrases.has(at)) return KANJI.test(lastChar(here.text)) && KANJI.test(firstChar(next.text)) ? "weak" : "phrase";
  return "char";
}

/**
 * Where a glued piece wider than the line may be opened (words mode: between words without a space): where kinsoku
 * allows, at a high price. Kinsoku itself is never broken: a piece that still does not fit is one line, which
 * the layout condenses (長体) to the width.
 */
function relaxedKind(atoms: readonly Atom[], i: number, phrases: Set<number>): BreakKind {
  return boundaryKind(atoms, i, phrases, false) === "none" ? "none" : "forced";
}

/** Splits a word atom (Latin, katakana) into single characters: only for a word wider than the line. */
function splitAtom(atom: Atom): Atom[] {
  const parts: Atom[] = [];
  let offset = atom.start;
  for (const char of atom.text) {
    parts.push({ text: char, kind: "char", start: offset });
    offset += char.length;
  }
  return parts;
}

export interface ParagraphBreak {
  lines: string[];
  /** True when a word, number or glued run wider than the line had to be split inside. */
  forced: boolean;
  /** True when the last line is a widow no break could avoid (a paragraph too short, a line too narrow). */
  widow: boolean;
}

function trimLine(text: string): string {
  return text.replace(/\u200b/g, "").replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, "");
}

/** Visible characters of a line (spaces not counted), for the widow rule. */
export function visibleLength(line: string): number {
  return [...line.replace(/[ \t\u3000\u200b]/g, "")].length;
}

/** Breaks one paragraph (no "\n"). */
export function breakParagraph(paragraph: string, width: number, measure: Measure, options: BreakOptions = {}): ParagraphBreak {
  const words = options.words === true;
  let atoms = atomsOf(paragraph);
  if (atoms.every(isSpace)) return { lines: [], forced: false, widow: false };
  let forced = false;
  // Words (Latin, katakana, numbers) wider than the line are split into characters, between morae.
  if (atoms.some((atom) => atom.kind !== "space" && atom.kind !== "char" && measure(atom.text) > width)) {
    atoms = atoms.flatMap((atom) => (atom.kind !== "space" && atom.kind !== "char" && measure(atom.text) > width ? splitAtom(atom) : [atom]));
    forced = true;
  }
  const phrases = phraseBoundaries(paragraph);
  const kinds: BreakKind[] = atoms.slice(0, -1).map((_, i) => boundaryKind(atoms, i, phrases, words));
  const widths = atoms.map((atom) => (isSpace(atom) ? measure(atom.text.replace(/\u200b/g, "")) : measure(atom.text)));

  // A glued run (no break point inside) wider than the line is opened: kinsoku kept where it can be.
  const openWide = (relax: (i: number) => BreakKind) => {
    let start = 0;
    let runWidth = widths[0]!;
    let opened = false;
    for (let i = 0; i < atoms.length; i++) {
      const ends = i === atoms.length - 1 || kinds[i] !== "none";
      if (ends) {
        if (runWidth > width && i > start) {
          for (let k = start; k < i; k++) if (kinds[k] === "none") kinds[k] = relax(k);
          opened = true;
        }
        start = i + 1;
        runWidth = widths[i + 1] ?? 0;
      } else runWidth += widths[i + 1]!;
    }
    return opened;
  };
  if (openWide((i) => relaxedKind(atoms, i, phrases))) forced = true;

  const n = atoms.length;
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1]! + w);
  const chars = [0];
  for (const atom of atoms) chars.push(chars[chars.length - 1]! + (isSpace(atom) ? 0 : [...atom.text].length));
  /** Width of atoms a..b (inclusive) without the spaces at either end. */
  const lineWidth = (a: number, b: number): number => {
    while (a <= b && isSpace(atoms[a])) a++;
    while (b >= a && isSpace(atoms[b])) b--;
    return a > b ? 0 : prefix[b + 1]! - prefix[a]!;
  };

  // Break candidates: after atom i (i < n - 1) where kinds[i] !== "none"; the paragraph ends after atom n - 1.
  const ends: number[] = [];
  for (let i = 0; i < n - 1; i++) if (kinds[i] !== "none") ends.push(i);
  ends.push(n - 1);
  interface State {
    lines: number;
    cost: number;
    from: number; // index into `ends` of the previous line end, -1 for the start
  }
  const best: (State | null)[] = ends.map(() => null);
  const better = (a: State, b: State | null) => !b || a.cost < b.cost - 1e-9;
  let final: (State & { widow: boolean }) | null = null;
  for (let e = 0; e < ends.length; e++) {
    const b = ends[e]!;
    const last = e === ends.length - 1;
    // Lines ending after atom b start after a previous end p (or at 0).
    for (let p = e - 1; p >= -1; p--) {
      const a = p < 0 ? 0 : ends[p]! + 1;
      const prev: State | null = p < 0 ? { lines: 0, cost: 0, from: -1 } : best[p]!;
      const w = lineWidth(a, b);
      // Lines only get wider as they start earlier. The shortest line ending here may still be too wide (one
      // character wider than the whole line): it is kept, as nothing else can be done.
      const tooWide = w > width + 1e-9;
      if (tooWide && p < e - 1) break;
      if (tooWide) forced = true;
      if (!prev) continue;
      const slack = Math.max(0, (width - w) / width);
      const badness = last && !options.balance ? 0 : 100 * slack * slack;
      const penalty = last ? 0 : PENALTY[kinds[b] as Exclude<BreakKind, "none">];
      const state: State = { lines: prev.lines + 1, cost: prev.cost + LINE_COST + badness + penalty, from: p };
      if (last) {
        const widow = state.lines > 1 && chars[b + 1]! - chars[a]! <= WIDOW_MAX_CHARS;
        const candidate = { ...state, widow };
        if (
          !final ||
          (final.widow && !widow) ||
          (final.widow === widow && candidate.cost < final.cost - 1e-9)
        )
          final = candidate;
      } else if (better(state, best[e] ?? null)) best[e] = state;
      if (tooWide) break;
    }
  }
  if (!final) return { lines: [trimLine(paragraph)], forced: true, widow: false };
  // Walk back.
  const cuts: number[] = [];
  let state: State = final;
  let e = ends.length - 1;
  while (true) {
    cuts.unshift(ends[e]!);
    if (state.from < 0) break;
    e = state.from;
    state = best[e]!;
  }
  const lines: string[] = [];
  let a = 0;
  for (const b of cuts) {
    lines.push(trimLine(atoms.slice(a, b + 1).map((atom) => atom.text).join("")));
    a = b + 1;
  }
  return { lines: lines.filter((line) => line !== ""), forced, widow: final.widow };
}

/**
 * Breaks `text` into lines no wider than `width` (in the unit `measure` returns); see the module comment for the
 * rules. Widths are taken as additive (a line is as wide as its pieces), as they are for pdf-lib's drawing.
 */
export function breakLines(text: string, width: number, measure: Measure, options: BreakOptions = {}): string[] {
  return text.split("\n").flatMap((paragraph) => breakParagraph(paragraph, width, measure, options).lines);
}

/** breakLines with what it had to give up, per paragraph (for layouts that report it and for tests). */
export function breakText(text: string, width: number, measure: Measure, options: BreakOptions = {}): ParagraphBreak[] {
  return text.split("\n").map((paragraph) => breakParagraph(paragraph, width, measure, options));
}
