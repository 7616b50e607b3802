/**
 * Checks of set text, written apart from the line breaker they check: kinsoku, widows, katakana words and numbers
 * split across lines. Used on breakLines' output and on the lines of laid-out posters and signs.
 */
import { NO_LINE_END, NO_LINE_START, visibleLength, WIDOW_MAX_CHARS } from "../../src/posters/linebreak.js";

export type Measure = (text: string) => number;

const KATAKANA = /^[\u30a1-\u30fa\u30fc-\u30fe\u31f0-\u31ff\uff66-\uff9f]$/;
/** Characters of a number or a Latin word (what must not be split): letters, digits, and what joins them. */
const WORD = /^[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a'’@&_+=/:.,\-–~#%°€$¥]$/;
const SPACE = /[ \t\u3000\u200b]/g;

const chars = (text: string) => [...text.replace(SPACE, "")];

const isSpace = (c: string | undefined) => c !== undefined && /^[ \t\u3000\u200b]$/.test(c);

/** Line ends against kinsoku: a line (after the first) that starts with 、。ー…, one (before the last) that ends with 「（… */
export function kinsokuViolations(lines: readonly string[]): string[] {
  const bad: string[] = [];
  lines.forEach((line, i) => {
    const c = chars(line);
    if (c.length === 0) return;
    if (i > 0 && NO_LINE_START.has(c[0]!)) bad.push(`starts with ${c[0]}: ${line}`);
    if (i < lines.length - 1 && NO_LINE_END.has(c[c.length - 1]!)) bad.push(`ends with ${c[c.length - 1]}: ${line}`);
  });
  return bad;
}

/** The run of characters of one class (katakana, or a number / Latin word) around index i, as [start, end). */
function runAround(cps: readonly string[], i: number, test: (c: string) => boolean): [number, number] {
  let start = i;
  while (start > 0 && test(cps[start - 1]!)) start--;
  let end = i;
  while (end < cps.length && test(cps[end]!)) end++;
  return [start, end];
}

const classes = [(c: string) => KATAKANA.test(c), (c: string) => WORD.test(c)];

/**
 * Where the rules allow a line to end inside `text` (before character i), worked out on their own: after a space
 * unless kinsoku binds it; elsewhere not before a no-start character nor after a no-end one, not inside a
 * katakana word or number that fits on a line, and in words mode not inside a word that fits on a line.
 */
export function legalBreaks(text: string, width: number, measure: Measure, words = false): number[] {
  const cps = [...text];
  const breaks: number[] = [];
  for (let i = 1; i < cps.length; i++) {
    const a = cps[i - 1]!;
    const b = cps[i]!;
    if (isSpace(b)) continue;
    let before = i - 1;
    while (before >= 0 && isSpace(cps[before])) before--;
    if (before < 0) continue;
    if (NO_LINE_START.has(b) || NO_LINE_END.has(cps[before]!)) continue;
    if (isSpace(a)) {
      breaks.push(i);
      continue;
    }
    if (classes.some((test) => test(a) && test(b) && (([s, e]) => measure(cps.slice(s, e).join("")) <= width + 1e-9)(runAround(cps, i, test)))) continue;
    if (words) {
      const [s, e] = runAround(cps, i, (c) => !isSpace(c));
      if (measure(cps.slice(s, e).join("")) <= width + 1e-9) continue;
    }
    breaks.push(i);
  }
  return breaks;
}

/**
 * Katakana words and numbers (or Latin words) split between two lines although the whole word fits on a line:
 * "センタ / ー" is one, and so is "012 / 0-000". The words are looked up in the paragraph as written (`source`;
 * default the lines joined), so that a word longer than the line may be split and two words with a space between
 * them are two words. (Never before ー or a small kana: kinsoku says that.)
 */
export function splitWords(lines: readonly string[], width: number, measure: Measure, source?: string): string[] {
  const bad: string[] = [];
  const cps = [...(source ?? lines.join(""))];
  // Where each line ends in the source: after as many visible characters as the lines hold.
  const ends: number[] = [];
  let at = 0;
  for (const line of lines) {
    let left = chars(line).length;
    while (at < cps.length && left > 0) {
      if (!isSpace(cps[at])) left--;
      at++;
    }
    ends.push(at);
  }
  for (const end of ends.slice(0, -1)) {
    for (const test of classes) {
      if (!test(cps[end - 1] ?? "") || !test(cps[end] ?? "")) continue;
      const [s, e] = runAround(cps, end, test);
      const word = cps.slice(s, e).join("");
      if (measure(word) <= width + 1e-9) bad.push(`"${word}" split as ${cps.slice(s, end).join("")} / ${cps.slice(end, e).join("")}`);
    }
  }
  return bad;
}

/** The last line of a paragraph of several lines holds three characters or fewer. */
export function isWidow(lines: readonly string[]): boolean {
  return lines.length > 1 && visibleLength(lines[lines.length - 1]!) <= WIDOW_MAX_CHARS;
}

/**
 * True when no break could have given the paragraph a last line of more than three characters that fits: every
 * legal place to start the last line leaves three characters or fewer, or too wide a line.
 */
export function widowUnavoidable(paragraph: string, width: number, measure: Measure, words = false): boolean {
  const cps = [...paragraph];
  for (const i of legalBreaks(paragraph, width, measure, words)) {
    const suffix = cps.slice(i).join("").trim();
    if (visibleLength(suffix) > WIDOW_MAX_CHARS && measure(suffix) <= width + 1e-9) return false;
  }
  return true;
}

/** A line wider than the width must have had no place where the rules let it end. */
export function isOnePiece(line: string, width: number, measure: Measure, words = false): boolean {
  return legalBreaks(line, width, measure, words).length === 0;
}
