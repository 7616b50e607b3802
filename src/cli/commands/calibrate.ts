import type { CommandModule } from "yargs";
import { msg } from "../../messages/message.js";
import type { Output } from "../output.js";
import { SHEET_PRESET_NAMES, sheetLayoutOptions, type SheetLayoutArgs } from "../sheet-options.js";

interface CalibrateArgs extends SheetLayoutArgs {
  output: string;
  sheet: string;
  template: string;
  "offset-x": number;
  "offset-y": number;
  scale: number;
}


/** `nafuda calibrate`: the calibration sheet (src/badges/calibrate.ts), written atomically. */
export function calibrateCommand(out: Output): CommandModule<object, CalibrateArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "calibrate",
    describe: t("CMD_CALIBRATE"),
    builder: (yargs) =>
      yargs
        .option("output", { alias: "o", type: "string", default: "calibrate.pdf", describe: t("OPT_CALIBRATE_OUTPUT") })
        .option("sheet", { type: "string", default: "a4-10up", describe: out.text(msg("OPT_SHEET", { presets: SHEET_PRESET_NAMES })) })
        .options(sheetLayoutOptions(out))
        .option("template", { alias: "t", type: "string", default: "standard", describe: t("OPT_TEMPLATE") })
        .option("offset-x", { type: "number", default: 0, describe: t("OPT_OFFSET_X") })
        .option("offset-y", { type: "number", default: 0, describe: t("OPT_OFFSET_Y") })
        .option("scale", { type: "number", default: 1, describe: t("OPT_SCALE") }) as never,
    handler: async (args) => {
      try {
        const { sheetFromOptions } = await import("../../badges/sheet-option.js");
        const { calibrationSheet } = await import("../../badges/calibrate.js");
        const { writeFileAtomic } = await import("../../io/atomic-write.js");
        const sheet = await sheetFromOptions(args.sheet, args);
        const result = await calibrationSheet({
          ...(sheet !== undefined ? { sheet } : {}),
          template: args.template,
          offsetX: args["offset-x"],
          offsetY: args["offset-y"],
          scale: args.scale,
          lang: out.lang,
        });
        await writeFileAtomic(args.output, result.pdf);
        out.line(msg("CALIBRATE_WRITTEN", { output: args.output, sheet: result.sheet.name }));
      } catch (error) {
        out.fail(error);
      }
    },
  };
}
