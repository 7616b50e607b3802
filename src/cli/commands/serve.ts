import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { msg } from "../../messages/message.js";
import { EXIT, type Output } from "../output.js";

interface ServeArgs {
  port?: number;
  open: boolean;
  "max-upload-mb"?: number;
  romaji?: "passport" | "hepburn" | "kunrei" | "kana";
  "romaji-case"?: "title" | "upper";
  "foreign-names-in"?: "hiragana" | "katakana";
  template?: string;
}

/** The port used when none is given; if it is taken, any free port is. */
export const DEFAULT_PORT = 8931;

/** Opens `url` in the default browser; failing to is not an error (the URL is printed). */
export function openBrowser(url: string, out: Output): void {
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]]
    : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]]
    : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true });
    child.on("error", () => out.line(msg("SERVE_BROWSER_FAILED")));
    child.unref();
  } catch {
    // The URL is printed; the person can open it by hand.
  }
}

export function serveCommand(out: Output): CommandModule<object, ServeArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "serve",
    describe: t("CMD_SERVE"),
    builder: (yargs) =>
      yargs
        .option("port", { type: "number", describe: out.text(msg("OPT_PORT", { port: DEFAULT_PORT })) })
        .option("open", { type: "boolean", default: true, describe: t("OPT_OPEN") })
        .option("max-upload-mb", { type: "number", describe: t("OPT_MAX_UPLOAD") })
        // What the page starts with (the config's romaji, foreignNamesIn and badges.template); the page may change them.
        .option("romaji", { choices: ["passport", "hepburn", "kunrei", "kana"] as const, describe: t("OPT_ROMAJI") })
        .option("romaji-case", { choices: ["title", "upper"] as const, describe: t("OPT_ROMAJI_CASE") })
        .option("foreign-names-in", { choices: ["hiragana", "katakana"] as const, describe: t("OPT_FOREIGN_NAMES_IN") })
        .option("template", { alias: "t", type: "string", describe: t("OPT_SERVE_TEMPLATE") }) as never,
    handler: async (args) => {
      if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) {
        return out.refuse(msg("SERVE_BAD_PORT", { port: String(args.port) }));
      }
      const { startServer, DEFAULT_MAX_UPLOAD_BYTES } = await import("../../serve/server.js");
      const maxUploadBytes = args["max-upload-mb"] !== undefined ? Math.round(args["max-upload-mb"] * 1024 * 1024) : DEFAULT_MAX_UPLOAD_BYTES;
      // A built-in template by name; a city's own by its path, offered on the page under the file's name.
      const { BUILTIN_TEMPLATES } = await import("../../badges/template.js");
      const ownTemplate = args.template !== undefined && !(BUILTIN_TEMPLATES as readonly string[]).includes(args.template) ? args.template : undefined;
      const ownName = ownTemplate ? basename(ownTemplate).replace(/\.[^.]*$/, "") : undefined;
      if (ownTemplate && !existsSync(ownTemplate)) return out.refuse(msg("SERVE_TEMPLATE_NOT_FOUND", { path: ownTemplate }));
      const page = {
        ...(ownTemplate ? { templates: { [ownName!]: resolve(ownTemplate) } } : {}),
        defaults: {
          ...(args.romaji ? { romaji: args.romaji } : {}),
          ...(args["romaji-case"] ? { romajiCase: args["romaji-case"] } : {}),
          ...(args["foreign-names-in"] ? { foreignNamesIn: args["foreign-names-in"] } : {}),
          ...(args.template ? { template: ownName ?? args.template } : {}),
        },
      };
      let running;
      try {
        running = await startServer({ port: args.port ?? DEFAULT_PORT, maxUploadBytes, ...page });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE" && args.port === undefined) {
          running = await startServer({ port: 0, maxUploadBytes, ...page });
        } else {
          out.refuse(code === "EADDRINUSE" ? msg("SERVE_PORT_IN_USE", { port: args.port! }) : msg("SERVE_CANNOT_START", { detail: (error as Error).message }));
          return;
        }
      }
      process.stdout.write(`${out.text(msg("SERVE_STARTED", { url: running.url }))}\n`);
      if (args.open) openBrowser(running.url, out);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stdout.write(`\n${out.text(msg("SERVE_STOPPED"))}\n`);
          void running.close().then(resolve);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    },
  };
}

export { EXIT };
