// Mutation testing runs only the domain's own unit tests: the rules must be pinned down there.
// (Standalone rather than merged: vitest's mergeConfig would add to `include`, not replace it.)
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["app/domain/**/*.test.ts"], environment: "node", pool: "forks", testTimeout: 20000 },
});
