// Flow features of the embedded executor against the REAL inngest SDK serve handler: `if` triggers,
// cron triggers (durable, time zones, missed ticks, concurrent tickers), onFailure, cancelOn and
// function idempotency. Same setup as executor.test.ts: dev mode, Inngest URLs on a closed port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createExecutor, FunctionConfigError, nextCronTime, type Executor } from "@/inngest/executor";

const appId = `ritiko-flow-${randomUUID().slice(0, 8)}`;
const counters: Record<string, number> = {};
const bump = (key: string) => (counters[key] = (counters[key] ?? 0) + 1);
const seen: Record<string, unknown> = {};

const inngest = new Inngest({ id: appId, isDev: true, baseUrl: "http://127.0.0.1:9" });

const proOnly = inngest.createFunction(
  { id: "pro-only", triggers: [{ event: "flow/signup", if: "event.data.plan == 'pro' && event.data.seats >= 5" }] },
  async ({ event }) => ({ key: event.data.key }),
);

const anySignup = inngest.createFunction({ id: "any-signup", triggers: [{ event: "flow/signup" }] }, async () => "ok");

const berlinMidnight = inngest.createFunction({ id: "berlin-midnight", triggers: [{ cron: "TZ=Europe/Berlin 0 0 * * *" }] }, async ({ event }) => ({
  name: event.name,
  cron: (event.data as { cron?: string }).cron,
}));

const failing = inngest.createFunction(
  {
    id: "failing",
    retries: 0,
    triggers: [{ event: "flow/fail" }],
    onFailure: async ({ event, error }) => {
      const original = (event.data as { event: { name: string; data: { key: string } } }).event;
      seen[`failure:${original.data.key}`] = {
        originalName: original.name,
        originalData: original.data,
        functionId: (event.data as { function_id: string }).function_id,
        runId: (event.data as { run_id: string }).run_id,
        errorName: error.name,
        errorMessage: error.message,
        eventName: event.name,
      };
      return "handled";
    },
  },
  async ({ event }) => {
    throw new NonRetriableError(`cannot process ${event.data.key}`);
  },
);

const nightlyFail = inngest.createFunction(
  {
    id: "nightly-fail",
    retries: 0,
    triggers: [{ cron: "30 3 * * *" }],
    onFailure: async ({ event, error }) => {
      seen["nightly-failure"] = { name: (event.data as { event: { name: string } }).event.name, message: error.message };
      return "nightly handled";
    },
  },
  async () => {
    throw new NonRetriableError("nightly broke");
  },
);

const cancellable = inngest.createFunction(
  {
    id: "cancellable",
    triggers: [{ event: "flow/order.placed" }],
    cancelOn: [{ event: "flow/order.cancelled", if: "async.data.orderId == event.data.orderId" }],
  },
  async ({ event, step }) => {
    await step.run("before", () => bump(`before:${event.data.orderId}`));
    await step.sleep("wait-a-bit", "2s");
    await step.run("after", () => bump(`after:${event.data.orderId}`));
    return "shipped";
  },
);

const idempotent = inngest.createFunction(
  { id: "idempotent", idempotency: "event.data.userId", triggers: [{ event: "flow/welcome" }] },
  async ({ event }) => bump(`welcome:${event.data.userId}`),
);

const functions = [proOnly, anySignup, berlinMidnight, nightlyFail, failing, cancellable, idempotent];
const handler = serve({ client: inngest, functions });
let server: http.Server;
let executor: Executor;
let serveUrl: string;

async function listen(h: ReturnType<typeof serve>): Promise<{ server: http.Server; url: string }> {
  const s = http.createServer((req, res) => void h(req, res));
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/inngest` };
}

beforeAll(async () => {
  ({ server, url: serveUrl } = await listen(handler));
  executor = createExecutor({ serveUrl, backoff: () => 50, requestTimeoutMs: 10_000, leaseMs: 20_000 });
  await executor.sync();
});

afterAll(async () => {
  await executor?.stop();
  await rootDb().jobCron.deleteMany({ where: { appId } });
  await new Promise((resolve) => server?.close(resolve));
});

async function drain(runId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } });
    if (["completed", "failed", "cancelled"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    const { claimed } = await executor.tick();
    if (claimed === 0) await new Promise((r) => setTimeout(r, 50));
  }
}

const fnId = (id: string) => `${appId}-${id}`;
const runsOf = (id: string, eventId: string) => rootDb().jobRun.findMany({ where: { functionId: fnId(id), eventId } });

describe("if expressions on triggers", () => {
  it("starts a function only when its `if` matches, tolerating missing keys", async () => {
    const key = randomUUID();
    const pro = await executor.ingestEvent("flow/signup", { key, plan: "pro", seats: 7 }, randomUUID());
    expect((await runsOf("pro-only", pro.eventId)).length).toBe(1);
    expect((await runsOf("any-signup", pro.eventId)).length).toBe(1);

    const few = await executor.ingestEvent("flow/signup", { key, plan: "pro", seats: 2 }, randomUUID());
    const free = await executor.ingestEvent("flow/signup", { key, plan: "free", seats: 50 }, randomUUID());
    const missing = await executor.ingestEvent("flow/signup", { key }, randomUUID());
    for (const r of [few, free, missing]) {
      expect((await runsOf("pro-only", r.eventId)).length).toBe(0);
      expect((await runsOf("any-signup", r.eventId)).length).toBe(1);
    }
    const run = (await runsOf("pro-only", pro.eventId))[0]!;
    expect((await drain(run.id)).output).toEqual({ key });
    for (const r of [pro, few, free, missing]) for (const id of r.runIds) await drain(id);
  });

  it("reports a syntax error at sync, naming the function, and keeps the previous registry", async () => {
    const badClient = new Inngest({ id: `${appId}-bad`, isDev: true, baseUrl: "http://127.0.0.1:9" });
    const bad = badClient.createFunction({ id: "broken-if", triggers: [{ event: "flow/x", if: "event.data.a = 'b'" }] }, async () => null);
    const badCancel = badClient.createFunction(
      { id: "broken-cancel", triggers: [{ event: "flow/y" }], cancelOn: [{ event: "flow/z", if: "async.data.id == " }] },
      async () => null,
    );
    const ok = badClient.createFunction({ id: "fine", triggers: [{ event: "flow/x" }] }, async () => null);
    const other = await listen(serve({ client: badClient, functions: [bad, badCancel, ok] }));
    try {
      const ex = createExecutor({ serveUrl: other.url, requestTimeoutMs: 10_000, leaseMs: 20_000 });
      const err = await ex.sync().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FunctionConfigError);
      expect((err as FunctionConfigError).problems.map((p) => p.functionId).sort()).toEqual([`${appId}-bad-broken-cancel`, `${appId}-bad-broken-if`]);
      expect((err as Error).message).toContain(`${appId}-bad-broken-if`);
      expect(ex.registry.all()).toHaveLength(0);
    } finally {
      await new Promise((resolve) => other.server.close(resolve));
    }
  });
});

describe("cron triggers", () => {
  const cron = "TZ=Europe/Berlin 0 0 * * *";

  it("stores the next fire time at sync (Berlin midnight)", async () => {
    const row = await rootDb().jobCron.findUniqueOrThrow({ where: { functionId_cron: { functionId: fnId("berlin-midnight"), cron } } });
    expect(row.nextAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.nextAt.getTime()).toBe(nextCronTime(cron, new Date(row.nextAt.getTime() - 60_000)).getTime());
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(row.nextAt);
    expect(local).toBe("00:00");
    expect(row.maxAttempts).toBe(5);
    // A re-sync keeps the stored time (a pending fire is not lost).
    await rootDb().jobCron.update({ where: { functionId_cron: { functionId: fnId("berlin-midnight"), cron } }, data: { nextAt: new Date(Date.now() + 3_600_000) } });
    await executor.sync();
    const again = await rootDb().jobCron.findUniqueOrThrow({ where: { functionId_cron: { functionId: fnId("berlin-midnight"), cron } } });
    expect(Math.abs(again.nextAt.getTime() - (Date.now() + 3_600_000))).toBeLessThan(10_000);
  });

  it("fires a missed schedule once (not once per missed day), across concurrent tickers, then reschedules", async () => {
    const where = { functionId_cron: { functionId: fnId("berlin-midnight"), cron } };
    // The executor was down for three days.
    const missed = new Date(Date.now() - 3 * 86_400_000);
    await rootDb().jobCron.update({ where, data: { nextAt: missed } });
    const others = [1, 2, 3].map(() => createExecutor({ appId, serveUrl, requestTimeoutMs: 10_000, leaseMs: 20_000 }));
    await Promise.all([executor.tick(), ...others.map((o) => o.tick()), executor.tick()]);
    const runs = await rootDb().jobRun.findMany({ where: { functionId: fnId("berlin-midnight") }, include: { event: true } });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.event.name).toBe("inngest/scheduled.timer");
    const row = await rootDb().jobCron.findUniqueOrThrow({ where });
    expect(row.nextAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.nextAt.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
    // Further ticks fire nothing more.
    await executor.tick();
    expect(await rootDb().jobRun.count({ where: { functionId: fnId("berlin-midnight") } })).toBe(1);
    const done = await drain(runs[0]!.id);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ name: "inngest/scheduled.timer", cron });
  });
});

describe("onFailure", () => {
  it("emits inngest/function.failed so the <fnId>-failure handler runs with the original event and the error", async () => {
    const key = randomUUID();
    const { runIds, eventId } = await executor.ingestEvent("flow/fail", { key }, randomUUID());
    const run = await drain(runIds[0]!);
    expect(run.status).toBe("failed");
    const failedEvent = await rootDb().jobEvent.findUniqueOrThrow({ where: { dedupeKey: `inngest/function.failed:${run.id}` } });
    expect(failedEvent.name).toBe("inngest/function.failed");
    expect(failedEvent.data).toMatchObject({
      function_id: fnId("failing"),
      run_id: run.id,
      error: { name: "NonRetriableError", message: `cannot process ${key}` },
      event: { name: "flow/fail", data: { key } },
    });
    expect(eventId).not.toBe(failedEvent.id);
    const handlerRuns = await rootDb().jobRun.findMany({ where: { eventId: failedEvent.id } });
    expect(handlerRuns.map((r) => r.functionId)).toEqual([fnId("failing-failure")]);
    const handled = await drain(handlerRuns[0]!.id);
    expect(handled.status).toBe("completed");
    expect(handled.output).toBe("handled");
    expect(seen[`failure:${key}`]).toEqual({
      originalName: "flow/fail",
      originalData: { key },
      functionId: fnId("failing"),
      runId: run.id,
      errorName: "NonRetriableError",
      errorMessage: `cannot process ${key}`,
      eventName: "inngest/function.failed",
    });
  });
});

describe("onFailure of a cron function", () => {
  it("fires from an unsynced worker and still starts the failure handler (copied onto the cron and the run)", async () => {
    const where = { functionId_cron: { functionId: fnId("nightly-fail"), cron: "30 3 * * *" } };
    expect((await rootDb().jobCron.findUniqueOrThrow({ where })).failureHandler).toMatchObject({ id: fnId("nightly-fail-failure") });
    await rootDb().jobCron.update({ where, data: { nextAt: new Date(Date.now() - 1000) } });
    // Knows its app (appId) but has no registry: the cron row and the run carry all it needs.
    const unsynced = createExecutor({ appId, serveUrl, requestTimeoutMs: 10_000, leaseMs: 20_000 });
    const deadline = Date.now() + 15_000;
    let handlerRun: { id: string } | null = null;
    while (Date.now() < deadline && !handlerRun) {
      await unsynced.tick();
      handlerRun = await rootDb().jobRun.findFirst({ where: { functionId: fnId("nightly-fail-failure") } });
    }
    expect(handlerRun).not.toBeNull();
    const failed = await rootDb().jobRun.findFirstOrThrow({ where: { functionId: fnId("nightly-fail") } });
    expect(failed.status).toBe("failed");
    expect((await drain(handlerRun!.id)).output).toBe("nightly handled");
    expect(seen["nightly-failure"]).toEqual({ name: "inngest/scheduled.timer", message: "nightly broke" });
  });
});

describe("cancelOn", () => {
  it("cancels a sleeping run when a matching event arrives, and leaves other runs alone", async () => {
    const orderId = randomUUID();
    const otherOrder = randomUUID();
    const [a] = (await executor.ingestEvent("flow/order.placed", { orderId }, randomUUID())).runIds;
    const [b] = (await executor.ingestEvent("flow/order.placed", { orderId: otherOrder }, randomUUID())).runIds;
    // Tick until both are asleep.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      await executor.tick();
      const sleeping = await rootDb().jobQueueItem.count({ where: { runId: { in: [a!, b!] }, kind: "sleep" } });
      if (sleeping === 2) break;
    }
    expect(await rootDb().jobQueueItem.count({ where: { runId: a!, kind: "sleep" } })).toBe(1);
    expect(counters[`before:${orderId}`]).toBe(1);

    // Non-matching `if` (different order) and a missing key cancel nothing.
    expect((await executor.ingestEvent("flow/order.cancelled", { orderId: randomUUID() }, randomUUID())).cancelledRunIds).toBeUndefined();
    expect((await executor.ingestEvent("flow/order.cancelled", {}, randomUUID())).cancelledRunIds).toBeUndefined();

    const cancel = await executor.ingestEvent("flow/order.cancelled", { orderId }, randomUUID());
    expect(cancel.cancelledRunIds).toEqual([a]);
    const cancelled = await rootDb().jobRun.findUniqueOrThrow({ where: { id: a! } });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.endedAt).not.toBeNull();
    expect(await rootDb().jobQueueItem.count({ where: { runId: a! } })).toBe(0);

    const other = await drain(b!);
    expect(other.status).toBe("completed");
    expect(counters[`after:${otherOrder}`]).toBe(1);
    expect(counters[`after:${orderId}`]).toBeUndefined();
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: a! } })).status).toBe("cancelled");
  });
});

describe("idempotency", () => {
  it("starts one run per idempotency key within 24h; events without the key are not deduplicated", async () => {
    const userId = randomUUID();
    const first = await executor.ingestEvent("flow/welcome", { userId }, randomUUID());
    const second = await executor.ingestEvent("flow/welcome", { userId, extra: 1 }, randomUUID());
    const otherUser = await executor.ingestEvent("flow/welcome", { userId: randomUUID() }, randomUUID());
    expect(first.runIds).toHaveLength(1);
    expect(second.runIds).toHaveLength(0);
    expect(second.duplicate).toBe(false);
    expect(otherUser.runIds).toHaveLength(1);
    const noKey1 = await executor.ingestEvent("flow/welcome", {}, randomUUID());
    const noKey2 = await executor.ingestEvent("flow/welcome", {}, randomUUID());
    expect(noKey1.runIds).toHaveLength(1);
    expect(noKey2.runIds).toHaveLength(1);
    for (const id of [...first.runIds, ...otherUser.runIds, ...noKey1.runIds, ...noKey2.runIds]) await drain(id);
    expect(counters[`welcome:${userId}`]).toBe(1);

    // Once the 24h window has passed, the key starts a run again.
    await rootDb().jobIdempotencyKey.update({
      where: { functionId_key: { functionId: fnId("idempotent"), key: userId } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const later = await executor.ingestEvent("flow/welcome", { userId }, randomUUID());
    expect(later.runIds).toHaveLength(1);
    await drain(later.runIds[0]!);
    expect(counters[`welcome:${userId}`]).toBe(2);
  });
});
