import { defineConfig } from "@playwright/test";
import { debianChromium } from "./playwright.chromium";

// End-to-end tests in Debian's Chromium against a production build on a database prepared by
// `npm test` (scripts/test.ts passes DATABASE_URL, NEXTAUTH_SECRET, E2E_PORT and E2E_EXECUTOR_PORT).
// The server is started exactly as `npm start` does (scripts/start.ts -> scripts/lib/boot.ts): `next
// start` plus the embedded job executor as a supervised second process, in cloud mode (random signing
// and event keys, INNGEST_BASE_URL = the executor, which syncs the app's /api/inngest), so background
// jobs — imports, exports, plugin jobs — really run. With DATABASE_URL set, boot only applies pending
// migrations (none: test.ts migrated the database) and does not seed (RITIKO_SEED is not set).
const port = Number(process.env.E2E_PORT ?? 3100);
const executorPort = Number(process.env.E2E_EXECUTOR_PORT ?? port + 1);
// Or against a server that already runs — `npm run dev` while writing a spec: E2E_BASE_URL=http://localhost:3000
// npx playwright test e2e/x.spec.ts. Nothing is started then; the specs' direct database reads
// (e2e/helpers.ts query) go to DATABASE_URL, else to `npm run dev`'s embedded database.
const external = process.env.E2E_BASE_URL?.replace(/\/+$/, "");
if (external && !process.env.DATABASE_URL) process.env.DATABASE_URL = `postgresql://ritiko:ritiko@127.0.0.1:${process.env.RITIKO_DB_PORT ?? 5433}/ritiko`;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  // The browser specs, and the security suite's browser specs (tests/security/*.spec.ts, issue 15).
  testDir: ".",
  testMatch: ["e2e/**/*.spec.ts", "tests/security/**/*.spec.ts"],
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // A stray test.only would quietly shrink the suite: refused on every machine, not only under CI.
  forbidOnly: true,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Its own folder: Playwright empties the output folder at start, and the crash tests (which run
  // before, beside the database tests) keep their artifacts in test-results/chaos.
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [debianChromium],
  webServer: external
    ? undefined
    : {
        command: "node --import tsx scripts/start.ts",
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: "ignore",
        stderr: "pipe",
        // SIGTERM lets boot stop the executor (its call in flight finishes) and then Next; the process
        // group is killed after the timeout anyway.
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        env: {
          NEXTAUTH_URL: baseURL,
          PORT: String(port),
          RITIKO_EXECUTOR_PORT: String(executorPort),
          // Idle queue poll (default 500 ms): background jobs (imports, exports) start sooner in the tests.
          RITIKO_EXECUTOR_POLL_MS: "200",
        },
      },
});
