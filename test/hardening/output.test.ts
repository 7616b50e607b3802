/**
 * No output half-written after a failure, nothing written outside the output folder: writeFileAtomic and the
 * readings command when the output cannot be written.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { OutputFileError, writeFileAtomic } from "../../src/io/atomic-write.js";
import { EXIT, Output } from "../../src/cli/output.js";
import { filesUnder, leftovers, nafuda } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-hardening-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("writeFileAtomic after a failure", () => {
  it("leaves the old file whole and no temporary file when the target is a folder", async () => {
    const folder = join(work, "atomic");
    mkdirSync(join(folder, "review.csv"), { recursive: true });
    const error = await writeFileAtomic(join(folder, "review.csv"), "new").then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OutputFileError);
    expect((error as OutputFileError).code).toBe("EISDIR");
    expect((error as Error).message).toBe(`cannot write ${join(folder, "review.csv")}: it is a folder. Give the path of a file (e.g. out/review.csv). Nothing was written; a previous review.csv is unchanged.`);
    expect(filesUnder(folder)).toEqual([]);
  });

  it("writes nothing when the folder cannot be made (a file is in the way)", async () => {
    const folder = join(work, "blocked");
    mkdirSync(folder);
    writeFileSync(join(folder, "out"), "a file, not a folder");
    await expect(writeFileAtomic(join(folder, "out", "review.csv"), "new")).rejects.toThrow(/^cannot write .*review\.csv: part of the path is a file, not a folder/);
    expect(filesUnder(folder)).toEqual(["out"]);
    expect(readFileSync(join(folder, "out"), "utf8")).toBe("a file, not a folder");
  });

  it("replaces a file whole: a reader sees the old bytes or the new ones", async () => {
    const path = join(work, "replace.csv");
    writeFileSync(path, "old");
    await writeFileAtomic(path, "new ".repeat(100_000));
    expect(readFileSync(path, "utf8")).toBe("new ".repeat(100_000));
    expect(leftovers(work)).toEqual([]);
  });
});

describe("nafuda readings -o when the output cannot be written", () => {
  it("names the output, exits 2 (a bad option) and leaves no temporary file", () => {
    const folder = join(work, "cli");
    mkdirSync(join(folder, "review.csv"), { recursive: true });
    writeFileSync(join(folder, "roster.csv"), "氏名,フリガナ\n佐藤　花子,サトウ　ハナコ\n");
    const run = nafuda(folder, ["readings", "roster.csv", "-o", "review.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("nafuda: cannot write review.csv: it is a folder. Give the path of a file (e.g. out/review.csv). Nothing was written; a previous review.csv is unchanged.\n");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(filesUnder(folder)).toEqual(["roster.csv"]);
  });
});

describe("exit codes of failures", () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });
  const exitFor = (error: unknown) => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    new Output("en").fail(error);
    const code = process.exitCode;
    process.exitCode = undefined;
    return code;
  };

  it("a full disk is exit 3 (README: an unexpected failure), an output path that is a folder exit 2, a bug exit 3", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(exitFor(new OutputFileError("out/badges.pdf", full))).toBe(EXIT.internal);
    const folder = Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    expect(exitFor(new OutputFileError("out", folder))).toBe(EXIT.badInput);
    expect(exitFor(new TypeError("Cannot read properties of undefined"))).toBe(EXIT.internal);
  });
});
