import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { afterEach } from "vitest";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { basename, join } from "node:path";
import { parseDelimited } from "../../src/roster/delimited.js";
import { DEFAULT_TABLE_LIMITS } from "../../src/roster/limits.js";
import { encodeText } from "../../src/roster/encode-text.js";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
  text(): string;
}

/** One HTTP request to 127.0.0.1:port, with the Host header as given (default: 127.0.0.1:port). */
export function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Uint8Array | string; chunks?: Uint8Array[] },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString("utf8")),
            text: () => body.toString("utf8"),
          });
        });
      },
    );
    // The server may answer (413) and close before a large body is sent: that is the point, not a failure.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ECONNRESET") return;
      reject(error);
    });
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

/** A multipart form as bytes, with its content type, the way a browser's FormData is sent. */
export async function multipart(fields: Record<string, string | { path: string; name?: string } | { bytes: Uint8Array; name: string }>): Promise<{ body: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(key, value);
    else if ("path" in value) form.append(key, new Blob([readFileSync(value.path)]), value.name ?? basename(value.path));
    else form.append(key, new Blob([value.bytes]), value.name);
  }
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), type: response.headers.get("content-type")! };
}

export async function postForm(port: number, path: string, fields: Parameters<typeof multipart>[0], headers: Record<string, string> = {}): Promise<Reply> {
  const { body, type } = await multipart(fields);
  return send(port, { method: "POST", path, headers: { "content-type": type, ...headers }, body });
}

/**
 * What Excel does to a review sheet saved back as CSV on a Japanese PC: 職員番号 loses its leading zeros
 * (00121 → 121), the rows are re-sorted (here by 氏名, descending), and the file is saved as Shift_JIS without a
 * BOM. The title and instruction rows above the header stay where they are.
 */
export function excelDamagedReviewSheet(csv: Uint8Array | string): Uint8Array {
  const text = typeof csv === "string" ? csv : new TextDecoder().decode(csv);
  const records = parseDelimited(text, ",", DEFAULT_TABLE_LIMITS).map((record) => record.cells);
  const headerIndex = records.findIndex((cells) => cells.includes("職員番号") && cells.includes("かな"));
  if (headerIndex < 0) throw new Error("not a review sheet");
  const idColumn = records[headerIndex]!.indexOf("職員番号");
  const nameColumn = records[headerIndex]!.indexOf("氏名");
  const data = records.slice(headerIndex + 1).filter((cells) => cells.some((cell) => cell !== ""));
  for (const cells of data) cells[idColumn] = cells[idColumn]!.replace(/^0+(?=\d)/, "");
  data.sort((a, b) => (a[nameColumn]! < b[nameColumn]! ? 1 : a[nameColumn]! > b[nameColumn]! ? -1 : 0));
  const rows = [...records.slice(0, headerIndex + 1), ...data];
  // Excel quotes only what needs it and writes no BOM in "CSV (コンマ区切り)".
  const out = rows.map((cells) => cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\r\n") + "\r\n";
  return encodeText(out, "cp932");
}

/** Debian's chromium, driven by playwright-core (NAFUDA_CHROMIUM to use another). */
export const CHROMIUM = process.env.NAFUDA_CHROMIUM ?? "/usr/bin/chromium";

/** Headless Chromium kept off the network: no QUIC, no background requests, no component updates or sync. */
export async function launchChromium(): Promise<import("playwright-core").Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ], // playwright-core starts it with a new empty profile of its own
  });
}

/**
 * Opens the page and waits until its words from the catalogue are in (the page asks /api/info for them after
 * loading; on a busy machine a click before that finds empty labels and buttons with no handler state yet).
 */
export async function openPage(page: import("playwright-core").Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("html[data-texts]", { timeout: 30_000 });
}

/**
 * After each failed step, writes what the page showed to the log (a CI run cannot be watched): the visible step,
 * the summary, the messages, the table's rows in the page with their state, and whether the page was busy. Call it
 * inside the describe whose steps build on one page.
 */
export function reportFailedSteps(page: () => import("playwright-core").Page | undefined): void {
  afterEach(async (context) => {
    const current = page();
    if (context.task.result?.state === "fail" && current) process.stderr.write(`${context.task.name}: the page then:\n${await describePage(current)}\n`);
  });
}

async function describePage(page: import("playwright-core").Page): Promise<string> {
  try {
    return await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const text = (selector: string) => (doc.querySelector(selector)?.textContent ?? "").replace(/\s+/g, " ").trim();
      const rows = [...doc.querySelectorAll("#staff-body tr[data-row]")].map((tr: any) => `${tr.dataset.row}:${tr.querySelector(".pill")?.textContent ?? "-"}`);
      const steps = [...doc.querySelectorAll("section[id^=step-]")].filter((s: any) => !s.hidden).map((s: any) => s.id);
      return [
        `steps shown: ${steps.join(" ")}; busy: ${!doc.querySelector("#busy")?.hidden}; scrollTop ${doc.querySelector("#table-wrap")?.scrollTop}`,
        `summary: ${text("#summary")}`,
        `roster-message: ${text("#roster-message")}`,
        `check-message: ${text("#check-message")}`,
        `rows in the page: ${rows.join(" ")}`,
      ].join("\n");
    });
  } catch (error) {
    return `the page could not be read: ${(error as Error).message}`;
  }
}

/** Records every request of the page that is not to the local server (blob: and data: are the page's own). */
export function watchOutside(page: import("playwright-core").Page, serverUrl: string, outside: string[], errors: string[]): void {
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(serverUrl) && !url.startsWith("blob:") && !url.startsWith("data:")) outside.push(url);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // A refused answer (409, 422) logs "Failed to load resource": the page shows it; anything else is a fault.
    if (message.type() === "error" && !/Failed to load resource: the server responded with a status of (409|410|422|400)/.test(message.text())) errors.push(message.text());
  });
}

/** A PNG (8-bit RGB, no interlace) of width × height pixels, each coloured by `pixel`. */
export function pngBytes(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Every file and folder under `dir` with its size, sorted: what a test compares to see that nothing was written. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        out.push(`${path}/`);
        walk(path);
      } else out.push(`${path} ${statSync(path).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A Japanese character: kana (hiragana, katakana, half-width katakana), CJK ideographs, and the Japanese and
 * full-width punctuation and spaces (「」。、（）：・〜　ー). Arrows, ×, — and … are not.
 */
export const JAPANESE = /[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** A server in a child process (test/serve/start-server.ts) whose working and temp folders are new and empty. */
export interface ChildServer {
  child: ChildProcess;
  port: number;
  /** Its working folder and temp folder (the tests check that nothing is left in them). */
  work: string;
  temp: string;
  /** What it has written to stderr so far. */
  stderr: () => string;
  /** Stops it and removes both folders. */
  stop: () => void;
}

/** Starts the server in a child process with `maxUpload` bytes as its upload limit; resolves once it listens. */
export async function startChildServer(name: string, maxUpload: number): Promise<ChildServer> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const work = mkdtempSync(join(tmpdir(), `nafuda-${name}-cwd-`));
  const temp = mkdtempSync(join(tmpdir(), `nafuda-${name}-tmp-`));
  const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", tsx, join(root, "test/serve/start-server.ts")], {
    cwd: work,
    env: { ...process.env, TMPDIR: temp, TEMP: temp, TMP: temp, TSX_DISABLE_CACHE: "1", NAFUDA_TEST_MAX_UPLOAD: String(maxUpload) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((ready, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) ready((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
  });
  return {
    child, port, work, temp,
    stderr: () => stderr,
    stop: () => {
      child.kill("SIGTERM");
      for (const dir of [work, temp]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
