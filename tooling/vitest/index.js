// Shared vitest settings: resolve workspace packages to their TypeScript source through the
// "@dropgate/source" export condition, so tests never need a prior build.
import { defineConfig } from "vitest/config";

/** Vitest config for one package; `overrides.test` is merged over the shared test options. */
export function packageConfig(overrides = {}) {
  return defineConfig({
    resolve: { conditions: ["@dropgate/source"] },
    ssr: { resolve: { conditions: ["@dropgate/source"] } },
    test: {
      environment: "node",
      include: ["test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      restoreMocks: true,
      // The JSON report lets .ci/run print one "N passed, N failed" line for the whole workspace.
      reporters: ["default", ["json", { outputFile: ".cache/vitest-report.json" }]],
      ...overrides.test,
    },
  });
}
