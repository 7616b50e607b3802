#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { readingsCommand } from "./commands/readings.js";
import { badgesCommand } from "./commands/badges.js";
import { postersCommand } from "./commands/posters.js";
import { demoCommand } from "./commands/demo.js";

/** The CLI is a thin shell: each command parses options, calls the library, prints, and sets the exit code. */
await yargs(hideBin(process.argv))
  .scriptName("nafuda")
  .usage("$0 <command> [options]\n\n名札 — staff name badges (surname in hiragana + romaji) and customer-harassment posters")
  .command(readingsCommand)
  .command(badgesCommand)
  .command(postersCommand)
  .command(demoCommand)
  .demandCommand(1, "Name a command: readings, badges, posters or demo.")
  .strict()
  .recommendCommands()
  .help()
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .parseAsync();
