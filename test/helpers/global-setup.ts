import { compileCli } from "./compiled-cli.js";

/** Once per `vitest run`: the CLI as JavaScript for the tests that start nafuda processes (compiled-cli.ts). */
export default async function setup(): Promise<void> {
  await compileCli();
}
