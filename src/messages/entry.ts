/**
 * One entry of the message catalogue: what kind of text it is and its wording in each language.
 * Kept apart from the catalogue so that the catalogue's area files can import it without a cycle.
 */

/** Something to say: a stable code and the values its wording needs. */
export interface Message {
  readonly code: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

export type MessageParam = string | number | boolean | null | undefined | Message | readonly (string | number | Message)[];

/**
 * - error: the input cannot be used (a file, a row, a key); stable code, documented.
 * - reason: why a reading must be checked by a person; stable code, documented.
 * - warning / note: told, but nothing stops; stable code, documented.
 * - text: wording of the interface (headers, summaries, help); its code may change between versions.
 */
export type MessageKind = "error" | "reason" | "warning" | "note" | "text";

/** Params as the wording receives them: nested messages already rendered in the same language. */
export type Rendered<P> = {
  [K in keyof P]: P[K] extends Message ? string : P[K] extends readonly Message[] ? string[] : P[K] extends Message | undefined ? string | undefined : P[K];
};

export interface Entry<P = Record<string, never>> {
  readonly kind: MessageKind;
  readonly ja: (p: Rendered<P>) => string;
  readonly en: (p: Rendered<P>) => string;
}

/** Declares an entry; `P` lists the params its wording uses. */
export function entry<P = Record<string, never>>(kind: MessageKind, ja: (p: Rendered<P>) => string, en: (p: Rendered<P>) => string): Entry<P> {
  return { kind, ja, en };
}

/** A list for a sentence: 「a」「b」 in Japanese, "a", "b" in English. */
export const jaList = (items: readonly (string | number)[]): string => items.map((item) => `「${item}」`).join("");
export const enList = (items: readonly (string | number)[]): string => items.map((item) => `"${item}"`).join(", ");
