/**
 * The customer-harassment policy file (YAML or JSON): what every poster of a city says.
 * Typed, validated, with errors that name the file, the key path and its line, and that
 * suggest the nearest valid key for a typo. The JSON Schema in templates/posters/policy.schema.json
 * describes the same shape for editors.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from "yaml";
import { parseCalendarDate, type CalendarDate, type DateStyle } from "./dates.js";
import { DEFAULT_MEASURE_LABELS, MEASURE_IDS, type MeasureId } from "./measures.js";
import { didYouMean } from "../text/suggest.js";

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

/** One problem in a policy file. */
export interface PolicyIssue {
  file: string | null;
  /** Key path, e.g. conduct[2].label or measures.polise. "" for the whole file. */
  path: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  message: string;
}

export function formatPolicyIssue(issue: PolicyIssue): string {
  const where = [issue.file, issue.line ? `line ${issue.line}` : null, issue.path ? `key ${issue.path}` : null]
    .filter((part): part is string => !!part)
    .join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

export class PolicyError extends Error {
  constructor(readonly issues: PolicyIssue[]) {
    super(issues.map(formatPolicyIssue).join("\n"));
    this.name = "PolicyError";
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

  issue(path: Path, message: string, key = false): void {
    this.issues.push({ file: this.file, path: pathText(path), line: this.lineOf(path, key), message });
  }

  object(value: unknown, path: Path, keys: { required: readonly string[]; optional: readonly string[] }): Record<string, unknown> | null {
    if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
      this.issue(path, `must be a mapping with the keys ${[...keys.required, ...keys.optional].join(", ")}`);
      return null;
    }
    const record = value as Record<string, unknown>;
    const known = [...keys.required, ...keys.optional];
    for (const key of Object.keys(record)) {
      if (!known.includes(key)) {
        this.issue([...path, key], `unknown key "${key}"${didYouMean(key, known)}; valid keys here: ${known.join(", ")}`, true);
      }
    }
    for (const key of keys.required) {
      if (!(key in record) || record[key] === null || record[key] === undefined) this.issue([...path, key], `"${key}" is required`);
    }
    return record;
  }

  text(value: unknown, path: Path, optional: boolean): string | null {
    if (value === undefined || value === null) {
      return null; // required-ness is reported by object()
    }
    if (typeof value === "number") return String(value);
    if (typeof value !== "string") {
      this.issue(path, "must be text");
      return null;
    }
    const trimmed = joinLines(value);
    if (!trimmed && !optional) {
      this.issue(path, "must not be empty");
      return null;
    }
    return trimmed || null;
  }

  list(value: unknown, path: Path): unknown[] | null {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) {
      this.issue(path, "must be a list");
      return null;
    }
    return value;
  }
}

function measureText(checker: Checker, value: unknown, path: Path, id: MeasureId): MeasureText | null {
  if (typeof value === "string") {
    const text = checker.text(value, path, false);
    return text ? { label: DEFAULT_MEASURE_LABELS[id], text } : null;
  }
  const record = checker.object(value, path, { required: ["text"], optional: ["label"] });
  if (!record) return null;
  const text = checker.text(record.text, [...path, "text"], false);
  const label = checker.text(record.label, [...path, "label"], true) ?? DEFAULT_MEASURE_LABELS[id];
  return text ? { label, text } : null;
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
const TOP_OPTIONAL = ["signature", "subtitle", "conductHeading", "measuresHeading", "dateStyle", "contact", "panels", "color", "$schema"] as const;

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
  const conductHeading = checker.text(top.conductHeading, ["conductHeading"], true) ?? DEFAULT_CONDUCT_HEADING;
  const measuresHeading = checker.text(top.measuresHeading, ["measuresHeading"], true) ?? DEFAULT_MEASURES_HEADING;

  const conduct: ConductItem[] = [];
  const conductList = checker.list(top.conduct, ["conduct"]);
  if (conductList) {
    if (conductList.length === 0) checker.issue(["conduct"], "list at least one kind of conduct");
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
      if (Object.keys(record).length === 0) checker.issue(["measures"], `word at least one measure: ${MEASURE_IDS.join(", ")}`);
    }
  }

  let effectiveDate: CalendarDate | null = null;
  if (top.effectiveDate !== undefined && top.effectiveDate !== null) {
    effectiveDate = parseCalendarDate(top.effectiveDate);
    if (!effectiveDate) checker.issue(["effectiveDate"], `must be a date written as 2024-11-01, got ${JSON.stringify(top.effectiveDate)}`);
  }

  let dateStyle: DateStyle = "era";
  if (top.dateStyle !== undefined && top.dateStyle !== null) {
    if (top.dateStyle === "era" || top.dateStyle === "western") dateStyle = top.dateStyle;
    else checker.issue(["dateStyle"], `must be "era" (令和6年11月1日) or "western" (2024年11月1日)${didYouMean(String(top.dateStyle), ["era", "western"])}`);
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
              checker.issue(["panels", language, "measures", id], `the measure "${id}" has no Japanese text under measures`, true);
          }
          panels[language] = p;
        }
      }
    }
  }

  let color = DEFAULT_COLOR;
  if (top.color !== undefined && top.color !== null) {
    if (typeof top.color === "string" && /^#[0-9a-fA-F]{6}$/.test(top.color.trim())) color = top.color.trim().toLowerCase();
    else checker.issue(["color"], `must be a colour written as #rrggbb, e.g. ${DEFAULT_COLOR}`);
  }

  if (checker.issues.length > 0 || !issuer || !title || !stance || !effectiveDate) return { policy: null, issues: checker.issues };
  return {
    policy: {
      file,
      issuer,
      signature,
      title,
      subtitle,
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
  const text = source.replace(/^\uFEFF/, "");
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new PolicyError(
      document.errors.map((error) => ({
        file,
        path: "",
        line: error.linePos?.[0]?.line ?? (error.pos ? lineCounter.linePos(error.pos[0]).line : null),
        message: `not valid YAML/JSON: ${error.message.split("\n")[0]}`,
      })),
    );
  }
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

  const data: unknown = document.toJS();
  const { policy, issues } = validatePolicy(data, { file, lineOf });
  if (!policy) throw new PolicyError(issues);
  return policy;
}

/** Reads a policy file (.yaml, .yml or .json). Throws a PolicyError naming the file. */
export async function loadPolicy(path: string): Promise<PosterPolicy> {
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (error) {
    throw new PolicyError([{ file: path, path: "", line: null, message: `cannot read the policy file: ${(error as Error).message}` }]);
  }
  return parsePolicy(source, path);
}

/** The file name for messages when only a path is known. */
export function policyLabel(policy: PosterPolicy): string {
  return policy.file ? basename(policy.file) : "policy";
}
