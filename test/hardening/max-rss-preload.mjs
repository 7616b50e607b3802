/** A preload (node --import) that writes the process's peak RSS (bytes) and run time to NAFUDA_RSS_FILE at exit. */
import { writeFileSync } from "node:fs";

const file = process.env.NAFUDA_RSS_FILE;
const started = process.hrtime.bigint();
if (file) {
  process.on("exit", (code) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    writeFileSync(file, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, seconds, code }));
  });
}
