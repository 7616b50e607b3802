/**
 * `nafuda signs`: for every facility that records (record-counter, record-phone), its counter sign and its phone
 * stickers, written atomically into the output folder, and added to the folder's order (the manifest and the
 * summary keep the posters' lines a `nafuda posters` run left there). When no sign can be made, nothing is written.
 *
 * Files: <facility>__窓口標識.pdf (tent cards) and <facility>__電話シール.pdf (stickers), next to the posters'
 * <facility>.pdf: the stem is the posters' (src/io/safe-file-names.ts), and "__" never occurs in a stem, so a sign
 * file can never take a poster's name.
 */
import { existsSync } from "node:fs";
import { writeFileAtomic } from "../io/atomic-write.js";
import { fileNameKey, pathInside, safeFileStems } from "../io/safe-file-names.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg, NafudaError } from "../messages/message.js";
import type { RowError } from "../model.js";
import { FacilityListError, reasonsOf } from "../posters/batch.js";
import { formatJapaneseDate, isoDate, localToday, type CalendarDate, type DateStyle } from "../posters/dates.js";
import { printedWith, type PrintOptions } from "../posters/draw.js";
import { readFacilities, type Facility } from "../posters/facilities.js";
import { mergeOrder, previousOrder, SIGN_PRODUCTS, writeOrder, type OrderInfo, type OrderLine } from "../posters/order.js";
import { loadPolicy, type PosterPolicy } from "../posters/policy.js";
import { renderCounterSign, renderPhoneStickers, type RenderedSigns } from "./render.js";
import type { SignKind } from "./content.js";

/** The file name ending of each sign kind. */
export const SIGN_FILE_SUFFIXES: Readonly<Record<SignKind, string>> = { counter: "__窓口標識.pdf", phone: "__電話シール.pdf" };

export interface SignBatchOptions extends PrintOptions {
  dateStyle?: DateStyle;
  /** The printing date (--as-of): a measure starting later is marked 「…から」. Default: today. Written in the manifest. */
  asOf?: CalendarDate;
  /** Called after each file is written (for progress output). */
  onFile?: (line: { facility: Facility; file: string; kind: SignKind; pieces: number }) => void;
  /** Language of the order files and of the card's making-up instructions (default Japanese, or NAFUDA_LANG). */
  lang?: Lang;
}

export interface SignBatchResult {
  /** This run's order lines: per facility in list order, its counter sign, then its sticker sheets. */
  orders: OrderLine[];
  /** The whole order written to the folder (the posters' lines kept). */
  order: OrderLine[];
  files: string[];
  errors: RowError[];
  /** Facilities that record neither at the counter nor on the phone (no sign for them). */
  skipped: Facility[];
}

/** A facility's problem as a row error, with its row. */
function facilityError(facility: Facility, error: unknown): RowError {
  const place = { row: facility.row, ...(facility.sheetRow !== undefined ? { sheetRow: facility.sheetRow } : {}) };
  if (error instanceof NafudaError) return { ...place, code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) };
  return { ...place, ...msg("POSTER_NOT_MADE", { facility: facility.name, detail: error instanceof Error ? error.message : String(error) }) };
}

/** No sign could be made: nothing was written. (CLI: bad input, exit 2.) */
export class SignBatchError extends NafudaError {
  override name = "SignBatchError";
  constructor(
    readonly errors: RowError[],
    file?: string,
  ) {
    super(msg("SIGNS_NONE_TO_MAKE", reasonsOf(errors)), { file });
  }
}

function linesOf(facility: Facility, file: string, rendered: RenderedSigns, product: "counter-sign" | "phone-sticker", asOf: string): OrderLine[] {
  return rendered.pages.map((page, i) => ({
    facility: facility.name,
    size: rendered.size,
    copies: rendered.copies,
    file,
    page: i + 1,
    product,
    trim: rendered.trim,
    pieces: page.pieces,
    asOf,
  }));
}

/** The signs a facility needs: its 標識 counts, else one of each kind it records. */
export function signCounts(facility: Facility): { counter: number; phone: number } {
  return facility.signs ?? { counter: facility.measures.includes("record-counter") ? 1 : 0, phone: facility.measures.includes("record-phone") ? 1 : 0 };
}

/** One sign file of a facility, made in memory: its name, its PDF, its order lines. */
export interface FacilitySignFile {
  facility: Facility;
  /** `<stem>__窓口標識.pdf` or `<stem>__電話シール.pdf`. */
  file: string;
  kind: SignKind;
  signs: RenderedSigns;
  lines: OrderLine[];
  /** Pieces in the end: the counter signs, or the stickers (on the sheets, or one page printed once per phone). */
  pieces: number;
}

/**
 * A facility's sign files, in memory: its counter sign, then its phone stickers ([] when it records neither).
 * `stem` is the facility's file stem (the posters'). Throws the render's error (text too long, glyphs missing).
 */
export async function renderFacilitySigns(
  policy: PosterPolicy,
  facility: Facility,
  stem: string,
  options: Omit<SignBatchOptions, "onFile"> = {},
): Promise<FacilitySignFile[]> {
  const asOf = options.asOf ?? localToday();
  const counts = signCounts(facility);
  const made: FacilitySignFile[] = [];
  const common = { bleed: options.bleed, cropMarks: options.cropMarks, printShop: options.printShop, date: options.date, asOf, dateStyle: options.dateStyle, lang: options.lang };
  const add = (kind: SignKind, rendered: RenderedSigns) => {
    const file = `${stem}${SIGN_FILE_SUFFIXES[kind]}`;
    const lines = linesOf(facility, file, rendered, kind === "counter" ? "counter-sign" : "phone-sticker", isoDate(asOf));
    const pieces = rendered.pages.reduce((sum, p) => sum + p.pieces, 0) * rendered.copies;
    made.push({ facility, file, kind, signs: rendered, lines, pieces });
  };
  if (counts.counter > 0) {
    const signs = await renderCounterSign(policy, facility, common);
    if (signs) add("counter", { ...signs, copies: counts.counter });
  }
  if (counts.phone > 0) {
    const signs = await renderPhoneStickers(policy, facility, { ...common, count: counts.phone });
    if (signs) add("phone", signs);
  }
  return made;
}

/**
 * Makes the recording signs of a facility list into `outDir`. A facility's problem does not stop the others. When
 * no facility records, or none of their signs can be made, nothing is written and a SignBatchError says why.
 */
export async function makeSigns(policy: PosterPolicy, facilities: readonly Facility[], outDir: string, options: SignBatchOptions = {}): Promise<SignBatchResult> {
  const asOf = options.asOf ?? localToday();
  const stems = safeFileStems(facilities.map((f) => f.name));
  const orders: OrderLine[] = [];
  const files: string[] = [];
  const errors: RowError[] = [];
  const skipped: Facility[] = [];
  const rendered: FacilitySignFile[] = [];
  for (const [i, facility] of facilities.entries()) {
    const counts = signCounts(facility);
    if (counts.counter === 0 && counts.phone === 0) {
      skipped.push(facility);
      continue;
    }
    try {
      rendered.push(...(await renderFacilitySigns(policy, facility, stems[i]!, { ...options, asOf })));
    } catch (error) {
      errors.push(facilityError(facility, error));
    }
  }
  if (rendered.length === 0) throw new SignBatchError(errors);
  const written = new Set<string>();
  for (const { facility, file, kind, signs, lines, pieces } of rendered) {
    if (written.has(fileNameKey(file))) throw new Error(formatMessage(msg("POSTER_INTERNAL_ERROR", { detail: `two signs would write ${file}` })));
    written.add(fileNameKey(file));
    await writeFileAtomic(pathInside(outDir, file), signs.pdf);
    files.push(file);
    orders.push(...lines);
    options.onFile?.({ facility, file, kind, pieces });
  }
  const lang = options.lang ?? defaultLang();
  const order = mergeOrder(await previousOrder(outDir), orders, SIGN_PRODUCTS, (name) => existsSync(pathInside(outDir, name)));
  files.push(...(await writeOrder(outDir, order, signOrderInfo(policy, options, lang))));
  return { orders, order, files, errors, skipped };
}

/** The summary's heading of a signs run: the policy's issuer, title and date, the print options. */
export function signOrderInfo(policy: PosterPolicy, options: Pick<SignBatchOptions, "bleed" | "cropMarks" | "dateStyle" | "printShop" | "date">, lang: Lang): OrderInfo {
  return {
    issuer: policy.issuer,
    title: policy.title,
    date: formatJapaneseDate(policy.effectiveDate, options.dateStyle ?? policy.dateStyle),
    ...printedWith(options),
    lang,
  };
}

/** Reads the policy and the facility list, then makes every sign. Policy errors and a list with nothing to make throw. */
export async function runSignBatch(
  facilitiesPath: string,
  policyPath: string,
  outDir: string,
  options: SignBatchOptions & { sheet?: string } = {},
): Promise<SignBatchResult> {
  const policy = await loadPolicy(policyPath);
  const list = await readFacilities(facilitiesPath, { policy, sheet: options.sheet });
  if (list.facilities.length === 0) throw new FacilityListError(facilitiesPath, msg("FACILITY_LIST_NOTHING_TO_MAKE", reasonsOf(list.errors)));
  const withFile = (errors: RowError[]) => errors.map((e) => ({ ...e, file: e.file ?? facilitiesPath }));
  let result: SignBatchResult;
  try {
    result = await makeSigns(policy, list.facilities, outDir, options);
  } catch (error) {
    if (error instanceof SignBatchError && error.file === undefined) throw new SignBatchError(withFile([...list.errors, ...error.errors]), facilitiesPath);
    throw error;
  }
  return { ...result, errors: [...withFile(list.errors), ...withFile(result.errors)] };
}
