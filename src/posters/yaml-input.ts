/**
 * The YAML/JSON files of the posters (the policy file, the layout file for a city's own artwork), read the way
 * tables are: a regular file within a size limit (never /dev/zero), in any Japanese encoding (Shift_JIS from
 * Notepad, UTF-8 with or without BOM, UTF-16), parsed with a cap on aliases (no "billion laughs").
 * Problems come back as catalogue messages with their line, for the caller's error class to carry.
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import { readInputFile } from "../io/read-input.js";
import { formatBytes } from "../messages/general.js";
import { msg, NafudaError, type CodedMessage } from "../messages/message.js";
import { decodeText } from "../roster/decode-text.js";

/** A policy or layout file is a few KB; 10 MB leaves room for anything real and refuses the rest before reading. */
export const POSTER_INPUT_MAX_BYTES = 10 * 1024 * 1024;
/** Aliases (*name) a file may resolve; a real policy uses none, an alias bomb needs thousands. */
export const MAX_YAML_ALIASES = 100;

export interface YamlProblem {
  message: CodedMessage;
  /** 1-based line, when known. */
  line: number | null;
}

/** The text of a policy or layout file, or why it cannot be read (missing, a folder, a device, too large, not text). */
export async function readPosterText(path: string): Promise<{ text: string } | { problem: CodedMessage; cause: unknown }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(path, POSTER_INPUT_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof NafudaError)) throw error;
    if (error.code === "FILE_NOT_FOUND") return { problem: msg("POSTER_FILE_NOT_FOUND"), cause: error };
    if (error.code === "FILE_TOO_LARGE") {
      const size = typeof error.params?.size === "string" ? error.params.size : "?";
      return { problem: msg("POSTER_FILE_TOO_LARGE", { size, limit: formatBytes(POSTER_INPUT_MAX_BYTES) }), cause: error };
    }
    // Folder, device, no permission, locked, unreadable: the general wording fits any file.
    return { problem: { code: error.code, params: error.params } as CodedMessage, cause: error };
  }
  try {
    return { text: decodeText(bytes, path).text };
  } catch (error) {
    if (!(error instanceof NafudaError)) throw error;
    return { problem: msg("POSTER_NOT_TEXT"), cause: error };
  }
}

/**
 * The text of a policy or layout file given as bytes (the web page's upload), bounded as a file read from disk is
 * (POSTER_INPUT_MAX_BYTES, checked before it is decoded), or why it cannot be used (too large, not text).
 */
export function posterTextOfBytes(bytes: Uint8Array, name: string): { text: string } | { problem: CodedMessage } {
  if (bytes.length > POSTER_INPUT_MAX_BYTES) {
    return { problem: msg("POSTER_FILE_TOO_LARGE", { size: formatBytes(bytes.length), limit: formatBytes(POSTER_INPUT_MAX_BYTES) }) };
  }
  try {
    return { text: decodeText(bytes, name).text };
  } catch (error) {
    if (!(error instanceof NafudaError)) throw error;
    return { problem: msg("POSTER_NOT_TEXT") };
  }
}

/**
 * Parses YAML (or JSON, which YAML reads too). `data` is null when there are problems: syntax errors with their
 * line, or more aliases than MAX_YAML_ALIASES.
 */
export function parsePosterYaml(source: string): { document: Document.Parsed; lineCounter: LineCounter; data: unknown; problems: YamlProblem[] } {
  const text = source.replace(/^\uFEFF/, "");
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error): YamlProblem => {
      const detail = error.message.split("\n")[0]!;
      return {
        message: error.code === "DUPLICATE_KEY" ? msg("POSTER_YAML_DUPLICATE_KEY", { detail }) : msg("POSTER_YAML_SYNTAX", { detail }),
        line: error.linePos?.[0]?.line ?? (error.pos ? lineCounter.linePos(error.pos[0]).line : null),
      };
    });
    return { document, lineCounter, data: null, problems };
  }
  try {
    return { document, lineCounter, data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown, problems: [] };
  } catch (error) {
    // yaml: ReferenceError "Excessive alias count indicates a resource exhaustion attack".
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { document, lineCounter, data: null, problems: [{ message: msg("POSTER_YAML_TOO_MANY_ALIASES", { limit: MAX_YAML_ALIASES }), line: null }] };
    }
    throw error;
  }
}
