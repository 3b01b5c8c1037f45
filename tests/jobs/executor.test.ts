// The embedded executor against the REAL inngest SDK serve handler (inngest/node) on a loopback HTTP
// server. The client is in dev mode (no signatures) with its Inngest URLs pointed at a closed port, so
// any call the SDK made to an Inngest server would fail loudly instead of reaching a real one.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createExecutor, type Executor } from "@/inngest/executor";

const appId = `ritiko-test-${randomUUID().slice(0, 8)}`;
const counters: Record<string, number> = {};
const bump = (key: string) => (counters[key] = (counters[key] ?? 0) + 1);
const requests: Array<{ url: string; body: Record<string, unknown> }> = [];

const inngest = new Inngest({ id: appId, isDev: true, baseUrl: "http://127.0.0.1:9" });

const twoSteps = inngest.createFunction({ id: "two-steps", triggers: [{ event: "test/two-steps" }] }, async ({ event, step }) => {
  const a = await step.run("first", () => bump(`first:${event.data.key}`));
  const b = await step.run("second", () => bump(`second:${event.data.key}`));
  return { a, b, key: event.data.key };
});

const flaky = inngest.createFunction({ id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] }, async ({ event, step }) => {
  return step.run("flaky-step", () => {
    if (bump(`flaky:${event.data.key}`) === 1) throw new Error("transient failure");
    return "recovered";
  });
});

const nonRetriable = inngest.createFunction({ id: "non-retriable", retries: 3, triggers: [{ event: "test/non-retriable" }] }, async ({ event }) => {
  bump(`nonretriable:${event.data.key}`);
  throw new NonRetriableError("bad input, do not retry");
});

const sleeper = inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep*" }] }, async ({ step }) => {
  const before = await step.run("before", () => Date.now());
  await step.sleep("nap", "1s");
  const after = await step.run("after", () => Date.now());
  return { slept: after - before };
});

const parallel = inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ event, step }) => {
  const [x, y] = await Promise.all([
    step.run("left", () => bump(`left:${event.data.key}`) * 10),
    step.run("right", () => bump(`right:${event.data.key}`) * 20),
  ]);
  return x + y;
});

const alwaysFails = inngest.createFunction({ id: "always-fails", retries: 1, triggers: [{ event: "test/always-fails" }] }, async ({ event }) => {
  bump(`always:${event.data.key}`);
  throw new Error("still broken");
});

const handler = serve({ client: inngest, functions: [twoSteps, flaky, nonRetriable, sleeper, parallel, alwaysFails] });
let server: http.Server;
let executor: Executor;

beforeAll(async () => {
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  executor = createExecutor({
    serveUrl: `http://127.0.0.1:${port}/api/inngest`,
    backoff: () => 50,
    requestTimeoutMs: 10_000,
    leaseMs: 20_000,
    // Tap the calls (not the syncs) to assert on the protocol we speak.
    fetch: (input, init) => {
      if (init?.method === "POST") requests.push({ url: String(input), body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return fetch(input, init);
    },
  });
  await executor.sync();
});

afterAll(async () => {
  await executor?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

/** Ticks until the run is finished (or the deadline passes). */
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

async function start(name: string, data: Record<string, unknown>) {
  const { runIds } = await executor.ingestEvent(name, data, randomUUID());
  expect(runIds).toHaveLength(1);
  return runIds[0]!;
}

describe("embedded executor", () => {
  it("syncs the app's functions in-band", () => {
    const ids = executor.registry.all().map((f) => f.id).sort();
    expect(ids).toEqual([
      `${appId}-always-fails`, `${appId}-flaky`, `${appId}-non-retriable`, `${appId}-parallel`, `${appId}-sleeper`, `${appId}-two-steps`,
    ]);
    expect(executor.registry.get(`${appId}-flaky`)?.maxAttempts).toBe(4);
    expect(executor.registry.get(`${appId}-two-steps`)?.maxAttempts).toBe(5);
  });

  it("runs a two-step function, each step body exactly once, and stores its output", async () => {
    const key = randomUUID();
    const organizationId = randomUUID();
    const runId = await start("test/two-steps", { key, organizationId });
    const run = await drain(runId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ a: 1, b: 1, key });
    expect(run.organizationId).toBe(organizationId);
    expect(counters[`first:${key}`]).toBe(1);
    expect(counters[`second:${key}`]).toBe(1);
    expect(await rootDb().jobStep.count({ where: { runId } })).toBe(2);
    expect(await rootDb().jobQueueItem.count({ where: { runId } })).toBe(0);
    // The protocol we speak: no ctx.fn_id (it would make the SDK checkpoint to an Inngest API).
    const calls = requests.filter((r) => (r.body.ctx as { run_id?: string })?.run_id === runId);
    expect(calls.length).toBe(3);
    for (const call of calls) {
      expect(call.url).toContain("stepId=step");
      expect(call.body.ctx).not.toHaveProperty("fn_id");
      expect(call.body.ctx).toMatchObject({ use_api: false, max_attempts: 5 });
    }
    expect(Object.keys(calls[2]!.body.steps as object)).toHaveLength(2);
  });

  it("deduplicates events by id: the same id starts no second run", async () => {
    const id = randomUUID();
    const first = await executor.ingestEvent("test/two-steps", { key: randomUUID() }, id);
    const second = await executor.ingestEvent("test/two-steps", { key: randomUUID() }, id);
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ eventId: first.eventId, runIds: [], duplicate: true });
    await drain(first.runIds[0]!);
  });

  it("retries a step that throws once, then succeeds", async () => {
    const key = randomUUID();
    const runId = await start("test/flaky", { key });
    const run = await drain(runId);
    expect(run.status).toBe("completed");
    expect(run.output).toBe("recovered");
    expect(counters[`flaky:${key}`]).toBe(2);
    expect(run.attempt).toBe(0);
  });

  it("fails a run on NonRetriableError without retrying", async () => {
    const key = randomUUID();
    const runId = await start("test/non-retriable", { key });
    const run = await drain(runId);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ name: "NonRetriableError", message: "bad input, do not retry" });
    expect(counters[`nonretriable:${key}`]).toBe(1);
  });

  it("sleeps durably: a 1s sleep completes the run after at least 1s (wildcard trigger)", async () => {
    const startedAt = Date.now();
    const runId = await start("test/sleep-short", {});
    // The sleep is a queue item due in the future, not a blocked worker.
    await executor.tick();
    await executor.tick();
    const sleeping = await rootDb().jobQueueItem.findFirst({ where: { runId } });
    expect(sleeping?.kind).toBe("sleep");
    const run = await drain(runId);
    expect(run.status).toBe("completed");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect((run.output as { slept: number }).slept).toBeGreaterThanOrEqual(1000);
  });

  it("re-claims the item of a crashed worker after its lease, without re-running memoized steps", async () => {
    const key = randomUUID();
    const runId = await start("test/two-steps", { key });
    await executor.tick(); // runs "first" and memoizes it
    expect(counters[`first:${key}`]).toBe(1);
    // A worker claims the next item and dies. While its lease runs, nobody else may claim the item...
    await rootDb().jobQueueItem.updateMany({ where: { runId }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    expect((await executor.tick()).claimed).toBe(0);
    // ... and once the lease has run out (moved into the past: no waiting on the clock), a worker does.
    await rootDb().jobQueueItem.updateMany({ where: { runId }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    const run = await drain(runId);
    expect(run.status).toBe("completed");
    expect(counters[`first:${key}`]).toBe(1);
    expect(counters[`second:${key}`]).toBe(1);
  });

  it("runs the worker loop until stopped", async () => {
    const key = randomUUID();
    const runId = await start("test/two-steps", { key });
    executor.start();
    const deadline = Date.now() + 10_000;
    let status = "queued";
    while (Date.now() < deadline && status !== "completed") {
      await new Promise((r) => setTimeout(r, 50));
      status = (await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } })).status;
    }
    await executor.stop();
    expect(status).toBe("completed");
  });

  it("fails a run after retries+1 attempts of an error outside steps", async () => {
    const key = randomUUID();
    const runId = await start("test/always-fails", { key });
    const run = await drain(runId);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ message: "still broken" });
    expect(counters[`always:${key}`]).toBe(2);
  });

  it("runs parallel steps (StepPlanned) each exactly once", async () => {
    const key = randomUUID();
    const runId = await start("test/parallel", { key });
    const run = await drain(runId);
    expect(run.status).toBe("completed");
    expect(run.output).toBe(30);
    expect(counters[`left:${key}`]).toBe(1);
    expect(counters[`right:${key}`]).toBe(1);
    const planned = requests.filter((r) => (r.body.ctx as { run_id?: string })?.run_id === runId && !r.url.includes("stepId=step"));
    expect(planned).toHaveLength(2);
  });

  it("never hands one item to two concurrent tickers", async () => {
    const keys = Array.from({ length: 5 }, () => randomUUID());
    const runIds = await Promise.all(keys.map((key) => start("test/two-steps", { key })));
    const other = createExecutor({ appId, serveUrl: executor.registry.get(`${appId}-two-steps`)!.stepUrl.split("?")[0]!, backoff: () => 50, requestTimeoutMs: 10_000, leaseMs: 20_000 });
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      await Promise.all([executor.tick(), other.tick(), executor.tick()]);
      const open = await rootDb().jobRun.count({ where: { id: { in: runIds }, status: { notIn: ["completed", "failed"] } } });
      if (open === 0) break;
    }
    for (const key of keys) {
      expect(counters[`first:${key}`]).toBe(1);
      expect(counters[`second:${key}`]).toBe(1);
    }
    expect(await rootDb().jobRun.count({ where: { id: { in: runIds }, status: "completed" } })).toBe(5);
  });
});
