import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { bundledPath } from "../package-root.js";
import { BUILTIN_TEMPLATES } from "../badges/template.js";
import {
  PageForm,
  allPostersPdf,
  badgesPdf,
  confirmedCsv,
  facilityPosterPdf,
  posterManifestCsv,
  posterSummaryPdf,
  postersCheck,
  previewResponse,
  readingsResponse,
  singleBadgePdf,
} from "./api.js";
import { japanese, PageError } from "./messages.js";
import { RosterFileError } from "../roster/errors.js";
import { PolicyError } from "../posters/policy.js";
import { TemplateError } from "../badges/template.js";
import { SHEET_PRESETS, SheetError } from "../geometry/sheets.js";

/**
 * `nafuda serve`: a local web page over the library, for people who work in Excel rather than a terminal.
 *
 * - Binds 127.0.0.1 only, and answers only requests whose Host is localhost or 127.0.0.1 on its own port
 *   (a page on another site that rebinds its DNS name to 127.0.0.1 gets 403), and POSTs only from its own origin.
 * - Uploads are read into memory, up to a limit (413 past it), and dropped when the request ends: nothing is
 *   written to disk; every file the person wants back is a download.
 * - Serves its page, script, style and fonts from the package: no CDN, no request leaves the machine.
 */
export interface ServeOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 0. */
  port?: number;
  /** Largest request body accepted, bytes. Default 32 MiB. */
  maxUploadBytes?: number;
  /** Called with one line per request that failed unexpectedly (default: stderr). */
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
export const LOOPBACK = "127.0.0.1";

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
  "/style.css": ["style.css", "text/css; charset=utf-8"],
  "/favicon.svg": ["favicon.svg", "image/svg+xml"],
};
const FONT_FILES = ["BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"];

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
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
    "frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
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

function sendError(res: ServerResponse, status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: message, ...extra }, headers);
}

/** Content-Disposition for a Japanese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The body, up to `limit` bytes; past it, null (the caller answers 413). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
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

type Handler = (form: PageForm, res: ServerResponse) => Promise<void>;

const pdfHeaders = (fileName: string, inline = false) => ({ "Content-Disposition": attachment(fileName, inline) });

const ROUTES: Record<string, Handler> = {
  "/api/readings": async (form, res) => sendJson(res, 200, await readingsResponse(form)),
  "/api/preview": async (form, res) => sendJson(res, 200, await previewResponse(form)),
  "/api/badge.pdf": async (form, res) => {
    const { pdf, fileName } = await singleBadgePdf(form);
    send(res, 200, "application/pdf", pdf, pdfHeaders(fileName, true));
  },
  "/api/badges.pdf": async (form, res) => {
    const result = await badgesPdf(form);
    send(res, 200, "application/pdf", result.pdf, {
      ...pdfHeaders(result.fileName),
      "X-Nafuda-Report": encodeURIComponent(
        JSON.stringify({
          badges: result.badges,
          pages: result.pages,
          sheet: result.sheet,
          unreviewed: result.unreviewed,
          leftOut: result.leftOut.slice(0, 30),
          leftOutCount: result.leftOut.length,
          warnings: result.warnings.slice(0, 30),
          warningCount: result.warnings.length,
        }),
      ),
    });
  },
  "/api/confirmed.csv": async (form, res) => {
    const { csv, fileName } = await confirmedCsv(form);
    send(res, 200, "text/csv; charset=utf-8", csv, pdfHeaders(fileName));
  },
  "/api/posters/check": async (form, res) => sendJson(res, 200, await postersCheck(form)),
  "/api/posters/facility.pdf": async (form, res) => {
    const { pdf, fileName } = await facilityPosterPdf(form);
    send(res, 200, "application/pdf", pdf, pdfHeaders(fileName));
  },
  "/api/posters/all.pdf": async (form, res) => {
    const { pdf, fileName } = await allPostersPdf(form);
    send(res, 200, "application/pdf", pdf, pdfHeaders(fileName));
  },
  "/api/posters/summary.pdf": async (form, res) => {
    const { pdf, fileName } = await posterSummaryPdf(form);
    send(res, 200, "application/pdf", pdf, pdfHeaders(fileName));
  },
  "/api/posters/manifest.csv": async (form, res) => {
    const { csv, fileName } = await posterManifestCsv(form);
    send(res, 200, "text/csv; charset=utf-8", csv, pdfHeaders(fileName));
  },
};

const SHEET_LABELS: Record<string, string> = {
  "a4-10up": "A4 名刺10面（91×55mm）",
  "a4-8up-card": "A4 カード8面（85.6×54mm）",
  "a4-1up": "A4 1枚に1人",
  single: "1人1ページ・トンボ付き（印刷会社向け）",
};
const TEMPLATE_LABELS: Record<string, string> = {
  standard: "名刺サイズ（91×55mm）",
  card: "カードサイズ（85.6×54mm）",
  "standard-duplex": "名刺サイズ・両面",
  band: "名刺サイズ・色帯デザイン",
};

function info(maxUploadBytes: number) {
  return {
    maxUploadBytes,
    maxUpload: megabytes(maxUploadBytes),
    templates: BUILTIN_TEMPLATES.map((name) => ({ name, label: TEMPLATE_LABELS[name] ?? name })),
    sheets: Object.keys(SHEET_PRESETS).map((name) => ({ name, label: SHEET_LABELS[name] ?? name })),
  };
}

/** The request handler, for tests that want it without a socket. */
export function requestHandler(options: { port: () => number; maxUploadBytes?: number; log?: (line: string) => void }) {
  const assets = loadAssets();
  const limit = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const port = options.port();
    if (!isAllowedHost(req.headers.host, port)) {
      req.resume();
      sendError(res, 403, `このページは http://127.0.0.1:${port}/ で開いてください。`, {}, { Connection: "close" });
      return;
    }
    const path = (req.url ?? "/").split("?")[0]!;
    if (req.method === "GET" || req.method === "HEAD") {
      req.resume();
      if (path === "/api/info") return sendJson(res, 200, info(limit));
      const asset = assets.get(path);
      if (!asset) return sendError(res, 404, "ページが見つかりません。");
      res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": asset.type, "Content-Length": String(asset.body.length), "Cache-Control": asset.cache });
      res.end(req.method === "HEAD" ? undefined : asset.body);
      return;
    }
    const handler = ROUTES[path];
    if (req.method !== "POST" || !handler) {
      req.resume();
      return sendError(res, handler ? 405 : 404, handler ? "この操作はできません。" : "ページが見つかりません。");
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      req.resume();
      return sendError(res, 403, "ほかのサイトからの操作は受け付けません。", {}, { Connection: "close" });
    }
    const tooLarge = () =>
      sendError(res, 413, `ファイルが大きすぎます（上限 ${megabytes(limit)}）。名簿を所属ごとなどに分けるか、不要な列やシートを消してから選んでください。`, { limit }, { Connection: "close" });
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge();
      req.resume(); // let the client finish sending; the connection closes after the answer
      return;
    }
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
    const type = req.headers["content-type"] ?? "";
    if (!/^multipart\/form-data;/i.test(type)) return sendError(res, 415, "ファイルはフォームで送ってください（このページから操作してください）。");
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": type } }).formData();
    } catch {
      return sendError(res, 400, "送られたデータが読み取れませんでした。もう一度ファイルを選んでください。");
    }
    body = null;
    try {
      await handler(new PageForm(form), res);
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof PageError) {
        sendError(res, error.status, error.message, { ...(error.detail ? { detail: error.detail } : {}), ...error.extra });
      } else if (error instanceof RosterFileError || error instanceof PolicyError || error instanceof TemplateError || error instanceof SheetError) {
        // Input problems the API did not word itself: still the library's plain message, not "unexpected".
        sendError(res, 422, japanese(error.message), { detail: error.message });
      } else {
        log(`nafuda serve: ${req.method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        sendError(res, 500, "思いがけないエラーで処理できませんでした。ファイルを確かめて、もう一度お試しください。続く場合は、画面の内容とファイルを担当者に知らせてください。", {
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
}

/** Starts the server on 127.0.0.1. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  let port = options.port ?? 0;
  const handler = requestHandler({
    port: () => port,
    ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, "思いがけないエラーで処理できませんでした。");
      (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)))(`nafuda serve: ${String(error)}`);
    });
  });
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
    port,
    url: `http://${LOOPBACK}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
