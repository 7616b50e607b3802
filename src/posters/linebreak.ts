/**
 * Japanese line breaking with kinsoku shori (禁則処理), pure: the caller measures text.
 *
 * - 行頭禁則: closing brackets, 、。 and other punctuation, small kana (ぁぃぅぇぉっゃゅょゎ…),
 *   the long-vowel mark ー, iteration marks, and …‥ never start a line: they are pushed out
 *   together with the character before them (追い出し).
 * - 行末禁則: opening brackets never end a line: they move to the next one.
 * - Latin words and numbers (incl. 8:30, 0120-000-000) are not split; spaces are break points
 *   and vanish at a line end.
 * - `words` mode (やさしい日本語, written with spaces between words): break only at spaces,
 *   unless one word is longer than the line.
 * - "\n" in the text is a forced break (paragraph).
 */

/** Characters that must not begin a line. */
export const NO_LINE_START = new Set([
  ..."、。，．,.・：；:;？！?!‼⁇⁈⁉ー－—‐-〜～…‥ヽヾゝゞ々〻",
  ..."）)］]｝}〕〉》」』】〙〗〟’”»",
  ..."ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
  ..."％%℃°′″",
]);

/** Characters that must not end a line. */
export const NO_LINE_END = new Set([..."（(［[｛{〔〈《「『【〘〖〝‘“«￥$＄#＃№"]);

/** Break points that vanish at a line end: spaces, and U+200B (zero width) which is never printed. */
const SPACE = /^[ \t\u3000\u200b]$/;
/** Latin letters, digits and the punctuation that joins them into one unbreakable word. */
const LATIN = /^[A-Za-z0-9\u00c0-\u024f'’@&_+=/:.,\-–~#%°€$¥()[\]"!?;*]$/;

export type Measure = (text: string) => number;

export interface BreakOptions {
  /** Break only at spaces when possible (text written with spaces between words). */
  words?: boolean;
}

/** Splits text into the smallest pieces that may be separated by a line break. */
export function breakUnits(text: string, options: BreakOptions = {}): string[] {
  const chars = [...text];
  // 1. Atoms: runs of Latin (a word), single spaces, single other characters.
  const atoms: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i]!;
    if (LATIN.test(c)) {
      let j = i;
      let word = "";
      while (j < chars.length && LATIN.test(chars[j]!)) word += chars[j++];
      atoms.push(word);
      i = j;
    } else {
      atoms.push(c);
      i++;
    }
  }
  // 2. Words mode: glue every run of non-space atoms together.
  if (options.words) {
    const glued: string[] = [];
    for (const atom of atoms) {
      const last = glued[glued.length - 1];
      if (last !== undefined && !SPACE.test(atom) && !SPACE.test(last.slice(-1))) glued[glued.length - 1] = last + atom;
      else glued.push(atom);
    }
    return glued;
  }
  // 3. Kinsoku: glue no-start characters to what precedes, no-end characters to what follows.
  const units: string[] = [];
  let carry = "";
  for (const atom of atoms) {
    const first = [...atom][0]!;
    const last = [...atom].slice(-1)[0]!;
    if (carry) {
      carry += atom;
      if (!NO_LINE_END.has(last)) {
        units.push(carry);
        carry = "";
      }
      continue;
    }
    if (NO_LINE_START.has(first)) {
      // "word ）": spaces before a no-start character are not a break point either (however many there are).
      let spaces = "";
      while (units.length >= 2 && SPACE.test(units[units.length - 1]!)) spaces = units.pop()! + spaces;
      if (spaces) units[units.length - 1] += spaces;
    }
    const prev = units[units.length - 1];
    if (prev !== undefined && NO_LINE_START.has(first) && !SPACE.test(prev)) {
      units[units.length - 1] = prev + atom;
      if (NO_LINE_END.has(last)) {
        carry = units.pop()!;
      }
      continue;
    }
    if (NO_LINE_END.has(last) && !SPACE.test(atom)) carry = atom;
    else units.push(atom);
  }
  if (carry) units.push(carry);
  return units;
}

function trimSpaces(line: string): string {
  return line.replace(/\u200b/g, "").replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, "");
}

/** Splits an over-long unit by characters (still keeping kinsoku pairs where it can). */
function splitLong(unit: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  const chars = [...unit];
  // Not before a no-start character, nor before spaces that lead to one (they vanish at the line start).
  const breakable = (i: number) => {
    let j = i;
    while (j < chars.length && SPACE.test(chars[j]!)) j++;
    return j >= chars.length || !NO_LINE_START.has(chars[j]!);
  };
  let line = "";
  for (const [i, c] of chars.entries()) {
    if (line && measure(line + c) > width && breakable(i)) {
      parts.push(line);
      line = c;
    } else line += c;
  }
  if (line) parts.push(line);
  return parts;
}

/**
 * Breaks `text` into lines no wider than `width` (in the unit `measure` returns).
 * Lines never start with a NO_LINE_START character nor end with a NO_LINE_END one,
 * unless a single unbreakable run is wider than the whole line.
 */
export function breakLines(text: string, width: number, measure: Measure, options: BreakOptions = {}): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let broken = breakParagraph(paragraph, width, measure, options).lines;
    // No lone character on a paragraph's last line (す / る): set the paragraph a little
    // narrower when that keeps the number of lines.
    const short = (ls: string[]) => ls.length >= 2 && [...ls[ls.length - 1]!].length <= 2;
    if (short(broken)) {
      for (const factor of [0.97, 0.94, 0.91, 0.88, 0.85]) {
        const narrower = breakParagraph(paragraph, width * factor, measure, options);
        if (!narrower.forced && narrower.lines.length === broken.length && !short(narrower.lines)) {
          broken = narrower.lines;
          break;
        }
      }
    }
    lines.push(...broken);
  }
  return lines;
}

/** Greedy breaking of one paragraph; `forced` when a run had to be split inside. */
function breakParagraph(paragraph: string, width: number, measure: Measure, options: BreakOptions): { lines: string[]; forced: boolean } {
  const lines: string[] = [];
  let forced = false;
  {
    const units = breakUnits(paragraph, options);
    let line = "";
    for (const unit of units) {
      const candidate = line + unit;
      if (!line || measure(trimSpaces(candidate)) <= width) {
        if (!line && SPACE.test(unit)) continue; // no leading spaces
        line = candidate;
        if (measure(trimSpaces(line)) > width) {
          const parts = splitLong(line, width, measure);
          forced = true;
          lines.push(...parts.slice(0, -1).map(trimSpaces));
          line = parts[parts.length - 1] ?? "";
        }
        continue;
      }
      lines.push(trimSpaces(line));
      line = SPACE.test(unit) ? "" : unit;
      if (line && measure(line) > width) {
        const parts = splitLong(line, width, measure);
        forced = true;
        lines.push(...parts.slice(0, -1).map(trimSpaces));
        line = parts[parts.length - 1] ?? "";
      }
    }
    if (trimSpaces(line)) lines.push(trimSpaces(line));
  }
  return { lines: lines.filter((l) => l !== ""), forced };
}
