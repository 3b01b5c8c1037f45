// The Shopify sync against a LOCAL FAKE SHOPIFY this test starts (node:http on 127.0.0.1): it checks
// the access-token header and the path, keeps the inventory levels it was sent, and answers as Shopify
// does when asked — 429 with Retry-After, 500, 404 for an unknown inventory item, 422, 401 for a wrong
// token, and its leaky-bucket header. The client is pointed at it with RITIKO_SHOPIFY_BASE_URL_OVERRIDE
// (shopify/base-url.ts); the settings keep their real https *.myshopify.com URL. The sync job runs
// through the real executor with the app's own client and functions.
import "@/app/_plugins/runtime";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import type { Inngest, InngestFunction } from "inngest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pluginJobs } from "@/app/_plugins/jobs.generated";
import { rootDb } from "@/core/db/client";
import { saveSettings } from "@/core/plugins/settings/store";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, waitForRun, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { failedItems, recentSyncRuns, shopifyStatus } from "../pages/shopify/queries";
import inventory from "../plugin";
import { BASE_URL_OVERRIDE_ENV, shopifyBaseUrl } from "../shopify/base-url";
import { SHOPIFY_API_VERSION, shopifyClient } from "../shopify/client";
import { bucketWaitMs, parseCallLimit, parseRetryAfter } from "../shopify/rate-limit";

const TOKEN = "shpat_test_0123456789abcdef";
const PATH = `/admin/api/${SHOPIFY_API_VERSION}/inventory_levels/set.json`;

type Call = { itemId: string; locationId: string; available: number; at: number; status: number };
type Script = {
  /** Retry-After values of the first calls' 429 answers, in order (whatever the item). */
  rateLimits?: string[];
  /** Inventory item id → how many of its first calls get a 500. */
  failTimes?: Record<string, number>;
  /** Call number (1-based) → the bucket header of that answer; "1/40" otherwise. */
  bucketAt?: Record<number, string>;
};

/** The fake Shopify: one inventory level per (item, location), as set.json leaves it. */
function fakeShopify() {
  const state = {
    url: "",
    levels: new Map<string, number>(),
    calls: [] as Call[],
    /** Requests that were not POST <PATH> with JSON, or came without the right token. */
    refused: [] as string[],
    script: {} as Script,
    seen: new Map<string, number>(),
  };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== PATH || !String(req.headers["content-type"]).startsWith("application/json")) {
        state.refused.push(`${req.method} ${req.url}`);
        return answer(404, { errors: "Not Found" });
      }
      if (req.headers["x-shopify-access-token"] !== TOKEN) {
        state.refused.push(`token ${String(req.headers["x-shopify-access-token"])}`);
        return answer(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      }
      const body = JSON.parse(raw) as { location_id: number; inventory_item_id: number; available: number };
      const itemId = String(body.inventory_item_id);
      const locationId = String(body.location_id);
      const n = state.calls.length + 1;
      const bucket = { "x-shopify-shop-api-call-limit": state.script.bucketAt?.[n] ?? "1/40" };
      const call = (status: number) => state.calls.push({ itemId, locationId, available: body.available, at: Date.now(), status });
      const retryAfter = state.script.rateLimits?.[n - 1];
      if (retryAfter !== undefined) {
        call(429);
        return answer(429, { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume unthrottled access." }, { ...bucket, "retry-after": retryAfter });
      }
      const seen = (state.seen.get(itemId) ?? 0) + 1;
      state.seen.set(itemId, seen);
      if (seen <= (state.script.failTimes?.[itemId] ?? 0)) {
        call(500);
        return answer(500, { errors: "Internal Server Error" }, bucket);
      }
      if (itemId === "404404") {
        call(404);
        return answer(404, { errors: "Not Found" }, bucket);
      }
      if (itemId === "422422") {
        call(422);
        return answer(422, { errors: ["Inventory item does not have inventory tracking enabled"] }, bucket);
      }
      call(200);
      state.levels.set(`${itemId}@${locationId}`, body.available);
      answer(200, { inventory_level: { inventory_item_id: body.inventory_item_id, location_id: body.location_id, available: body.available, updated_at: new Date().toISOString() } }, bucket);
    });
  });
  return {
    state,
    reset(script: Script = {}) {
      state.levels.clear();
      state.calls.length = 0;
      state.refused.length = 0;
      state.seen.clear();
      state.script = script;
    },
    listen: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => {
      state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    })),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const fake = fakeShopify();
let h: Harness;
let inngest: Inngest;
let requested: typeof import("../jobs/shopify-jobs").shopifySyncRequested;

beforeAll(async () => {
  await fake.listen();
  process.env[BASE_URL_OVERRIDE_ENV] = fake.state.url;
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  ({ inngest } = (await import("@/inngest/client")) as { inngest: Inngest });
  ({ shopifySyncRequested: requested } = await import("../jobs/shopify-jobs"));
  h = await startHarness("inventory-shopify", () => Object.values(pluginJobs).flat() as InngestFunction.Any[], { client: inngest, port });
});

afterAll(async () => {
  await h?.close();
  await fake.close();
  delete process.env[BASE_URL_OVERRIDE_ENV];
});

beforeEach(() => fake.reset());

async function shop(name: string, settings: Record<string, unknown> = { shopifyShopUrl: "https://ritiko-test.myshopify.com", shopifyApiKey: TOKEN }) {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  const ctx = await org.as("admin");
  const res = await rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: ctx.organization, input: settings, actorUserId: ctx.user.id }));
  if (!res.ok) throw new Error(`${res.error} ${JSON.stringify(res.fieldErrors)}`);
  return org;
}

type Seed = { inventoryItemId: string | null; locationId: string | null; quantity: number };

/** Items with ascending ids in the given order (the sync walks them in id order). */
async function seedItems(organizationId: string, seeds: Seed[]): Promise<string[]> {
  const prefix = randomBytes(4).toString("hex");
  const ids = seeds.map((_, i) => `${prefix}-0000-7000-8000-${i.toString(16).padStart(12, "0")}`);
  await rootDb().inventoryItem.createMany({
    data: seeds.map((s, i) => ({
      id: ids[i]!,
      organizationId,
      name: `Item ${i}`,
      sku: `SKU-${i}`,
      quantity: s.quantity,
      shopifyInventoryItemId: s.inventoryItemId,
      shopifyLocationId: s.locationId,
    })),
  });
  return ids;
}

async function runSync(organizationId: string) {
  await inngest.send(requested.create({ organizationId }));
  let runId = "";
  await until("the sync run", async () => {
    const run = await rootDb().jobRun.findFirst({ where: { functionId: "ritiko-inventory-shopify-sync", organizationId }, select: { id: true } });
    runId = run?.id ?? "";
    return Boolean(run);
  });
  return { runId, run: await waitForRun(runId, undefined, 60_000) };
}

describe("rate-limit headers", () => {
  it("parses Retry-After (seconds or a date) and the call-limit bucket, and waits before the bucket is full", () => {
    expect(parseRetryAfter("2.0")).toBe(2000);
    expect(parseRetryAfter("0.25")).toBe(250);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseCallLimit("32/40")).toEqual({ used: 32, capacity: 40 });
    expect(parseCallLimit("nope")).toBeNull();
    expect(bucketWaitMs({ used: 20, capacity: 40 })).toBe(0);
    // 38 of 40 used, 36 allowed: three calls must leak at 2/s.
    expect(bucketWaitMs({ used: 38, capacity: 40 })).toBe(1500);
    expect(bucketWaitMs({ used: 38, capacity: 40 }, 1500)).toBe(0);
    // Shopify Plus: 80 calls, 4/s.
    expect(bucketWaitMs({ used: 78, capacity: 80 })).toBe(750);
  });

  it("sends the token only to the shop itself or a loopback override", () => {
    const saved = process.env[BASE_URL_OVERRIDE_ENV];
    try {
      delete process.env[BASE_URL_OVERRIDE_ENV];
      expect(shopifyBaseUrl("https://my-shop.myshopify.com")).toBe("https://my-shop.myshopify.com");
      expect(() => shopifyBaseUrl("https://evil.example.com")).toThrow(/not usable: The shop must be a \*\.myshopify\.com address/);
      process.env[BASE_URL_OVERRIDE_ENV] = "https://collector.example.com";
      expect(() => shopifyBaseUrl("https://my-shop.myshopify.com")).toThrow(/must be an http\(s\) URL on loopback/);
    } finally {
      process.env[BASE_URL_OVERRIDE_ENV] = saved;
    }
  });
});

describe("the client against the fake Shopify", () => {
  const client = (over: Parameters<typeof shopifyClient>[0] extends infer O ? Partial<O> : never = {}) =>
    shopifyClient({ baseUrl: fake.state.url, accessToken: TOKEN, backoffMs: () => 20, ...over });

  it("sets the level, waiting out short 429s and retrying a 500", async () => {
    fake.reset({ rateLimits: ["0.05", "0.05"], failTimes: { "1001": 1 } });
    const started = Date.now();
    expect(await client().setInventoryLevel({ inventoryItemId: "1001", locationId: "77", available: 12 })).toEqual({ ok: true, available: 12 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(fake.state.calls.map((c) => c.status)).toEqual([429, 429, 500, 200]);
    expect(fake.state.levels.get("1001@77")).toBe(12);
    expect(fake.state.refused).toEqual([]);
  });

  it("hands a long Retry-After back instead of waiting, and reports 404, 422 and a bad token in Shopify's words", async () => {
    fake.reset({ rateLimits: ["30"] });
    expect(await client().setInventoryLevel({ inventoryItemId: "1001", locationId: "77", available: 1 })).toEqual({
      ok: false, retry: "rate_limited", waitMs: 30_000, error: "Shopify's rate limit: retry after 30 s.",
    });
    fake.reset();
    expect(await client().setInventoryLevel({ inventoryItemId: "404404", locationId: "77", available: 1 })).toEqual({
      ok: false, retry: "never", status: 404, error: "Shopify does not know inventory item 404404 at location 77 (404: Not Found).",
    });
    expect(await client().setInventoryLevel({ inventoryItemId: "gid://shopify/InventoryItem/422422", locationId: "77", available: 1 })).toEqual({
      ok: false, retry: "never", status: 422,
      error: "Shopify refused the quantity for inventory item 422422 at location 77 (422: Inventory item does not have inventory tracking enabled).",
    });
    expect(await client({ accessToken: "wrong" }).setInventoryLevel({ inventoryItemId: "1001", locationId: "77", available: 1 })).toMatchObject({
      ok: false, retry: "auth", status: 401, error: expect.stringContaining("Shopify refused the access token (401: [API] Invalid API key or access token"),
    });
    expect(await client().setInventoryLevel({ inventoryItemId: "abc", locationId: "77", available: 1 })).toMatchObject({ ok: false, retry: "never", status: null });
  });

  it("gives up on a server that keeps failing, and on one that cannot be reached", async () => {
    fake.reset({ failTimes: { "1001": 99 } });
    expect(await client().setInventoryLevel({ inventoryItemId: "1001", locationId: "77", available: 1 })).toEqual({
      ok: false, retry: "transient", error: "Shopify answered 500 (Internal Server Error) 3 times in a row.",
    });
    expect(fake.state.calls).toHaveLength(3);
    const gone = await client({ baseUrl: `http://127.0.0.1:${await freePort()}` }).setInventoryLevel({ inventoryItemId: "1001", locationId: "77", available: 1 });
    expect(gone).toEqual({ ok: false, retry: "transient", error: "Shopify could not be reached (ECONNREFUSED) after 3 attempts." });
  });

  it("waits for the bucket to drain when Shopify says it is nearly full", async () => {
    fake.reset({ bucketAt: { 1: "38/40" } });
    const c = client();
    await c.setInventoryLevel({ inventoryItemId: "1", locationId: "77", available: 1 });
    await c.setInventoryLevel({ inventoryItemId: "2", locationId: "77", available: 1 });
    const [a, b] = fake.state.calls;
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(1400);
  });
});

describe("the sync job", () => {
  it("pushes every linked item's quantity in batches, survives 429s, a 500 and a crashed batch, and records each item's failure", async () => {
    const org = await shop("Shopify Clinic");
    const seeds: Seed[] = Array.from({ length: 260 }, (_, i) => ({ inventoryItemId: String(10_000 + i), locationId: "77", quantity: i % 50 }));
    seeds[5] = { inventoryItemId: "404404", locationId: "77", quantity: 5 };
    seeds[7] = { inventoryItemId: "422422", locationId: "77", quantity: 7 };
    seeds[9] = { inventoryItemId: "gid://shopify/InventoryItem/555", locationId: "gid://shopify/Location/77", quantity: 9 };
    seeds[11] = { inventoryItemId: "11011", locationId: null, quantity: 11 };
    seeds[13] = { inventoryItemId: "abc", locationId: "77", quantity: 13 };
    const ids = await seedItems(org.org.id, seeds);
    const linked = seeds.map((s, i) => ({ ...s, id: ids[i]! })).filter((s) => s.inventoryItemId && s.locationId);
    // Batches of 100 over the linked items: [0,100) [100,200) [200,259). The item at 150 fails three
    // times (the client's attempts), so its batch's step fails and is retried from the batch's start.
    const crashItem = linked[150]!.inventoryItemId!;
    const flakyItem = linked[20]!.inventoryItemId!;
    fake.reset({ rateLimits: ["0.2", "0.2", "6"], failTimes: { [crashItem]: 3, [flakyItem]: 1 } });

    const { runId, run } = await runSync(org.org.id);
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ synced: linked.length - 3, failed: 3, continued: false, rateLimitSleeps: 1 });
    expect(fake.state.refused).toEqual([]);

    // Shopify now has every linked item's quantity (the gid ids were sent as plain numbers).
    for (const s of linked) {
      if (["404404", "422422", "abc"].includes(s.inventoryItemId!)) continue;
      const item = s.inventoryItemId!.replace("gid://shopify/InventoryItem/", "");
      expect(fake.state.levels.get(`${item}@77`), item).toBe(s.quantity);
    }

    // Requests per item: the first waited out two short 429s and one long one (3 + 1); the flaky item
    // 2; the crashed batch's items before the crash twice (the step's retry), the crash item 4; the
    // invalid id none; everyone else exactly once — the crash did not restart the sync from the start.
    const perItem = new Map<string, number>();
    for (const c of fake.state.calls) perItem.set(c.itemId, (perItem.get(c.itemId) ?? 0) + 1);
    linked.forEach((s, k) => {
      const expected = s.inventoryItemId === "abc" ? 0 : k === 0 ? 4 : k === 20 ? 2 : k === 150 ? 4 : k >= 100 && k < 150 ? 2 : 1;
      const key = s.inventoryItemId!.replace("gid://shopify/InventoryItem/", "");
      expect(perItem.get(key) ?? 0, `item #${k} (${key})`).toBe(expected);
    });
    expect(fake.state.calls.filter((c) => c.status === 429)).toHaveLength(3);

    // The long Retry-After was a durable sleep of the run: the next call came 6 s later.
    const ops = h.callsOf(runId).flatMap((x) => (Array.isArray(x.responseBody) ? (x.responseBody as Array<{ op?: string; displayName?: string }>) : []));
    expect(ops.some((o) => o.op === "Sleep" && o.displayName === "rate-limit-0")).toBe(true);
    const longWait = fake.state.calls[3]!.at - fake.state.calls[2]!.at;
    expect(longWait).toBeGreaterThanOrEqual(6000);

    // Each item's state, where the Shopify page shows it.
    const rows = await rootDb().inventoryItem.findMany({ where: { organizationId: org.org.id }, select: { id: true, shopifySyncedAt: true, shopifySyncError: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[5]!)).toMatchObject({ shopifySyncedAt: null, shopifySyncError: "Shopify does not know inventory item 404404 at location 77 (404: Not Found)." });
    expect(byId.get(ids[7]!)?.shopifySyncError).toBe("Shopify refused the quantity for inventory item 422422 at location 77 (422: Inventory item does not have inventory tracking enabled).");
    expect(byId.get(ids[13]!)?.shopifySyncError).toBe('"abc" is not a Shopify inventory item id (a number).');
    expect(byId.get(ids[11]!)).toMatchObject({ shopifySyncedAt: null, shopifySyncError: null });
    const crashed = linked[150]!.id;
    expect(byId.get(crashed)).toMatchObject({ shopifySyncError: null, shopifySyncedAt: expect.any(Date) });
    const synced = rows.filter((r) => r.shopifySyncedAt !== null && r.shopifySyncError === null);
    expect(synced).toHaveLength(linked.length - 3);

    // What the Shopify page reads: the setup (never the token), the run's counts, the failed items.
    const ctx = await org.as("admin");
    const status = await shopifyStatus(ctx);
    expect(status).toEqual({ shopUrl: "https://ritiko-test.myshopify.com", shopUrlProblem: null, tokenSet: true });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect(await recentSyncRuns(ctx)).toMatchObject([{ id: runId, status: "completed", synced: linked.length - 3, failed: 3, error: null }]);
    const failedPage = await failedItems(ctx, 1);
    expect(failedPage).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(failedPage.rows.map((r) => [r.name, r.error.slice(0, 24)])).toEqual([
      ["Item 13", '"abc" is not a Shopify i'],
      ["Item 5", "Shopify does not know in"],
      ["Item 7", "Shopify refused the quan"],
    ]);
  }, 90_000);

  it("fixes an item's recorded failure on the next sync that succeeds", async () => {
    const org = await shop("Shopify Retry Clinic");
    const [id] = await seedItems(org.org.id, [{ inventoryItemId: "20001", locationId: "77", quantity: 4 }]);
    await rootDb().inventoryItem.update({ where: { id }, data: { shopifySyncError: "Shopify does not know inventory item 20001 at location 77 (404: Not Found)." } });
    const { run } = await runSync(org.org.id);
    expect(run.output).toMatchObject({ synced: 1, failed: 0, batches: 1 });
    expect(await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ shopifySyncError: null, shopifySyncedAt: expect.any(Date) });
  });

  it("fails at once, without retrying, when the credentials are missing or refused", async () => {
    const unset = await shop("No Shopify Clinic", {});
    await seedItems(unset.org.id, [{ inventoryItemId: "30001", locationId: "77", quantity: 1 }]);
    const missing = await runSync(unset.org.id);
    expect(missing.run.status).toBe("failed");
    expect(missing.run.error).toMatchObject({ name: "NonRetriableError", message: "Shopify is not set up: enter the Shopify shop URL and access token in the Inventory settings." });

    const noToken = await shop("No Token Clinic", { shopifyShopUrl: "https://ritiko-test.myshopify.com" });
    expect((await runSync(noToken.org.id)).run.error).toMatchObject({ message: "The Shopify access token is not set: enter it in the Inventory settings." });

    const wrong = await shop("Wrong Token Clinic", { shopifyShopUrl: "https://ritiko-test.myshopify.com", shopifyApiKey: "shpat_wrong" });
    await seedItems(wrong.org.id, [{ inventoryItemId: "30002", locationId: "77", quantity: 1 }]);
    const refused = await runSync(wrong.org.id);
    expect(refused.run.status).toBe("failed");
    expect(refused.run.error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("Shopify refused the access token (401") });
    expect(fake.state.refused).toEqual(["token shpat_wrong"]);
    expect(fake.state.calls).toHaveLength(0);
  });
});
