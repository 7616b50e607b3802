/**
 * `nafuda posters`: every facility's PDF, an order manifest (CSV for the print shop) and an order summary PDF,
 * all written atomically inside the output folder only. The order keeps what `nafuda signs` put there.
 * When no poster can be made, nothing is written (a previous run's order files stay as they were).
 */
import { existsSync } from "node:fs";
import { writeFileAtomic } from "../io/atomic-write.js";
import { fileNameKey, pathInside, safeFileStems } from "../io/safe-file-names.js";
import { defaultLang, type Lang } from "../messages/lang.js";
import { formatMessage, msg, NafudaError, placeMessage, type CodedMessage, type Message } from "../messages/message.js";
import type { RowError } from "../model.js";
import { printedWith } from "./draw.js";
import { formatJapaneseDate, isoDate, localToday, type CalendarDate, type DateStyle } from "./dates.js";
import { readFacilities, type Facility } from "./facilities.js";
import type { PosterDesign, PosterPageKind } from "./layout.js";
import { mergeOrder, previousOrder, POSTER_PRODUCTS, writeOrder, type OrderInfo, type OrderLine, type OrderProduct } from "./order.js";
import { loadPolicy, type PosterPolicy } from "./policy.js";
import { checkPosterBackground, layoutFacilityPosters, refuseUnreadyArtwork, renderFacilityPosterFile, type PosterBackground, type RenderFacilityOptions } from "./render.js";
import type { PosterSize } from "./sizes.js";

export { MANIFEST_FILE, SUMMARY_FILE, orderManifestCsv, orderSummaryPdf, type OrderLine, type OrderProduct } from "./order.js";

export interface PosterBatchOptions {
  /** Every facility gets these sizes instead of its own (copies: the facility's for that size, else 1). */
  sizes?: readonly PosterSize[];
  bleed?: boolean | number;
  cropMarks?: boolean;
  /** PDF/X-1a:2003 for a print shop (src/posters/draw.ts PrintOptions). */
  printShop?: boolean;
  /** The date print-shop files carry (PrintOptions.date). */
  date?: string | Date;
  /** A4 and A3: the office layout (default at the office) or full-bleed (PosterOptions.posterLayout). */
  posterLayout?: "office" | "full-bleed";
  /**
   * One PDF per facility and size, with an ASCII name for upload systems: the facility's 施設コード, else F and its
   * row as Excel shows it (F003_A3.pdf). The manifest keeps the facility's Japanese name.
   */
  oneSizePerFile?: boolean;
  dateStyle?: DateStyle;
  background?: PosterBackground;
  /** The printing date (--as-of): a measure starting later is marked 「…から」. Default: today. Written in the manifest. */
  asOf?: CalendarDate;
  /** The design per size (A3: "full" or "distance"). */
  designs?: Partial<Record<PosterSize, PosterDesign>>;
  /** Called after each facility's file is written (for progress output). */
  onFile?: (line: { facility: Facility; file: string; sizes: readonly PosterSize[] }) => void;
  /** Language of the manifest's header and the summary's words (default: Japanese, or NAFUDA_LANG). */
  lang?: Lang;
}

export interface PosterBatchResult {
  /** This run's order lines, facility by facility in list order, sizes A4 → B2, each size's pages in order. */
  orders: OrderLine[];
  /** The whole order written to the folder: this run's lines and the signs' lines a `nafuda signs` run left there. */
  order: OrderLine[];
  /** Files written (facility PDFs, then the manifest and summary), relative to the folder. */
  files: string[];
  /** Rows (or facilities) that were not produced, and why. */
  errors: RowError[];
}

/**
 * The ASCII stem of a facility's files with --one-size-per-file: its 施設コード, else F and its row as the spreadsheet
 * shows it (F003), else F and its place in the list.
 */
export function facilityCodeStem(facility: Facility, index: number): string {
  return facility.code ?? `F${String(facility.sheetRow ?? (facility.row > 0 ? facility.row : index + 1)).padStart(3, "0")}`;
}

/** The PDF file name of each facility, in order: safe, stable, unique (src/io/safe-file-names.ts). */
export function facilityFileNames(facilities: readonly Facility[]): string[] {
  return safeFileStems(facilities.map((f) => f.name)).map((stem) => `${stem}.pdf`);
}

/** The facility with these sizes instead of its own (copies: its own for that size, else 1); as it is without. */
export function withSizes(facility: Facility, sizes: readonly PosterSize[] | undefined): Facility {
  return sizes ? { ...facility, sizes: [...sizes], copies: Object.fromEntries(sizes.map((s) => [s, facility.copies[s] ?? 1])) } : facility;
}

/** The summary's heading of a posters run: the policy's issuer, title and date, the print options. */
export function posterOrderInfo(policy: PosterPolicy, options: Pick<PosterBatchOptions, "bleed" | "cropMarks" | "dateStyle" | "printShop" | "date">, lang: Lang): OrderInfo {
  return {
    issuer: policy.issuer,
    title: policy.title,
    date: formatJapaneseDate(policy.effectiveDate, options.dateStyle ?? policy.dateStyle),
    // As the posters were drawn: crop marks bring the bleed, and print-shop files have both unless told otherwise.
    ...printedWith(options),
    lang,
  };
}

/** What every facility's poster file is drawn with, from a batch's options (the commands' and the page's folder). */
export function posterFileOptions(options: Omit<PosterBatchOptions, "onFile">, asOf: CalendarDate): RenderFacilityOptions {
  return {
    bleed: options.bleed,
    cropMarks: options.cropMarks,
    printShop: options.printShop,
    date: options.date,
    posterLayout: options.posterLayout,
    dateStyle: options.dateStyle,
    background: options.background,
    asOf,
    designs: options.designs,
  };
}

/** The product of a poster file's page. */
const PAGE_PRODUCTS: Readonly<Record<PosterPageKind, OrderProduct>> = { poster: "poster", text: "poster-text", languages: "poster-languages" };

/**
 * The print order of one facility's file: a line per page, with the copies of its size. `pages` says what the
 * file's pages are (renderFacilityPosterFile tells); default one poster page per size.
 */
export function facilityOrderLines(facility: Facility, file: string, pages?: readonly { size: PosterSize; page: PosterPageKind }[], asOf?: string): OrderLine[] {
  const list = pages ?? facility.sizes.map((size) => ({ size, page: "poster" as const }));
  return list.map((p, i) => ({
    facility: facility.name,
    size: p.size,
    copies: facility.copies[p.size] ?? 1,
    file,
    page: i + 1,
    product: PAGE_PRODUCTS[p.page],
    ...(asOf ? { asOf } : {}),
  }));
}

/**
 * The order lines a batch would write, without making the PDFs (layout only): for the web page's manifest and
 * summary, which list the posters before they are downloaded. Facilities whose posters cannot be made are left out.
 */
export async function posterOrderLines(
  policy: PosterPolicy,
  facilities: readonly Facility[],
  options: Pick<PosterBatchOptions, "sizes" | "dateStyle" | "background" | "asOf" | "designs"> = {},
): Promise<OrderLine[]> {
  const asOf = options.asOf ?? localToday();
  const files = facilityFileNames(facilities);
  const lines: OrderLine[] = [];
  for (const [i, original] of facilities.entries()) {
    const facility = withSizes(original, options.sizes);
    try {
      const { pages } = await layoutFacilityPosters(policy, facility, { dateStyle: options.dateStyle, background: options.background, asOf, designs: options.designs });
      if (pages.some((p) => p.layout.overflow)) continue;
      lines.push(...facilityOrderLines(facility, files[i]!, pages, isoDate(asOf)));
    } catch (error) {
      if (!(error instanceof NafudaError)) throw error;
    }
  }
  return lines;
}

/** How many row problems a "nothing could be made" message quotes before "and n more". */
const REASONS_QUOTED = 10;

/** Row problems as parts of another message: 「3 行目・「サイズ」列：…」 (the file is the outer message's place). */
export function reasonsOf(errors: readonly RowError[]): { reasons: Message[]; more?: number } {
  const reasons = errors.slice(0, REASONS_QUOTED).map((error): Message => {
    const text: Message = { code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) };
    const where = placeMessage({ row: error.row, sheetRow: error.sheetRow, column: error.column });
    return Object.keys(where.params ?? {}).length === 0 ? text : msg("TEXT_POSTERS_PLACED", { where, text });
  });
  return errors.length > REASONS_QUOTED ? { reasons, more: errors.length - REASONS_QUOTED } : { reasons };
}

/**
 * No poster could be made (every facility failed, or there were none): nothing was written. `errors` says why,
 * facility by facility. (CLI: bad input, exit 2.)
 */
export class PosterBatchError extends NafudaError {
  override name = "PosterBatchError";
  constructor(
    readonly errors: RowError[],
    file?: string,
  ) {
    super(msg("POSTER_NONE_MADE", reasonsOf(errors)), { file });
  }
}

/** A facility's problem as a row error: the render's own message when it has one, with the facility's row. */
export function facilityError(facility: Facility, error: unknown): RowError {
  const place = { row: facility.row, ...(facility.sheetRow !== undefined ? { sheetRow: facility.sheetRow } : {}) };
  if (error instanceof NafudaError) return { ...place, code: error.code, ...(error.params !== undefined ? { params: error.params } : {}) };
  return { ...place, ...msg("POSTER_NOT_MADE", { facility: facility.name, detail: error instanceof Error ? error.message : String(error) }) };
}

/**
 * Makes every poster of a facility list into `outDir`. A bad row does not stop the others. A background PDF is
 * checked first; when no poster can be made, nothing is written and a PosterBatchError says why (the previous
 * run's files, order manifest and summary included, stay as they were). Every file name is unique as file
 * systems compare names, so no poster overwrites another and the order lists what is on disk.
 */
export async function makePosters(
  policy: PosterPolicy,
  facilities: readonly Facility[],
  outDir: string,
  options: PosterBatchOptions = {},
): Promise<PosterBatchResult> {
  if (options.background) {
    const artwork = await checkPosterBackground(options.background);
    // Print-shop mode: RGB or transparent artwork is refused once, before anything is written.
    if (options.printShop) refuseUnreadyArtwork(artwork, options.background.file);
  }
  const asOf = options.asOf ?? localToday();
  const fileNames = facilityFileNames(facilities);
  const orders: OrderLine[] = [];
  const files: string[] = [];
  const errors: RowError[] = [];
  const written = new Set<string>();
  for (const [i, original] of facilities.entries()) {
    const facility = withSizes(original, options.sizes);
    // One file of all its sizes, or (--one-size-per-file) one file per size with an ASCII name.
    const parts = options.oneSizePerFile
      ? facility.sizes.map((size) => ({ file: `${facilityCodeStem(facility, i)}_${size}.pdf`, sizes: [size] as PosterSize[] }))
      : [{ file: fileNames[i]!, sizes: undefined }];
    const made: { file: string; sizes: readonly PosterSize[]; rendered: Awaited<ReturnType<typeof renderFacilityPosterFile>> }[] = [];
    try {
      for (const part of parts) {
        made.push({
          file: part.file,
          sizes: part.sizes ?? facility.sizes,
          rendered: await renderFacilityPosterFile(policy, facility, { ...(part.sizes ? { sizes: part.sizes } : {}), ...posterFileOptions(options, asOf) }),
        });
      }
    } catch (error) {
      errors.push(facilityError(facility, error));
      continue;
    }
    for (const { file, sizes, rendered } of made) {
      // safeFileStems (and unique codes) make names unique; this only guards against a change ever overwriting a poster.
      if (written.has(fileNameKey(file))) throw new Error(formatMessage(msg("POSTER_INTERNAL_ERROR", { detail: `two facilities would write ${file}` })));
      written.add(fileNameKey(file));
      // A file that cannot be written (full disk, no permission) stops the batch: OutputFileError names it.
      await writeFileAtomic(pathInside(outDir, file), rendered.pdf);
      files.push(file);
      orders.push(...facilityOrderLines(facility, file, rendered.pages, isoDate(asOf)));
      options.onFile?.({ facility, file, sizes });
    }
  }
  if (files.length === 0) throw new PosterBatchError(errors);
  const lang = options.lang ?? defaultLang();
  const order = mergeOrder(await previousOrder(outDir), orders, POSTER_PRODUCTS, (name) => existsSync(pathInside(outDir, name)));
  files.push(...(await writeOrder(outDir, order, posterOrderInfo(policy, options, lang))));
  return { orders, order, files, errors };
}

/** A facility list that cannot be used at all (empty, or no row usable). (CLI: bad input, exit 2.) */
export class FacilityListError extends NafudaError {
  override name = "FacilityListFileError";
  declare readonly file: string;
  constructor(file: string, message: CodedMessage) {
    super(message, { file });
  }
}

/**
 * Reads the policy and facility list, then makes everything. Policy errors, a facility list with nothing to make,
 * and a batch that made no poster throw (nothing is written).
 */
export async function runPosterBatch(
  facilitiesPath: string,
  policyPath: string,
  outDir: string,
  options: PosterBatchOptions & { sheet?: string } = {},
): Promise<PosterBatchResult> {
  const policy = await loadPolicy(policyPath);
  const list = await readFacilities(facilitiesPath, { policy, sheet: options.sheet });
  if (list.facilities.length === 0) {
    // Nothing usable at all: bad input, and nothing is written (not even an empty order).
    throw new FacilityListError(facilitiesPath, msg("FACILITY_LIST_NOTHING_TO_MAKE", reasonsOf(list.errors)));
  }
  let result: PosterBatchResult;
  try {
    result = await makePosters(policy, list.facilities, outDir, options);
  } catch (error) {
    if (error instanceof PosterBatchError && error.file === undefined) {
      throw new PosterBatchError([...list.errors, ...error.errors].map((e) => ({ ...e, file: e.file ?? facilitiesPath })), facilitiesPath);
    }
    throw error;
  }
  return { ...result, errors: [...list.errors.map((e) => ({ ...e, file: e.file ?? facilitiesPath })), ...result.errors.map((e) => ({ ...e, file: facilitiesPath }))] };
}
