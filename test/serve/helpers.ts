import { request } from "node:http";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

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
