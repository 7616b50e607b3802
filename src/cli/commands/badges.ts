import { join } from "node:path";
import type { CommandModule } from "yargs";
import { staffReadings } from "../staff-readings.js";
import { writeFileAtomic } from "../../io/atomic-write.js";
import { formatRowError, type RowError, type StaffReading } from "../../model.js";
import type { RomajiCase, RomajiSystem } from "../../romaji/systems.js";
import { renderBadgeSheets, type RenderBadgesOptions } from "../../badges/render-badges.js";
import { renderBadgesSplit } from "../../badges/split.js";
import { sheetFromOptions } from "../../badges/sheet-option.js";
import { TemplateError } from "../../badges/template.js";
import { SHEET_PRESETS, SheetError } from "../../geometry/sheets.js";
import { EXIT, failWith, printRowErrors } from "../report.js";

interface BadgesArgs {
  roster: string;
  output: string;
  template: string;
  sheet?: string;
  overrides?: string;
  romaji: RomajiSystem;
  "romaji-case": RomajiCase;
  "split-by"?: string;
  "offset-x": number;
  "offset-y": number;
  "back-offset-x"?: number;
  "back-offset-y"?: number;
  scale: number;
  "start-at": number;
  "crop-marks": boolean;
  "cut-guides": boolean;
  duplex?: boolean;
  font?: string[];
  "allow-unreviewed": boolean;
  "roster-sheet"?: string;
  page?: string;
  grid?: string;
  cell?: string;
  pitch?: string;
  margins?: string;
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

function listUnreviewed(staff: readonly StaffReading[], limit = 50): void {
  for (const s of staff.slice(0, limit)) {
    const alternatives = s.alternatives.length > 0 ? ` (or ${s.alternatives.join(", ")})` : "";
    const why = s.reasons.length > 0 ? ` — ${s.reasons.join("; ")}` : "";
    process.stderr.write(`  row ${s.row}: ${s.name} → ${s.kana} / ${s.romaji}${alternatives}${why}\n`);
  }
  if (staff.length > limit) process.stderr.write(`  … and ${staff.length - limit} more\n`);
}

export const badgesCommand: CommandModule<object, BadgesArgs> = {
  command: "badges <roster>",
  describe: "Print name badges (surname in hiragana + romaji) on sheets or as single badges with crop marks",
  builder: (yargs) =>
    yargs
      .positional("roster", { type: "string", demandOption: true, describe: "staff roster: CSV (UTF-8 or Shift_JIS), XLSX or JSON" })
      .option("output", { alias: "o", type: "string", demandOption: true, describe: "the PDF to write (with --split-by: a folder, the .pdf dropped)" })
      .option("template", { alias: "t", type: "string", default: "standard", describe: "built-in template (standard, card, standard-duplex) or a template JSON file" })
      .option("sheet", { type: "string", describe: `sheet preset (${Object.keys(SHEET_PRESETS).join(", ")}) or a sheet JSON/YAML file; default suits the template` })
      .option("page", { type: "string", describe: "custom sheet: paper name (A4) or WIDTHxHEIGHT mm" })
      .option("grid", { type: "string", describe: "custom sheet: COLUMNSxROWS, e.g. 2x5" })
      .option("cell", { type: "string", describe: "custom sheet: cell WIDTHxHEIGHT mm" })
      .option("pitch", { type: "string", describe: "custom sheet: cell-to-cell distance XxY mm (larger than the cell for gaps)" })
      .option("margins", { type: "string", describe: "custom sheet: TOP,LEFT margins mm (default: centred)" })
      .option("overrides", { type: "string", describe: "confirmed readings file (the corrected review sheet)" })
      .option("romaji", { choices: ["passport", "hepburn", "kunrei", "kana"] as const, default: "passport" as const, describe: "romanisation" })
      .option("romaji-case", { choices: ["title", "upper"] as const, default: "title" as const, describe: "Matsuno or MATSUNO" })
      .option("split-by", { type: "string", describe: "one PDF per group of this column (所属 or 施設) plus index.csv" })
      .option("offset-x", { type: "number", default: 0, describe: "printer calibration: shift right, mm" })
      .option("offset-y", { type: "number", default: 0, describe: "printer calibration: shift down, mm" })
      .option("back-offset-x", { type: "number", describe: "duplex: shift of the back pages, mm (default: --offset-x)" })
      .option("back-offset-y", { type: "number", describe: "duplex: shift of the back pages, mm (default: --offset-y)" })
      .option("scale", { type: "number", default: 1, describe: "printer calibration: scale about the page centre, e.g. 1.005" })
      .option("start-at", { type: "number", default: 1, describe: "start at cell N of the first sheet (a part-used sheet)" })
      .option("crop-marks", { type: "boolean", default: false, describe: "3 mm bleed, Japanese crop marks, TrimBox/BleedBox (one badge per page)" })
      .option("cut-guides", { type: "boolean", default: false, describe: "thin cut guides in the sheet margins" })
      .option("duplex", { type: "boolean", describe: "back pages mirrored behind the fronts (default: when the template has a back)" })
      .option("font", { type: "array", string: true, describe: "replace a template font: NAME=path.ttf (repeatable)" })
      .option("allow-unreviewed", { type: "boolean", default: false, describe: "print even though some readings still need review" })
      .option("roster-sheet", { type: "string", describe: "XLSX sheet name or number (default: the first)" }) as never,
  handler: async (args) => {
    try {
      const { roster, readings, errors } = await staffReadings({
        roster: args.roster, sheet: args["roster-sheet"], overrides: args.overrides, romaji: args.romaji, romajiCase: args["romaji-case"],
      });
      const withFile = (e: RowError): RowError => ({ ...e, file: e.file ?? roster.file });

      const unreviewed = readings.staff.filter((s) => s.review);
      if (unreviewed.length > 0 && !args["allow-unreviewed"]) {
        printRowErrors(errors);
        process.stderr.write(
          `nafuda: not printing: ${unreviewed.length} reading(s) still need review:\n`,
        );
        listUnreviewed(unreviewed);
        process.stderr.write(
          `Check them with \`nafuda readings ${args.roster} -o review.csv\`, correct the sheet and pass it as --overrides, ` +
            `or print anyway with --allow-unreviewed.\n`,
        );
        process.exitCode = EXIT.needsReview;
        return;
      }

      const fonts: Record<string, string> = {};
      for (const entry of args.font ?? []) {
        const at = entry.indexOf("=");
        if (at <= 0) throw new SheetError(`--font ${entry}: write NAME=path.ttf (NAME as the template names it)`);
        fonts[entry.slice(0, at)] = entry.slice(at + 1);
      }
      const sheet = await sheetFromOptions(args.sheet, args);
      const options: RenderBadgesOptions = {
        template: args.template,
        ...(sheet !== undefined ? { sheet } : {}),
        ...(Object.keys(fonts).length > 0 ? { fonts } : {}),
        offsetX: args["offset-x"],
        offsetY: args["offset-y"],
        ...(args["back-offset-x"] !== undefined ? { backOffsetX: args["back-offset-x"] } : {}),
        ...(args["back-offset-y"] !== undefined ? { backOffsetY: args["back-offset-y"] } : {}),
        scale: args.scale,
        startAt: args["start-at"],
        ...(args["crop-marks"] ? { cropMarks: true } : {}),
        cutGuides: args["cut-guides"],
        ...(args.duplex !== undefined ? { duplex: args.duplex } : {}),
      };

      let summary: string;
      let warnings: RowError[];
      if (args["split-by"]) {
        const folder = args.output.replace(/\.pdf$/i, "");
        const progress = progressBar("badges");
        const split = await renderBadgesSplit(readings.staff, args["split-by"], { ...options, ...(progress ? { onProgress: progress } : {}) });
        for (const file of split.files) await writeFileAtomic(join(folder, file.fileName), file.pdf);
        await writeFileAtomic(join(folder, "index.csv"), split.index);
        errors.push(...split.errors.map(withFile));
        warnings = split.warnings.map(withFile);
        const badges = split.files.reduce((sum, f) => sum + f.badges, 0);
        summary = `${badges} badges in ${split.files.length} PDF(s) by ${args["split-by"]} → ${folder}/ (index.csv)`;
      } else {
        const progress = progressBar("badges");
        const result = await renderBadgeSheets(readings.staff, { ...options, ...(progress ? { onProgress: progress } : {}) });
        if (result.badges > 0) await writeFileAtomic(args.output, result.pdf);
        errors.push(...result.errors.map(withFile));
        warnings = result.warnings.map(withFile);
        summary =
          result.badges > 0
            ? `${result.badges} badges on ${result.pages} page(s) (${result.sheet.name}) → ${args.output}`
            : `no badges to print; ${args.output} not written`;
      }
      printRowErrors(errors);
      for (const warning of warnings.slice(0, 20)) process.stderr.write(`warning: ${formatRowError(warning)}\n`);
      if (unreviewed.length > 0) process.stderr.write(`note: printed ${unreviewed.length} reading(s) not yet reviewed (--allow-unreviewed)\n`);
      process.stderr.write(`${summary}${errors.length > 0 ? `; ${errors.length} row(s) left out (see errors above)` : ""}\n`);
      if (errors.length > 0) process.exitCode = EXIT.needsReview;
    } catch (error) {
      if (error instanceof TemplateError || error instanceof SheetError) {
        process.stderr.write(`nafuda: ${error.message}\n`);
        process.exitCode = EXIT.badInput;
      } else failWith(error);
    }
  },
};
