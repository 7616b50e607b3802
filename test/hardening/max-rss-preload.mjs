/** A preload (node --import) that writes the process's peak RSS (bytes) and run time to NAFUDA_RSS_FILE at exit. */
import { readFileSync, writeFileSync } from "node:fs";

const file = process.env.NAFUDA_RSS_FILE;
const started = process.hrtime.bigint();

/**
 * This process's own peak RSS. On Linux, /proc/self/status VmHWM: getrusage's maxrss (process.resourceUsage) carries
 * over through exec the peak of the process that forked this one, so a child of a test worker holding 400 MB says
 * 400 MB however little it uses itself (measured: maxrss 404 MB, VmHWM 42 MB). Elsewhere, maxrss.
 */
function peakRssBytes() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

if (file) {
  process.on("exit", (code) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    writeFileSync(file, JSON.stringify({ maxRssBytes: peakRssBytes(), seconds, code }));
  });
}
