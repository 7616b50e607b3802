import type { CommandModule } from "yargs";

// Placeholder until the demo command lands; replaced by its own module.
export const demoCommand: CommandModule = {
  command: "demo",
  describe: false,
  handler: () => {
    process.stderr.write("nafuda demo: not available yet\n");
    process.exitCode = 2;
  },
};
