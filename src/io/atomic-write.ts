import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { msg, NafudaError, type CodedMessage } from "../messages/message.js";

/**
 * An output file that could not be written. The place names the file (never the hidden temporary file), the
 * message says what to do; `code` is stable (OUTPUT_…), `systemCode` is the system's error code when there was one
 * (EISDIR, ENOSPC, …). The previous file, if there was one, is unchanged.
 */
export class OutputFileError extends NafudaError {
  override readonly name = "OutputFileError";
  declare readonly file: string;
  /** The operating system's error code (EISDIR, ENOSPC, EACCES, …), when the system refused. */
  readonly systemCode: string | undefined;

  /**
   * @param cause the system's error (its code chooses the message), or null when nafuda refused by itself
   * @param message the message, when nafuda refused by itself (OUTPUT_IS_SYMLINK, OUTPUT_NOT_REGULAR, …)
   */
  constructor(file: string, cause: unknown, message?: CodedMessage) {
    const systemCode = (cause as NodeJS.ErrnoException | null | undefined)?.code;
    super(message ?? explain(systemCode, file, cause), { file }, cause !== null && cause !== undefined ? { cause } : {});
    this.systemCode = systemCode;
  }
}

function explain(code: string | undefined, file: string, cause: unknown): CodedMessage {
  const name = basename(file);
  switch (code) {
    case "EISDIR":
      return msg("OUTPUT_IS_FOLDER", { name });
    case "ENOTDIR":
    case "EEXIST":
      return msg("OUTPUT_PATH_NOT_FOLDER", { name });
    case "EACCES":
    case "EPERM":
      return msg("OUTPUT_NO_PERMISSION", { name, folder: dirname(file) });
    case "EBUSY":
      return msg("OUTPUT_LOCKED", { name });
    case "EROFS":
      return msg("OUTPUT_READ_ONLY", { name });
    case "ENOSPC":
    case "EDQUOT":
      return msg("OUTPUT_DISK_FULL", { name });
    case "ENOENT":
      return msg("OUTPUT_NO_FOLDER", { name });
    default:
      return msg("OUTPUT_FAILED", { name, reason: code ?? ((cause as Error | undefined)?.message ?? String(cause)).split("\n")[0]! });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Temporary files: named so that a later run can tell whose they are, registered so that no exit path leaves one.

/** Temporary files this process has made and not yet renamed or removed. */
const pending = new Set<string>();
let handlersInstalled = false;

/** Four hex digits of this machine's name: a PID means something only on the machine that wrote it. */
const HOST_TAG = createHash("sha256").update(hostname()).digest("hex").slice(0, 4);

/** `.NAME.<pid>-<host>-<time, base 36 ms>-<random>.tmp` (this version) and `.NAME.<12 hex>.tmp` (before it). */
const TEMP_NAME = /^\..+\.(\d+)-([0-9a-f]{4})-([0-9a-z]+)-[0-9a-f]{8}\.tmp$/;
const OLD_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A temporary file nobody has touched for this long is stale whoever made it. */
export const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${HOST_TAG}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}.tmp`);
}

function removePending(): void {
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  pending.clear();
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Once per process: on exit, and on SIGINT (Ctrl+C), SIGTERM and SIGHUP, the registered temporary files are removed.
 * A signal handler replaces Node's default (which is to die at once), so when nafuda's is the only one it then exits
 * with the conventional code (130, 143, 129); when the program has its own handlers (a server's graceful shutdown),
 * they decide what happens next and are not swallowed.
 */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", removePending);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES) as [NodeJS.Signals, number][]) {
    const handler = () => {
      removePending();
      if (process.listenerCount(signal) <= 1) process.exit(code);
    };
    try {
      process.on(signal, handler);
    } catch {
      // A signal this platform does not have (SIGHUP on some Windows set-ups).
    }
  }
}

/** True when process `pid` runs on this machine (EPERM: it does, as another user). */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a temporary file of nafuda's pattern is left over from a run that ended without removing it: made by a
 * process of this machine that is gone (or by this process and not pending: a previous process with the same PID,
 * as happens in containers), or untouched for STALE_TEMP_AGE_MS. A live run's file is never stale.
 */
export function isStaleTemporary(name: string, modifiedMs: number, now = Date.now()): boolean {
  const match = TEMP_NAME.exec(name);
  if (match) {
    const written = Math.max(parseInt(match[3]!, 36) || 0, modifiedMs);
    if (now - written > STALE_TEMP_AGE_MS) return true;
    if (match[2] !== HOST_TAG) return false;
    const pid = Number(match[1]);
    if (pid === process.pid) return true; // ours would be pending (checked by the caller)
    return !processAlive(pid);
  }
  return OLD_TEMP_NAME.test(name) && now - modifiedMs > STALE_TEMP_AGE_MS;
}

/** Folders already cleaned by this process (once each: a poster batch writes hundreds of files into one). */
const cleaned = new Set<string>();

/** Removes stale temporary files of nafuda's pattern from `folder` (regular files only; errors ignored). */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return removed;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(".") || !name.endsWith(".tmp")) continue;
    const path = join(folder, name);
    if (pending.has(path)) continue;
    try {
      const stats = await lstat(path);
      if (!stats.isFile() || !isStaleTemporary(name, stats.mtimeMs, now)) continue;
      await rm(path, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/**
 * Refuses to replace what is not a regular file: a folder, a symbolic link (`-o /dev/stdout` is one), a device, a
 * pipe or a socket. A path that does not exist yet is fine, and so is a regular file.
 */
async function checkTarget(path: string): Promise<void> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    throw new OutputFileError(path, error);
  }
  const name = basename(path);
  if (stats.isSymbolicLink()) throw new OutputFileError(path, null, msg("OUTPUT_IS_SYMLINK", { name }));
  if (stats.isDirectory()) throw new OutputFileError(path, null, msg("OUTPUT_IS_FOLDER", { name }));
  if (!stats.isFile()) throw new OutputFileError(path, null, msg("OUTPUT_NOT_REGULAR", { name }));
}

/**
 * For commands that write into a folder (badges --split-by, posters, init): makes `folder` when it does not exist;
 * refuses (OUTPUT_FOLDER_NOT_FOLDER) when something that is not a folder has its name. A symbolic link to a folder is
 * a folder.
 */
export async function ensureOutputFolder(folder: string): Promise<void> {
  try {
    if ((await stat(folder)).isDirectory()) return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new OutputFileError(folder, error);
    try {
      await mkdir(folder, { recursive: true });
      return;
    } catch (mkdirError) {
      throw new OutputFileError(folder, mkdirError);
    }
  }
  throw new OutputFileError(folder, null, msg("OUTPUT_FOLDER_NOT_FOLDER"));
}

/**
 * Tests only: NAFUDA_TEST_PAUSE_AFTER_TEMP_MS=<ms> makes writeFileAtomic (and AtomicOutput.commit) wait that long
 * after the temporary file is written and flushed, before the rename, so that a test can kill the process at that moment
 * (test/hardening/output.test.ts). Never set it otherwise.
 */
function testPauseMs(): number {
  const value = Number(process.env.NAFUDA_TEST_PAUSE_AFTER_TEMP_MS);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one,
 * never a half-written file: the bytes go to a hidden temporary file in the same folder
 * (same file system, so the rename is atomic), are flushed to disk, then renamed over `path`.
 * On any failure the temporary file is removed and an OutputFileError names `path`; on an exit or a
 * Ctrl+C / kill meanwhile, too (the temporary file is registered until it is renamed). Stale temporary files of
 * earlier runs that were killed harder (SIGKILL, a power cut) are removed from the folder. A `path` that exists and
 * is not a regular file (a folder, a symbolic link, a device, a pipe, a socket) is refused, never replaced.
 * Roster data never lands in the system temp folder.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const output = await openAtomicOutput(path);
  await output.write(typeof data === "string" ? Buffer.from(data, "utf8") : data);
  await output.commit();
}

/**
 * A file being written by parts (a PDF streamed page by page), with writeFileAtomic's guarantees: the parts go to a
 * hidden temporary file beside `path`, registered for removal on every exit path (exit, Ctrl+C, SIGTERM, SIGHUP)
 * until `commit` flushes it to disk and renames it over `path`. Readers never see a half-written file; after any
 * failure, or `abort`, the temporary file is gone and a previous `path` is unchanged. Every failure is an
 * OutputFileError naming `path` (never the temporary file), with the system's code (ENOSPC: a full disk).
 */
export interface AtomicOutput {
  /** The file that `commit` makes. */
  readonly path: string;
  /** Bytes written so far. */
  readonly size: number;
  /** Appends `chunk`; resolves when the system has taken it (the caller may reuse the chunk then). */
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes the temporary file to disk and closes it; `commit` does this first when it has not been done. */
  close(): Promise<void>;
  /** Closes, then renames the temporary file over `path`. */
  commit(): Promise<void>;
  /** Removes the temporary file (nothing is replaced). Safe to call after a failure or twice. */
  abort(): Promise<void>;
}

/**
 * Opens an AtomicOutput for `path`: refuses a `path` that exists and is not a regular file (a folder, a symbolic link,
 * a device, a pipe, a socket), makes its folder, removes stale temporary files of earlier runs there, and creates the
 * temporary file. Nothing at `path` changes until `commit`.
 */
export async function openAtomicOutput(path: string): Promise<AtomicOutput> {
  const folder = dirname(path);
  await checkTarget(path);
  installHandlers();
  const temporary = temporaryName(path);
  pending.add(temporary);
  let handle: FileHandle | undefined;
  let size = 0;
  let state: "open" | "closed" | "done" = "open";
  const fail = async (error: unknown): Promise<never> => {
    state = "done";
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await rm(temporary, { force: true }).catch(() => undefined);
    pending.delete(temporary);
    throw error instanceof OutputFileError ? error : new OutputFileError(path, error);
  };
  try {
    await mkdir(folder, { recursive: true });
    const key = resolve(folder);
    if (!cleaned.has(key)) {
      cleaned.add(key);
      await removeStaleTemporaries(folder);
    }
    handle = await open(temporary, "wx", 0o644);
  } catch (error) {
    return fail(error);
  }
  const close = async () => {
    if (state !== "open") return;
    try {
      await handle!.sync();
      await handle!.close();
      handle = undefined;
      state = "closed";
    } catch (error) {
      await fail(error);
    }
  };
  return {
    path,
    get size() {
      return size;
    },
    async write(chunk) {
      if (state !== "open") throw new Error(`openAtomicOutput: ${path} is no longer open`);
      try {
        let done = 0;
        while (done < chunk.byteLength) {
          const { bytesWritten } = await handle!.write(chunk, done, chunk.byteLength - done);
          done += bytesWritten;
        }
        size += chunk.byteLength;
      } catch (error) {
        await fail(error);
      }
    },
    close,
    async commit() {
      await close();
      if (state !== "closed") throw new Error(`openAtomicOutput: ${path} cannot be committed`);
      try {
        const pause = testPauseMs();
        if (pause > 0) await new Promise((done) => setTimeout(done, pause));
        await rename(temporary, path);
        state = "done";
        pending.delete(temporary);
      } catch (error) {
        await fail(error);
      }
    },
    async abort() {
      if (state === "done") return;
      state = "done";
      await handle?.close().catch(() => undefined);
      handle = undefined;
      await rm(temporary, { force: true }).catch(() => undefined);
      pending.delete(temporary);
    },
  };
}
