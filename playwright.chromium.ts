import { devices, type Project } from "@playwright/test";

// Debian's Chromium (apt-get install chromium), headless in a container, for both Playwright configs
// (playwright.config.ts: the end-to-end tests; playwright.chaos.config.ts: the crash tests).
export const debianChromium: Project = {
  name: "chromium",
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
};
