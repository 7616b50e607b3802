import { spawnSync } from "node:child_process";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CommandModule } from "yargs";
import { bundledPath } from "../../package-root.js";
import { msg } from "../../messages/message.js";
import { EXIT, type Output } from "../output.js";

interface DemoArgs { output: string }

/** The steps of the demo: the commands a city would type, on the bundled fictional examples. */
export function demoSteps(out: string): string[][] {
  const example = (name: string) => relative(process.cwd(), bundledPath("examples", name)) || name;
  const o = (name: string) => relative(process.cwd(), resolve(out, name)) || name;
  const confirmed = example("confirmed-readings.csv");
  return [
    ["readings", example("roster.csv"), "-o", o("review.xlsx")],
    ["readings", example("roster.csv"), "--overrides", confirmed, "--strict", "-o", o("review-confirmed.csv")],
    ["badges", example("roster.csv"), "--overrides", confirmed, "-o", o("badges-a4-10up.pdf")],
    ["badges", example("roster.xlsx"), "--overrides", confirmed, "--template", "card", "--sheet", "a4-8up-card", "-o", o("badges-card.pdf")],
    ["badges", example("roster-utf8.csv"), "--overrides", confirmed, "--template", "standard-duplex", "--sheet", "single", "--crop-marks", "-o", o("badges-print-shop.pdf")],
    ["posters", example("facilities.csv"), "--policy", example("policy.yaml"), "-o", o("posters")],
    ["signs", example("facilities.csv"), "--policy", example("policy.yaml"), "-o", o("posters")],
  ];
}

export function demoCommand(out: Output): CommandModule<object, DemoArgs> {
  return {
    command: "demo",
    describe: out.text(msg("CMD_DEMO")),
    builder: (yargs) => yargs.option("output", { alias: "o", type: "string", default: "out", describe: out.text(msg("OPT_DEMO_OUTPUT")) }) as never,
    handler: (args) => {
      const main = fileURLToPath(new URL("../main.js", import.meta.url));
      // Under tsx (tests) the sources run as .ts: keep the same loader for the child commands.
      const runner = main.endsWith(".ts") || import.meta.url.endsWith(".ts") ? [...process.execArgv, main.replace(/\.js$/, ".ts")] : [main];
      for (const step of demoSteps(args.output)) {
        process.stderr.write(`\n$ nafuda ${step.join(" ")}\n`);
        const run = spawnSync(process.execPath, [...runner, ...step], { stdio: "inherit" });
        if (run.status !== 0) {
          out.line(`nafuda demo: ${out.text(msg("DEMO_STEP_FAILED", { status: String(run.status) }))}`);
          process.exitCode = run.status ?? EXIT.internal;
          return;
        }
      }
      out.line(`\n${out.text(msg("DEMO_DONE", { folder: args.output }))}`);
    },
  };
}
