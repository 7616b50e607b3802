import { formatRowError, type RowError } from "../model.js";
import { formatMessage, formatPlace, formatPlaced, isMessage, NafudaError, type Message, type Place } from "../messages/message.js";
import type { Lang } from "../messages/lang.js";
import { SERVE_MESSAGES } from "../messages/serve.js";
import type { Entry } from "../messages/entry.js";

/**
 * What the page shows of a problem: the library's own message (Japanese, or the language the page asks for)
 * with its stable code and its place. The page puts the message first and the code and place in 「くわしい内容」.
 */

/** A place as the page receives it: the file, the row as Excel numbers it, the column, a key and line of a YAML file. */
export interface PagePlace {
  file?: string;
  /** Data row (1 = the row after the header). */
  row?: number;
  /** The row as the spreadsheet shows it; null for JSON tables. */
  sheetRow?: number | null;
  column?: string;
  key?: string;
  line?: number;
}

export interface PageProblem {
  /** Stable code (README: Messages and codes). */
  code: string;
  /** The place and the message, as the command line prints them. */
  message: string;
  /** The message without its place. */
  text: string;
  /** The place in words; "" when nothing is known. */
  where: string;
  place: PagePlace;
}

export interface PageRowError extends PageProblem {
  row: number;
  sheetRow: number | null;
  column: string | null;
  /** The staff member's name, when the row got that far. */
  name: string | null;
}

function pagePlace(place: Place): PagePlace {
  const out: PagePlace = {};
  if (place.file) out.file = place.file;
  if (place.row !== undefined && place.row > 0) out.row = place.row;
  if (place.sheetRow !== undefined) out.sheetRow = place.sheetRow;
  if (place.column) out.column = place.column;
  if (place.key) out.key = place.key;
  if (place.line !== undefined && place.line !== null) out.line = place.line;
  return out;
}

/** A message and its place, for the page. */
export function pageProblem(message: Message, place: Place, lang: Lang): PageProblem {
  return {
    code: message.code,
    message: formatPlaced(message, place, lang),
    text: formatMessage(message, lang),
    where: formatPlace(place, lang),
    place: pagePlace(place),
  };
}

export function pageRowError(error: RowError, lang: Lang): PageRowError {
  const place: Place = { file: error.file, row: error.row, sheetRow: error.sheetRow, column: error.column };
  return {
    ...pageProblem(error, place, lang),
    message: formatRowError(error, lang),
    row: error.row,
    sheetRow: error.sheetRow ?? error.record?.sheetRow ?? null,
    column: error.column ?? null,
    name: error.record?.name ?? null,
  };
}

type Loose = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** The place fields an error or an issue carries, whatever its shape (`path` is a key path of a YAML file). */
function loosePlace(value: Loose): Place {
  const place: Place = {};
  const file = str(value.file);
  if (file) place.file = file;
  const row = num(value.row);
  if (row !== undefined) place.row = row;
  if (value.sheetRow === null || num(value.sheetRow) !== undefined) place.sheetRow = value.sheetRow as number | null;
  const column = str(value.column);
  if (column) place.column = column;
  const key = str(value.key) ?? str(value.path);
  if (key) place.key = key;
  const line = num(value.line);
  if (line !== undefined) place.line = line;
  return place;
}

/** One problem the library reports: a NafudaError, or a message with place fields (a RowError, a policy issue). */
export function problemOf(value: unknown, lang: Lang): PageProblem | null {
  if (value instanceof NafudaError) return pageProblem(value, value, lang);
  if (typeof value !== "object" || value === null || !isMessage(value)) return null;
  return pageProblem(value, loosePlace(value as unknown as Loose), lang);
}

/** A thrown error that says what is wrong with the input, or null when it is the server's own failure. */
export function inputProblem(error: unknown, lang: Lang): { problem: PageProblem; issues: PageProblem[] } | null {
  if (!(error instanceof NafudaError)) return null;
  const problem = problemOf(error, lang)!;
  const loose = error as unknown as Loose;
  const list = [loose.issues, loose.problems, loose.errors].find((value): value is unknown[] => Array.isArray(value) && value.length > 0) ?? [];
  const issues = list.map((item) => problemOf(item, lang)).filter((item): item is PageProblem => item !== null);
  return { problem, issues };
}

/**
 * A problem of the page's own request (a field it cannot take, a row not in the roster): an HTTP status and a
 * catalogue message (SERVE_…, or the library's message for a row), rendered in the request's language.
 */
export class PageError extends Error {
  override name = "PageError";
  constructor(
    readonly status: number,
    readonly problem: Message,
    readonly options: { place?: Place; extra?: Record<string, unknown>; hints?: Message[] } = {},
  ) {
    super(formatPlaced(problem, options.place ?? {}, "ja"));
  }

  render(lang: Lang): PageProblem {
    return pageProblem(this.problem, this.options.place ?? {}, lang);
  }
}

/** The JSON body of an error answer: the words, the stable code, the place, and what else the page needs. */
export function errorBody(problem: PageProblem, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { error: problem.message, code: problem.code, where: problem.where, place: problem.place, ...extra };
}

/**
 * The catalogue's words of the page itself (NOTE_SERVE_… and SERVE_PAGE_…), in one language, with each param
 * shown as {name}: the page fills them in. Sent with /api/info.
 */
export function pageTexts(lang: Lang): Record<string, string> {
  const placeholders = new Proxy({}, { get: (_, key) => (typeof key === "string" ? `{${key}}` : undefined) });
  const texts: Record<string, string> = {};
  for (const [code, value] of Object.entries(SERVE_MESSAGES)) {
    if (!code.startsWith("NOTE_SERVE_") && !code.startsWith("SERVE_PAGE_")) continue;
    try {
      texts[code] = (value as Entry<Record<string, unknown>>)[lang](placeholders as never);
    } catch {
      // A wording that takes a list (a note the server words itself) cannot be filled in by the page: not sent.
    }
  }
  return texts;
}
