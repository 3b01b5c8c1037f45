// Issue 15, the organization-isolation matrix — its page part. The record pages are found, not
// listed: Acme's owner walks every page reachable from the dashboard and the route tree (crawl.ts),
// and every page whose path names a record (an id) is then requested as Birch's owner — with the
// same plugins enabled, so a 404 is about the record, not a switched-off plugin. Each must answer 404
// and look exactly like a record that does not exist. (REST routes: isolation-matrix.test.ts. Server actions are not walked yet.)
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { ensureInventoryEnabled, signIn } from "../../e2e/helpers";
import { crawl } from "./crawl";

test.setTimeout(300_000);

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test("another organization's owner gets 404 for every record page, and sees none of the record", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const acme = await (await browser.newContext({ baseURL })).newPage();
  await signIn(acme, "owner@acme.test");
  await ensureInventoryEnabled(acme);
  const recordPages = (await crawl(acme, origin, async () => undefined)).filter((p) => ID.test(p));
  expect(recordPages.length).toBeGreaterThan(5);

  const birch = await (await browser.newContext({ baseURL })).newPage();
  await signIn(birch, "owner@birch.test");
  await ensureInventoryEnabled(birch);
  // What Birch sees for Acme's record must be exactly what it sees for a record that does not exist:
  // the same status and the same page text — nothing of the record, not even that it exists.
  const seenAs = async (path: string) => {
    const res = await birch.goto(path);
    const text = (await birch.locator("main").innerText().catch(() => "")).replace(new RegExp(ID.source, "g"), "<id>");
    return { status: res?.status(), text };
  };
  const leaks: string[] = [];
  for (const path of recordPages) {
    const foreign = await seenAs(path);
    const missing = await seenAs(path.replace(new RegExp(ID.source, "g"), () => crypto.randomUUID()));
    if (foreign.status !== 404) leaks.push(`${path} -> ${foreign.status}`);
    if (foreign.text !== missing.text) leaks.push(`${path} shows something a missing record does not: ${JSON.stringify(foreign.text.slice(0, 120))}`);
  }
  expect(leaks).toEqual([]);
  console.log(`isolation matrix (pages): ${recordPages.length} record pages of Acme, each 404 for Birch's owner: ${recordPages.join(" ")}`);
});
