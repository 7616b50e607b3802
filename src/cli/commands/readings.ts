import type { CommandModule } from "yargs";

// Placeholder until the readings command lands; replaced by its own module.
export const readingsCommand: CommandModule = {
  command: "readings",
  describe: false,
  handler: () => {
    process.stderr.write("nafuda readings: not available yet\n");
    process.exitCode = 2;
  },
};
