/**
 * The facility list (CSV or XLSX, read by the rosters' readTable): one row per facility with
 * the measures that apply there, the poster sizes, copies and languages.
 * A bad row becomes a RowError naming the file, row and column; the other facilities go through.
 */
import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, resolve, sep, win32 } from "node:path";
import { msg, NafudaError, placeMessage, type CodedMessage, type Message } from "../messages/message.js";
import type { RowError } from "../model.js";
import { readTable } from "../roster/read-table.js";
import type { TableLimits } from "../roster/limits.js";
import { nearest } from "../text/suggest.js";
import { canonicalMeasureOrder, isMeasureId, MEASURE_IDS, measureFromWord, measureWords, type MeasureId } from "./measures.js";
import { joinLines, loadPolicy, parsePolicyBytes, PolicyError, type PosterPolicy } from "./policy.js";
import { parsePosterSize, POSTER_SIZES, type PosterSize } from "./sizes.js";

export type PosterLanguage = "ja" | "en" | "easy-ja";
export const POSTER_LANGUAGES: readonly PosterLanguage[] = ["ja", "en", "easy-ja"];

export interface Facility {
  /** Data row in the facility list (1 = first row after the header); 0 when made in code. */
  row: number;
  /** The row as the spreadsheet shows it (Excel's row number), when read from a list; null for JSON items. */
  sheetRow?: number | null;
  /** Facility name as printed, e.g. 本庁舎 市民課窓口. */
  name: string;
  /** Measures shown on this facility's posters, in the policy's order. */
  measures: MeasureId[];
  /** Sizes to produce, in the order A4, A3, B3, B2. */
  sizes: PosterSize[];
  /** Copies to order per size. */
  copies: Partial<Record<PosterSize, number>>;
  /** "ja" always; "en" and "easy-ja" add panels. */
  languages: PosterLanguage[];
  /** Issuer printed instead of the policy's (e.g. the operator of a hospital), or null. */
  issuer: string | null;
  /** Contact line printed instead of the policy's, or null. */
  contact: string | null;
  /** Title printed instead of the policy's (the hospital's own), or null. */
  title?: string | null;
  /** Basic stance printed instead of the policy's (病院は、…), or null. */
  stance?: string | null;
  /** The policy file the row names, as written (relative to the facility list's folder), or null. */
  policyFile?: string | null;
  /** That file's policy, read and checked: the facility speaks with its wording. Null: the list's policy. */
  policy?: PosterPolicy | null;
  /** Recording signs to make: tent cards for the counters, stickers for the phones (0 where it does not record). */
  signs?: SignCounts;
  /** The 施設コード column: ASCII letters, digits, - and _ (the file names of --one-size-per-file), or null. */
  code?: string | null;
}

/** How many recording signs a facility needs: a tent card per recorded counter, a sticker per recorded phone. */
export interface SignCounts {
  counter: number;
  phone: number;
}

/** The sign counts a facility gets when its row names none: one of each kind it records. */
export function defaultSignCounts(measures: readonly MeasureId[], given: Partial<SignCounts> = {}): SignCounts {
  return {
    counter: measures.includes("record-counter") ? (given.counter ?? 1) : 0,
    phone: measures.includes("record-phone") ? (given.phone ?? 1) : 0,
  };
}

/** What the library accepts as a facility: a name and its measures; the rest has defaults. */
export type FacilityInput = Pick<Facility, "name" | "measures"> & Partial<Omit<Facility, "name" | "measures">>;

/** A full Facility from a FacilityInput: A4, 1 copy each, Japanese only, the policy's issuer and contact. */
export function toFacility(input: FacilityInput): Facility {
  const sizes = input.sizes && input.sizes.length > 0 ? POSTER_SIZES.filter((s) => input.sizes!.includes(s)) : (["A4"] as PosterSize[]);
  const languages = new Set<PosterLanguage>(["ja", ...(input.languages ?? [])]);
  return {
    row: input.row ?? 0,
    ...(input.sheetRow !== undefined ? { sheetRow: input.sheetRow } : {}),
    name: input.name,
    measures: canonicalMeasureOrder(input.measures),
    sizes,
    copies: Object.fromEntries(sizes.map((s) => [s, input.copies?.[s] ?? 1])),
    languages: POSTER_LANGUAGES.filter((l) => languages.has(l)),
    issuer: input.issuer ?? null,
    contact: input.contact ?? null,
    title: input.title ?? null,
    stance: input.stance ?? null,
    policyFile: input.policyFile ?? null,
    policy: input.policy ?? null,
    signs: defaultSignCounts(canonicalMeasureOrder(input.measures), input.signs),
    ...(input.code ? { code: input.code } : {}),
  };
}

/** The policy a facility speaks with: its own (named in its row), else the list's. */
export function facilityPolicy(policy: PosterPolicy, facility: Pick<Facility, "policy">): PosterPolicy {
  return facility.policy ?? policy;
}

/** Header spellings, compared after NFKC, lower-casing and removing spaces. */
const COLUMNS = {
  name: ["施設名", "施設", "名称", "facility", "name", "facilityname"],
  measures: ["対策", "対応", "措置", "measures", "measure"],
  sizes: ["サイズ", "用紙", "用紙サイズ", "sizes", "size"],
  copies: ["部数", "枚数", "copies", "copy"],
  languages: ["言語", "languages", "language", "lang"],
  issuer: ["発行者", "運営者", "issuer"],
  contact: ["問い合わせ先", "お問い合わせ", "連絡先", "contact"],
  title: ["表題", "タイトル", "title"],
  stance: ["基本姿勢", "姿勢", "stance"],
  policyFile: ["方針ファイル", "方針", "policy", "policyfile"],
  signs: ["標識", "録音標識", "表示", "signs", "sign"],
  note: ["備考", "メモ", "note", "notes"],
  code: ["施設コード", "施設番号", "コード", "code", "facilitycode"],
} as const;
type ColumnKey = keyof typeof COLUMNS;

/** A Map, not an object: a cell such as "constructor" or "__proto__" is an unknown language, not something inherited. */
const LANGUAGE_WORDS: ReadonlyMap<string, PosterLanguage> = new Map([
  ["ja", "ja"],
  ["日本語", "ja"],
  ["en", "en"],
  ["english", "en"],
  ["英語", "en"],
  ["easy-ja", "easy-ja"],
  ["easyja", "easy-ja"],
  ["easy", "easy-ja"],
  ["やさしい日本語", "easy-ja"],
  ["やさしいにほんご", "easy-ja"],
]);

/** { nearest } when a valid word is near enough to be the one meant, else {}. */
function near(word: string, candidates: Iterable<string>): { nearest?: string } {
  const hit = nearest(word, candidates);
  return hit ? { nearest: hit } : {};
}

const ALL_WORDS = new Set(["all", "すべて", "全て", "全部"]);

function normalizeHeader(header: string): string {
  return header.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Splits a cell into words at commas, 、, semicolons and spaces (not at ・, which labels use). */
export function splitList(cell: string): string[] {
  return cell
    .normalize("NFKC")
    .split(/[,、;；\s]+/)
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

export interface FacilityTable {
  file?: string;
  headers: string[];
  /** The header's row as the spreadsheet shows it (readTable's headerSheetRow), for messages about columns. */
  headerSheetRow?: number | null;
  /** `sheetRow`: the row as Excel numbers it (readTable's), so that messages name the row people see. */
  rows: { row: number; sheetRow?: number | null; cells: string[] }[];
}

export interface FacilityListResult {
  facilities: Facility[];
  errors: RowError[];
}

/** A policy file a row names, once read: its policy, or why it cannot be used. */
export type RowPolicy = { policy: PosterPolicy } | { problem: CodedMessage };

/** Which column holds what (the first column whose header matches), and the headers nafuda does not know. */
function columnsOf(headers: readonly string[]): { index: Partial<Record<ColumnKey, number>>; unknown: { header: string; i: number }[] } {
  const index: Partial<Record<ColumnKey, number>> = {};
  const unknown: { header: string; i: number }[] = [];
  headers.forEach((header, i) => {
    const normalized = normalizeHeader(header);
    if (normalized === "") return;
    const key = (Object.keys(COLUMNS) as ColumnKey[]).find((k) => (COLUMNS[k] as readonly string[]).includes(normalized));
    if (key === undefined) unknown.push({ header, i });
    else if (index[key] === undefined) index[key] = i;
  });
  return { index, unknown };
}

/** The policy file names a table's rows give, each once, as written (trimmed). */
export function policyFileNames(table: Pick<FacilityTable, "headers" | "rows">): string[] {
  const column = columnsOf(table.headers).index.policyFile;
  if (column === undefined) return [];
  return [...new Set(table.rows.map((r) => (r.cells[column] ?? "").trim()).filter((name) => name !== ""))];
}

const SIGN_WORDS: ReadonlyMap<string, keyof SignCounts> = new Map([
  ["counter", "counter"],
  ["窓口", "counter"],
  ["カウンター", "counter"],
  ["phone", "phone"],
  ["電話", "phone"],
]);

/** A cell of text a facility prints instead of the policy's: checked like the policy's texts. */
function facilityText(cell: string, fail: (message: CodedMessage) => void): string | null {
  if (cell.includes("\uFFFD")) {
    fail(msg("FACILITY_TEXT_GARBLED"));
    return null;
  }
  return joinLines(cell) || null;
}

/**
 * Turns a read table into facilities. With a policy, measures the policy does not word and
 * languages it has no panel for are errors too. Rows that are entirely empty are skipped.
 * A row naming its own policy file (方針ファイル) is checked against that file's policy, which `policies` holds
 * (readFacilities reads them); a name not in `policies` is an error.
 */
export function parseFacilityTable(
  table: FacilityTable,
  policy?: PosterPolicy | null,
  options: { policies?: ReadonlyMap<string, RowPolicy> } = {},
): FacilityListResult {
  const file = table.file;
  const errors: RowError[] = [];
  const headerPlace = table.headerSheetRow !== undefined ? { sheetRow: table.headerSheetRow } : {};
  const { index, unknown } = columnsOf(table.headers);
  const known = Object.values(COLUMNS).flat();
  for (const { header } of unknown) {
    errors.push({ file, row: 0, ...headerPlace, column: header, ...msg("FACILITY_UNKNOWN_COLUMN", { header, ...near(normalizeHeader(header), known) }) });
  }
  if (index.name === undefined) {
    errors.push({ file, row: 0, ...headerPlace, column: COLUMNS.name[0], ...msg("FACILITY_NO_NAME_COLUMN") });
    return { facilities: [], errors };
  }
  const headerOf = (key: ColumnKey): string => (index[key] !== undefined ? table.headers[index[key]!]! : COLUMNS[key][0]);
  const cellOf = (cells: string[], key: ColumnKey): string => (index[key] !== undefined ? (cells[index[key]!] ?? "").trim() : "");
  const measuresOf = (p: PosterPolicy | null | undefined) => (p ? canonicalMeasureOrder(Object.keys(p.measures).filter(isMeasureId)) : null);

  const facilities: Facility[] = [];
  const seen = new Map<string, number>();
  const codes = new Map<string, number>();
  for (const { row, sheetRow, cells } of table.rows) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const rowErrors: RowError[] = [];
    const place = { file, row, ...(sheetRow !== undefined ? { sheetRow } : {}) };
    const fail = (key: ColumnKey, message: CodedMessage) => rowErrors.push({ ...place, column: headerOf(key), ...message });

    const name = cellOf(cells, "name").replace(/\s+/g, " ");
    const nameKey = name.normalize("NFKC");
    const first = seen.get(nameKey);
    if (!name) fail("name", msg("FACILITY_NAME_EMPTY"));
    else if (first !== undefined) fail("name", msg("FACILITY_DUPLICATE", { row: first }));
    else seen.set(nameKey, sheetRow ?? row);

    // The row's own policy file: the facility speaks with its wording, and is checked against it.
    const policyFile = cellOf(cells, "policyFile") || null;
    let ownPolicy: PosterPolicy | null = null;
    if (policyFile) {
      const resolved = options.policies?.get(policyFile);
      if (!resolved) fail("policyFile", msg("FACILITY_POLICY_NOT_GIVEN", { name: policyFile }));
      else if ("problem" in resolved) fail("policyFile", resolved.problem);
      else ownPolicy = resolved.policy;
    }
    const rowPolicy = ownPolicy ?? policy ?? null;
    const policyMeasures = measuresOf(rowPolicy);

    // Measures
    const measures: MeasureId[] = [];
    const measureCell = cellOf(cells, "measures");
    if (!measureCell) fail("measures", msg("FACILITY_NO_MEASURES"));
    for (const word of splitList(measureCell)) {
      if (ALL_WORDS.has(word.toLowerCase())) {
        measures.push(...(policyMeasures ?? []));
        if (!policyMeasures) fail("measures", msg("FACILITY_ALL_NEEDS_POLICY", { word }));
        continue;
      }
      const id = measureFromWord(word);
      if (!id) fail("measures", msg("FACILITY_UNKNOWN_MEASURE", { word, ...near(word, measureWords()), known: [...MEASURE_IDS] }));
      else if (policyMeasures && !policyMeasures.includes(id)) fail("measures", msg("FACILITY_MEASURE_NOT_IN_POLICY", { id }));
      else measures.push(id);
    }

    // Sizes
    const sizes = new Set<PosterSize>();
    const sizeCell = cellOf(cells, "sizes");
    for (const word of splitList(sizeCell)) {
      const size = parsePosterSize(word);
      if (!size) fail("sizes", msg("FACILITY_UNKNOWN_SIZE", { word, ...near(word.toUpperCase(), POSTER_SIZES), known: [...POSTER_SIZES] }));
      else sizes.add(size);
    }
    if (!sizeCell) sizes.add("A4");
    const orderedSizes = POSTER_SIZES.filter((size) => sizes.has(size));

    // Copies: "2" for every size, or "A4=3 A3=1" / "A4:3、A3:1".
    const copies: Partial<Record<PosterSize, number>> = {};
    const copyCell = cellOf(cells, "copies").normalize("NFKC");
    const positive = (text: string): number | null => (/^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : null);
    if (!copyCell) for (const size of orderedSizes) copies[size] = 1;
    else if (positive(copyCell.replace(/[部枚]$/, "")) !== null) {
      for (const size of orderedSizes) copies[size] = positive(copyCell.replace(/[部枚]$/, ""))!;
    } else {
      for (const word of splitList(copyCell)) {
        const match = /^([^=:×x*]+)[=:×x*](\d+)[部枚]?$/i.exec(word);
        const size = match ? parsePosterSize(match[1]!) : null;
        const count = match ? positive(match[2]!) : null;
        if (!match || !size || count === null) fail("copies", msg("FACILITY_BAD_COPIES", { word }));
        else if (!sizes.has(size)) fail("copies", msg("FACILITY_COPIES_SIZE_NOT_MADE", { size, sizes: orderedSizes }));
        else copies[size] = count;
      }
      for (const size of orderedSizes) if (copies[size] === undefined) copies[size] = 1;
    }

    // Languages
    const languages = new Set<PosterLanguage>(["ja"]);
    for (const word of splitList(cellOf(cells, "languages"))) {
      const language = LANGUAGE_WORDS.get(word.toLowerCase());
      if (!language) fail("languages", msg("FACILITY_UNKNOWN_LANGUAGE", { word, ...near(word, LANGUAGE_WORDS.keys()), known: [...POSTER_LANGUAGES] }));
      else if (language !== "ja" && rowPolicy && !Object.hasOwn(rowPolicy.panels, language)) fail("languages", msg("FACILITY_LANGUAGE_NOT_IN_POLICY", { language }));
      else languages.add(language);
    }

    // Recording signs: "counter=2 phone=5" (窓口=2 電話=5), or one number for each kind the facility records.
    const given: Partial<SignCounts> = {};
    const signCell = cellOf(cells, "signs").normalize("NFKC");
    const count = (text: string): number | null => (/^\d{1,4}$/.test(text) ? Number(text) : null);
    if (signCell) {
      const all = count(signCell.replace(/[枚個台]$/, ""));
      if (all !== null) {
        if (measures.includes("record-counter")) given.counter = all;
        if (measures.includes("record-phone")) given.phone = all;
        if (!measures.includes("record-counter") && !measures.includes("record-phone")) fail("signs", msg("FACILITY_SIGNS_NOT_RECORDED", { kind: "counter", measure: "record-counter" }));
      } else {
        for (const word of splitList(signCell)) {
          const match = /^([^=:×x*]+)[=:×x*](\d+)[枚個台]?$/i.exec(word);
          const kind = match ? SIGN_WORDS.get(match[1]!.toLowerCase()) : undefined;
          const n = match ? count(match[2]!) : null;
          if (!match || !kind || n === null) fail("signs", msg("FACILITY_BAD_SIGNS", { word }));
          else if (!measures.includes(kind === "counter" ? "record-counter" : "record-phone")) {
            fail("signs", msg("FACILITY_SIGNS_NOT_RECORDED", { kind, measure: kind === "counter" ? "record-counter" : "record-phone" }));
          } else given[kind] = n;
        }
      }
    }

    // 施設コード: an ASCII file name stem, unique in the list.
    const codeCell = cellOf(cells, "code").normalize("NFKC");
    let code: string | null = null;
    if (codeCell) {
      const firstCode = codes.get(codeCell.toLowerCase());
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(codeCell)) fail("code", msg("FACILITY_BAD_CODE", { code: codeCell }));
      else if (firstCode !== undefined) fail("code", msg("FACILITY_DUPLICATE_CODE", { code: codeCell, row: firstCode }));
      else {
        codes.set(codeCell.toLowerCase(), sheetRow ?? row);
        code = codeCell;
      }
    }

    const textOf = (key: ColumnKey): string | null => facilityText(cellOf(cells, key), (message) => fail(key, message));
    const title = textOf("title");
    const stance = textOf("stance");
    const issuer = textOf("issuer");
    const contact = cellOf(cells, "contact") || null;

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const ordered = canonicalMeasureOrder(measures);
    facilities.push({
      row,
      ...(sheetRow !== undefined ? { sheetRow } : {}),
      name,
      measures: ordered,
      sizes: orderedSizes,
      copies,
      languages: POSTER_LANGUAGES.filter((language) => languages.has(language)),
      issuer,
      contact,
      title,
      stance,
      policyFile,
      policy: ownPolicy,
      signs: defaultSignCounts(ordered, given),
      ...(code !== null ? { code } : {}),
    });
  }
  if (facilities.length === 0 && !errors.some((e) => e.row > 0) && table.rows.length === 0) {
    errors.push({ file, row: 0, ...msg("FACILITY_LIST_NO_ROWS") });
  }
  return { facilities, errors };
}

/** Reads the policy file a row names; throws a PolicyError or another NafudaError. */
export type PolicyResolver = (name: string) => Promise<PosterPolicy>;

/**
 * Why a policy file name from a row is refused before anything is read, or null: it must be a relative path that
 * stays inside the facility list's folder (no absolute path, no drive letter, no ..), ending in .yaml, .yml or .json.
 */
export function policyFileNameProblem(name: string): CodedMessage | null {
  const segments = name.split(/[\\/]/);
  if (
    name.includes("\0") ||
    isAbsolute(name) ||
    win32.isAbsolute(name) ||
    /^[A-Za-z]:/.test(name) ||
    name.startsWith("~") ||
    segments.some((segment) => segment === "..")
  ) {
    return msg("FACILITY_POLICY_OUTSIDE", { name });
  }
  if (!/\.(ya?ml|json)$/i.test(name)) return msg("FACILITY_POLICY_NOT_YAML", { name });
  return null;
}

/** Reads policy files from a folder (the facility list's), refusing any name or link that leads out of it. */
export function folderPolicyResolver(folder: string): PolicyResolver {
  return async (name) => {
    const problem = policyFileNameProblem(name);
    if (problem) throw new NafudaError(problem);
    const path = resolve(folder, name);
    let real: string | null = null;
    try {
      const [realFolder, realPath] = await Promise.all([realpath(folder), realpath(path)]);
      real = realPath;
      if (!realPath.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep)) throw new NafudaError(msg("FACILITY_POLICY_OUTSIDE", { name }));
    } catch (error) {
      if (error instanceof NafudaError) throw error;
      // Missing: loadPolicy says so, naming the file.
    }
    return loadPolicy(real ?? path);
  };
}

/** Policy files given as bytes (the web page's uploads), matched by file name. */
export function uploadedPolicyResolver(files: readonly { name: string; bytes: Uint8Array }[]): PolicyResolver {
  return async (name) => {
    const problem = policyFileNameProblem(name);
    if (problem) throw new NafudaError(problem);
    const wanted = name.split(/[\\/]/).pop()!.normalize("NFC");
    const file = files.find((f) => f.name.split(/[\\/]/).pop()!.normalize("NFC") === wanted);
    if (!file) throw new NafudaError(msg("FACILITY_POLICY_NOT_GIVEN", { name }));
    // Bounded and decoded as a policy file on disk is (POSTER_INPUT_MAX_BYTES); its problems name the file.
    return parsePolicyBytes(file.bytes, file.name);
  };
}

/** How many of a row policy's problems its row error quotes. */
const POLICY_PROBLEMS_QUOTED = 3;

/** Reads every policy file the rows name, once each; problems become the rows' errors. */
async function rowPolicies(names: readonly string[], resolver: PolicyResolver | null): Promise<Map<string, RowPolicy>> {
  const result = new Map<string, RowPolicy>();
  for (const name of names) {
    if (!resolver) {
      result.set(name, { problem: msg("FACILITY_POLICY_NOT_GIVEN", { name }) });
      continue;
    }
    try {
      result.set(name, { policy: await resolver(name) });
    } catch (error) {
      if (error instanceof PolicyError) {
        const problems: Message[] = error.issues.slice(0, POLICY_PROBLEMS_QUOTED).map((issue) =>
          msg("TEXT_POSTERS_PLACED", { where: placeMessage({ file: issue.file, line: issue.line ?? undefined, key: issue.path || undefined }), text: { code: issue.code, ...(issue.params ? { params: issue.params } : {}) } }),
        );
        const more = error.issues.length - problems.length;
        result.set(name, { problem: msg("FACILITY_POLICY_UNUSABLE", { name, problems, ...(more > 0 ? { more } : {}) }) });
      } else if (error instanceof NafudaError) {
        result.set(name, { problem: { code: error.code, ...(error.params ? { params: error.params } : {}) } as CodedMessage });
      } else throw error;
    }
  }
  return result;
}

/**
 * Reads a facility list (CSV in UTF-8/BOM/Shift_JIS, or XLSX) and parses it. A policy file a row names is read
 * from the list's folder (never outside it), or with `resolvePolicy` (the web page: the uploaded files).
 */
export async function readFacilities(
  pathOrBytes: string | Uint8Array,
  options: {
    fileName?: string;
    sheet?: string;
    policy?: PosterPolicy | null;
    resolvePolicy?: PolicyResolver;
    /** Bounds the list is read within (src/roster/limits.ts; the web page ties them to its upload limit). */
    limits?: Partial<TableLimits>;
  } = {},
): Promise<FacilityListResult> {
  const table = await readTable(pathOrBytes, { fileName: options.fileName, sheet: options.sheet, ...(options.limits ? { limits: options.limits } : {}) });
  // An empty file is said once (TABLE_EMPTY), not also as "no facility name column".
  if (table.headers.length === 0 && table.errors.some((error) => error.code === "TABLE_EMPTY")) return { facilities: [], errors: [...table.errors] };
  const resolver = options.resolvePolicy ?? (typeof pathOrBytes === "string" ? folderPolicyResolver(dirname(resolve(pathOrBytes))) : null);
  const policies = await rowPolicies(policyFileNames(table), resolver);
  const parsed = parseFacilityTable({ file: table.file, headers: table.headers, headerSheetRow: table.headerSheetRow, rows: table.rows }, options.policy, { policies });
  return { facilities: parsed.facilities, errors: [...table.errors, ...parsed.errors] };
}
