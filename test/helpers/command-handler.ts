import { vi } from "vitest";
import type { CommandModule } from "yargs";

/**
 * Runs a command's handler in this process with `args` as yargs would pass them, and returns what it wrote to
 * stderr (where the CLI says what it did). The caller restores the mocks (vi.restoreAllMocks) and process.exitCode.
 */
export async function stderrOfHandler(command: CommandModule<object, never>, args: Record<string, unknown>): Promise<string> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  await (command.handler as (a: unknown) => Promise<void>)({ _: [], $0: "nafuda", ...args });
  return stderr;
}
