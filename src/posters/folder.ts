/**
 * The print order as files in memory: what `nafuda posters` and then `nafuda signs` leave in their output folder
 * (each facility's posters, its counter sign and phone stickers, the order manifest and the order summary), made
 * without touching the disk, and that folder as one ZIP. For the web page, which hands the print shop's order over
 * as a download: same input and options, same bytes, file for file the same as the command line's folder.
 */
import { zipSync, type Zippable } from "fflate";
import { safeFileStems } from "../io/safe-file-names.js";
import { defaultLang } from "../messages/lang.js";
import { formatMessage, msg } from "../messages/message.js";
import type { RowError } from "../model.js";
import { facilityError, facilityFileNames, facilityOrderLines, PosterBatchError, posterFileOptions, posterOrderInfo, withSizes, type PosterBatchOptions } from "./batch.js";
import { isoDate, localToday, type CalendarDate } from "./dates.js";
import type { Facility } from "./facilities.js";
import { MANIFEST_FILE, orderManifestCsv, orderSummaryPdf, SUMMARY_FILE, type OrderLine } from "./order.js";
import type { PosterPolicy } from "./policy.js";
import { checkPosterBackground, refuseUnreadyArtwork, renderFacilityPosterFile } from "./render.js";
import { renderFacilitySigns, signOrderInfo } from "../signs/batch.js";

export interface PosterFolderFile {
  /** The file's name in the folder, as the command line names it (src/io/safe-file-names.ts). */
  name: string;
  bytes: Uint8Array;
}

/** As the posters command's options, but always one file per facility (the page's ZIP keeps to that). */
export interface PosterFolderOptions extends Omit<PosterBatchOptions, "onFile" | "oneSizePerFile"> {
  /** Make the recording signs too (default true), as `nafuda signs` would into the same folder. */
  signs?: boolean;
}

export interface PosterFolder {
  /** Facility by facility in list order (posters, counter sign, phone stickers), then the manifest and the summary. */
  files: PosterFolderFile[];
  /** The order: every poster page, then every sign, as the folder's manifest lists them. */
  order: OrderLine[];
  /** Facilities (or their signs) that could not be made, and why; the others are in the folder. */
  errors: RowError[];
  /** The printing date the files were made for. */
  asOf: CalendarDate;
}

/**
 * Makes the whole print order in memory. A facility that cannot be made does not stop the others (its row error is
 * in `errors`); when nothing at all can be made, a PosterBatchError says why.
 */
export async function makePosterFolder(policy: PosterPolicy, facilities: readonly Facility[], options: PosterFolderOptions = {}): Promise<PosterFolder> {
  if (options.background) {
    const artwork = await checkPosterBackground(options.background);
    if (options.printShop) refuseUnreadyArtwork(artwork, options.background.file);
  }
  const asOf = options.asOf ?? localToday();
  const lang = options.lang ?? defaultLang();
  const posterNames = facilityFileNames(facilities);
  const stems = safeFileStems(facilities.map((f) => f.name));
  const files: PosterFolderFile[] = [];
  const posterLines: OrderLine[] = [];
  const signLines: OrderLine[] = [];
  const errors: RowError[] = [];
  for (const [i, original] of facilities.entries()) {
    const facility = withSizes(original, options.sizes);
    try {
      const rendered = await renderFacilityPosterFile(policy, facility, posterFileOptions(options, asOf));
      files.push({ name: posterNames[i]!, bytes: rendered.pdf });
      posterLines.push(...facilityOrderLines(facility, posterNames[i]!, rendered.pages, isoDate(asOf)));
    } catch (error) {
      errors.push(facilityError(facility, error));
    }
    if (options.signs === false) continue;
    try {
      const signs = await renderFacilitySigns(policy, original, stems[i]!, { bleed: options.bleed, cropMarks: options.cropMarks, printShop: options.printShop, date: options.date, dateStyle: options.dateStyle, asOf, lang });
      for (const sign of signs) {
        files.push({ name: sign.file, bytes: sign.signs.pdf });
        signLines.push(...sign.lines);
      }
    } catch (error) {
      errors.push(facilityError(original, error));
    }
  }
  if (files.length === 0) throw new PosterBatchError(errors);
  const order = [...posterLines, ...signLines];
  // The heading the command line's last run writes: the signs' when there are signs (the same words either way).
  const info = signLines.length > 0 ? signOrderInfo(policy, options, lang) : posterOrderInfo(policy, options, lang);
  files.push({ name: MANIFEST_FILE, bytes: new TextEncoder().encode(orderManifestCsv(order, lang)) });
  files.push({ name: SUMMARY_FILE, bytes: await orderSummaryPdf(order, info) });
  return { files, order, errors, asOf };
}

/**
 * "Made by" Unix with a plain file's mode (rw-r--r--): Info-ZIP's unzip then takes the names as the UTF-8 they are
 * (made by MS-DOS, it would read them as an OEM code page, whatever the flag says); Windows Explorer and 7-Zip go by
 * the UTF-8 flag either way.
 */
const UNIX_FILE_ATTRS = (0o100644 << 16) >>> 0;

/**
 * The folder as a ZIP, the files at its top level in the folder's order. Names are UTF-8 with the ZIP's UTF-8 flag
 * (bit 11) set on every non-ASCII name, so that Windows Explorer shows 本庁舎 市民課窓口.pdf rather than mojibake.
 * Every entry is dated `date` (default: the folder's printing date) at noon: same folder, same bytes.
 */
export function posterFolderZip(folder: Pick<PosterFolder, "files" | "asOf">, options: { date?: CalendarDate } = {}): Uint8Array {
  const date = options.date ?? folder.asOf;
  // fflate writes the DOS time from the local calendar fields of this Date: built from local fields, the same
  // fields come back whatever the time zone.
  const mtime = new Date(Math.max(1980, Math.min(2099, date.year)), date.month - 1, date.day, 12, 0, 0);
  const entries: Zippable = {};
  for (const file of folder.files) {
    // safeFileStems makes names unique; this only guards against a change there ever dropping a file from the ZIP.
    if (Object.hasOwn(entries, file.name)) throw new Error(formatMessage(msg("POSTER_INTERNAL_ERROR", { detail: `two files named ${file.name} in one folder` })));
    // PDFs are compressed inside already (deflating them gains about 1 %): stored; the CSV deflated.
    entries[file.name] = [file.bytes, { mtime, level: file.name.endsWith(".pdf") ? 0 : 6, os: 3, attrs: UNIX_FILE_ATTRS }];
  }
  return zipSync(entries);
}
