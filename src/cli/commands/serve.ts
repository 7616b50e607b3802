import { spawn } from "node:child_process";
import type { CommandModule } from "yargs";
import { startServer, DEFAULT_MAX_UPLOAD_BYTES } from "../../serve/server.js";
import { EXIT } from "../report.js";

interface ServeArgs {
  port?: number;
  open: boolean;
  "max-upload-mb": number;
}

/** The port used when none is given; if it is taken, any free port is. */
export const DEFAULT_PORT = 8931;

/** Opens `url` in the default browser; failing to is not an error (the URL is printed). */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]]
    : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]]
    : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true });
    child.on("error", () => process.stderr.write(`（ブラウザを自動で開けませんでした。上の URL をブラウザに貼り付けてください）\n`));
    child.unref();
  } catch {
    // The URL is printed; the person can open it by hand.
  }
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "Open a local web page (127.0.0.1 only) to check readings and download badges and posters, no command line needed",
  builder: (yargs) =>
    yargs
      .option("port", { type: "number", describe: `port on 127.0.0.1 (default ${DEFAULT_PORT}, or a free one if it is taken)` })
      .option("open", { type: "boolean", default: true, describe: "open the page in the default browser (--no-open: just print the URL)" })
      .option("max-upload-mb", { type: "number", default: DEFAULT_MAX_UPLOAD_BYTES / (1024 * 1024), describe: "largest upload accepted, MB" }) as never,
  handler: async (args) => {
    const maxUploadBytes = Math.round(args["max-upload-mb"] * 1024 * 1024);
    if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) {
      process.stderr.write(`nafuda: --port ${args.port}: give a port number from 1 to 65535 (0 picks a free one)\n`);
      process.exitCode = EXIT.badInput;
      return;
    }
    let running;
    try {
      running = await startServer({ port: args.port ?? DEFAULT_PORT, maxUploadBytes });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" && args.port === undefined) {
        running = await startServer({ port: 0, maxUploadBytes });
      } else {
        process.stderr.write(
          code === "EADDRINUSE"
            ? `nafuda: port ${args.port} is in use: choose another with --port, or leave --port out\n`
            : `nafuda: cannot start the server: ${(error as Error).message}\n`,
        );
        process.exitCode = EXIT.badInput;
        return;
      }
    }
    process.stdout.write(
      `名札 nafuda のページを開きました: ${running.url}\n` +
        `（このパソコンの中だけで動きます。ファイルは外に送られません。終わるときは Ctrl+C）\n`,
    );
    if (args.open) openBrowser(running.url);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stdout.write("\n止めました。\n");
        void running.close().then(resolve);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
  },
};
