import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { msg } from "../../messages/message.js";
import type { Output } from "../output.js";

interface InitArgs { folder: string; name: string; force: boolean }

export function initCommand(out: Output): CommandModule<object, InitArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "init [folder]",
    describe: t("CMD_INIT"),
    builder: (yargs) =>
      yargs
        .positional("folder", { type: "string", default: ".", describe: t("OPT_INIT_FOLDER") })
        .option("name", { type: "string", demandOption: true, describe: t("OPT_INIT_NAME") })
        .option("force", { type: "boolean", default: false, describe: t("OPT_FORCE") }) as never,
    handler: async (args) => {
      try {
        const { initMessages, initProject } = await import("../../config/init.js");
        const result = await initProject(resolve(args.folder), args.name, args.force);
        for (const message of initMessages(result, args.folder)) out.line(message);
      } catch (error) {
        out.fail(error);
      }
    },
  };
}
