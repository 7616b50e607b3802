/**
 * File names from names people wrote (facilities, departments): Japanese kept, nothing that can leave the output folder
 * (no "/", "\", "..", drive letters, control characters), no names Windows reserves, no formula start
 * (= + - @ and their full-width forms, which a spreadsheet would run where the name is listed), stable across runs
 * (the same name always gives the same file name), and unique as file systems compare names (case and Unicode
 * normalisation ignored).
 */
import { createHash } from "node:crypto";
import { resolve, sep } from "node:path";
import { msg, NafudaError } from "../messages/message.js";

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** UTF-8 bytes kept for the stem: file systems allow 255, suffixes need room. */
const MAX_STEM_BYTES = 150;
/** Characters that read as "_" once normalised (NFKC): collapsed like "_" itself, so that a stem never holds "__". */
const UNDERSCORES = /[_\uff3f\ufe33\ufe34\ufe4d-\ufe4f]+/g;
/**
 * Between a stem and the hash that tells colliding names apart. safeFileStem never writes "__" (runs of "_" are
 * collapsed and none ends a stem), so a suffixed name can never equal another name's plain stem.
 */
const SUFFIX_SEPARATOR = "__";

/**
 * A safe file stem (no extension) for a facility name: 本庁舎 市民課窓口 → 本庁舎_市民課窓口.
 * Never empty, never starts with ".", "_" (the order files use "_") or a formula character, never contains a path
 * or "__".
 */
export function safeFileStem(name: string, fallback = "facility"): string {
  let stem = clean(name);
  let bytes = 0;
  let cut = "";
  for (const char of stem) {
    bytes += Buffer.byteLength(char, "utf8");
    if (bytes > MAX_STEM_BYTES) break;
    cut += char;
  }
  stem = cut.replace(/[._]+$/, "");
  const safeFallback = clean(fallback) || "file";
  if (!stem) stem = safeFallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `${safeFallback}-${stem}`;
  return stem;
}

function clean(name: string): string {
  return name
    .normalize("NFC")
    // Control characters (C0, DEL, C1), bidi controls and separators that can disguise a name.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/[\s\u3000]+/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(UNDERSCORES, "_")
    // Leading dots, underscores, and formula starts (= + - @, full-width ＝ ＋ － ＠, and the minus sign).
    .replace(/^[._=+\-@\uff0e\uff1d\uff0b\uff0d\uff20\u2212\s]+|[._\s]+$/g, "");
}

/** How file systems compare names: Unicode compatibility forms and case ignored (APFS, NTFS, and more). */
export function fileNameKey(name: string): string {
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC");
}

function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
}

/**
 * File stems for many names at once, unique by fileNameKey. Names whose stems collide each get "__" and a short
 * hash of their full name, so the result does not depend on row order; such a suffix cannot equal any name's
 * plain stem. Names that are the same even so (written twice) get "-2", "-3", … in their order.
 */
export function safeFileStems(names: readonly string[], fallback = "facility"): string[] {
  const stems = names.map((name) => safeFileStem(name, fallback));
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(fileNameKey(stem), (counts.get(fileNameKey(stem)) ?? 0) + 1);
  const named = stems.map((stem, i) => ((counts.get(fileNameKey(stem)) ?? 0) > 1 ? `${stem}${SUFFIX_SEPARATOR}${shortHash(names[i]!)}` : stem));
  const taken = new Set<string>();
  return named.map((stem) => {
    let unique = stem;
    for (let n = 2; taken.has(fileNameKey(unique)); n++) unique = `${stem}-${n}`;
    taken.add(fileNameKey(unique));
    return unique;
  });
}

/** A file name that would land outside the output folder (CLI: bad input). */
export class OutputPathError extends NafudaError {
  override name = "OutputPathError";
}

/** `folder/fileName`, or an OutputPathError if the result would not be directly inside `folder`. */
export function pathInside(folder: string, fileName: string): string {
  const base = resolve(folder);
  const path = resolve(base, fileName);
  if (!path.startsWith(base + sep) || path.slice(base.length + 1).includes(sep)) {
    throw new OutputPathError(msg("OUTPUT_FILE_NAME_OUTSIDE_FOLDER", { name: fileName }));
  }
  return path;
}
