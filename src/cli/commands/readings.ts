import type { CommandModule } from "yargs";
import { staffReadings } from "../staff-readings.js";
import { reviewReport, reviewSheetCsv } from "../../review/review-sheet.js";
import { writeFileAtomic } from "../../io/atomic-write.js";
import { EXIT, failWith, printRowErrors } from "../report.js";
import type { RomajiCase, RomajiSystem } from "../../romaji/systems.js";

interface ReadingsArgs {
  roster: string;
  output?: string;
  overrides?: string;
  romaji: RomajiSystem;
  "romaji-case": RomajiCase;
  format: "csv" | "json";
  strict: boolean;
  sheet?: string;
}

export const readingsCommand: CommandModule<object, ReadingsArgs> = {
  command: "readings <roster>",
  describe: "Decide every staff member's surname reading (hiragana + romaji) and write the review sheet",
  builder: (yargs) =>
    yargs
      .positional("roster", { type: "string", demandOption: true, describe: "staff roster: CSV (UTF-8 or Shift_JIS), XLSX or JSON" })
      .option("output", { alias: "o", type: "string", describe: "write the review sheet here (default: standard output)" })
      .option("overrides", { type: "string", describe: "confirmed readings file (a corrected review sheet): its rows win" })
      .option("romaji", { choices: ["passport", "hepburn", "kunrei", "kana"] as const, default: "passport" as const })
      .option("romaji-case", { choices: ["title", "upper"] as const, default: "title" as const, describe: "Matsuno or MATSUNO" })
      .option("format", { choices: ["csv", "json"] as const, default: "csv" as const })
      .option("strict", { type: "boolean", default: false, describe: "exit 1 while any row needs review or has an error" })
      .option("sheet", { type: "string", describe: "XLSX sheet name or number (default: the first)" }) as never,
  handler: async (args) => {
    try {
      const { readings: result, errors } = await staffReadings({
        roster: args.roster, sheet: args.sheet, overrides: args.overrides, romaji: args.romaji, romajiCase: args["romaji-case"],
      });
      const report = reviewReport(result.staff, errors);
      const text = args.format === "json" ? JSON.stringify(report, null, 2) + "\n" : reviewSheetCsv(report.staff);
      if (args.output) await writeFileAtomic(args.output, text);
      else process.stdout.write(text);

      printRowErrors(errors);
      const { total, review } = report.summary;
      process.stderr.write(`${total} staff: ${review} need review, ${errors.length} error(s)` +
        (args.output ? `. Review sheet: ${args.output}\n` : "\n"));
      if (args.strict && (review > 0 || errors.length > 0)) process.exitCode = EXIT.needsReview;
    } catch (error) {
      failWith(error);
    }
  },
};
