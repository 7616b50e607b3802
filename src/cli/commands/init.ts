import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { initProject } from "../../config/init.js";
import { failWith } from "../report.js";

interface InitArgs { folder: string; name: string; force: boolean }

export const initCommand: CommandModule<object, InitArgs> = {
  command: "init [folder]",
  describe: "Start a city's own setup: a commented nafuda.config.yaml, policy, facility list and badge template to edit",
  builder: (yargs) =>
    yargs
      .positional("folder", { type: "string", default: ".", describe: "where to write the files" })
      .option("name", { type: "string", demandOption: true, describe: "the municipality's name, e.g. あおば市" })
      .option("force", { type: "boolean", default: false, describe: "overwrite files that already exist" }) as never,
  handler: async (args) => {
    try {
      const result = await initProject(resolve(args.folder), args.name, args.force);
      for (const name of result.written) process.stderr.write(`wrote ${name}\n`);
      for (const name of result.skipped) process.stderr.write(`kept ${name} (exists; --force to overwrite)\n`);
      process.stderr.write(`Next: edit policy.yaml and facilities.csv, then run nafuda readings <roster> in ${args.folder}\n`);
    } catch (error) {
      failWith(error);
    }
  },
};
