// `npm test` on a machine without a browser (scripts/lib/ensure-browser.ts): the first found Chromium
// is used and handed to Playwright; a download is tried when none is found; when nothing works the
// run stops at once with the exact command to run, instead of failing minutes later in every spec.
import { afterEach, describe, expect, it } from "vitest";
import { ensureBrowser } from "@/scripts/lib/ensure-browser";

const said: string[] = [];
const say = (m: string) => void said.push(m);
const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  said.length = 0;
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe("ensureBrowser", () => {
  it("uses the first Chromium that exists and is executable, and hands it to Playwright", () => {
    expect(ensureBrowser(say, { candidates: () => ["/nonexistent/chromium", undefined, process.execPath], canApt: false, download: () => false })).toBe(process.execPath);
    expect(process.env.CHROMIUM_PATH).toBe(process.execPath);
  });

  it("tries a download when no Chromium is there, and uses what it brought", () => {
    let downloaded = false;
    const found = ensureBrowser(say, { candidates: () => [downloaded ? process.execPath : "/nonexistent/chromium"], canApt: false, download: () => (downloaded = true) });
    expect(found).toBe(process.execPath);
    expect(said).toEqual(["no Chromium found: trying `npx playwright install chromium`"]);
  });

  it("stops with the command to run when there is no Chromium and none can be had", () => {
    // Nothing slow is attempted: no apt (not root), the download refused; the message says what to run.
    expect(() => ensureBrowser(say, { candidates: () => ["/nonexistent/chromium"], canApt: false, download: () => false })).toThrow(
      /The browser tests need a Chromium\. Install with\n {2}sudo apt-get install -y chromium fonts-liberation curl jq\n[\s\S]*npm test -- --unit/,
    );
  });
});
