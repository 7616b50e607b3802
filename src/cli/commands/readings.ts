import { join } from "node:path";
import type { CommandModule } from "yargs";
import { msg } from "../../messages/message.js";
import { EXIT, type Output } from "../output.js";
import { listOption } from "../staff-readings.js";
import type { RomajiCase, RomajiSystem } from "../../romaji/systems.js";

interface ReadingsArgs {
  roster: string;
  output?: string;
  overrides?: string[];
  romaji: RomajiSystem;
  "romaji-case": RomajiCase;
  "foreign-names-in": "hiragana" | "katakana";
  format?: "csv" | "json" | "xlsx";
  strict: boolean;
  sheet?: string;
  "split-by"?: string;
}

type SheetFormat = "csv" | "json" | "xlsx";

/** The format an output path asks for by its extension; csv otherwise. */
function formatOf(output: string | undefined): SheetFormat {
  if (output && /\.xlsx$/i.test(output)) return "xlsx";
  if (output && /\.json$/i.test(output)) return "json";
  return "csv";
}

export function readingsCommand(out: Output): CommandModule<object, ReadingsArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "readings <roster>",
    describe: t("CMD_READINGS"),
    builder: (yargs) =>
      yargs
        .positional("roster", { type: "string", demandOption: true, describe: t("OPT_ROSTER") })
        .option("output", { alias: "o", type: "string", describe: t("OPT_READINGS_OUTPUT") })
        .option("overrides", { type: "array", string: true, describe: t("OPT_OVERRIDES") })
        .option("romaji", { choices: ["passport", "hepburn", "kunrei", "kana"] as const, default: "passport" as const, describe: t("OPT_ROMAJI") })
        .option("romaji-case", { choices: ["title", "upper"] as const, default: "title" as const, describe: t("OPT_ROMAJI_CASE") })
        .option("foreign-names-in", { choices: ["hiragana", "katakana"] as const, default: "hiragana" as const, describe: t("OPT_FOREIGN_NAMES_IN") })
        .option("format", { choices: ["csv", "xlsx", "json"] as const, describe: t("OPT_FORMAT") })
        .option("strict", { type: "boolean", default: false, describe: t("OPT_STRICT") })
        .option("split-by", { type: "string", describe: t("OPT_READINGS_SPLIT") })
        .option("sheet", { type: "string", describe: t("OPT_SHEET_NAME") }) as never,
    handler: async (args) => {
      try {
        const format = args.format ?? formatOf(args.output);
        if (args["split-by"] !== undefined && (!args.output || args.output === "-")) return out.refuse(msg("READINGS_SPLIT_NEEDS_OUTPUT"));
        if (args["split-by"] !== undefined && format === "json") return out.refuse(msg("READINGS_SPLIT_NO_JSON"));
        const { staffReadings } = await import("../staff-readings.js");
        const { roster, readings, errors } = await staffReadings({
          roster: args.roster, sheet: args.sheet, overrides: listOption(args.overrides), romaji: args.romaji, romajiCase: args["romaji-case"],
          foreignNamesIn: args["foreign-names-in"],
        }, out);
        const { writeFileAtomic } = await import("../../io/atomic-write.js");
        const { reviewReport, reviewSheetCsv } = await import("../../review/review-sheet.js");
        const lang = out.lang;
        const sheetBytes = async (report: ReturnType<typeof reviewReport>, title: string): Promise<string | Uint8Array> => {
          if (format === "json") return JSON.stringify(report, null, 2) + "\n";
          if (format === "xlsx") return (await import("../../review/review-workbook.js")).reviewSheetXlsx(report.staff, { lang, roster: title });
          return reviewSheetCsv(report.staff, { lang, roster: title });
        };
        const rosterName = roster.file.replace(/^.*[\\/]/, "");
        const report = reviewReport(readings.staff, errors, { lang });
        const by = args["split-by"];
        if (by !== undefined) {
          const { reviewGroups, hasSplitColumn } = await import("../../review/review-split.js");
          const { csvDocument } = await import("../../io/excel-csv.js");
          if (!hasSplitColumn(roster.headers, by, readings.staff)) {
            return out.refuse(msg("SPLIT_NO_COLUMN", { column: by, headers: roster.headers }));
          }
          const folder = args.output!;
          const groups = reviewGroups(readings.staff, errors, by);
          const index: (string | number)[][] = [[
            out.text(msg("INDEX_COLUMN_GROUP")), out.text(msg("INDEX_COLUMN_FILE")), out.text(msg("INDEX_COLUMN_STAFF")),
            out.text(msg("INDEX_COLUMN_REVIEW")), out.text(msg("INDEX_COLUMN_ERRORS")),
          ]];
          for (const group of groups) {
            const part = reviewReport(group.staff, group.errors, { lang });
            const fileName = `${group.fileStem}.${format}`;
            const label = group.key === "" ? out.text(msg("TEXT_NO_GROUP")) : group.key;
            await writeFileAtomic(join(folder, fileName), await sheetBytes(part, `${rosterName} ${label}`));
            index.push([label, fileName, part.summary.total, part.summary.review, part.summary.errors]);
          }
          await writeFileAtomic(join(folder, "index.csv"), csvDocument(index));
          out.rowErrors(errors);
          out.line(msg("READINGS_SUMMARY", { total: report.summary.total, review: report.summary.review, errors: errors.length }));
          out.line(msg("READINGS_SPLIT_WROTE", { sheets: groups.length, by, folder }));
        } else {
          const toStdout = args.output === "-" || (args.output === undefined && !args.strict && !process.stdout.isTTY);
          if (args.output !== undefined && args.output !== "-" && format === "csv") {
            // Written in parts as they are made: a sheet of 170,000 staff never held whole in memory.
            const { openAtomicOutput } = await import("../../io/atomic-write.js");
            const { reviewSheetCsvParts } = await import("../../review/review-sheet.js");
            const file = await openAtomicOutput(args.output);
            try {
              const encoder = new TextEncoder();
              for (const part of reviewSheetCsvParts(report.staff, { lang, roster: rosterName })) await file.write(encoder.encode(part));
              await file.commit();
            } finally {
              await file.abort();
            }
          } else if (args.output !== undefined && args.output !== "-") await writeFileAtomic(args.output, await sheetBytes(report, rosterName));
          else if (toStdout) {
            const bytes = await sheetBytes(report, rosterName);
            process.stdout.write(typeof bytes === "string" ? bytes : Buffer.from(bytes));
          }
          out.rowErrors(errors);
          out.line(msg("READINGS_SUMMARY", { total: report.summary.total, review: report.summary.review, errors: errors.length }));
          if (args.output !== undefined && args.output !== "-") out.line(msg("READINGS_WROTE", { file: args.output }));
          else if (!toStdout) out.line(msg("READINGS_NOT_WRITTEN"));
        }
        if (args.strict && (report.summary.review > 0 || errors.length > 0)) process.exitCode = EXIT.needsReview;
      } catch (error) {
        out.fail(error);
      }
    },
  };
}
