import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { AddressInfo } from "node:net";
import { bundledPath } from "../package-root.js";
import { loadTemplate } from "../badges/template.js";
import type { SurnameAnalyzer } from "../readings/analyzer.js";
import {
  PageForm,
  badgesPdf,
  confirmedCsv,
  confirmedXlsx,
  facilityPosterPdf,
  facilitySignPdf,
  parseEdit,
  posterManifestCsv,
  posterSummaryPdf,
  posterZip,
  postersCheck,
  starterFacilities,
  starterPolicy,
  readingOptions,
  readingsResponse,
  sheetOf,
  singleBadgePdf,
  templateOf,
  type BadgesPdf,
  type PosterZip,
} from "./api.js";
import { createEngine, type Engine, type PageDefaults } from "./engine.js";
import { cellsPerPage, Work, WORK_IDLE_MS, WorkStore, type EditChange, type PrintSettings } from "./work.js";
import { errorBody, inputProblem, PageError, pageProblem, pageTexts, type PageProblem, type PageRowError } from "./messages.js";
import { SHEET_PRESETS } from "../geometry/sheets.js";
import { DEFAULT_TABLE_LIMITS, type TableLimits } from "../roster/limits.js";
import { formatMessage, msg, type CodedMessage, type Message } from "../messages/message.js";
import { formatBytes } from "../messages/general.js";
import { defaultLang, parseLang, type Lang } from "../messages/lang.js";

/**
 * `nafuda serve`: a local web page over the library, for people who work in Excel rather than a terminal.
 *
 * - Binds 127.0.0.1 only, and answers only requests whose Host is localhost or 127.0.0.1 on its own port
 *   (a page on another site that rebinds its DNS name to 127.0.0.1 gets 403), and POSTs only from its own origin.
 * - Uploads are read into memory, up to a limit (413 past it): nothing is written to disk; every file the person
 *   wants back is a download. The form API (/api/readings, …) forgets them when the request ends; the page's
 *   working roster (/api/work, src/serve/work.ts) keeps one roster and its corrections in memory, found again by
 *   an opaque random id, until a new roster replaces it, it is idle for WORK_IDLE_MS (8 hours), the page ends it,
 *   or the server stops.
 * - Every request is bounded: its body by the upload limit and a time to arrive in, the tables it holds by the
 *   table limits (src/roster/limits.ts, tied here to the upload limit), and at most a few requests are worked on
 *   at once (the rest wait their turn). A request that fails gets its answer (422 with the library's message
 *   and code for a file it cannot use, 500 for the server's own failure) and the server goes on serving.
 * - Serves its page, script, style, fonts and pdf.js (pdfjs-dist, which draws the badge and sheet previews from the
 *   PDF itself) from the package: no CDN, no request leaves the machine.
 * - Answers in the language the request asks for (a `lang` form field or query parameter: ja, the default, or en).
 */
export interface ServeOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 0. */
  port?: number;
  /** Largest request body accepted, bytes. Default 100 MiB (DEFAULT_MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
  /** Bounds for the tables a request holds; default: the library's, with the file and XLSX part sizes tied to the upload limit. */
  tableLimits?: Partial<TableLimits>;
  /** Requests worked on at once (default 2); more wait their turn, up to 32, past which they get 503. */
  concurrency?: number;
  /** Called with one line per request that failed unexpectedly (default: stderr). */
  log?: (line: string) => void;
  /** A working roster no request touches for this long is freed (default WORK_IDLE_MS: 8 hours). */
  workIdleMs?: number;
  /** The fallback analyzer for surnames no dictionary knows (default: kuroshiro, loaded on first use). */
  analyzer?: SurnameAnalyzer;
  /** Badge templates offered besides the built-in ones: name → template JSON path (e.g. the city's own design). */
  templates?: Record<string, string>;
  /** What the page starts with: romaji system and case, foreign names' script, the template (a city's config). */
  defaults?: Partial<PageDefaults>;
}

export interface RunningServer {
  server: Server;
  /** The working roster (one at a time, in memory). */
  store: WorkStore;
  port: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

/**
 * 100 MiB: a roster of 200,000 staff and its confirmed readings file in one request. Measured: an HR export of
 * 200,000 staff with 12 columns is 50 MiB as CSV (11.5 MiB as XLSX), a roster with the example's 6 columns
 * 15 MiB (5 MiB as XLSX), and the review sheet of 200,000 staff 14 MiB as CSV (9 MiB as XLSX).
 */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const LOOPBACK = "127.0.0.1";
/** Time for a request (headers and body) to arrive; a client that sends slower is cut off (408). */
export const REQUEST_TIMEOUT_MS = 120_000;
const HEADERS_TIMEOUT_MS = 20_000;
const DEFAULT_CONCURRENCY = 2;
const MAX_WAITING = 32;

/**
 * The table limits for a server with this upload limit: no file larger than the upload, and no XLSX part inflating
 * past 16 times it (an XLSX sheet is 8–9 times its file, measured on the rosters above), within the library's own.
 */
export function serveTableLimits(maxUploadBytes: number, overrides: Partial<TableLimits> = {}): Partial<TableLimits> {
  return {
    maxFileBytes: Math.min(DEFAULT_TABLE_LIMITS.maxFileBytes, maxUploadBytes),
    xlsxMaxPartBytes: Math.min(DEFAULT_TABLE_LIMITS.xlsxMaxPartBytes, Math.max(1024 * 1024, 16 * maxUploadBytes)),
    ...overrides,
  };
}

interface Asset {
  type: string;
  body: Buffer;
  /** Fonts are large and never change while the server runs. */
  cache: string;
}

const WEB_FILES: Record<string, [string, string]> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/index.html": ["index.html", "text/html; charset=utf-8"],
  "/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/table.js": ["table.js", "text/javascript; charset=utf-8"],
  "/pdf-view.js": ["pdf-view.js", "text/javascript; charset=utf-8"],
  "/style.css": ["style.css", "text/css; charset=utf-8"],
  "/favicon.svg": ["favicon.svg", "image/svg+xml"],
};
const FONT_FILES = ["BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"];

/**
 * pdf.js (pdfjs-dist, its legacy build: it runs in older Edge and Chrome too) as the page loads it: the library and
 * its worker, the CMaps and standard fonts for PDFs that do not embed theirs, the WebAssembly decoders (JPEG 2000,
 * JBIG2, ICC colour) and its ICC profile. Served from the installed package under /pdfjs/.
 */
const PDFJS_FOLDERS: Record<string, { under: string; type: (file: string) => string | null }> = {
  "": { under: "legacy/build", type: (file) => (file === "pdf.min.mjs" || file === "pdf.worker.min.mjs" ? "text/javascript; charset=utf-8" : null) },
  "cmaps/": { under: "cmaps", type: (file) => (file.endsWith(".bcmap") ? "application/octet-stream" : null) },
  "standard_fonts/": { under: "standard_fonts", type: (file) => (/\.(pfb|ttf)$/.test(file) ? "application/octet-stream" : null) },
  "wasm/": { under: "wasm", type: (file) => (file.endsWith(".wasm") ? "application/wasm" : file.endsWith(".js") ? "text/javascript; charset=utf-8" : null) },
  "iccs/": { under: "iccs", type: (file) => (file.endsWith(".icc") ? "application/octet-stream" : null) },
};

/** The installed pdfjs-dist folder. */
export function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
}

/** Every file of pdf.js the page may ask for, by URL path: read on first request, then kept. */
function pdfjsFiles(): Map<string, { path: string; type: string }> {
  const root = pdfjsRoot();
  const files = new Map<string, { path: string; type: string }>();
  for (const [prefix, { under, type }] of Object.entries(PDFJS_FOLDERS)) {
    for (const file of readdirSync(join(root, under))) {
      const kind = type(file);
      if (kind) files.set(`/pdfjs/${prefix}${file}`, { path: join(root, under, file), type: kind });
    }
  }
  return files;
}

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [path, [file, type]] of Object.entries(WEB_FILES)) {
    assets.set(path, { type, body: readFileSync(bundledPath("web", file)), cache: "no-cache" });
  }
  for (const file of FONT_FILES) {
    assets.set(`/fonts/${file}`, { type: "font/ttf", body: readFileSync(bundledPath("fonts", file)), cache: "max-age=86400" });
  }
  return assets;
}

const SECURITY_HEADERS: Record<string, string> = {
  // 'wasm-unsafe-eval' lets pdf.js compile its WebAssembly decoders (JPEG 2000, JBIG2, ICC colour); it allows no
  // eval of script.
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; font-src 'self'; " +
    "img-src 'self' data: blob:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Resource-Policy": "same-origin",
};

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, "Content-Length": String(bytes.length), "Cache-Control": "no-store", ...headers });
  res.end(bytes);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value), headers);
}

/** An error answer: { error, code, where, place, … } in the request's language. */
function sendProblem(res: ServerResponse, status: number, problem: PageProblem, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendJson(res, status, errorBody(problem, extra), headers);
}

function sendMessage(res: ServerResponse, lang: Lang, status: number, message: Message, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendProblem(res, status, pageProblem(message, {}, lang), extra, headers);
}

/** Content-Disposition for a Japanese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The body, up to `limit` bytes; past it, null (the caller answers 413). Rejects when the client goes away. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (req.destroyed) return reject(new Error("the client went away"));
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
    req.on("close", () => {
      if (done) return;
      done = true;
      reject(new Error("the client went away"));
    });
  });
}

/** The Host header names this server: localhost or 127.0.0.1 on its port (DNS rebinding gets 403). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // not a browser's cross-site request (curl, tests)
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** What a request handler may use besides its form: the working roster, the server's engine, the request. */
interface Context {
  store: WorkStore;
  engine: Engine;
  port: number;
  req: IncomingMessage;
}

type Handler = (form: PageForm, res: ServerResponse, context: Context) => Promise<void>;

const fileHeaders = (fileName: string, inline = false) => ({ "Content-Disposition": attachment(fileName, inline) });

/** The X-Nafuda-Report header is at most this long (encoded): clients refuse large headers (Node's at 16 KB). */
export const REPORT_HEADER_BYTES = 4096;

/**
 * What the badge PDF left out, for the X-Nafuda-Report header: the counts, the counts by code, and as many rows as
 * fit in REPORT_HEADER_BYTES (each message cut at 200 characters). The rows that fail readings are also in the
 * page's table; the counts are always complete.
 */
export function badgeReport(result: Pick<BadgesPdf, "badges" | "pages" | "sheet" | "unreviewed" | "leftOut" | "warnings">): string {
  const tally = (list: readonly PageRowError[]) => {
    const counts: Record<string, number> = {};
    for (const item of list) if (item.code in counts || Object.keys(counts).length < 20) counts[item.code] = (counts[item.code] ?? 0) + 1;
    return counts;
  };
  const item = (e: PageRowError) => ({
    row: e.row, sheetRow: e.sheetRow, name: e.name ? e.name.slice(0, 40) : null, code: e.code,
    message: e.message.length > 200 ? `${e.message.slice(0, 199)}…` : e.message,
  });
  const report = {
    badges: result.badges,
    pages: result.pages,
    sheet: result.sheet,
    unreviewed: result.unreviewed,
    leftOutCount: result.leftOut.length,
    leftOutCodes: tally(result.leftOut),
    leftOut: [] as ReturnType<typeof item>[],
    warningCount: result.warnings.length,
    warningCodes: tally(result.warnings),
    warnings: [] as ReturnType<typeof item>[],
  };
  const encode = () => encodeURIComponent(JSON.stringify(report));
  let encoded = encode();
  for (const [from, into] of [[result.leftOut, report.leftOut], [result.warnings, report.warnings]] as const) {
    for (const e of from) {
      into.push(item(e));
      const next = encode();
      if (next.length > REPORT_HEADER_BYTES) {
        into.pop();
        break;
      }
      encoded = next;
    }
  }
  return encoded;
}

/**
 * What the ZIP holds and left out, for its X-Nafuda-Report header: the file count, the count of problems, and as many
 * of them (each cut at 200 characters) as fit in REPORT_HEADER_BYTES.
 */
export function folderReport(result: Pick<PosterZip, "files" | "errors">): string {
  const report = { files: result.files.length, errorCount: result.errors.length, errors: [] as { where: string; text: string; code: string }[] };
  let encoded = encodeURIComponent(JSON.stringify(report));
  for (const e of result.errors) {
    report.errors.push({ where: e.where, text: e.text.length > 200 ? `${e.text.slice(0, 199)}…` : e.text, code: e.code });
    const next = encodeURIComponent(JSON.stringify(report));
    if (next.length > REPORT_HEADER_BYTES) {
      report.errors.pop();
      break;
    }
    encoded = next;
  }
  return encoded;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The header that names the working roster a request is about (the page got the id when it uploaded). */
export const WORK_HEADER = "x-nafuda-work";

/** The cookie that lets a reload (or the page opened again) find the working roster: per port, HttpOnly, this site only. */
export function workCookieName(port: number): string {
  return `nafuda_work_${port}`;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

function workCookie(port: number, id: string | null): string {
  return id === null
    ? `${workCookieName(port)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`
    : `${workCookieName(port)}=${id}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The working roster the request names (X-Nafuda-Work), or 410 when it has been replaced, freed or never was. */
function workOf(context: Context): Work {
  const header = context.req.headers[WORK_HEADER];
  const work = context.store.find(typeof header === "string" ? header : null);
  if (!work) throw new PageError(410, msg("SERVE_WORK_GONE", { hours: context.store.idleMs / 3_600_000 }));
  return work;
}

function workView(work: Work, form: PageForm, context: Context) {
  return work.view(form.lang, context.store.idleMs);
}

/** A report of the PDF made, for its X-Nafuda-Report header (see badgeReport). */
function sendSheet(res: ServerResponse, result: BadgesPdf): void {
  send(res, 200, "application/pdf", result.pdf, { ...fileHeaders(result.fileName), "X-Nafuda-Report": badgeReport(result) });
}

/** The print settings a form gives, on top of the work's current ones; the first free cell checked against the sheet. */
async function printSettings(form: PageForm, work: Work): Promise<{ settings: PrintSettings; template: string; sheet: string | undefined }> {
  const current = work.print;
  const { name: template, source } = templateOf(form, current.template);
  const sheet = sheetOf(form, current.sheet);
  const people = form.text("people") ?? current.people;
  if (people !== "all" && people !== "chosen") throw new PageError(400, msg("SERVE_PEOPLE_UNREADABLE"));
  let chosen = current.chosen;
  const chosenText = form.text("chosen");
  if (chosenText !== null) {
    let raw: unknown;
    try {
      raw = JSON.parse(chosenText);
    } catch {
      throw new PageError(400, msg("SERVE_PEOPLE_UNREADABLE"));
    }
    if (!Array.isArray(raw) || !raw.every((row) => Number.isInteger(row))) throw new PageError(400, msg("SERVE_PEOPLE_UNREADABLE"));
    chosen = work.knownRows(raw as number[]);
  }
  const startText = form.text("startAt");
  const startAt = startText === null || startText === "" ? current.startAt : Number(startText);
  const { cells } = await cellsPerPage(source, sheet);
  const start = startText === null && startAt > cells ? 1 : startAt;
  if (!Number.isInteger(start) || start < 1 || start > cells) throw new PageError(400, msg("SERVE_START_CELL_OUT_OF_RANGE", { cells }));
  const cutGuides = form.has("cutGuides") ? form.flag("cutGuides") : current.cutGuides;
  return { settings: { people, chosen, template, sheet: sheet ?? "auto", startAt: start, cutGuides }, template: source, sheet };
}

const ROUTES: Record<string, Handler> = {
  // --- the form API: every request carries its files
  "/api/readings": async (form, res) => sendJson(res, 200, await readingsResponse(form)),
  "/api/badge.pdf": async (form, res) => {
    const { pdf, fileName } = await singleBadgePdf(form);
    send(res, 200, "application/pdf", pdf, fileHeaders(fileName, true));
  },
  "/api/badges.pdf": async (form, res) => sendSheet(res, await badgesPdf(form)),
  "/api/confirmed.csv": async (form, res) => {
    const { csv, fileName } = await confirmedCsv(form);
    send(res, 200, "text/csv; charset=utf-8", csv, fileHeaders(fileName));
  },
  "/api/confirmed.xlsx": async (form, res) => {
    const { xlsx, fileName } = await confirmedXlsx(form);
    send(res, 200, XLSX_TYPE, xlsx, fileHeaders(fileName));
  },

  // --- the working roster: the page's files read once, kept in memory with its corrections
  "/api/work": async (form, res, context) => {
    const roster = await form.requireFile("roster", msg("SERVE_TEXT_ROSTER_FILE"));
    const confirmed = await form.file("confirmed");
    const { store } = context;
    let work: Work;
    try {
      work = await Work.open(context.engine, form.limits, roster, confirmed, readingOptions(form, context.engine.defaults), (activity) => (store.activity = activity));
    } finally {
      store.activity = null;
    }
    store.install(work);
    sendJson(res, 200, workView(work, form, context), { "Set-Cookie": workCookie(context.port, work.id) });
  },
  "/api/work/confirmed": async (form, res, context) => {
    const work = workOf(context);
    const file = form.flag("remove") ? null : await form.requireFile("confirmed", msg("SERVE_TEXT_CONFIRMED_FILE"));
    await work.run(() => work.setConfirmed(file, (activity) => (context.store.activity = activity)));
    sendJson(res, 200, workView(work, form, context));
  },
  "/api/work/options": async (form, res, context) => {
    const work = workOf(context);
    const options = readingOptions(form, work.options);
    await work.run(() => work.setOptions(options));
    sendJson(res, 200, workView(work, form, context));
  },
  "/api/work/edit": async (form, res, context) => {
    const work = workOf(context);
    const row = Number(form.text("row"));
    if (form.text("row") === null || !Number.isInteger(row)) throw new PageError(400, msg("SERVE_ROW_UNKNOWN"));
    let change: EditChange | null = null;
    if (!form.flag("revert")) {
      const edit = parseEdit({ row, name: "", kana: form.text("kana") ?? "", romaji: form.text("romaji"), pair: form.flag("pair") });
      if (!edit) throw new PageError(400, msg("SERVE_EDITS_UNREADABLE"));
      change = { kana: edit.kana, romaji: edit.romaji, pair: edit.pair, romajiTyped: edit.romaji !== null && form.flag("romajiTyped") };
    }
    await work.run(() => work.edit(row, change, form.lang));
    sendJson(res, 200, { row: work.row(row, form.lang), summary: work.summary(), unsaved: work.unsaved() });
  },
  "/api/work/print": async (form, res, context) => {
    const work = workOf(context);
    work.print = (await printSettings(form, work)).settings;
    sendJson(res, 200, { print: work.print });
  },
  "/api/work/badge.pdf": async (form, res, context) => {
    const work = workOf(context);
    const row = Number(form.text("row"));
    if (form.text("row") === null || !Number.isInteger(row)) throw new PageError(400, msg("SERVE_ROW_UNKNOWN"));
    // Reads the work as it is: no need to wait for an edit under way (a reading, once made, does not change).
    const { pdf, fileName } = await work.badgePdf(row, templateOf(form, work.print.template).source);
    send(res, 200, "application/pdf", pdf, fileHeaders(fileName, true));
  },
  "/api/work/badges.pdf": async (form, res, context) => {
    const work = workOf(context);
    const { settings, template, sheet } = await printSettings(form, work);
    work.print = settings;
    const result = await work.badgesPdf({
      template, sheet, startAt: settings.startAt, cutGuides: settings.cutGuides, allowUnreviewed: form.flag("allowUnreviewed"),
    }, form.lang);
    sendSheet(res, result);
  },
  "/api/work/confirmed.csv": async (form, res, context) => {
    const work = workOf(context);
    const { csv, fileName } = await work.run(async () => work.confirmedCsv(form.lang));
    send(res, 200, "text/csv; charset=utf-8", csv, fileHeaders(fileName));
  },
  "/api/work/confirmed.xlsx": async (form, res, context) => {
    const work = workOf(context);
    const { xlsx, fileName } = await work.run(() => work.confirmedXlsx(form.lang));
    send(res, 200, XLSX_TYPE, xlsx, fileHeaders(fileName));
  },
  "/api/work/end": async (form, res, context) => {
    const header = context.req.headers[WORK_HEADER];
    const ended = typeof header === "string" && context.store.end(header);
    sendJson(res, 200, { ended }, { "Set-Cookie": workCookie(context.port, null) });
  },

  // --- posters: every request carries its files (the facility list, the policy, the facilities' own policies)
  "/api/posters/starter-policy.yaml": async (form, res) => {
    const { yaml, fileName } = starterPolicy(form);
    send(res, 200, "application/yaml; charset=utf-8", yaml, fileHeaders(fileName));
  },
  "/api/posters/starter-facilities.csv": async (form, res) => {
    const { csv, fileName } = starterFacilities(form);
    send(res, 200, "text/csv; charset=utf-8", csv, fileHeaders(fileName));
  },
  "/api/posters/check": async (form, res) => sendJson(res, 200, await postersCheck(form)),
  // The preview the page draws with pdf.js, and the same file to download.
  "/api/posters/facility.pdf": async (form, res) => {
    const { pdf, fileName, pages } = await facilityPosterPdf(form);
    // What each page is (A4 poster, A4 handout, A3 poster…), for the preview's captions.
    send(res, 200, "application/pdf", pdf, { ...fileHeaders(fileName), "X-Nafuda-Report": encodeURIComponent(JSON.stringify({ pages })) });
  },
  "/api/posters/sign.pdf": async (form, res) => {
    const { pdf, fileName, pieces } = await facilitySignPdf(form);
    send(res, 200, "application/pdf", pdf, { ...fileHeaders(fileName), "X-Nafuda-Report": encodeURIComponent(JSON.stringify({ pieces })) });
  },
  "/api/posters/posters.zip": async (form, res) => {
    const result = await posterZip(form);
    send(res, 200, "application/zip", result.zip, { ...fileHeaders(result.fileName), "X-Nafuda-Report": folderReport(result) });
  },
  "/api/posters/summary.pdf": async (form, res) => {
    const { pdf, fileName } = await posterSummaryPdf(form);
    send(res, 200, "application/pdf", pdf, fileHeaders(fileName));
  },
  "/api/posters/manifest.csv": async (form, res) => {
    const { csv, fileName } = await posterManifestCsv(form);
    send(res, 200, "text/csv; charset=utf-8", csv, fileHeaders(fileName));
  },
};

const SHEET_LABELS: Record<string, CodedMessage> = {
  "a4-10up": msg("SERVE_LABEL_SHEET_A4_10UP"),
  "a4-8up-card": msg("SERVE_LABEL_SHEET_A4_8UP_CARD"),
  "a4-1up": msg("SERVE_LABEL_SHEET_A4_1UP"),
  single: msg("SERVE_LABEL_SHEET_SINGLE"),
};
const TEMPLATE_LABELS: Record<string, CodedMessage> = {
  standard: msg("SERVE_LABEL_TEMPLATE_STANDARD"),
  card: msg("SERVE_LABEL_TEMPLATE_CARD"),
  "standard-duplex": msg("SERVE_LABEL_TEMPLATE_STANDARD_DUPLEX"),
  band: msg("SERVE_LABEL_TEMPLATE_BAND"),
};

/** The page's settings: the templates (each with its size and default sheet) and sheets (each with its cells) offered. */
async function info(maxUploadBytes: number, lang: Lang, engine: Engine, idleMs: number) {
  const label = (labels: Record<string, CodedMessage>, name: string) => (labels[name] ? formatMessage(labels[name]!, lang) : name);
  const templates = await Promise.all([...engine.templates].map(async ([name, source]) => {
    const template = await loadTemplate(source);
    const { sheet } = await cellsPerPage(source, undefined);
    return { name, label: TEMPLATE_LABELS[name] ? label(TEMPLATE_LABELS, name) : template.description ?? name, width: template.width, height: template.height, sheet };
  }));
  return {
    lang,
    maxUploadBytes,
    maxUpload: formatBytes(maxUploadBytes),
    idleHours: idleMs / 3_600_000,
    templates,
    defaults: engine.defaults,
    sheets: Object.entries(SHEET_PRESETS).map(([name, preset]) => ({ name, label: label(SHEET_LABELS, name), columns: preset.columns, rows: preset.rows })),
    texts: pageTexts(lang),
  };
}

/** At most `max` requests at work at once; the others wait their turn, up to `maxWaiting`. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number, private readonly maxWaiting: number) {}

  /** A turn (call the returned function when done), or null when too many are waiting already. */
  enter(): Promise<() => void> | null {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve(release);
    }
    if (this.waiting.length >= this.maxWaiting) return null;
    return new Promise((resolve) => this.waiting.push(() => resolve(release)));
  }
}

/** The language a request asks for in its query (`?lang=en`), for the answers given before its form is read. */
function queryLang(url: string | undefined): Lang {
  const query = (url ?? "").split("?")[1];
  const asked = query ? new URLSearchParams(query).get("lang") : null;
  return parseLang(asked) ?? defaultLang();
}

/** The first line of an unexpected error, for 「くわしい内容」 (never a stack). */
function errorDetail(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 300);
}

/** The request handler, for tests that want it without a socket. */
export function requestHandler(options: {
  port: () => number; maxUploadBytes?: number; tableLimits?: Partial<TableLimits>; concurrency?: number; log?: (line: string) => void;
  workIdleMs?: number; analyzer?: SurnameAnalyzer; templates?: Record<string, string>; defaults?: Partial<PageDefaults>;
}) {
  const assets = loadAssets();
  const pdfjs = pdfjsFiles();
  const engine = createEngine({
    ...(options.analyzer ? { analyzer: options.analyzer } : {}),
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.defaults ? { defaults: options.defaults } : {}),
  });
  const store = new WorkStore(options.workIdleMs ?? WORK_IDLE_MS);
  let infoCache: Map<Lang, Promise<unknown>> = new Map();
  const limit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const limits = serveTableLimits(limit, options.tableLimits);
  const gate = new Gate(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY), MAX_WAITING);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const port = options.port();
    let lang = queryLang(req.url);
    if (!isAllowedHost(req.headers.host, port)) {
      req.resume();
      sendMessage(res, lang, 403, msg("SERVE_WRONG_HOST", { url: `http://127.0.0.1:${port}/` }), {}, { Connection: "close" });
      return;
    }
    const path = (req.url ?? "/").split("?")[0]!;
    if (req.method === "GET" || req.method === "HEAD") {
      req.resume();
      if (path === "/api/info") {
        if (!infoCache.has(lang)) infoCache.set(lang, info(limit, lang, engine, store.idleMs));
        try {
          return sendJson(res, 200, await infoCache.get(lang));
        } catch (error) {
          infoCache = new Map();
          const input = inputProblem(error, lang);
          if (input) return sendProblem(res, 422, input.problem);
          throw error;
        }
      }
      if (path === "/api/status") return sendJson(res, 200, { analyzer: engine.analyzer.state, activity: store.activity });
      if (path === "/api/work") {
        // A reload, or the page opened again: the working roster its cookie (or header) names.
        const header = req.headers[WORK_HEADER];
        const work = store.find(typeof header === "string" ? header : cookie(req, workCookieName(port)));
        if (!work) return sendJson(res, 200, { work: null });
        return sendJson(res, 200, work.view(lang, store.idleMs));
      }
      const pdfjsFile = pdfjs.get(path);
      if (pdfjsFile && !assets.has(path)) assets.set(path, { type: pdfjsFile.type, body: readFileSync(pdfjsFile.path), cache: "max-age=86400" });
      const asset = assets.get(path);
      if (!asset) return sendMessage(res, lang, 404, msg("SERVE_NOT_FOUND"));
      res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": asset.type, "Content-Length": String(asset.body.length), "Cache-Control": asset.cache });
      res.end(req.method === "HEAD" ? undefined : asset.body);
      return;
    }
    const handler = ROUTES[path];
    if (req.method !== "POST" || !handler) {
      req.resume();
      return sendMessage(res, lang, handler ? 405 : 404, msg(handler ? "SERVE_METHOD_NOT_ALLOWED" : "SERVE_NOT_FOUND"));
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      req.resume();
      return sendMessage(res, lang, 403, msg("SERVE_CROSS_SITE"), {}, { Connection: "close" });
    }
    const tooLarge = () => sendMessage(res, lang, 413, msg("SERVE_TOO_LARGE", { limit: formatBytes(limit) }), { limit }, { Connection: "close" });
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge();
      req.resume(); // let the client finish sending; the connection closes after the answer
      return;
    }
    const type = req.headers["content-type"] ?? "";
    if (!/^multipart\/form-data;/i.test(type)) {
      req.resume();
      return sendMessage(res, lang, 415, msg("SERVE_NOT_A_FORM"), {}, { Connection: "close" });
    }
    const turn = gate.enter();
    if (!turn) {
      req.resume();
      return sendMessage(res, lang, 503, msg("SERVE_BUSY"), {}, { Connection: "close", "Retry-After": "5" });
    }
    const release = await turn;
    try {
      let body: Buffer | null;
      try {
        body = await readBody(req, limit);
      } catch {
        return; // the client went away
      }
      if (body === null) {
        tooLarge();
        req.resume();
        return;
      }
      let form: PageForm;
      try {
        const data = await new Response(body, { headers: { "content-type": type } }).formData();
        body = null;
        form = new PageForm(data, limits, lang, engine);
      } catch (error) {
        if (error instanceof PageError) return sendProblem(res, error.status, error.render(lang));
        return sendMessage(res, lang, 400, msg("SERVE_FORM_UNREADABLE"));
      }
      lang = form.lang;
      try {
        await handler(form, res, { store, engine, port, req });
      } catch (error) {
        if (res.headersSent) return;
        if (error instanceof PageError) {
          sendProblem(res, error.status, error.render(lang), {
            ...(error.options.hints ? { hints: error.options.hints.map((hint) => formatMessage(hint, lang)) } : {}),
            ...error.options.extra,
          });
          return;
        }
        const input = inputProblem(error, lang);
        if (input) {
          // A file the library cannot use: its own message and code, and the single problems when it lists them.
          const hints = (error as { hints?: unknown }).hints;
          sendProblem(res, 422, input.problem, {
            ...(input.issues.length > 0 ? { issues: input.issues } : {}),
            ...(Array.isArray(hints) ? { hints: hints.map((hint: Message) => formatMessage(hint, lang)) } : {}),
          });
          return;
        }
        log(`nafuda serve: ${req.method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendMessage(res, lang, 500, msg("SERVE_UNEXPECTED"), { detail: errorDetail(error) });
      }
    } finally {
      release();
    }
  };
  return Object.assign(handle, { store });
}

/** Starts the server on 127.0.0.1. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  let port = options.port ?? 0;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const handler = requestHandler({
    port: () => port,
    ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {}),
    ...(options.tableLimits !== undefined ? { tableLimits: options.tableLimits } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.workIdleMs !== undefined ? { workIdleMs: options.workIdleMs } : {}),
    ...(options.analyzer !== undefined ? { analyzer: options.analyzer } : {}),
    ...(options.templates !== undefined ? { templates: options.templates } : {}),
    ...(options.defaults !== undefined ? { defaults: options.defaults } : {}),
    log,
  });
  const server = createServer((req, res) => {
    res.on("error", () => undefined); // the client went away mid-answer: nothing left to tell it
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendMessage(res, defaultLang(), 500, msg("SERVE_UNEXPECTED"), { detail: errorDetail(error) });
      log(`nafuda serve: ${String(error)}`);
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, LOOPBACK, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    store: handler.store,
    port,
    url: `http://${LOOPBACK}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        handler.store.clear(); // the working roster goes with the server
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
