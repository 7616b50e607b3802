/**
 * A child process for test/hardening/output.test.ts: writes argv[2] with writeFileAtomic, as a command would.
 * The test sets NAFUDA_TEST_PAUSE_AFTER_TEMP_MS so that the write waits after the temporary file is written,
 * and kills this process then (SIGINT, SIGTERM). With argv[3] = "own-handler", the process has its own SIGTERM
 * handler too (as a server would), which exits with 42 after a moment.
 */
import { writeFileAtomic } from "../../src/io/atomic-write.js";

const [target, mode] = process.argv.slice(2);
if (mode === "own-handler") {
  process.on("SIGTERM", () => {
    setTimeout(() => process.exit(42), 50);
  });
}
await writeFileAtomic(target!, "職員番号,氏名\r\n1,佐藤　花子\r\n");
process.stdout.write("written\n");
