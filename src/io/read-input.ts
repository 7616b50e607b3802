import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { formatBytes } from "../messages/general.js";
import { msg, NafudaError } from "../messages/message.js";

/** A file given as input that cannot be read at all: missing, a folder, a device, too large, locked. */
export class InputFileError extends NafudaError {
  override name = "InputFileError";
}

/**
 * Reads a file given as input, within `maxBytes`: only a regular file (never a device such as /dev/zero, a
 * pipe or a folder), its size checked before a byte is read, and never more than that size read.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    // Non-blocking, so that a named pipe cannot hold the open forever; regular files read as usual.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputFileError(msg("FILE_IS_FOLDER"), { file: path });
    if (!stats.isFile()) throw new InputFileError(msg("FILE_NOT_REGULAR"), { file: path });
    if (stats.size > maxBytes) {
      throw new InputFileError(msg("FILE_TOO_LARGE", { size: formatBytes(stats.size), limit: formatBytes(maxBytes) }), { file: path });
    }
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof NafudaError) throw error;
    throw openError(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openError(path: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === "ENOENT" ? msg("FILE_NOT_FOUND")
    : code === "EISDIR" ? msg("FILE_IS_FOLDER")
    : code === "EACCES" || code === "EPERM" ? msg("FILE_NO_PERMISSION")
    : code === "EBUSY" ? msg("FILE_LOCKED")
    : msg("FILE_UNREADABLE", { reason: code ?? String(error) });
  return new InputFileError(message, { file: path }, { cause: error });
}
