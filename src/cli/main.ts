#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { readingsCommand } from "./commands/readings.js";
import { badgesCommand } from "./commands/badges.js";
import { postersCommand } from "./commands/posters.js";
import { demoCommand } from "./commands/demo.js";
import { serveCommand } from "./commands/serve.js";
import { initCommand } from "./commands/init.js";
import { applyConfigDefaults } from "./config-defaults.js";

/** The CLI is a thin shell: each command parses options, calls the library, prints, and sets the exit code. */
const argv = hideBin(process.argv);
await yargs(argv)
  .scriptName("nafuda")
  .usage("$0 <command> [options]\n\n名札 — staff name badges (surname in hiragana + romaji) and customer-harassment posters")
  .command(readingsCommand)
  .command(badgesCommand)
  .command(postersCommand)
  .command(demoCommand)
  .command(serveCommand)
  .command(initCommand)
  .option("config", { type: "string", global: true, describe: "config file (default: nafuda.config.yaml/.json in this folder)" })
  .middleware(applyConfigDefaults(argv), true)
  .demandCommand(1, "Name a command: readings, badges, posters, demo or init.")
  .strict()
  .recommendCommands()
  .help()
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
