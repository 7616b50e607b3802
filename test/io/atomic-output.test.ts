import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OutputFileError, openAtomicOutput } from "../../src/io/atomic-write.js";
import { thrownBy } from "../helpers/errors.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-atomic-output-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("openAtomicOutput: a file written by parts, seen whole or not at all", () => {
  it("shows nothing at the path until commit, then the whole file; the temporary file is gone", async () => {
    const folder = mkdtempSync(join(work, "commit-"));
    const path = join(folder, "badges.pdf");
    writeFileSync(path, "old");
    const output = await openAtomicOutput(path);
    await output.write(Buffer.from("%PDF-1.4\n"));
    await output.write(Buffer.from("page 1\n"));
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
    expect(output.size).toBe(16);
    await output.commit();
    expect(readFileSync(path, "utf8")).toBe("%PDF-1.4\npage 1\n");
    expect(readdirSync(folder)).toEqual(["badges.pdf"]);
  });

  it("abort removes the temporary file and keeps the previous file; closing first, then committing later, also works", async () => {
    const folder = mkdtempSync(join(work, "abort-"));
    const path = join(folder, "badges.pdf");
    writeFileSync(path, "old");
    const output = await openAtomicOutput(path);
    await output.write(Buffer.from("half a PDF"));
    await output.abort();
    await output.abort();
    expect(readdirSync(folder)).toEqual(["badges.pdf"]);
    expect(readFileSync(path, "utf8")).toBe("old");
    await expect(output.write(Buffer.from("more"))).rejects.toThrow(/no longer open/);
    const later = await openAtomicOutput(join(folder, "later.pdf"));
    await later.write(Buffer.from("x"));
    await later.close();
    expect(readdirSync(folder).some((f) => f === "later.pdf")).toBe(false);
    await later.commit();
    expect(readFileSync(join(folder, "later.pdf"), "utf8")).toBe("x");
  });

  it("refuses a target that is a folder or a symbolic link, before making anything", async () => {
    const folder = mkdtempSync(join(work, "refuse-"));
    mkdirSync(join(folder, "out.pdf"));
    writeFileSync(join(folder, "real.pdf"), "real");
    symlinkSync(join(folder, "real.pdf"), join(folder, "link.pdf"));
    const toFolder = await thrownBy(() => openAtomicOutput(join(folder, "out.pdf")));
    expect(toFolder).toBeInstanceOf(OutputFileError);
    expect(toFolder.code).toBe("OUTPUT_IS_FOLDER");
    const toLink = await thrownBy(() => openAtomicOutput(join(folder, "link.pdf")));
    expect(toLink.code).toBe("OUTPUT_IS_SYMLINK");
    expect(readdirSync(folder).sort()).toEqual(["link.pdf", "out.pdf", "real.pdf"]);
    expect(readFileSync(join(folder, "real.pdf"), "utf8")).toBe("real");
  });
});
