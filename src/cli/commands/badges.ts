import type { CommandModule } from "yargs";

// Placeholder until the badges command lands; replaced by its own module.
export const badgesCommand: CommandModule = {
  command: "badges",
  describe: false,
  handler: () => {
    process.stderr.write("nafuda badges: not available yet\n");
    process.exitCode = 2;
  },
};
