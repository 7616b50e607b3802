/**
 * Starts `nafuda serve`'s server in a child process for test/serve/server.test.ts (so that the test can give it an
 * empty working folder and temp folder and check that they stay empty). Prints one JSON line: { "port": N }.
 */
import { startServer } from "../../src/serve/server.js";

const maxUploadBytes = Number(process.env.NAFUDA_TEST_MAX_UPLOAD ?? 256 * 1024);
const running = await startServer({ port: 0, maxUploadBytes });
process.stdout.write(`${JSON.stringify({ port: running.port })}\n`);
process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
