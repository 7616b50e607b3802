import { describe, expect, it } from "vitest";
import ts from "typescript";
import { bundledPath } from "../../src/package-root.js";

/** Importing `nafuda` loads the library, not the web page's server (nor the CLI). */
describe("the main entry", () => {
  it("imports nothing of src/serve or src/cli, not even lazily", () => {
    const program = ts.createProgram([bundledPath("src", "index.ts")], {
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true,
    });
    const ours = program.getSourceFiles().map((file) => file.fileName).filter((name) => name.includes("/src/") && !name.includes("node_modules"));
    expect(ours.length).toBeGreaterThan(40);
    expect(ours.filter((name) => /\/src\/(serve|cli)\//.test(name))).toEqual([]);
  });
});
