/**
 * The customer-harassment policy file (YAML or JSON): what every poster of a city says.
 * Typed, validated, with errors that name the file, the key path and its line, and that
 * suggest the nearest valid key for a typo. The JSON Schema in templates/posters/policy.schema.json
 * describes the same shape for editors.
 */
import { basename } from "node:path";
import { isMap, isSeq, type Node as YamlNode } from "yaml";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, formatPlaced, msg, NafudaError, type CodedMessage, type Message } from "../messages/message.js";
import { nearest } from "../text/suggest.js";
import { parseCalendarDate, type CalendarDate, type DateStyle } from "./dates.js";
import { DEFAULT_MEASURE_LABELS, MEASURE_IDS, type MeasureId } from "./measures.js";
import { parsePosterYaml, posterTextOfBytes, readPosterText } from "./yaml-input.js";

export interface ConductItem {
  /** Short label, e.g. 暴言・大声・威圧的な言動. */
  label: string;
  /** One line saying what it looks like. */
  text: string;
}

export interface MeasureText {
  /** Short label, e.g. 警察への通報. */
  label: string;
  /** The sentence on the poster, e.g. 警察に通報します。 */
  text: string;
  /**
   * The day the measure starts when it is later than the policy's (電話の録音 from 2025-04-01): a poster printed
   * before that day says 「令和7年4月1日から」 beside it, one printed on or after it says nothing more. Null: with the policy.
   */
  from?: CalendarDate | null;
  /** Recording measures only: the line of the counter or phone sign (この窓口での会話は録音しています). Null: the default. */
  sign?: string | null;
}

/** A poster for the far side of a hall (B2, B3, or A3 when chosen): a short slogan and the conduct as a few large items. */
export interface DistanceWording {
  /** Default: the message, else the title. */
  slogan: string | null;
  /** Short items, e.g. 暴言・暴力; default: the conduct labels. */
  conduct: string[] | null;
}

/** A short version in another language register, written by people in the policy file. */
export interface PolicyPanel {
  title: string;
  /** A few short sentences: the stance and what counts. */
  text: string;
  /** One short line per measure; only the facility's measures are shown. */
  measures: Partial<Record<MeasureId, string>>;
}

export type PanelLanguage = "en" | "easy-ja";
export const PANEL_LANGUAGES: readonly PanelLanguage[] = ["en", "easy-ja"];

export interface PolicyContact {
  /** The office that answers, e.g. みどり市 総務部 人事課. */
  name: string;
  phone: string | null;
  /** e.g. 平日 8:30〜17:15 */
  hours: string | null;
}

export interface PosterPolicy {
  /** The file the policy was read from, for messages. */
  file: string | null;
  /** Who issues the policy, e.g. みどり市. */
  issuer: string;
  /** Optional signature line under the issuer, e.g. みどり市長 緑川 はるか. */
  signature: string | null;
  title: string;
  /** Optional catch line under the title. */
  subtitle: string | null;
  /**
   * The one-line message read from across the room (職員への暴言・暴力・過度な要求は許しません): the largest type of
   * every poster. Null: the title is the largest.
   */
  message: string | null;
  /** Optional address of the full policy on the web: printed as a QR code and as text. */
  url: string | null;
  /** The distance poster's own wording (optional). */
  distance: DistanceWording;
  stance: string;
  conductHeading: string;
  conduct: ConductItem[];
  measuresHeading: string;
  /** Wording of each measure the city uses; a facility picks among these. */
  measures: Partial<Record<MeasureId, MeasureText>>;
  effectiveDate: CalendarDate;
  /** Default date style; the CLI's --date-style wins. */
  dateStyle: DateStyle;
  contact: PolicyContact | null;
  panels: Partial<Record<PanelLanguage, PolicyPanel>>;
  /** Main colour of the built-in design, #rrggbb. */
  color: string;
}

export const DEFAULT_CONDUCT_HEADING = "次のような行為は、カスタマーハラスメントにあたります";
export const DEFAULT_MEASURES_HEADING = "カスタマーハラスメントには、組織として毅然と対応します";
export const DEFAULT_COLOR = "#1d4f91";

/**
 * One problem in a policy file: a catalogue message (`code`, `params`) with its place (file, line, key path).
 * formatPolicyIssue(issue, lang) words it with its place in either language.
 */
export interface PolicyIssue extends Message {
  file: string | null;
  /** Key path, e.g. conduct[2].label or measures.polise. "" for the whole file. */
  path: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  /**
   * The wording without the place, in the default language (Japanese, or NAFUDA_LANG), for callers that show it
   * as it is. Prefer formatMessage(issue, lang) or formatPolicyIssue(issue, lang).
   */
  message: string;
}

function policyIssue(file: string | null, path: string, line: number | null, message: CodedMessage): PolicyIssue {
  return { file, path, line, code: message.code, ...(message.params !== undefined ? { params: message.params } : {}), message: formatMessage(message) };
}

/** "policy.yaml の 3 行目・「stnace」：…" / "policy.yaml, line 3, key stnace: …". */
export function formatPolicyIssue(issue: PolicyIssue, lang: Lang = defaultLang()): string {
  return formatPlaced(issue, { file: issue.file, line: issue.line ?? undefined, key: issue.path || undefined }, lang);
}

/**
 * A policy file that cannot be used (CLI: bad input, exit 2). `code` is POLICY_INVALID; `issues` lists every
 * problem with its own code and place. The message is the one problem, or a summary line and then one line each.
 */
export class PolicyError extends NafudaError {
  override name = "PolicyError";

  constructor(readonly issues: PolicyIssue[]) {
    super(msg("POLICY_INVALID", { count: issues.length }), { file: issues.find((issue) => issue.file)?.file ?? undefined });
    this.message = this.format();
  }

  override format(lang: Lang = defaultLang()): string {
    const lines = (this.issues ?? []).map((issue) => formatPolicyIssue(issue, lang));
    return lines.length === 1 ? lines[0]! : [super.format(lang), ...lines].join("\n");
  }
}

const WIDE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f]/;

/**
 * Joins a YAML block's lines the Japanese way: a line break between two Japanese characters
 * disappears, one between Latin words becomes a space; a blank line starts a new paragraph
 * (kept as "\n"). Write long texts as literal blocks (|-) so that the file keeps the line breaks.
 */
export function joinLines(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => {
      const lines = paragraph.split("\n").map((line) => line.trim()).filter((line) => line !== "");
      let joined = "";
      for (const line of lines) {
        if (!joined) joined = line;
        else joined += WIDE.test(joined.slice(-1)) || WIDE.test(line.charAt(0)) ? line : ` ${line}`;
      }
      return joined;
    })
    .filter((paragraph) => paragraph !== "")
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// A small structural checker: every object lists its keys, unknown keys are typos.

type Path = (string | number)[];

function pathText(path: Path): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text ? `.${part}` : part;
  return text;
}

class Checker {
  readonly issues: PolicyIssue[] = [];
  constructor(
    readonly file: string | null,
    private readonly lineOf: (path: Path, key?: boolean) => number | null,
  ) {}

  issue(path: Path, message: CodedMessage, key = false): void {
    this.issues.push(policyIssue(this.file, pathText(path), this.lineOf(path, key), message));
  }

  /**
   * A mapping with its known keys only, as an object without a prototype: a key such as __proto__ or constructor
   * is an unknown key like any other, never something inherited.
   */
  object(value: unknown, path: Path, keys: { required: readonly string[]; optional: readonly string[] }): Record<string, unknown> | null {
    const known = [...keys.required, ...keys.optional];
    if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
      this.issue(path, msg("POLICY_NOT_MAPPING", { keys: known }));
      return null;
    }
    const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (known.includes(key)) {
        record[key] = (value as Record<string, unknown>)[key];
      } else {
        const near = nearest(key, known);
        this.issue([...path, key], msg("POLICY_UNKNOWN_KEY", { key, ...(near ? { nearest: near } : {}), known }), true);
      }
    }
    for (const key of keys.required) {
      if (!Object.hasOwn(record, key) || record[key] === null || record[key] === undefined) this.issue([...path, key], msg("POLICY_REQUIRED", { key }));
    }
    return record;
  }

  text(value: unknown, path: Path, optional: boolean): string | null {
    if (value === undefined || value === null) {
      return null; // required-ness is reported by object()
    }
    if (typeof value === "number") return String(value);
    if (typeof value !== "string") {
      this.issue(path, msg("POLICY_NOT_TEXT"));
      return null;
    }
    if (value.includes("\uFFFD")) {
      this.issue(path, msg("POLICY_TEXT_GARBLED"));
      return null;
    }
    const trimmed = joinLines(value);
    if (!trimmed && !optional) {
      this.issue(path, msg("POLICY_TEXT_EMPTY"));
      return null;
    }
    return trimmed || null;
  }

  list(value: unknown, path: Path): unknown[] | null {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) {
      this.issue(path, msg("POLICY_NOT_LIST"));
      return null;
    }
    return value;
  }
}

/** Measures that a sign at the counter or beside the phone tells about. */
export const RECORDING_MEASURES: readonly MeasureId[] = ["record-counter", "record-phone"];

function measureText(checker: Checker, value: unknown, path: Path, id: MeasureId): MeasureText | null {
  if (typeof value === "string") {
    const text = checker.text(value, path, false);
    return text ? { label: DEFAULT_MEASURE_LABELS[id], text, from: null, sign: null } : null;
  }
  const optional = RECORDING_MEASURES.includes(id) ? ["label", "from", "sign"] : ["label", "from"];
  const record = checker.object(value, path, { required: ["text"], optional });
  if (!record) return null;
  const text = checker.text(record.text, [...path, "text"], false);
  const label = checker.text(record.label, [...path, "label"], true) ?? DEFAULT_MEASURE_LABELS[id];
  const sign = checker.text(record.sign, [...path, "sign"], true);
  let from: CalendarDate | null = null;
  if (record.from !== undefined && record.from !== null) {
    from = parseCalendarDate(record.from);
    if (!from) checker.issue([...path, "from"], msg("POLICY_BAD_DATE", { value: JSON.stringify(record.from) ?? String(record.from) }));
  }
  return text ? { label, text, from, sign } : null;
}

/** The longest address printed; a QR code of a longer one is too dense to scan from a poster. */
export const MAX_URL_LENGTH = 200;

/** An http(s) address written out in ASCII, as a QR code carries it and a phone opens it; else null. */
export function checkUrl(value: string): string | null {
  const url = value.trim();
  if (url.length > MAX_URL_LENGTH || !/^https?:\/\/[\x21-\x7e]+$/i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.includes(".") ? url : null;
  } catch {
    return null;
  }
}

function panel(checker: Checker, value: unknown, path: Path): PolicyPanel | null {
  const record = checker.object(value, path, { required: ["title", "text"], optional: ["measures"] });
  if (!record) return null;
  const title = checker.text(record.title, [...path, "title"], false);
  const text = checker.text(record.text, [...path, "text"], false);
  const measures: Partial<Record<MeasureId, string>> = {};
  if (record.measures !== undefined && record.measures !== null) {
    const m = checker.object(record.measures, [...path, "measures"], { required: [], optional: MEASURE_IDS });
    if (m) {
      for (const id of MEASURE_IDS) {
        const line = checker.text(m[id], [...path, "measures", id], true);
        if (line) measures[id] = line;
      }
    }
  }
  return title && text ? { title, text, measures } : null;
}

const TOP_REQUIRED = ["issuer", "title", "stance", "conduct", "measures", "effectiveDate"] as const;
const TOP_OPTIONAL = ["signature", "subtitle", "message", "url", "distance", "conductHeading", "measuresHeading", "dateStyle", "contact", "panels", "color", "$schema"] as const;

/**
 * Checks plain data (as parsed from YAML/JSON) against the policy shape.
 * `lineOf` maps a key path to its line, when the caller knows the source.
 */
export function validatePolicy(
  data: unknown,
  options: { file?: string | null; lineOf?: (path: Path, key?: boolean) => number | null } = {},
): { policy: PosterPolicy | null; issues: PolicyIssue[] } {
  const file = options.file ?? null;
  const checker = new Checker(file, options.lineOf ?? (() => null));
  const top = checker.object(data, [], { required: TOP_REQUIRED, optional: TOP_OPTIONAL });
  if (!top) return { policy: null, issues: checker.issues };

  const issuer = checker.text(top.issuer, ["issuer"], false);
  const title = checker.text(top.title, ["title"], false);
  const stance = checker.text(top.stance, ["stance"], false);
  const signature = checker.text(top.signature, ["signature"], true);
  const subtitle = checker.text(top.subtitle, ["subtitle"], true);
  const message = checker.text(top.message, ["message"], true);
  let url: string | null = null;
  if (top.url !== undefined && top.url !== null) {
    const text = checker.text(top.url, ["url"], true);
    if (text !== null) {
      url = checkUrl(text);
      if (!url) checker.issue(["url"], msg("POLICY_BAD_URL", { value: text.slice(0, 80), limit: MAX_URL_LENGTH }));
    }
  }
  const distance: DistanceWording = { slogan: null, conduct: null };
  if (top.distance !== undefined && top.distance !== null) {
    const record = checker.object(top.distance, ["distance"], { required: [], optional: ["slogan", "conduct"] });
    if (record) {
      distance.slogan = checker.text(record.slogan, ["distance", "slogan"], true);
      const items = checker.list(record.conduct, ["distance", "conduct"]);
      if (items) {
        if (items.length === 0) checker.issue(["distance", "conduct"], msg("POLICY_NO_CONDUCT"));
        const texts = items.map((item, index) => checker.text(item, ["distance", "conduct", index], false)).filter((t): t is string => t !== null);
        if (texts.length > 0) distance.conduct = texts;
      }
    }
  }
  const conductHeading = checker.text(top.conductHeading, ["conductHeading"], true) ?? DEFAULT_CONDUCT_HEADING;
  const measuresHeading = checker.text(top.measuresHeading, ["measuresHeading"], true) ?? DEFAULT_MEASURES_HEADING;

  const conduct: ConductItem[] = [];
  const conductList = checker.list(top.conduct, ["conduct"]);
  if (conductList) {
    if (conductList.length === 0) checker.issue(["conduct"], msg("POLICY_NO_CONDUCT"));
    conductList.forEach((item, index) => {
      const path: Path = ["conduct", index];
      const record = checker.object(item, path, { required: ["label", "text"], optional: [] });
      if (!record) return;
      const label = checker.text(record.label, [...path, "label"], false);
      const text = checker.text(record.text, [...path, "text"], false);
      if (label && text) conduct.push({ label, text });
    });
  }

  const measures: Partial<Record<MeasureId, MeasureText>> = {};
  if (top.measures !== undefined && top.measures !== null) {
    const record = checker.object(top.measures, ["measures"], { required: [], optional: MEASURE_IDS });
    if (record) {
      for (const id of MEASURE_IDS) {
        if (record[id] === undefined || record[id] === null) continue;
        const m = measureText(checker, record[id], ["measures", id], id);
        if (m) measures[id] = m;
      }
      if (Object.keys(top.measures).length === 0) checker.issue(["measures"], msg("POLICY_NO_MEASURES", { ids: [...MEASURE_IDS] }));
    }
  }

  let effectiveDate: CalendarDate | null = null;
  if (top.effectiveDate !== undefined && top.effectiveDate !== null) {
    effectiveDate = parseCalendarDate(top.effectiveDate);
    if (!effectiveDate) checker.issue(["effectiveDate"], msg("POLICY_BAD_DATE", { value: JSON.stringify(top.effectiveDate) ?? String(top.effectiveDate) }));
  }

  let dateStyle: DateStyle = "era";
  if (top.dateStyle !== undefined && top.dateStyle !== null) {
    if (top.dateStyle === "era" || top.dateStyle === "western") dateStyle = top.dateStyle;
    else {
      const value = String(top.dateStyle);
      const near = nearest(value, ["era", "western"]);
      checker.issue(["dateStyle"], msg("POLICY_BAD_DATE_STYLE", { value, ...(near ? { nearest: near } : {}) }));
    }
  }

  let contact: PolicyContact | null = null;
  if (top.contact !== undefined && top.contact !== null) {
    if (typeof top.contact === "string") {
      const name = checker.text(top.contact, ["contact"], true);
      contact = name ? { name, phone: null, hours: null } : null;
    } else {
      const record = checker.object(top.contact, ["contact"], { required: ["name"], optional: ["phone", "hours"] });
      if (record) {
        const name = checker.text(record.name, ["contact", "name"], false);
        if (name) contact = { name, phone: checker.text(record.phone, ["contact", "phone"], true), hours: checker.text(record.hours, ["contact", "hours"], true) };
      }
    }
  }

  const panels: Partial<Record<PanelLanguage, PolicyPanel>> = {};
  if (top.panels !== undefined && top.panels !== null) {
    const record = checker.object(top.panels, ["panels"], { required: [], optional: PANEL_LANGUAGES });
    if (record) {
      for (const language of PANEL_LANGUAGES) {
        if (record[language] === undefined || record[language] === null) continue;
        const p = panel(checker, record[language], ["panels", language]);
        if (p) {
          for (const id of Object.keys(p.measures) as MeasureId[]) {
            if (!measures[id] && top.measures && typeof top.measures === "object")
              checker.issue(["panels", language, "measures", id], msg("POLICY_PANEL_MEASURE_UNWORDED", { id }), true);
          }
          panels[language] = p;
        }
      }
    }
  }

  let color = DEFAULT_COLOR;
  if (top.color !== undefined && top.color !== null) {
    if (typeof top.color === "string" && /^#[0-9a-fA-F]{6}$/.test(top.color.trim())) color = top.color.trim().toLowerCase();
    else checker.issue(["color"], msg("POLICY_BAD_COLOR", { example: DEFAULT_COLOR }));
  }

  if (checker.issues.length > 0 || !issuer || !title || !stance || !effectiveDate) return { policy: null, issues: checker.issues };
  return {
    policy: {
      file,
      issuer,
      signature,
      title,
      subtitle,
      message,
      url,
      distance,
      stance,
      conductHeading,
      conduct,
      measuresHeading,
      measures,
      effectiveDate,
      dateStyle,
      contact,
      panels,
      color,
    },
    issues: [],
  };
}

/**
 * Parses and validates policy text (YAML, or JSON which YAML reads too).
 * Throws a PolicyError listing every problem, each with the file, line and key path.
 */
export function parsePolicy(source: string, file: string | null = null): PosterPolicy {
  const { document, lineCounter, data, problems } = parsePosterYaml(source);
  if (problems.length > 0) throw new PolicyError(problems.map((problem) => policyIssue(file, "", problem.line, problem.message)));
  const lineOf = (path: Path, key = false): number | null => {
    // Walk the document to the node (or, for unknown keys, to the key itself).
    let node: unknown = document.contents;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((item) => {
          const k = item.key as { value?: unknown } | null;
          return k !== null && typeof k === "object" && k.value === part;
        });
        if (!pair) return lastLine(node as YamlNode);
        node = key && i === path.length - 1 ? pair.key : (pair.value ?? pair.key);
      } else if (isSeq(node) && typeof part === "number") {
        node = node.items[part];
      } else break;
    }
    return lastLine(node as YamlNode);
  };
  const lastLine = (node: YamlNode | null | undefined): number | null =>
    node && node.range ? lineCounter.linePos(node.range[0]).line : null;

  const { policy, issues } = validatePolicy(data, { file, lineOf });
  if (!policy) throw new PolicyError(issues);
  return policy;
}

/**
 * Reads a policy file (.yaml, .yml or .json): a regular file of at most 10 MB, in UTF-8, Shift_JIS, EUC-JP or
 * UTF-16 (as Notepad and Excel save). Throws a PolicyError naming the file.
 */
export async function loadPolicy(path: string): Promise<PosterPolicy> {
  const read = await readPosterText(path);
  if ("problem" in read) throw new PolicyError([policyIssue(path, "", null, read.problem)]);
  return parsePolicy(read.text, path);
}

/**
 * A policy file given as bytes (the web page's upload), read as loadPolicy reads a file: at most
 * POSTER_INPUT_MAX_BYTES (checked before anything is decoded), in any Japanese encoding. `file` names it in messages.
 */
export function parsePolicyBytes(bytes: Uint8Array, file: string): PosterPolicy {
  const read = posterTextOfBytes(bytes, file);
  if ("problem" in read) throw new PolicyError([policyIssue(file, "", null, read.problem)]);
  return parsePolicy(read.text, file);
}

/** The file name for messages when only a path is known. */
export function policyLabel(policy: PosterPolicy): string {
  return policy.file ? basename(policy.file) : "policy";
}

/**
 * A policy made from data (a city that keeps its policy in a database, or writes it in code), checked as a policy
 * file is: throws one PolicyError listing every problem, each with its key.
 */
export function createPolicy(data: unknown): PosterPolicy {
  const { policy, issues } = validatePolicy(data);
  if (!policy || issues.length > 0) throw new PolicyError(issues);
  return policy;
}
