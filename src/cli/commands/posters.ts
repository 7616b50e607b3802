import type { CommandModule } from "yargs";

// Placeholder until the posters command lands; replaced by its own module.
export const postersCommand: CommandModule = {
  command: "posters",
  describe: false,
  handler: () => {
    process.stderr.write("nafuda posters: not available yet\n");
    process.exitCode = 2;
  },
};
