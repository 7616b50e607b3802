import { request } from "node:http";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
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
