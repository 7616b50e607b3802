/**
 * A preload (node --import) that refuses every way a Node program can reach the network and records
 * each attempt, one JSON line per attempt, in the file named by NAFUDA_NET_LOG. The attempt throws
 * too, but the record is kept even when the program catches the error: the test reads the file.
 */
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { appendFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const log = process.env.NAFUDA_NET_LOG;

function describe(args) {
  try {
    return JSON.stringify(args.map((a) => (typeof a === "function" ? "[function]" : a && typeof a === "object" ? Object.fromEntries(Object.entries(a).filter(([, v]) => typeof v !== "object" && typeof v !== "function")) : a)));
  } catch {
    return String(args);
  }
}

/**
 * tsx (which runs the TypeScript sources in tests) connects to its own IPC pipe, /tmp/tsx-<uid>/<pid>.pipe, a
 * local Unix socket of the test tooling, not of nafuda: refused like the rest (tsx carries on without it) but
 * not recorded.
 */
const isTsxPipe = (args) => typeof args[0] === "string" && /[\\/]tsx-[^\\/]*[\\/]\d+\.pipe$/.test(args[0]);

function refuse(what, args) {
  if (isTsxPipe(args)) throw new Error("tsx IPC pipe refused by the no-network preload");
  const record = { what, args: describe(args), pid: process.pid, stack: (new Error().stack ?? "").split("\n").slice(3, 8).map((l) => l.trim()) };
  if (log) appendFileSync(log, JSON.stringify(record) + "\n");
  throw new Error(`network access refused (test preload): ${what} ${record.args}`);
}

const patch = (object, name, what) => {
  if (typeof object?.[name] !== "function") return;
  object[name] = function (...args) {
    return refuse(what, args);
  };
};

// Wire level: every TCP and Unix-socket client (net.connect, http, https, tls, undici's fetch) ends here.
patch(net.Socket.prototype, "connect", "net.Socket.prototype.connect");
patch(net, "connect", "net.connect");
patch(net, "createConnection", "net.createConnection");
patch(tls, "connect", "tls.connect");
for (const name of ["request", "get"]) {
  patch(http, name, `http.${name}`);
  patch(https, name, `https.${name}`);
}
for (const name of ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"]) {
  patch(dns, name, `dns.${name}`);
  patch(dns.promises, name, `dns.promises.${name}`);
}
patch(dgram.Socket.prototype, "send", "dgram.Socket.prototype.send");
patch(dgram.Socket.prototype, "connect", "dgram.Socket.prototype.connect");
if (typeof globalThis.fetch === "function") {
  globalThis.fetch = (...args) => Promise.reject(new Error("unreachable")).catch(() => refuse("fetch", args));
}
if (typeof globalThis.WebSocket === "function") {
  globalThis.WebSocket = function (...args) {
    return refuse("WebSocket", args);
  };
}
// ESM named imports of builtins (import { request } from "node:https") see the patches too.
syncBuiltinESMExports();
