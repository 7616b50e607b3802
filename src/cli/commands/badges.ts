import type { CommandModule } from "yargs";
import type { RowError, StaffReading } from "../../model.js";
import { msg, placeMessage } from "../../messages/message.js";
import type { RomajiCase, RomajiSystem } from "../../romaji/systems.js";
import { EXIT, type Output } from "../output.js";
import { cropMarksOption } from "../print-options.js";
import { SHEET_PRESET_NAMES, sheetLayoutOptions, type SheetLayoutArgs } from "../sheet-options.js";
import { listOption } from "../staff-readings.js";

interface BadgesArgs extends SheetLayoutArgs {
  roster: string;
  output: string;
  template: string;
  sheet?: string;
  overrides?: string[];
  romaji: RomajiSystem;
  "romaji-case": RomajiCase;
  "foreign-names-in": "hiragana" | "katakana";
  "split-by"?: string;
  "offset-x": number;
  "offset-y": number;
  "back-offset-x"?: number;
  "back-offset-y"?: number;
  scale: number;
  "start-at": number;
  "crop-marks"?: boolean;
  "print-shop": boolean;
  date?: string;
  "cut-guides": boolean;
  duplex?: boolean;
  font?: string[];
  "allow-unreviewed": boolean;
  "roster-sheet"?: string;
}


/** A one-line progress bar on stderr, only on a terminal. */
function progressBar(label: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write("\n");
  };
}

function listUnreviewed(out: Output, staff: readonly StaffReading[], limit = 50): void {
  for (const s of staff.slice(0, limit)) {
    out.line(msg("CLI_UNREVIEWED_ROW", {
      where: placeMessage({ row: s.row, sheetRow: s.sheetRow }),
      name: s.name, kana: s.kana, romaji: s.romaji, alternatives: s.alternatives, reasons: s.reasons,
    }));
  }
  if (staff.length > limit) out.line(msg("CLI_MORE_ROWS", { count: staff.length - limit }));
}

export function badgesCommand(out: Output): CommandModule<object, BadgesArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "badges <roster>",
    describe: t("CMD_BADGES"),
    builder: (yargs) =>
      yargs
        .positional("roster", { type: "string", demandOption: true, describe: t("OPT_ROSTER") })
        .option("output", { alias: "o", type: "string", demandOption: true, describe: t("OPT_BADGES_OUTPUT") })
        .option("template", { alias: "t", type: "string", default: "standard", describe: t("OPT_TEMPLATE") })
        .option("sheet", { type: "string", describe: out.text(msg("OPT_SHEET", { presets: SHEET_PRESET_NAMES })) })
        .options(sheetLayoutOptions(out))
        .option("overrides", { type: "array", string: true, describe: t("OPT_OVERRIDES") })
        .option("romaji", { choices: ["passport", "hepburn", "kunrei", "kana"] as const, default: "passport" as const, describe: t("OPT_ROMAJI") })
        .option("romaji-case", { choices: ["title", "upper"] as const, default: "title" as const, describe: t("OPT_ROMAJI_CASE") })
        .option("foreign-names-in", { choices: ["hiragana", "katakana"] as const, default: "hiragana" as const, describe: t("OPT_FOREIGN_NAMES_IN") })
        .option("split-by", { type: "string", describe: t("OPT_BADGES_SPLIT") })
        .option("offset-x", { type: "number", default: 0, describe: t("OPT_OFFSET_X") })
        .option("offset-y", { type: "number", default: 0, describe: t("OPT_OFFSET_Y") })
        .option("back-offset-x", { type: "number", describe: t("OPT_BACK_OFFSET_X") })
        .option("back-offset-y", { type: "number", describe: t("OPT_BACK_OFFSET_Y") })
        .option("scale", { type: "number", default: 1, describe: t("OPT_SCALE") })
        .option("start-at", { type: "number", default: 1, describe: t("OPT_START_AT") })
        .option("crop-marks", { type: "boolean", describe: t("OPT_CROP_MARKS") })
        .option("print-shop", { type: "boolean", default: false, describe: t("OPT_PRINT_SHOP") })
        .option("date", { type: "string", describe: t("OPT_DATE") })
        .option("cut-guides", { type: "boolean", default: false, describe: t("OPT_CUT_GUIDES") })
        .option("duplex", { type: "boolean", describe: t("OPT_DUPLEX") })
        .option("font", { type: "array", string: true, describe: t("OPT_FONT") })
        .option("allow-unreviewed", { type: "boolean", default: false, describe: t("OPT_ALLOW_UNREVIEWED") })
        .option("roster-sheet", { type: "string", describe: t("OPT_SHEET_NAME") }) as never,
    handler: async (args) => {
      try {
        // HarfBuzz (WebAssembly) subsets the fonts. V8 runs it as Liftoff code, then recompiles it with TurboFan in
        // the background, and this short process waits for that before it can end: 0.2–0.25 s of an idle main
        // thread in every run (profiled), for code that subsets a 5 MB CJK font in ~35 ms as it is. This process is
        // ours alone; the library sets no V8 flag.
        (await import("node:v8")).setFlagsFromString("--liftoff-only");
        const { parseFontOptions, sheetFromOptions } = await import("../../badges/sheet-option.js");
        const fonts = parseFontOptions(args.font ?? []);
        const progress = progressBar(out.text(msg("TEXT_PROGRESS_BADGES")));
        // The template, sheet and fonts do not depend on the staff: they are read before the readings are resolved,
        // and HarfBuzz's WebAssembly compiles on V8's background threads meanwhile. (Started concurrently instead, the
        // preparing waited for the readings anyway: resolving is one long synchronous stretch, and the preparing's
        // file reads and module loads need the main thread between their steps.) Their errors are reported where
        // they always were, after the readings' (awaited below).
        const preparing = (async () => {
          const sheet = await sheetFromOptions(args.sheet, args);
          const options = {
            template: args.template,
            ...(sheet !== undefined ? { sheet } : {}),
            ...(Object.keys(fonts).length > 0 ? { fonts } : {}),
            offsetX: args["offset-x"],
            offsetY: args["offset-y"],
            ...(args["back-offset-x"] !== undefined ? { backOffsetX: args["back-offset-x"] } : {}),
            ...(args["back-offset-y"] !== undefined ? { backOffsetY: args["back-offset-y"] } : {}),
            scale: args.scale,
            startAt: args["start-at"],
          ...cropMarksOption(args["crop-marks"]),
            ...(args["print-shop"] ? { printShop: true } : {}),
            ...(args.date !== undefined ? { date: args.date } : {}),
            cutGuides: args["cut-guides"],
            ...(args.duplex !== undefined ? { duplex: args.duplex } : {}),
            ...(progress && !args["split-by"] ? { onProgress: progress } : {}),
          };
          const { prepareBadgeRun } = await import("../../badges/render-badges.js");
          return prepareBadgeRun(options);
        })();
        preparing.catch(() => undefined); // awaited below, unless the readings stop the command first
        await preparing.then(() => undefined, () => undefined);
        const { staffReadings } = await import("../staff-readings.js");
        const { roster, readings, errors } = await staffReadings({
          roster: args.roster, sheet: args["roster-sheet"], overrides: listOption(args.overrides), romaji: args.romaji, romajiCase: args["romaji-case"],
          foreignNamesIn: args["foreign-names-in"],
        }, out);
        const withFile = (e: RowError): RowError => ({ ...e, file: e.file ?? roster.file });

        const unreviewed = readings.staff.filter((s) => s.review);
        if (unreviewed.length > 0 && !args["allow-unreviewed"]) {
          out.rowErrors(errors);
          out.line(`nafuda: ${out.text(msg("BADGES_REFUSED", { count: unreviewed.length }))}`);
          listUnreviewed(out, unreviewed);
          out.line(msg("BADGES_REFUSED_HINT", { roster: args.roster }));
          process.exitCode = EXIT.needsReview;
          return;
        }

        let summary: string;
        let warnings: RowError[];
        // Streamed: each page goes to the file as it is made (a temporary file, renamed when complete), so memory
        // stays flat however large the roster.
        if (args["split-by"]) {
          const { writeSplitToFolder } = await import("../../badges/split.js");
          const folder = args.output.replace(/\.pdf$/i, "");
          const split = await writeSplitToFolder(preparing, readings.staff, args["split-by"], folder, progress ? { onProgress: progress } : {});
          errors.push(...split.errors.map(withFile));
          warnings = split.warnings.map(withFile);
          const badges = split.files.reduce((sum, f) => sum + f.badges, 0);
          summary = out.text(msg("BADGES_SPLIT_SUMMARY", { badges, files: split.files.length, by: args["split-by"], folder }));
        } else {
          const result = await (await preparing).toFile(readings.staff, args.output);
          errors.push(...result.errors.map(withFile));
          warnings = result.warnings.map(withFile);
          summary = result.badges > 0
            ? out.text(msg("BADGES_SUMMARY", { badges: result.badges, pages: result.pages, sheet: result.sheet.name, output: args.output }))
            : out.text(msg("BADGES_NONE", { output: args.output }));
        }
        out.rowErrors(errors);
        out.warnings(warnings);
        if (unreviewed.length > 0) out.note(msg("NOTE_PRINTED_UNREVIEWED", { count: unreviewed.length }));
        out.line(summary + (errors.length > 0 ? out.text(msg("BADGES_LEFT_OUT", { count: errors.length })) : ""));
        if (errors.length > 0) process.exitCode = EXIT.needsReview;
      } catch (error) {
        out.fail(error);
      }
    },
  };
}
