import { CATALOGUE, type Code } from "./catalogue.js";
import type { Entry, Message, MessageParam } from "./entry.js";
import { defaultLang, type Lang } from "./lang.js";

export type { Message, MessageParam, MessageKind } from "./entry.js";

/** The params an entry's wording takes, as a caller passes them (nested messages not yet rendered). */
export type ParamsOf<C extends Code> = (typeof CATALOGUE)[C] extends Entry<infer P> ? P : never;

/** A message of the catalogue, typed by its code. */
export interface CodedMessage<C extends Code = Code> extends Message {
  readonly code: C;
}

type ParamArgs<C extends Code> = Record<string, never> extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

/** Makes a message: msg("ROSTER_NOT_FOUND", { file }) — the params are checked against the catalogue's wording. */
export function msg<C extends Code>(code: C, ...[params]: ParamArgs<C>): CodedMessage<C> {
  return params === undefined ? { code } : { code, params: params as Message["params"] };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).code === "string" && !Array.isArray(value);
}

export function isCode(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}

/** The wording of a message in a language. A code the catalogue does not know is shown as it is, never lost. */
export function formatMessage(message: Message, lang: Lang = defaultLang()): string {
  if (!isCode(message.code)) return message.code;
  const entry = CATALOGUE[message.code] as Entry<Record<string, unknown>>;
  const rendered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) rendered[key] = renderParam(value, lang);
  return entry[lang](rendered as never);
}

function renderParam(value: MessageParam, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((item) => (isMessage(item) ? formatMessage(item, lang) : item));
  return isMessage(value) ? formatMessage(value, lang) : value;
}

/**
 * Where something is: the file, the row as the spreadsheet numbers it (header and title rows counted), the column,
 * a key of a YAML/JSON file with its line. Every message a person reads starts with it.
 */
export interface Place {
  file?: string | null | undefined;
  /** Data row: 1 = the first row after the header. */
  row?: number | undefined;
  /** The row as Excel shows it (the header is row 1 when it is the first line); null for JSON rows (then `row` is the item). */
  sheetRow?: number | null | undefined;
  column?: string | undefined;
  /** A key path in a YAML or JSON file (posters.sizes, measures.police.text). */
  key?: string | undefined;
  /** A line of a text file. */
  line?: number | undefined;
}

/** A place as a message, to be rendered in the language of the message it stands in. */
export function placeMessage(place: Place): CodedMessage<"TEXT_PLACE"> {
  const row = place.row !== undefined && place.row > 0 ? place.row : undefined;
  const params = {
    file: place.file ?? undefined,
    sheetRow: place.sheetRow ?? undefined,
    item: row !== undefined && place.sheetRow === null ? row : undefined,
    dataRow: row !== undefined && place.sheetRow === undefined ? row : undefined,
    column: place.column,
    key: place.key,
    line: place.line,
  };
  return msg("TEXT_PLACE", Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)));
}

/** "roster.csv の 13 行目・「フリガナ」列" / "roster.csv, row 13, column フリガナ"; "" when nothing is known. */
export function formatPlace(place: Place, lang: Lang = defaultLang()): string {
  return formatMessage(placeMessage(place), lang);
}

/** The place and the message, as every command prints them. */
export function formatPlaced(message: Message, place: Place, lang: Lang = defaultLang()): string {
  const where = formatPlace(place, lang);
  const text = formatMessage(message, lang);
  return where === "" ? text : formatMessage(msg("TEXT_PLACED", { where, text }), lang);
}

/**
 * The base of every error nafuda throws: a stable `code` (documented in the README), its params, and where.
 * `message` is the wording in the default language (Japanese, or NAFUDA_LANG); `format(lang)` gives another.
 */
export class NafudaError extends Error {
  override name = "NafudaError";
  readonly code: Code;
  readonly params: Message["params"];
  readonly file: string | undefined;
  readonly row: number | undefined;
  readonly sheetRow: number | null | undefined;
  readonly column: string | undefined;
  readonly key: string | undefined;
  readonly line: number | undefined;

  constructor(message: CodedMessage, place: Place = {}, options: { cause?: unknown } = {}) {
    super(formatPlaced(message, place), options.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = message.code;
    this.params = message.params;
    this.file = place.file ?? undefined;
    this.row = place.row;
    this.sheetRow = place.sheetRow;
    this.column = place.column;
    this.key = place.key;
    this.line = place.line;
  }

  /** The message without the place, in `lang`. */
  text(lang: Lang = defaultLang()): string {
    return formatMessage(this, lang);
  }

  /** The place and the message, in `lang`. */
  format(lang: Lang = defaultLang()): string {
    return formatPlaced(this, this, lang);
  }
}
