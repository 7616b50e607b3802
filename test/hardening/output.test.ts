/**
 * No output half-written after a failure, nothing written outside the output folder: writeFileAtomic and the
 * readings command when the output cannot be written. Issue 10: no temporary file (personal data) left behind by
 * Ctrl+C or a kill, stale ones of earlier runs removed, and an output path that is not a regular file (a device, a
 * symbolic link such as /dev/stdout, a pipe, a socket, a folder) refused instead of replaced.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ensureOutputFolder, isStaleTemporary, OutputFileError, writeFileAtomic } from "../../src/io/atomic-write.js";
import { EXIT, Output } from "../../src/cli/output.js";
import { thrownBy } from "../helpers/errors.js";
import { filesUnder, leftovers, nafuda, TSX_LOADER } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "nafuda-hardening-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("writeFileAtomic after a failure", () => {
  it("leaves the old file whole and no temporary file when the target is a folder", async () => {
    const folder = join(work, "atomic");
    mkdirSync(join(folder, "review.csv"), { recursive: true });
    const error = await thrownBy(() => writeFileAtomic(join(folder, "review.csv"), "new"));
    expect(error).toBeInstanceOf(OutputFileError);
    expect(error).toMatchObject({ code: "OUTPUT_IS_FOLDER", file: join(folder, "review.csv") });
    expect(error.message).toBe(
      `${join(folder, "review.csv")}：フォルダーなので書き込めません。ファイルの場所を指定してください（例：out/review.csv）。何も書き込んでいません。前からある review.csv はそのままです。`,
    );
    expect(error.format("en")).toBe(
      `${join(folder, "review.csv")}: cannot write it: it is a folder. Give the path of a file (e.g. out/review.csv). Nothing was written; a previous review.csv is unchanged.`,
    );
    expect(filesUnder(folder)).toEqual([]);
  });

  it("writes nothing when the folder cannot be made (a file is in the way)", async () => {
    const folder = join(work, "blocked");
    mkdirSync(folder);
    writeFileSync(join(folder, "out"), "a file, not a folder");
    const error = await thrownBy(() => writeFileAtomic(join(folder, "out", "review.csv"), "new"));
    expect(error).toMatchObject({ code: "OUTPUT_PATH_NOT_FOLDER", systemCode: "ENOTDIR" });
    expect(error.text()).toBe("途中にフォルダーではなくファイルがあるため、書き込めません。場所を確かめてください。何も書き込んでいません。前からある review.csv はそのままです。");
    expect(error.format("en")).toMatch(/review\.csv: cannot write it: part of the path is a file, not a folder/);
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

  it("names the system's refusal by a code of its own, keeping the system's code", () => {
    const cases = [["ENOSPC", "OUTPUT_DISK_FULL"], ["EDQUOT", "OUTPUT_DISK_FULL"], ["EACCES", "OUTPUT_NO_PERMISSION"], ["EBUSY", "OUTPUT_LOCKED"], ["EROFS", "OUTPUT_READ_ONLY"], ["ENOENT", "OUTPUT_NO_FOLDER"], ["EIO", "OUTPUT_FAILED"]];
    for (const [system, code] of cases) {
      const error = new OutputFileError("out/badges.pdf", Object.assign(new Error(system), { code: system }));
      expect(error, system).toMatchObject({ code, systemCode: system, file: "out/badges.pdf" });
    }
    expect(new OutputFileError("out/badges.pdf", Object.assign(new Error("x"), { code: "ENOSPC" })).message).toBe(
      "out/badges.pdf：ディスクがいっぱいです。空きを作ってから、もう一度実行してください。何も書き込んでいません。前からある badges.pdf はそのままです。",
    );
  });
});

describe("nafuda readings -o when the output cannot be written", () => {
  it("names the output, exits 2 (a bad option) and leaves no temporary file", () => {
    const folder = join(work, "cli");
    mkdirSync(join(folder, "review.csv"), { recursive: true });
    writeFileSync(join(folder, "roster.csv"), "氏名,フリガナ\n佐藤　花子,サトウ　ハナコ\n");
    const run = nafuda(folder, ["readings", "roster.csv", "-o", "review.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("nafuda: review.csv：フォルダーなので書き込めません。ファイルの場所を指定してください（例：out/review.csv）。何も書き込んでいません。前からある review.csv はそのままです。\n");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(filesUnder(folder)).toEqual(["roster.csv"]);
  });
});

describe("an output path that exists and is not a regular file is refused, never replaced", () => {
  const folder = join(work, "targets");
  mkdirSync(folder, { recursive: true });

  it("a symbolic link (as -o /dev/stdout is): OUTPUT_IS_SYMLINK, the link and its target unchanged", async () => {
    writeFileSync(join(folder, "real.csv"), "real");
    symlinkSync(join(folder, "real.csv"), join(folder, "link.csv"));
    const error = await thrownBy(() => writeFileAtomic(join(folder, "link.csv"), "new"));
    expect(error).toMatchObject({ code: "OUTPUT_IS_SYMLINK", file: join(folder, "link.csv") });
    expect(error.text()).toBe("シンボリックリンク（ほかの場所を指す印）なので、置き換えずにやめました。保存するファイルそのものの場所を指定してください。何も書き込んでいません。前からある link.csv はそのままです。");
    expect(lstatSync(join(folder, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, "link.csv"))).toBe(join(folder, "real.csv"));
    expect(readFileSync(join(folder, "real.csv"), "utf8")).toBe("real");
    // A link that points nowhere is refused too.
    symlinkSync(join(folder, "nowhere.csv"), join(folder, "dangling.csv"));
    expect((await thrownBy(() => writeFileAtomic(join(folder, "dangling.csv"), "new"))).code).toBe("OUTPUT_IS_SYMLINK");
    expect(existsSync(join(folder, "nowhere.csv"))).toBe(false);
  });

  it.skipIf(!existsSync("/dev/null"))("a device: OUTPUT_NOT_REGULAR, /dev/null left a device", async () => {
    const error = await thrownBy(() => writeFileAtomic("/dev/null", "new"));
    expect(error).toMatchObject({ code: "OUTPUT_NOT_REGULAR", file: "/dev/null" });
    expect(error.format("en")).toBe(
      "/dev/null: cannot write it: it is not a regular file (a device, a pipe or a socket), so it is not replaced. Give the path of a file to save (e.g. out/badges.pdf). Nothing was written; a previous null is unchanged.",
    );
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it.skipIf(process.platform === "win32")("a named pipe and a socket: OUTPUT_NOT_REGULAR, left as they were", async () => {
    const special = join(work, "special");
    mkdirSync(special, { recursive: true });
    const fifo = join(special, "pipe.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect((await thrownBy(() => writeFileAtomic(fifo, "new"))).code).toBe("OUTPUT_NOT_REGULAR");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const socketPath = join(special, "socket.csv");
    const server = createServer();
    await new Promise<void>((done) => server.listen(socketPath, done));
    try {
      expect((await thrownBy(() => writeFileAtomic(socketPath, "new"))).code).toBe("OUTPUT_NOT_REGULAR");
      expect(lstatSync(socketPath).isSocket()).toBe(true);
    } finally {
      await new Promise((done) => server.close(done));
    }
    expect(readdirSync(special).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("a new path and an existing regular file are written", async () => {
    await writeFileAtomic(join(folder, "new", "fresh.csv"), "fresh");
    expect(readFileSync(join(folder, "new", "fresh.csv"), "utf8")).toBe("fresh");
    await writeFileAtomic(join(folder, "new", "fresh.csv"), "again");
    expect(readFileSync(join(folder, "new", "fresh.csv"), "utf8")).toBe("again");
  });

  it("nafuda readings -o onto a symbolic link: exit 2, the link untouched", () => {
    const cli = join(work, "cli-link");
    mkdirSync(cli, { recursive: true });
    writeFileSync(join(cli, "roster.csv"), "氏名,フリガナ\n佐藤　花子,サトウ　ハナコ\n");
    writeFileSync(join(cli, "elsewhere.csv"), "keep me");
    symlinkSync(join(cli, "elsewhere.csv"), join(cli, "review.csv"));
    const run = nafuda(cli, ["readings", "roster.csv", "-o", "review.csv"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("review.csv：シンボリックリンク");
    expect(lstatSync(join(cli, "review.csv")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cli, "elsewhere.csv"), "utf8")).toBe("keep me");
  });

  it("ensureOutputFolder: makes a missing folder, accepts a folder or a link to one, refuses anything else", async () => {
    await ensureOutputFolder(join(folder, "made", "deep"));
    expect(lstatSync(join(folder, "made", "deep")).isDirectory()).toBe(true);
    symlinkSync(join(folder, "made"), join(folder, "made-link"));
    await ensureOutputFolder(join(folder, "made-link"));
    writeFileSync(join(folder, "a-file"), "x");
    const error = await thrownBy(() => ensureOutputFolder(join(folder, "a-file")));
    expect(error).toMatchObject({ code: "OUTPUT_FOLDER_NOT_FOLDER", file: join(folder, "a-file") });
    expect(error.text()).toBe("出力先のフォルダーとして指定した場所に、フォルダーではないもの（ファイルなど）があります。別の名前のフォルダーを指定してください。何も書き込んでいません。");
    expect((await thrownBy(() => ensureOutputFolder(join(folder, "a-file", "below")))).code).toBe("OUTPUT_PATH_NOT_FOLDER");
  });
});

/** Starts the child that writes `target` and pauses with its temporary file written; resolves when that file exists. */
async function pausedWriter(target: string, mode = ""): Promise<{ child: ReturnType<typeof spawn>; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(import.meta.dirname, "write-atomic-child.ts"), target, mode], {
    env: { ...process.env, NODE_OPTIONS: "", NAFUDA_TEST_PAUSE_AFTER_TEMP_MS: "60000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })));
  const folder = join(target, "..");
  const started = Date.now();
  while (leftovers(folder).length === 0) {
    if (Date.now() - started > 30_000) throw new Error("the child never wrote its temporary file");
    if (child.exitCode !== null) throw new Error(`the child exited early (${child.exitCode})`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return { child, exited };
}

describe("Ctrl+C or a kill while writing leaves no temporary file (issue 10)", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s between writing and renaming: the temporary file is removed, exit %d, the old file unchanged", async (signal, code) => {
    const folder = join(work, `killed-${signal}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "review.csv"), "old");
    const { child, exited } = await pausedWriter(join(folder, "review.csv"));
    const [temporary] = leftovers(folder);
    expect(temporary).toMatch(new RegExp(`^\\.review\\.csv\\.${child.pid}-[0-9a-f]{4}-[0-9a-z]+-[0-9a-f]{8}\\.tmp$`)); // PID and time in the name
    child.kill(signal);
    expect(await exited).toEqual({ code, signal: null });
    expect(leftovers(folder)).toEqual([]);
    expect(readdirSync(folder)).toEqual(["review.csv"]);
    expect(readFileSync(join(folder, "review.csv"), "utf8")).toBe("old");
  });

  it("does not swallow the program's own handler: it runs, and decides the exit", async () => {
    const folder = join(work, "own-handler");
    mkdirSync(folder, { recursive: true });
    const { child, exited } = await pausedWriter(join(folder, "review.csv"), "own-handler");
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 42, signal: null });
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a later write removes stale temporary files of nafuda's pattern, never a live run's", async () => {
    const folder = join(work, "stale");
    mkdirSync(folder, { recursive: true });
    // A run that was killed with SIGKILL: its process is gone, its file stays.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    const { child, exited } = await pausedWriter(join(folder, "live.csv"));
    const [live] = leftovers(folder);
    const hostTag = /\.(\d+)-([0-9a-f]{4})-/.exec(live!)![2];
    const gone = `.review.csv.${deadPid}-${hostTag}-${Date.now().toString(36)}-0123abcd.tmp`;
    const oldStyleStale = ".badges.pdf.0123456789ab.tmp";
    const oldStyleRecent = ".index.csv.ba9876543210.tmp";
    const otherMachine = `.other.csv.${deadPid}-${hostTag === "ffff" ? "0000" : "ffff"}-${Date.now().toString(36)}-0123abcd.tmp`;
    const notOurs = ".notes.tmp";
    for (const name of [gone, oldStyleStale, oldStyleRecent, otherMachine, notOurs]) writeFileSync(join(folder, name), "氏名,フリガナ\n");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(folder, oldStyleStale), twoHoursAgo, twoHoursAgo);
    utimesSync(join(folder, notOurs), twoHoursAgo, twoHoursAgo);

    await writeFileAtomic(join(folder, "review.csv"), "new");
    const left = readdirSync(folder).sort();
    expect(left).toContain(live); // the live run's
    expect(left).toContain(oldStyleRecent); // maybe a live run of an older version
    expect(left).toContain(otherMachine); // a PID of another machine means nothing here
    expect(left).toContain(notOurs); // not nafuda's pattern
    expect(left).not.toContain(gone);
    expect(left).not.toContain(oldStyleStale);

    child.kill("SIGTERM");
    await exited;
    expect(existsSync(join(folder, live!))).toBe(false);
  });

  it("isStaleTemporary: by process, by age, by pattern", () => {
    const now = Date.now();
    const hoursAgo = (n: number) => now - n * 3600_000;
    const host = createHash("sha256").update(hostname()).digest("hex").slice(0, 4); // as src/io/atomic-write.ts tags it
    const otherHost = host === "ffff" ? "0000" : "ffff";
    const named = (pid: number, tag: string, at: number) => `.a.csv.${pid}-${tag}-${at.toString(36)}-00000000.tmp`;
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    expect(isStaleTemporary(named(process.ppid, host, now), now, now)).toBe(false); // a live process of this machine
    expect(isStaleTemporary(named(dead, host, now), now, now)).toBe(true); // a process of this machine that is gone
    expect(isStaleTemporary(named(dead, otherHost, now), now, now)).toBe(false); // another machine's PID means nothing here
    expect(isStaleTemporary(named(process.ppid, otherHost, hoursAgo(2)), hoursAgo(2), now)).toBe(true); // untouched for two hours
    expect(isStaleTemporary(named(process.ppid, host, hoursAgo(2)), now, now)).toBe(false); // started long ago, written just now
    expect(isStaleTemporary(".a.csv.0123456789ab.tmp", now, now)).toBe(false); // the older pattern: by age only
    expect(isStaleTemporary(".a.csv.0123456789ab.tmp", hoursAgo(2), now)).toBe(true);
    expect(isStaleTemporary(".a.csv.tmp", hoursAgo(2), now)).toBe(false); // not nafuda's
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

  it("an output path that is a folder is exit 2 (a bad option), a bug exit 3", () => {
    const folder = Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    expect(exitFor(new OutputFileError("out", folder))).toBe(EXIT.badInput);
    expect(exitFor(new OutputFileError("out", null, { code: "OUTPUT_IS_SYMLINK", params: { name: "out" } }))).toBe(EXIT.badInput);
    expect(exitFor(new TypeError("Cannot read properties of undefined"))).toBe(EXIT.internal);
  });

  // README: a full disk is "an unexpected failure" (exit 3): the CLI reads the system's code from systemCode.
  it("a full disk is exit 3 (README: an unexpected failure)", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(exitFor(new OutputFileError("out/badges.pdf", full))).toBe(EXIT.internal);
  });
});
