import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The CLI transpiled to JavaScript once, for the tests that start nafuda processes (test/helpers/compiled-cli.ts).
    globalSetup: ["test/helpers/global-setup.ts"],
    // Vitest's default on a 2-core machine is one worker (cores − 1): the suite ran file after file while most files
    // wait on the nafuda processes they start. Two files at a time keep both cores busy (issue 16: npm test ≤ 150 s).
    maxWorkers: 2,
    minWorkers: 1,
    // Each worker imports the sources once for all its files instead of once per file (~0.6 s per file). No test
    // mocks modules or leaves process state behind (spies are restored; environment changes go to child processes).
    poolOptions: { forks: { isolate: false } },
  },
});
