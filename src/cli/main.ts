#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { LANGS } from "../messages/lang.js";
import { formatMessage, msg } from "../messages/message.js";
import { readingsCommand } from "./commands/readings.js";
import { badgesCommand } from "./commands/badges.js";
import { postersCommand } from "./commands/posters.js";
import { signsCommand } from "./commands/signs.js";
import { demoCommand } from "./commands/demo.js";
import { serveCommand } from "./commands/serve.js";
import { initCommand } from "./commands/init.js";
import { calibrateCommand } from "./commands/calibrate.js";
import { applyConfigDefaults, findCliConfig, type ConfigDefaults } from "./config-defaults.js";
import { cliLang } from "./lang.js";
import { EXIT, Output } from "./output.js";

/**
 * The CLI is a thin shell: each command parses options, calls the library, prints, and sets the exit code.
 * Only what a command uses is loaded: the command modules hold their options, and import the library in their
 * handlers.
 */
const argv = hideBin(process.argv);
const config = await findCliConfig(argv);
const lang = cliLang(argv, (config.found?.config as { lang?: unknown } | undefined)?.lang);
const configDefaults: ConfigDefaults = config.found ? (await import("../config/config.js")).configDefaults : () => ({});
// Library errors made in this process speak the run's language too.
process.env.NAFUDA_LANG = lang;
const out = new Output(lang);
const t = (code: Parameters<typeof msg>[0]) => formatMessage(msg(code as "OPT_CONFIG"), lang);
const asksForHelp = argv.some((token) => token === "--help" || token === "-h" || token === "help");
const COMMANDS = ["readings", "badges", "posters", "signs", "calibrate", "demo", "serve", "init"];

const cli = yargs(argv);
// yargs lays out the command's whole help after starting its handler, in case a later failure shows it. nafuda's
// failures print one line (never the help), so without --help that layout (~25 ms a run, string widths of every
// option) is skipped. An internal of yargs: if a version lacks it, help is laid out as before.
if (!asksForHelp) {
  const usage = (cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === "function") usage.cacheHelpMessage = () => {};
}
await cli
  .scriptName("nafuda")
  .locale(lang)
  .usage(t("CLI_USAGE"))
  .command(readingsCommand(out))
  .command(badgesCommand(out))
  .command(postersCommand(out))
  .command(signsCommand(out))
  .command(calibrateCommand(out))
  .command(demoCommand(out))
  .command(serveCommand(out))
  .command(initCommand(out))
  .option("config", { type: "string", global: true, describe: t("OPT_CONFIG") })
  .option("lang", { choices: LANGS, global: true, describe: t("OPT_LANG") })
  .middleware(applyConfigDefaults(argv, config, configDefaults, out), true)
  .demandCommand(1, t("CLI_NEED_COMMAND"))
  .strict()
  .recommendCommands()
  .help("help", t("OPT_HELP"))
  .alias("help", "h")
  .version("version", t("OPT_VERSION"))
  .showHelpOnFail(false)
  .fail((message, error) => {
    if (error && !message) throw error;
    // The error first, then one line on where help is; never the whole help.
    const command = argv.find((token) => COMMANDS.includes(token));
    process.stderr.write(`nafuda: ${formatMessage(msg("CLI_BAD_OPTION", { detail: (message ?? error?.message ?? "").replace(/\s*\n\s*/g, " ") }), lang)}\n`);
    process.stderr.write(`${formatMessage(msg("CLI_USAGE_HINT", { command: command ? `${command} ` : "" }), lang)}\n`);
    process.exit(EXIT.badInput);
  })
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
