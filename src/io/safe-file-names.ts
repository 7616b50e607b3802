/**
 * File names from names people wrote (facilities, departments): Japanese kept, nothing that can leave the output folder
 * (no "/", "\", "..", drive letters, control characters), no names Windows reserves,
 * stable across runs (the same name always gives the same file name).
 */
import { createHash } from "node:crypto";
import { resolve, sep } from "node:path";

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** UTF-8 bytes kept for the stem: file systems allow 255, suffixes need room. */
const MAX_STEM_BYTES = 150;

/**
 * A safe file stem (no extension) for a facility name: 本庁舎 市民課窓口 → 本庁舎_市民課窓口.
 * Never empty, never starts with "." or "_" (the order files use "_"), never contains a path.
 */
export function safeFileStem(name: string, fallback = "facility"): string {
  let stem = name
    .normalize("NFC")
    // Control characters (C0, DEL, C1), bidi controls and separators that can disguise a name.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/[\s\u3000]+/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/_+/g, "_")
    .replace(/^[._\-]+|[._\s]+$/g, "");
  let bytes = 0;
  let cut = "";
  for (const char of stem) {
    bytes += Buffer.byteLength(char, "utf8");
    if (bytes > MAX_STEM_BYTES) break;
    cut += char;
  }
  stem = cut.replace(/[._]+$/, "");
  if (!stem) stem = fallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `${fallback}-${stem}`;
  return stem;
}

function shortHash(text: string): string {
  return createHash("sha256").update(text.normalize("NFC"), "utf8").digest("hex").slice(0, 8);
}

/**
 * File stems for many names at once. Names whose stems collide (case-insensitively, as on
 * macOS and Windows) each get a short hash of their full name, so the result does not depend
 * on row order.
 */
export function safeFileStems(names: readonly string[], fallback = "facility"): string[] {
  const stems = names.map((name) => safeFileStem(name, fallback));
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(stem.toLowerCase(), (counts.get(stem.toLowerCase()) ?? 0) + 1);
  return stems.map((stem, i) => ((counts.get(stem.toLowerCase()) ?? 0) > 1 ? `${stem}-${shortHash(names[i]!)}` : stem));
}

/** `folder/fileName`, or an error if the result would not be directly inside `folder`. */
export function pathInside(folder: string, fileName: string): string {
  const base = resolve(folder);
  const path = resolve(base, fileName);
  if (!path.startsWith(base + sep) || path.slice(base.length + 1).includes(sep)) {
    throw new Error(`refusing to write outside the output folder: ${fileName}`);
  }
  return path;
}
