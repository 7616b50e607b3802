import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { msg } from "../../messages/message.js";
import { EXIT, type Output } from "../output.js";
import { asOfOption, cropMarksOption, failBatch } from "../print-options.js";

interface SignsArgs {
  facilities: string;
  policy: string;
  output: string;
  bleed: boolean;
  "crop-marks"?: boolean;
  "print-shop": boolean;
  date?: string;
  "date-style"?: "era" | "western";
  "as-of"?: string;
  sheet?: string;
}

export function signsCommand(out: Output): CommandModule<object, SignsArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "signs <facilities>",
    describe: t("CMD_SIGNS"),
    builder: (yargs) =>
      yargs
        .positional("facilities", { type: "string", demandOption: true, describe: t("OPT_FACILITIES") })
        .option("policy", { type: "string", demandOption: true, describe: t("OPT_POLICY") })
        .option("output", { alias: "o", type: "string", demandOption: true, describe: t("OPT_SIGNS_OUTPUT") })
        .option("bleed", { type: "boolean", default: false, describe: t("OPT_SIGNS_BLEED") })
        .option("crop-marks", { type: "boolean", describe: t("OPT_SIGNS_CROP_MARKS") })
        .option("print-shop", { type: "boolean", default: false, describe: t("OPT_PRINT_SHOP") })
        .option("date", { type: "string", describe: t("OPT_DATE") })
        .option("date-style", { choices: ["era", "western"] as const, describe: t("OPT_DATE_STYLE") })
        .option("as-of", { type: "string", describe: t("OPT_AS_OF") })
        .option("sheet", { type: "string", describe: t("OPT_SHEET_NAME") }) as never,
    handler: async (args) => {
      try {
        const asOf = await asOfOption(args["as-of"], out);
        if (!asOf) return;
        const { runSignBatch } = await import("../../signs/batch.js");
        const { MANIFEST_FILE, SUMMARY_FILE } = await import("../../posters/order.js");
        const output = resolve(args.output);
        let counter = 0;
        let phone = 0;
        const result = await runSignBatch(args.facilities, args.policy, output, {
          bleed: args.bleed,
          ...cropMarksOption(args["crop-marks"]),
          printShop: args["print-shop"],
          ...(args.date !== undefined ? { date: args.date } : {}),
          dateStyle: args["date-style"],
          asOf,
          sheet: args.sheet,
          onFile: ({ file, kind, pieces }) => {
            if (kind === "counter") counter += pieces;
            else phone += pieces;
            out.line(msg("SIGNS_FILE", { file, kind, pieces }));
          },
        });
        out.rowErrors(result.errors);
        const facilities = new Set(result.orders.map((o) => o.facility)).size;
        out.line(msg("SIGNS_SUMMARY", { facilities, counter, phone, errors: result.errors.length, manifest: MANIFEST_FILE, summary: SUMMARY_FILE, output }));
        if (result.errors.length > 0) process.exitCode = EXIT.needsReview;
      } catch (error) {
        failBatch(out, error);
      }
    },
  };
}
