// `npm test` on a bare machine: the browser tests need a Chromium, and the import API spec runs the
// documented curl script (bash, curl, jq). Checked before anything else starts, so a missing piece
// costs a second, not a build and ten minutes of failures:
//   1. CHROMIUM_PATH, Debian's /usr/bin/chromium, or a Chromium Playwright downloaded earlier;
//   2. as root with apt-get: install Debian's chromium (+ fonts, curl, jq), as .ci/run does;
//   3. else `playwright install chromium` where the machine can download it (curl and jq must then be
//      there already: only root can install them);
//   4. else stop with the exact command to run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const APT_PACKAGES = ["chromium", "fonts-liberation", "curl", "jq"];

const executable = (p: string | undefined): p is string => {
  if (!p) return false;
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

/** The Chromium Playwright downloads into its cache (`playwright install chromium`), if it is there. */
function playwrightChromium(): string | undefined {
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core") as { chromium: { executablePath(): string } };
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function findChromium(candidates: Array<string | undefined>): string | undefined {
  return candidates.find(executable);
}

const missingTools = () => ["curl", "jq", "bash"].filter((t) => !onPath(t));

export type BrowserSetup = {
  /** Where a Chromium may be, first found wins. */
  candidates?: () => Array<string | undefined>;
  /** May we install with apt-get (root, apt-get present)? */
  canApt?: boolean;
  /** Runs `playwright install chromium`; true when it succeeded. */
  download?: () => boolean;
};

const defaults: Required<BrowserSetup> = {
  candidates: () => [process.env.CHROMIUM_PATH, DEBIAN_CHROMIUM, playwrightChromium()],
  canApt: process.getuid?.() === 0 && onPath("apt-get"),
  download: () => spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit", timeout: 300_000 }).status === 0,
};

/**
 * Makes sure the browser tests can run; sets CHROMIUM_PATH (read by playwright.chromium.ts) for the
 * runners. Throws with the command to run when it cannot.
 */
export function ensureBrowser(say: (msg: string) => void, setup: BrowserSetup = {}): string {
  const { candidates, canApt, download } = { ...defaults, ...setup };
  let found = findChromium(candidates());
  if ((!found || missingTools().length) && canApt) {
    say(`installing ${APT_PACKAGES.join(", ")} with apt-get (the browser tests need them)`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", ...APT_PACKAGES], { stdio: "inherit", env }) : update;
    if (install.status !== 0) throw new Error(`apt-get could not install ${APT_PACKAGES.join(" ")} (exit ${install.status}); install them and run npm test again.`);
    found = findChromium(candidates());
  }
  if (!found) {
    say("no Chromium found: trying `npx playwright install chromium`");
    if (download()) found = findChromium(candidates());
  }
  const tools = missingTools();
  if (!found || tools.length) {
    const what = [...(found ? [] : ["a Chromium"]), ...tools].join(", ");
    throw new Error(
      `The browser tests need ${what}. Install with\n  sudo apt-get install -y ${APT_PACKAGES.join(" ")}\n` +
        `(or, without apt: npx playwright install --with-deps chromium, and curl and jq from your package manager),\n` +
        `or run only the unit and integration tests: npm test -- --unit`,
    );
  }
  process.env.CHROMIUM_PATH = found;
  return found;
}
