import { loadBackgroundLayout } from "../../posters/background-layout.js";
import { openArtworkPdf } from "../../pdf/artwork-pdf.js";
import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { runPosterBatch, MANIFEST_FILE, SUMMARY_FILE } from "../../posters/batch.js";
import { PolicyError } from "../../posters/policy.js";
import { parsePosterSize, POSTER_SIZES, type PosterSize } from "../../posters/sizes.js";
import { EXIT, failWith, printRowErrors } from "../report.js";

interface PostersArgs {
  facilities: string;
  policy: string;
  output: string;
  sizes?: string[];
  bleed: boolean;
  "crop-marks": boolean;
  "date-style"?: "era" | "western";
  background?: string;
  layout?: string;
  sheet?: string;
}

export const postersCommand: CommandModule<object, PostersArgs> = {
  command: "posters <facilities>",
  describe: "Customer-harassment posters for every facility (one PDF each, a page per size) and the print order",
  builder: (yargs) =>
    yargs
      .positional("facilities", { type: "string", demandOption: true, describe: "facility list: CSV (UTF-8 or Shift_JIS) or XLSX" })
      .option("policy", { type: "string", demandOption: true, describe: "policy file (YAML or JSON), see examples/policy.yaml" })
      .option("output", { alias: "o", type: "string", demandOption: true, describe: "output folder (created if missing)" })
      .option("sizes", { type: "array", string: true, describe: `make these sizes for every facility instead of the list's (${POSTER_SIZES.join(", ")})` })
      .option("bleed", { type: "boolean", default: false, describe: "add 3 mm bleed (塗り足し) with TrimBox/BleedBox" })
      .option("crop-marks", { type: "boolean", default: false, describe: "add Japanese crop marks (トンボ)" })
      .option("date-style", { choices: ["era", "western"] as const, describe: "令和6年11月1日 (era) or 2024年11月1日 (western); default: the policy's" })
      .option("background", { type: "string", describe: "a PDF that replaces the built-in design (text is set over it)" })
      .option("layout", { type: "string", describe: "with --background: which artwork page each size uses and where the text goes (YAML/JSON, mm)" })
      .option("sheet", { type: "string", describe: "XLSX sheet name or number (default: the first)" })
      .check((argv) => (argv.layout && !argv.background ? "--layout describes a --background PDF: give --background too" : true)) as never,
  handler: async (args) => {
    try {
      let sizes: PosterSize[] | undefined;
      if (args.sizes) {
        sizes = [];
        for (const word of args.sizes.flatMap((s) => String(s).split(/[,、\s]+/)).filter(Boolean)) {
          const size = parsePosterSize(word);
          if (!size) {
            process.stderr.write(`nafuda: --sizes: unknown size "${word}"; known: ${POSTER_SIZES.join(", ")}\n`);
            process.exitCode = EXIT.badInput;
            return;
          }
          if (!sizes.includes(size)) sizes.push(size);
        }
        sizes = POSTER_SIZES.filter((s) => sizes!.includes(s));
      }
      const layout = args.layout ? await loadBackgroundLayout(args.layout) : {};
      const background = args.background ? { pdf: (await openArtworkPdf(args.background, "the --background PDF")).bytes, ...layout } : undefined;
      const output = resolve(args.output);
      const result = await runPosterBatch(args.facilities, args.policy, output, {
        sizes,
        bleed: args.bleed,
        cropMarks: args["crop-marks"],
        dateStyle: args["date-style"],
        background,
        sheet: args.sheet,
        onFile: ({ facility, file }) => process.stderr.write(`  ${file}  (${facility.sizes.join(", ")})\n`),
      });
      printRowErrors(result.errors);
      const facilities = new Set(result.orders.map((o) => o.file)).size;
      const copies = result.orders.reduce((sum, o) => sum + o.copies, 0);
      process.stderr.write(
        `${facilities} facilit${facilities === 1 ? "y" : "ies"}, ${result.orders.length} poster page(s), ${copies} copies to order; ` +
          `${result.errors.length} error(s). Order: ${MANIFEST_FILE}, ${SUMMARY_FILE} in ${output}\n`,
      );
      if (result.errors.length > 0) process.exitCode = EXIT.needsReview;
    } catch (error) {
      if (error instanceof PolicyError) {
        for (const issue of error.message.split("\n")) process.stderr.write(`error: ${issue}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      failWith(error);
    }
  },
};
