import { defineConfig } from "@playwright/test";
import { debianChromium } from "./playwright.chromium";

// The five-minute promise's browser step (tests/promise/), run by scripts/plugin-promise.ts against
// `npm run dev` in a temporary copy of the repository (E2E_BASE_URL). Dev mode compiles each page on
// its first visit, hence the long timeouts.
export default defineConfig({
  testDir: "tests/promise",
  testMatch: ["*.spec.ts"],
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 600_000,
  expect: { timeout: 120_000 },
  reporter: [["list"]],
  outputDir: "test-results/promise",
  use: { baseURL: process.env.E2E_BASE_URL, navigationTimeout: 180_000, actionTimeout: 120_000, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [debianChromium],
});
