import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Next's guard against importing server code into the browser; meaningless under Vitest.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

const integration = (name: string, env: Record<string, string>, groupOrder: number) => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    env,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file opens its own database; on 2 cores two at a time is the sweet spot.
    maxWorkers: 2,
    sequence: { groupOrder },
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"], environment: "node" },
      },
      integration("integration-pglite", { TEST_DB: "pglite" }, 1),
      integration("integration-postgres", { TEST_DB: "postgres" }, 2),
    ],
  },
});
