/**
 * The facility list (CSV or XLSX, read by the rosters' readTable): one row per facility with
 * the measures that apply there, the poster sizes, copies and languages.
 * A bad row becomes a RowError naming the file, row and column; the other facilities go through.
 */
import { msg, type CodedMessage } from "../messages/message.js";
import type { RowError } from "../model.js";
import { readTable } from "../roster/read-table.js";
import { nearest } from "../text/suggest.js";
import { canonicalMeasureOrder, isMeasureId, MEASURE_IDS, measureFromWord, measureWords, type MeasureId } from "./measures.js";
import type { PosterPolicy } from "./policy.js";
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
  };
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
  note: ["備考", "メモ", "note", "notes"],
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

/**
 * Turns a read table into facilities. With a policy, measures the policy does not word and
 * languages it has no panel for are errors too. Rows that are entirely empty are skipped.
 */
export function parseFacilityTable(table: FacilityTable, policy?: PosterPolicy | null): FacilityListResult {
  const file = table.file;
  const errors: RowError[] = [];
  const headerPlace = table.headerSheetRow !== undefined ? { sheetRow: table.headerSheetRow } : {};
  const index: Partial<Record<ColumnKey, number>> = {};
  const known = Object.values(COLUMNS).flat();
  table.headers.forEach((header, i) => {
    const normalized = normalizeHeader(header);
    if (normalized === "") return;
    const key = (Object.keys(COLUMNS) as ColumnKey[]).find((k) => (COLUMNS[k] as readonly string[]).includes(normalized));
    if (key === undefined) {
      errors.push({ file, row: 0, ...headerPlace, column: header, ...msg("FACILITY_UNKNOWN_COLUMN", { header, ...near(normalized, known) }) });
    } else if (index[key] === undefined) index[key] = i;
  });
  if (index.name === undefined) {
    errors.push({ file, row: 0, ...headerPlace, column: COLUMNS.name[0], ...msg("FACILITY_NO_NAME_COLUMN") });
    return { facilities: [], errors };
  }
  const headerOf = (key: ColumnKey): string => (index[key] !== undefined ? table.headers[index[key]!]! : COLUMNS[key][0]);
  const cellOf = (cells: string[], key: ColumnKey): string => (index[key] !== undefined ? (cells[index[key]!] ?? "").trim() : "");

  const policyMeasures = policy ? canonicalMeasureOrder(Object.keys(policy.measures).filter(isMeasureId)) : null;
  const facilities: Facility[] = [];
  const seen = new Map<string, number>();
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
      else if (language !== "ja" && policy && !Object.hasOwn(policy.panels, language)) fail("languages", msg("FACILITY_LANGUAGE_NOT_IN_POLICY", { language }));
      else languages.add(language);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    facilities.push({
      row,
      ...(sheetRow !== undefined ? { sheetRow } : {}),
      name,
      measures: canonicalMeasureOrder(measures),
      sizes: orderedSizes,
      copies,
      languages: POSTER_LANGUAGES.filter((language) => languages.has(language)),
      issuer: cellOf(cells, "issuer") || null,
      contact: cellOf(cells, "contact") || null,
    });
  }
  if (facilities.length === 0 && !errors.some((e) => e.row > 0) && table.rows.length === 0) {
    errors.push({ file, row: 0, ...msg("FACILITY_LIST_NO_ROWS") });
  }
  return { facilities, errors };
}

/** Reads a facility list (CSV in UTF-8/BOM/Shift_JIS, or XLSX) and parses it. */
export async function readFacilities(
  pathOrBytes: string | Uint8Array,
  options: { fileName?: string; sheet?: string; policy?: PosterPolicy | null } = {},
): Promise<FacilityListResult> {
  const table = await readTable(pathOrBytes, { fileName: options.fileName, sheet: options.sheet });
  // An empty file is said once (TABLE_EMPTY), not also as "no facility name column".
  if (table.headers.length === 0 && table.errors.some((error) => error.code === "TABLE_EMPTY")) return { facilities: [], errors: [...table.errors] };
  const parsed = parseFacilityTable({ file: table.file, headers: table.headers, headerSheetRow: table.headerSheetRow, rows: table.rows }, options.policy);
  return { facilities: parsed.facilities, errors: [...table.errors, ...parsed.errors] };
}
