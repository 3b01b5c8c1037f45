import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests talk to the real PostgreSQL that `npm test` starts
// (DATABASE_URL); each test creates its own organizations, so files can run in parallel.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(".")}/` },
      // `server-only` throws outside React Server Components; in tests we are plain Node.
      { find: /^server-only$/, replacement: path.resolve("node_modules/server-only/empty.js") },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts", "core/**/*.test.ts", "plugins/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A stray it.only / describe.only would quietly shrink the suite: refused everywhere, not only
    // where CI is set (vitest's default).
    allowOnly: false,
    setupFiles: ["tests/setup/worker-database.ts", "tests/setup/plugin-runtime.ts"],
    // Outbox deliveries are driven by the tests themselves (deliverOutboxBatch), never by a loop.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", RITIKO_OUTBOX_DISPATCHER: "off" },
  },
});
