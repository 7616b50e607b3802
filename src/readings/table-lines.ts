/**
 * The shipped tables (data/*.tsv) as lines of TAB-separated fields, read without splitting them all: one pass finds
 * where each key's lines start, and a key's lines are split and built into what a lookup needs the first time it
 * is asked for. A run looks up a few thousand of the tables' tens of thousands of keys: parsing every line was
 * ~45 ms (name tables) and ~19 ms (voicing model) of each run.
 */

/** Where each key's lines start in a table of lines `prefix` key TAB …; `more` holds a key's later runs of lines. */
export interface LineIndex {
  starts: Map<string, number>;
  more: Map<string, number[]>;
  /** Length in code units of the longest key. */
  longest: number;
}

/** Indexes the lines that start with `prefix` by the field after it (one pass of indexOf, no line split). */
export function indexLines(text: string, prefix: string): LineIndex {
  const starts = new Map<string, number>();
  const more = new Map<string, number[]>();
  let longest = 0;
  let previous = "";
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    if (end > pos && text.startsWith(prefix, pos)) {
      const keyStart = pos + prefix.length;
      const tab = text.indexOf("\t", keyStart);
      if (tab > keyStart && tab < end) {
        const key = text.slice(keyStart, tab);
        if (key !== previous) {
          if (!starts.has(key)) starts.set(key, pos);
          else (more.get(key) ?? more.set(key, []).get(key)!).push(pos);
          previous = key;
          if (key.length > longest) longest = key.length;
        }
      }
    }
    pos = end + 1;
  }
  return { starts, more, longest };
}

/** The fields after `prefix` of every line of `key` (the key first), in the table's order. */
export function linesOf(text: string, index: LineIndex, prefix: string, key: string): string[][] {
  const first = index.starts.get(key);
  if (first === undefined) return [];
  const lines: string[][] = [];
  for (const start of [first, ...(index.more.get(key) ?? [])]) {
    for (let pos = start; pos < text.length; ) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      if (!text.startsWith(prefix, pos)) break;
      const fields = text.slice(pos + prefix.length, end).split("\t");
      if (fields[0] !== key) break;
      lines.push(fields);
      pos = end + 1;
    }
  }
  return lines;
}

/** A read-only map over the table: `build` makes a key's value from its lines on first lookup (kept). */
export function lazyGroups<V>(text: string, index: LineIndex, prefix: string, build: (lines: string[][]) => V): { get(key: string): V | undefined } {
  const built = new Map<string, V>();
  return {
    get(key) {
      if (built.has(key)) return built.get(key);
      if (!index.starts.has(key)) return undefined;
      const value = build(linesOf(text, index, prefix, key));
      built.set(key, value);
      return value;
    },
  };
}
