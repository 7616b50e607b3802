import { PDFDocument } from "pdf-lib";
import type { RowError, StaffReading } from "../model.js";
import { loadRoster, type LoadedRoster } from "../roster/load-roster.js";
import { readTable, type Table } from "../roster/read-table.js";
import { RosterFileError } from "../roster/errors.js";
import { decodeText } from "../roster/decode-text.js";
import { createReadingResolver, resolveReadings, type ResolvedReadings } from "../readings/resolve.js";
import { nameKey, parseConfirmedReadings, type ConfirmedReadings } from "../readings/confirmed-readings.js";
import { kuroshiroAnalyzer } from "../readings/analyzer.js";
import { reviewRows, reviewSheetCsv } from "../review/review-sheet.js";
import { isRomajiCase, isRomajiSystem, type RomajiCase, type RomajiSystem } from "../romaji/systems.js";
import { renderBadgeSheets } from "../badges/render-badges.js";
import { BUILTIN_TEMPLATES, TemplateError } from "../badges/template.js";
import { SHEET_PRESETS, SheetError, type SheetSpec } from "../geometry/sheets.js";
import { parsePolicy, PolicyError, type PosterPolicy } from "../posters/policy.js";
import { readFacilities, type Facility } from "../posters/facilities.js";
import { renderFacilityPosters } from "../posters/render.js";
import { facilityFileNames, facilityOrderLines, orderManifestCsv, orderSummaryPdf, type OrderLine } from "../posters/batch.js";
import { formatJapaneseDate } from "../posters/dates.js";
import { DEFAULT_MEASURE_LABELS } from "../posters/measures.js";
import { badgePdfToSvg } from "./badge-svg.js";
import { japanese, pageRowError, PageError, policyIssueText, type PageRowError } from "./messages.js";

/**
 * What the page asks of the server. Every request carries its files (the page keeps them, the server does not):
 * the server reads them with the same library calls as the CLI, answers, and forgets them.
 */

/** A reading corrected on the page. It goes back to the library as a row of a confirmed readings table. */
export interface PageEdit {
  row: number;
  id: string | null;
  name: string;
  kana: string;
  /** The romaji as typed, or null to let nafuda spell it from the kana. */
  romaji: string | null;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The parsed request: files and fields of a multipart form. */
export class PageForm {
  constructor(private readonly form: FormData) {}

  async file(key: string): Promise<Upload | null> {
    const value = this.form.get(key);
    if (value === null || typeof value === "string") return null;
    return { name: value.name || key, bytes: new Uint8Array(await value.arrayBuffer()) };
  }

  async requireFile(key: string, what: string): Promise<Upload> {
    const file = await this.file(key);
    if (!file || file.bytes.length === 0) throw new PageError(400, `${what}が選ばれていません。ファイルを選ぶか、ここにドラッグしてください。`);
    return file;
  }

  text(key: string): string | null {
    const value = this.form.get(key);
    return typeof value === "string" ? value : null;
  }

  flag(key: string): boolean {
    return ["1", "true", "on", "yes"].includes((this.text(key) ?? "").toLowerCase());
  }
}

export interface ReadingOptions {
  romaji: RomajiSystem;
  romajiCase: RomajiCase;
}

function readingOptions(form: PageForm): ReadingOptions {
  const romaji = form.text("romaji") ?? "passport";
  const romajiCase = form.text("romajiCase") ?? "title";
  if (!isRomajiSystem(romaji)) throw new PageError(400, `ローマ字の書き方「${romaji}」は選べません。`);
  if (!isRomajiCase(romajiCase)) throw new PageError(400, `ローマ字の大文字・小文字「${romajiCase}」は選べません。`);
  return { romaji, romajiCase };
}

function parseEdits(form: PageForm): PageEdit[] {
  const text = form.text("edits");
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PageError(400, "画面での修正が読み取れませんでした。ページを読み込み直してください。");
  }
  if (!Array.isArray(raw)) throw new PageError(400, "画面での修正が読み取れませんでした。ページを読み込み直してください。");
  return raw.flatMap((item): PageEdit[] => {
    if (typeof item !== "object" || item === null) return [];
    const e = item as Record<string, unknown>;
    if (typeof e.row !== "number" || typeof e.name !== "string" || typeof e.kana !== "string") return [];
    return [{
      row: e.row,
      id: typeof e.id === "string" && e.id !== "" ? e.id : null,
      name: e.name,
      kana: e.kana,
      romaji: typeof e.romaji === "string" && e.romaji.trim() !== "" ? e.romaji.trim() : null,
    }];
  });
}

/** The edits as a confirmed readings table, with the review sheet's headers. */
export function editsTable(edits: readonly PageEdit[]): Table {
  return {
    file: "画面での修正",
    format: "csv",
    headers: ["職員番号", "氏名", "かな", "ローマ字", "要確認"],
    headerSheetRow: null,
    rows: edits.map((edit, i) => ({ row: i + 1, sheetRow: null, cells: [edit.id ?? "", edit.name, edit.kana, edit.romaji ?? "", ""] })),
    errors: [],
    warnings: [],
  };
}

/** The review sheet's own headers: a file that has them is a previous review sheet, not a roster. */
export function isReviewSheet(headers: readonly string[]): boolean {
  const set = new Set(headers.map((h) => h.trim()));
  return set.has("かな") && set.has("要確認") && (set.has("出典") || set.has("候補"));
}

async function tableOf(upload: Upload, what: string): Promise<Table> {
  try {
    return await readTable(upload.bytes, { fileName: upload.name });
  } catch (error) {
    if (error instanceof RosterFileError) throw new PageError(422, `「${upload.name}」を${what}として読めませんでした。${japanese(error.message)}`, error.message);
    throw error;
  }
}

/** Everything a readings request gives: the roster, the confirmed readings (file + edits) and the options. */
export interface ReadingInput {
  roster: LoadedRoster;
  rosterFile: Upload;
  /** "review-sheet" when the roster slot held a previous review sheet (it is then the confirmed file too). */
  rosterKind: "roster" | "review-sheet";
  confirmedFile: Upload | null;
  confirmed: ConfirmedReadings;
  edits: PageEdit[];
  /** Problems with the edits, by staff row. */
  editErrors: PageRowError[];
  options: ReadingOptions;
}

export async function readingInput(form: PageForm): Promise<ReadingInput> {
  let rosterFile = await form.requireFile("roster", "名簿ファイル");
  let confirmedFile = await form.file("confirmed");
  if (confirmedFile && confirmedFile.bytes.length === 0) confirmedFile = null;
  const options = readingOptions(form);
  const edits = parseEdits(form);

  let rosterTable = await tableOf(rosterFile, "名簿");
  let confirmedTable = confirmedFile ? await tableOf(confirmedFile, "確認済みよみ") : null;
  let rosterKind: ReadingInput["rosterKind"] = "roster";
  if (isReviewSheet(rosterTable.headers)) {
    if (confirmedFile && confirmedTable && !isReviewSheet(confirmedTable.headers)) {
      // Two files in the wrong slots: the roster is the other one.
      [rosterFile, confirmedFile] = [confirmedFile, rosterFile];
      [rosterTable, confirmedTable] = [confirmedTable, rosterTable];
    } else if (!confirmedFile) {
      rosterKind = "review-sheet";
      confirmedFile = rosterFile;
      confirmedTable = rosterTable;
    }
  }
  let roster: LoadedRoster;
  try {
    roster = await loadRoster(rosterFile.bytes, { fileName: rosterFile.name });
  } catch (error) {
    if (error instanceof RosterFileError) throw new PageError(422, `「${rosterFile.name}」を名簿として読めませんでした。${japanese(error.message)}`, error.message);
    throw error;
  }

  const fromFile: ConfirmedReadings = confirmedTable ? parseConfirmedReadings(confirmedTable) : { file: null, rows: [], errors: [] };
  const fromEdits = parseConfirmedReadings(editsTable(edits));
  const editErrors = fromEdits.errors.map((error) => {
    const edit = edits[error.row - 1];
    return { ...pageRowError(error), row: edit?.row ?? 0, name: edit?.name ?? null, column: "かな" };
  });
  // An edit replaces that person's row of the confirmed file (so the file's row is not reported as stale).
  const editedPeople = fromEdits.rows.map((row) => ({ id: row.id, name: row.name }));
  const samePerson = (a: { id: string | null; name: string | null }, b: { id: string | null; name: string | null }) =>
    a.id && b.id ? a.id.trim() === b.id.trim() : !!a.name && !!b.name && nameKey(a.name) === nameKey(b.name);
  const confirmed: ConfirmedReadings = {
    file: fromFile.file ?? (edits.length > 0 ? "画面での修正" : null),
    rows: [...fromFile.rows.filter((row) => !editedPeople.some((person) => samePerson(person, row))), ...fromEdits.rows],
    errors: fromFile.errors,
  };
  return { roster, rosterFile, rosterKind, confirmedFile, confirmed, edits, editErrors, options };
}

/** One analyzer for the whole server: its dictionary takes a second and 250–400 MB to load, once. */
const sharedAnalyzer = kuroshiroAnalyzer();

export async function resolveInput(input: ReadingInput, onlyRows?: ReadonlySet<number>): Promise<ResolvedReadings> {
  const resolver = createReadingResolver({
    overrides: input.confirmed,
    romaji: input.options.romaji,
    romajiCase: input.options.romajiCase,
    analyzer: sharedAnalyzer,
  });
  return resolveReadings(input.roster.records, resolver, onlyRows ? { only: onlyRows } : {});
}

/** A row of the page's table. */
export interface PageRow {
  row: number;
  id: string | null;
  name: string;
  surname: string;
  kana: string | null;
  romaji: string | null;
  source: StaffReading["source"] | null;
  review: boolean;
  reasons: string[];
  alternatives: string[];
  department: string | null;
  /** The reading comes from an edit made on the page. */
  edited: boolean;
  /** A reading typed on the page can fix the row (false: the roster itself must be corrected, e.g. an empty name). */
  fixable: boolean;
  error: PageRowError | null;
}

function pageRows(input: ReadingInput, readings: ResolvedReadings, rowErrors: readonly RowError[]): PageRow[] {
  const byRow = new Map(readings.staff.map((s) => [s.row, s]));
  const errorsByRow = new Map(rowErrors.map((e) => [e.row, e]));
  const editRows = new Set(input.edits.map((e) => e.row));
  return reviewRows(readings.staff, rowErrors).map((r): PageRow => {
    const reading = byRow.get(r.row);
    const error = r.error !== undefined ? errorsByRow.get(r.row) : undefined;
    return {
      row: r.row,
      id: r.id,
      name: r.name,
      surname: r.surname,
      kana: r.kana ?? null,
      romaji: r.romaji ?? null,
      source: r.source ?? null,
      review: r.review,
      reasons: r.reasons,
      alternatives: r.alternatives,
      department: reading?.record.department ?? error?.record?.department ?? null,
      edited: editRows.has(r.row) && r.source === "override",
      fixable: reading !== undefined || (error?.record !== undefined && error.record.name.trim() !== ""),
      error: error ? pageRowError(error) : null,
    };
  });
}

export async function readingsResponse(form: PageForm): Promise<unknown> {
  const input = await readingInput(form);
  const only = form.text("rows");
  const onlyRows = only ? new Set(only.split(",").map(Number).filter(Number.isInteger)) : undefined;
  const readings = await resolveInput(input, onlyRows);
  const rosterRowErrors = input.roster.errors.filter((e) => e.row > 0 && (!onlyRows || onlyRows.has(e.row)));
  const rowErrors = [...rosterRowErrors, ...readings.errors];
  const rows = pageRows(input, readings, rowErrors);
  return {
    files: {
      roster: input.rosterFile.name,
      confirmed: input.confirmedFile?.name ?? null,
      rosterKind: input.rosterKind,
      encoding: input.roster.encoding ?? null,
      format: input.roster.format,
      sheet: input.roster.sheet ?? null,
    },
    headers: input.roster.headers,
    rows,
    summary: {
      total: rows.length,
      review: rows.filter((r) => r.review && !r.error).length,
      errors: rows.filter((r) => r.error).length,
    },
    fileErrors: input.roster.errors.filter((e) => e.row === 0).map(pageRowError),
    notes: input.roster.notes,
    editErrors: input.editErrors,
    confirmed: {
      rows: input.confirmed.rows.length,
      errors: readings.overrideErrors.map(pageRowError),
      stale: onlyRows ? [] : readings.staleOverrides.map((row) => ({ row: row.row, id: row.id, name: row.name, kana: row.kana })),
    },
  };
}

/** The confirmed readings file: the review sheet's format (UTF-8 with BOM, CRLF), with the page's edits in. */
export async function confirmedCsv(form: PageForm): Promise<{ csv: string; fileName: string }> {
  const input = await readingInput(form);
  const readings = await resolveInput(input);
  const rowErrors = [...input.roster.errors.filter((e) => e.row > 0), ...readings.errors];
  return { csv: reviewSheetCsv(reviewRows(readings.staff, rowErrors)), fileName: `${stem(input.rosterFile.name)}_確認済みよみ.csv` };
}

export function stem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return base.replace(/[_-]?(確認済みよみ|確認シート|review)$/i, "") || "名簿";
}

const TEMPLATE_NAMES = new Set<string>(BUILTIN_TEMPLATES);

function templateOf(form: PageForm): string {
  const template = form.text("template") ?? "standard";
  if (!TEMPLATE_NAMES.has(template)) throw new PageError(400, `名札の型「${template}」はありません。一覧から選んでください。`);
  return template;
}

function sheetOf(form: PageForm): string | undefined {
  const sheet = form.text("sheet") ?? "";
  if (sheet === "" || sheet === "auto") return undefined;
  if (!SHEET_PRESETS[sheet]) throw new PageError(400, `用紙「${sheet}」はありません。一覧から選んでください。`);
  return sheet;
}

/** A sheet exactly the size of one badge: the preview page is the badge. */
const PREVIEW_SHEET: SheetSpec = { name: "preview", columns: 1, rows: 1, marginTop: 0, marginLeft: 0 };

async function oneReading(form: PageForm): Promise<{ input: ReadingInput; reading: StaffReading | null; error: RowError | null }> {
  const input = await readingInput(form);
  const row = Number(form.text("row"));
  if (!Number.isInteger(row)) throw new PageError(400, "どの行の名札かがわかりません。表の行を選んでください。");
  const readings = await resolveInput(input, new Set([row]));
  const reading = readings.staff[0] ?? null;
  const error = readings.errors[0] ?? input.roster.errors.find((e) => e.row === row) ?? null;
  if (!reading && !error) throw new PageError(404, `名簿に ${row} 行目がありません。名簿を選び直してください。`);
  return { input, reading, error };
}

async function renderOne(form: PageForm, reading: StaffReading) {
  return renderBadgeSheets([reading], { template: templateOf(form), sheet: PREVIEW_SHEET, order: "input", duplex: false, title: `名札 ${reading.surname}` });
}

/** The selected row's badge: rendered by renderBadges into a one-badge PDF, drawn as SVG from that PDF. */
export async function previewResponse(form: PageForm): Promise<unknown> {
  const { reading, error } = await oneReading(form);
  if (!reading) {
    return { row: error!.row, svg: null, error: pageRowError(error!), warnings: [] };
  }
  const result = await renderOne(form, reading);
  if (result.badges === 0) {
    return { row: reading.row, svg: null, error: result.errors[0] ? pageRowError(result.errors[0]) : null, warnings: [] };
  }
  const drawn = await badgePdfToSvg(result.pdf);
  return {
    row: reading.row,
    kana: reading.kana,
    romaji: reading.romaji,
    svg: drawn.svg,
    widthMm: Math.round(drawn.widthMm * 10) / 10,
    heightMm: Math.round(drawn.heightMm * 10) / 10,
    notShown: drawn.notShown,
    error: null,
    warnings: result.warnings.map(pageRowError),
  };
}

/** The selected row's badge as a one-badge PDF, to open in the browser's PDF viewer. */
export async function singleBadgePdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { reading, error } = await oneReading(form);
  if (!reading) throw new PageError(422, `${error!.row} 行目は名札を作れません。${pageRowError(error!).message}`, pageRowError(error!).detail);
  const result = await renderOne(form, reading);
  if (result.badges === 0) throw new PageError(422, result.errors[0] ? pageRowError(result.errors[0]).message : "名札を作れませんでした。", result.errors[0] ? pageRowError(result.errors[0]).detail : undefined);
  return { pdf: result.pdf, fileName: `名札_${reading.surname}.pdf` };
}

export interface BadgesPdf {
  pdf: Uint8Array;
  fileName: string;
  badges: number;
  pages: number;
  sheet: string;
  /** Rows left out of the PDF, and why. */
  leftOut: PageRowError[];
  warnings: PageRowError[];
  /** Readings printed although they still needed review (only with allowUnreviewed). */
  unreviewed: number;
}

/** Every badge on the chosen sheet. Like `nafuda badges`, refuses while readings still need review unless told. */
export async function badgesPdf(form: PageForm): Promise<BadgesPdf> {
  const input = await readingInput(form);
  const readings = await resolveInput(input);
  const unreviewed = readings.staff.filter((s) => s.review);
  if (unreviewed.length > 0 && !form.flag("allowUnreviewed")) {
    throw new PageError(409, `まだ確認が済んでいない読みが ${unreviewed.length} 人分あります。表の「要確認」の行を確かめてから、もう一度ダウンロードしてください。`, undefined, {
      unreviewed: unreviewed.map((s) => ({ row: s.row, name: s.name, kana: s.kana })),
    });
  }
  const sheet = sheetOf(form);
  let result;
  try {
    result = await renderBadgeSheets(readings.staff, {
      template: templateOf(form),
      ...(sheet !== undefined ? { sheet } : {}),
      ...(sheet === "single" ? { cropMarks: true } : {}),
      cutGuides: form.flag("cutGuides"),
    });
  } catch (error) {
    if (error instanceof SheetError) throw new PageError(422, `この名札の型は、選んだ用紙に入りません。用紙を「おまかせ」にするか、別の用紙を選んでください。`, error.message);
    if (error instanceof TemplateError) throw new PageError(422, "名札の型を読み込めませんでした。", error.message);
    throw error;
  }
  const leftOut = [...input.roster.errors.filter((e) => e.row > 0), ...readings.errors, ...result.errors].map(pageRowError);
  if (result.badges === 0) {
    throw new PageError(422, "印刷できる名札がありません。表のエラーの行を直してください。", undefined, { leftOut });
  }
  return {
    pdf: result.pdf,
    fileName: `${stem(input.rosterFile.name)}_名札.pdf`,
    badges: result.badges,
    pages: result.pages,
    sheet: result.sheet.name,
    leftOut,
    warnings: result.warnings.map(pageRowError),
    unreviewed: unreviewed.length,
  };
}

// --- posters

interface PosterInput {
  policy: PosterPolicy;
  facilities: Facility[];
  errors: PageRowError[];
  facilitiesFile: Upload;
}

async function posterInput(form: PageForm): Promise<PosterInput> {
  const facilitiesFile = await form.requireFile("facilities", "施設一覧ファイル");
  const policyFile = await form.requireFile("policy", "方針ファイル（policy.yaml）");
  let policy: PosterPolicy;
  try {
    policy = parsePolicy(decodeText(policyFile.bytes, policyFile.name).text, policyFile.name);
  } catch (error) {
    if (error instanceof PolicyError) {
      throw new PageError(422, `方針ファイル「${policyFile.name}」に直すところがあります。`, error.message, {
        issues: error.issues.map(policyIssueText),
      });
    }
    if (error instanceof RosterFileError) throw new PageError(422, `方針ファイル「${policyFile.name}」を文字として読めませんでした。UTF-8 で保存し直してください。`, error.message);
    throw error;
  }
  let list;
  try {
    list = await readFacilities(facilitiesFile.bytes, { fileName: facilitiesFile.name, policy });
  } catch (error) {
    if (error instanceof RosterFileError) throw new PageError(422, `「${facilitiesFile.name}」を施設一覧として読めませんでした。${japanese(error.message)}`, error.message);
    throw error;
  }
  return { policy, facilities: list.facilities, errors: list.errors.map(pageRowError), facilitiesFile };
}

function orderLines(facilities: readonly Facility[]): OrderLine[] {
  const files = facilityFileNames(facilities);
  return facilities.flatMap((facility, i) => facilityOrderLines(facility, files[i]!));
}

function posterOptions(form: PageForm) {
  const printShop = form.flag("printShop");
  return { bleed: printShop, cropMarks: printShop };
}

export async function postersCheck(form: PageForm): Promise<unknown> {
  const input = await posterInput(form);
  const files = facilityFileNames(input.facilities);
  return {
    policy: { issuer: input.policy.issuer, title: input.policy.title },
    facilities: input.facilities.map((facility, index) => ({
      index,
      row: facility.row,
      name: facility.name,
      file: files[index],
      sizes: facility.sizes,
      copies: facility.sizes.map((size) => facility.copies[size] ?? 1),
      languages: facility.languages,
      measures: facility.measures.map((id) => input.policy.measures[id]?.label ?? DEFAULT_MEASURE_LABELS[id]),
    })),
    errors: input.errors,
  };
}

export async function facilityPosterPdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string }> {
  const input = await posterInput(form);
  const index = Number(form.text("index"));
  const facility = input.facilities[index];
  if (!Number.isInteger(index) || !facility) throw new PageError(404, "その施設は一覧にありません。施設一覧を選び直してください。");
  const files = facilityFileNames(input.facilities);
  return { pdf: await renderFacilityPosters(input.policy, facility, posterOptions(form)), fileName: files[index]! };
}

/** Every facility's posters in one PDF, in list order (the order summary tells the pages apart). */
export async function allPostersPdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string; facilities: number }> {
  const input = await posterInput(form);
  if (input.facilities.length === 0) throw new PageError(422, "ポスターを作れる施設がありません。施設一覧のエラーを直してください。");
  const merged = await PDFDocument.create();
  merged.setTitle(`${input.policy.issuer} ${input.policy.title}`);
  merged.setProducer("nafuda");
  for (const facility of input.facilities) {
    const doc = await PDFDocument.load(await renderFacilityPosters(input.policy, facility, posterOptions(form)));
    for (const page of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(page);
  }
  return { pdf: await merged.save(), fileName: `ポスター_全施設.pdf`, facilities: input.facilities.length };
}

export async function posterSummaryPdf(form: PageForm): Promise<{ pdf: Uint8Array; fileName: string }> {
  const input = await posterInput(form);
  const options = posterOptions(form);
  const pdf = await orderSummaryPdf(orderLines(input.facilities), {
    issuer: input.policy.issuer,
    title: input.policy.title,
    date: formatJapaneseDate(input.policy.effectiveDate, input.policy.dateStyle),
    bleed: options.bleed,
    cropMarks: options.cropMarks,
  });
  return { pdf, fileName: "ポスター発注一覧.pdf" };
}

export async function posterManifestCsv(form: PageForm): Promise<{ csv: string; fileName: string }> {
  const input = await posterInput(form);
  return { csv: orderManifestCsv(orderLines(input.facilities)), fileName: "ポスター発注一覧.csv" };
}

