// Issue 15.6 against the production server (`npm start` in cloud mode, as the e2e suite runs it):
// /api/inngest answers 400 to bodies that are not JSON instead of 500, and 401 to an unsigned
// registration (PUT) instead of calling the register endpoint of the Inngest server. The signed sync
// of the run command's executor keeps working: the jobs of the other browser tests run through it.
import { expect, test } from "@playwright/test";

test("/api/inngest refuses bodies that are not JSON with 400, before the SDK", async ({ request }) => {
  // Buffers: Playwright would JSON-encode a string sent as application/json.
  const put = await request.put("/api/inngest", { data: Buffer.from("this is not json"), headers: { "content-type": "application/json" } });
  expect(put.status()).toBe(400);
  expect(await put.json()).toEqual({ error: { code: "bad_request", message: "The request body is not JSON." } });
  const post = await request.post("/api/inngest?fnId=ritiko-core-import-commit&stepId=step", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  expect(post.status()).toBe(400);
  const empty = await request.post("/api/inngest?fnId=ritiko-core-import-commit&stepId=step", { data: Buffer.from(""), headers: { "content-type": "application/json" } });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toMatchObject({ error: { code: "bad_request" } });
});

test("an unsigned or wrongly signed registration is refused with 401 and registers nothing", async ({ request }) => {
  const attempts: Array<{ data: Buffer; headers: Record<string, string> }> = [
    { data: Buffer.from(""), headers: {} },
    { data: Buffer.from(JSON.stringify({ url: "http://evil.test/api/inngest" })), headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" } },
    { data: Buffer.from("{}"), headers: { "content-type": "application/json", "x-inngest-signature": `t=${Math.floor(Date.now() / 1000)}&s=${"ab".repeat(32)}` } },
  ];
  for (const attempt of attempts) {
    const res = await request.put("/api/inngest", attempt);
    expect(res.status(), JSON.stringify(attempt.headers)).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  }
  // A step call without a signature is refused by the SDK itself (cloud mode).
  const step = await request.post("/api/inngest?fnId=ritiko-core-import-commit&stepId=step", { data: { event: {}, steps: {}, ctx: {} } });
  expect(step.status()).toBe(401);
});
