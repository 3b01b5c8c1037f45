import { defineConfig } from "@playwright/test";
import { debianChromium } from "./playwright.chromium";

// The crash tests (tests/chaos): each starts its own `npm start` (embedded PostgreSQL in a temporary
// folder, the production build, the embedded executor) and kills its processes. One worker: the kills
// are whole-machine events, and the 2-core box has no room for two such apps. Run after `next build`
// (`npm test` does), or alone: `npx playwright test -c playwright.chaos.config.ts`.
export default defineConfig({
  testDir: "tests/chaos",
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/chaos.json" }]],
  // Its own folder: Playwright empties the output folder at start, which would delete the artifacts
  // (traces, screenshots) of the end-to-end run before it.
  outputDir: "test-results/chaos",
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [debianChromium],
});
