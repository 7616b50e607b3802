import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { msg } from "../../messages/message.js";
import { EXIT, type Output } from "../output.js";
import { asOfOption, cropMarksOption, failBatch } from "../print-options.js";

interface PostersArgs {
  facilities: string;
  policy: string;
  output: string;
  sizes?: string[];
  bleed: boolean;
  "crop-marks"?: boolean;
  "print-shop": boolean;
  date?: string;
  "date-style"?: "era" | "western";
  background?: string;
  layout?: string;
  sheet?: string;
  "as-of"?: string;
  "a3-design"?: "full" | "distance";
  "one-size-per-file": boolean;
  "poster-layout"?: "office" | "full-bleed";
}

/** The poster sizes, for --help (kept here so that help does not load the poster code). */
const SIZE_NAMES = "A4, A3, B3, B2";

export function postersCommand(out: Output): CommandModule<object, PostersArgs> {
  const t = (code: Parameters<typeof msg>[0]) => out.text(msg(code as "OPT_ROSTER"));
  return {
    command: "posters <facilities>",
    describe: t("CMD_POSTERS"),
    builder: (yargs) =>
      yargs
        .positional("facilities", { type: "string", demandOption: true, describe: t("OPT_FACILITIES") })
        .option("policy", { type: "string", demandOption: true, describe: t("OPT_POLICY") })
        .option("output", { alias: "o", type: "string", demandOption: true, describe: t("OPT_POSTERS_OUTPUT") })
        .option("sizes", { type: "array", string: true, describe: out.text(msg("OPT_SIZES", { sizes: SIZE_NAMES })) })
        .option("bleed", { type: "boolean", default: false, describe: t("OPT_BLEED") })
        .option("crop-marks", { type: "boolean", describe: t("OPT_POSTER_CROP_MARKS") })
        .option("print-shop", { type: "boolean", default: false, describe: t("OPT_PRINT_SHOP") })
        .option("date", { type: "string", describe: t("OPT_DATE") })
        .option("one-size-per-file", { type: "boolean", default: false, describe: t("OPT_ONE_SIZE_PER_FILE") })
        .option("poster-layout", { choices: ["office", "full-bleed"] as const, describe: t("OPT_POSTER_LAYOUT") })
        .option("date-style", { choices: ["era", "western"] as const, describe: t("OPT_DATE_STYLE") })
        .option("background", { type: "string", describe: t("OPT_BACKGROUND") })
        .option("layout", { type: "string", describe: t("OPT_LAYOUT") })
        .option("sheet", { type: "string", describe: t("OPT_SHEET_NAME") })
        .option("as-of", { type: "string", describe: t("OPT_AS_OF") })
        .option("a3-design", { choices: ["full", "distance"] as const, describe: t("OPT_A3_DESIGN") })
        .check((argv) => (argv.layout && !argv.background ? t("POSTERS_LAYOUT_NEEDS_BACKGROUND") : true)) as never,
    handler: async (args) => {
      try {
        const { parsePosterSize, POSTER_SIZES } = await import("../../posters/sizes.js");
        type Size = (typeof POSTER_SIZES)[number];
        let sizes: Size[] | undefined;
        if (args.sizes) {
          const chosen: Size[] = [];
          for (const word of args.sizes.flatMap((s) => String(s).split(/[,、\s]+/)).filter(Boolean)) {
            const size = parsePosterSize(word);
            if (!size) return out.refuse(msg("POSTERS_UNKNOWN_SIZE", { word, known: POSTER_SIZES.join(", ") }));
            if (!chosen.includes(size)) chosen.push(size);
          }
          sizes = POSTER_SIZES.filter((s) => chosen.includes(s));
        }
        const asOf = await asOfOption(args["as-of"], out);
        if (!asOf) return;
        const { loadBackgroundLayout } = await import("../../posters/background-layout.js");
        const { openArtworkPdf } = await import("../../pdf/artwork-pdf.js");
        const { runPosterBatch, MANIFEST_FILE, SUMMARY_FILE } = await import("../../posters/batch.js");
        const layout = args.layout ? await loadBackgroundLayout(args.layout) : {};
        const background = args.background ? { pdf: (await openArtworkPdf(args.background, "--background")).bytes, file: args.background, ...layout } : undefined;
        const output = resolve(args.output);
        const result = await runPosterBatch(args.facilities, args.policy, output, {
          sizes,
          bleed: args.bleed,
          ...cropMarksOption(args["crop-marks"]),
          printShop: args["print-shop"],
          ...(args.date !== undefined ? { date: args.date } : {}),
          oneSizePerFile: args["one-size-per-file"],
          ...(args["poster-layout"] ? { posterLayout: args["poster-layout"] } : {}),
          dateStyle: args["date-style"],
          background,
          sheet: args.sheet,
          asOf,
          ...(args["a3-design"] ? { designs: { A3: args["a3-design"] } } : {}),
          // An ASCII name (--one-size-per-file) says which facility it holds; a facility's own name needs no more.
          onFile: ({ facility, file, sizes }) => out.line(msg("POSTERS_FILE", { file: args["one-size-per-file"] ? `${file}  ${facility.name}` : file, sizes: sizes.join(", ") })),
        });
        out.rowErrors(result.errors);
        const facilities = new Set(result.orders.map((o) => o.facility)).size;
        const copies = result.orders.reduce((sum, o) => sum + o.copies, 0);
        out.line(msg("POSTERS_SUMMARY", {
          facilities, pages: result.orders.length, copies, errors: result.errors.length, manifest: MANIFEST_FILE, summary: SUMMARY_FILE, output,
        }));
        if (result.errors.length > 0) process.exitCode = EXIT.needsReview;
      } catch (error) {
        failBatch(out, error);
      }
    },
  };
}
