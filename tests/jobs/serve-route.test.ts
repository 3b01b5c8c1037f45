// The executor's HTTP service (inngest/executor/server.ts) end to end: the REAL inngest SDK client sends
// events with send() to POST /e/:key, the executor syncs with a real SDK serve handler (inngest/node)
// on loopback and runs the function through it. Dev mode, no signatures, like `npm run dev`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { eventType, Inngest } from "inngest";
import { serve } from "inngest/node";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { startExecutorServer, type ExecutorServer } from "@/inngest/executor/server";
import { EXECUTOR_TOKEN_HEADER, executorTokenMatches } from "@/inngest/executor/token";
import { deliverOutbox } from "@/inngest/functions/deliver-outbox";
import { functions } from "@/inngest/functions";

const appId = `ritiko-serve-${randomUUID().slice(0, 8)}`;
const ran: Record<string, number> = {};

const ping = eventType("test/serve-route.ping", { schema: z.object({ organizationId: z.uuid(), key: z.string() }) });

// The app (client, function, serve handler) is made once the executor listens, with its URL as the
// client's base URL — what INNGEST_DEV=<executor url> does in `npm run dev`.
function makeApp(baseUrl: string) {
  const inngest = new Inngest({ id: appId, isDev: true, baseUrl });
  const pingFn = inngest.createFunction({ id: "ping", triggers: [ping] }, async ({ event, step }) => {
    const count = await step.run("count", () => (ran[event.data.key] = (ran[event.data.key] ?? 0) + 1));
    return { key: event.data.key, count };
  });
  return { inngest, handler: serve({ client: inngest, functions: [pingFn] }) };
}

let appServer: http.Server;
let app: ReturnType<typeof makeApp> | undefined;
let executor: ExecutorServer;
let syncAttemptsBeforeReady = 0;
let requestsWithoutToken = 0;
const token = randomUUID();

beforeAll(async () => {
  // The app answers 503 until its handler exists, like Next still compiling: the executor keeps retrying.
  appServer = http.createServer((req, res) => {
    // What app/api/inngest/route.ts does when RITIKO_EXECUTOR_TOKEN is set.
    if (!executorTokenMatches(token, req.headers[EXECUTOR_TOKEN_HEADER] as string | undefined)) {
      requestsWithoutToken++;
      return void res.writeHead(401).end();
    }
    if (app) return void app.handler(req, res);
    syncAttemptsBeforeReady++;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  const { port } = appServer.address() as AddressInfo;
  executor = await startExecutorServer({
    serveUrl: `http://127.0.0.1:${port}/api/inngest`,
    port: 0,
    syncRetryMs: 50,
    token,
    resyncIntervalMs: 0,
    executor: { pollIntervalMs: 50, backoff: () => 50, requestTimeoutMs: 10_000, leaseMs: 20_000 },
  });
  await new Promise((r) => setTimeout(r, 200));
  const health = await fetch(`${executor.url}/health`);
  expect(health.status).toBe(503);
  app = makeApp(executor.url);
  await executor.ready;
});

afterAll(async () => {
  await executor?.close();
  await new Promise((resolve) => appServer?.close(resolve));
});

async function waitForRunOf(eventId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await rootDb().jobRun.findFirst({ where: { eventId } });
    if (run && ["completed", "failed", "cancelled"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run of event ${eventId} not finished after ${timeoutMs} ms (${run?.status ?? "no run"})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("executor server", () => {
  it("retried the sync until the app answered, sending the executor token every time", async () => {
    expect(syncAttemptsBeforeReady).toBeGreaterThan(1);
    expect(requestsWithoutToken).toBe(0);
  });

  it("answers /health once synced, listing the app's functions", async () => {
    const res = await fetch(`${executor.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", synced: true, functions: [`${appId}-ping`] });
  });

  it("runs a function for an event sent with the SDK client's send()", async () => {
    const key = randomUUID();
    const organizationId = randomUUID();
    const { ids } = await app!.inngest.send(ping.create({ organizationId, key }));
    expect(ids).toHaveLength(1);
    const run = await waitForRunOf(ids[0]!);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ key, count: 1 });
    expect(run.organizationId).toBe(organizationId);
    expect(run.functionId).toBe(`${appId}-ping`);
    expect(requestsWithoutToken).toBe(0);
  });

  it("accepts an array of events and deduplicates by event id", async () => {
    const organizationId = randomUUID();
    const keys = [randomUUID(), randomUUID()];
    const id = randomUUID();
    const { ids } = await app!.inngest.send([ping.create({ organizationId, key: keys[0]! }, { id }), ping.create({ organizationId, key: keys[1]! })]);
    expect(ids).toHaveLength(2);
    const again = await app!.inngest.send(ping.create({ organizationId, key: keys[0]! }, { id }));
    expect(again.ids).toEqual([ids[0]]);
    for (const eventId of ids) expect((await waitForRunOf(eventId)).status).toBe("completed");
    expect(await rootDb().jobRun.count({ where: { eventId: ids[0]! } })).toBe(1);
    expect(ran[keys[0]!]).toBe(1);
    expect(ran[keys[1]!]).toBe(1);
  });

  it("refuses malformed events with the status the SDK checks", async () => {
    const res = await fetch(`${executor.url}/e/any-key`, { method: "POST", body: JSON.stringify({ data: {} }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ids: [], status: 400 });
    expect((await fetch(`${executor.url}/nope`)).status).toBe(404);
  });
});

describe("app functions", () => {
  it("collects deliver-outbox: kick event and a cron every minute, concurrency 1", () => {
    expect(functions).toContain(deliverOutbox);
    expect(deliverOutbox.id()).toBe("deliver-outbox");
    expect(deliverOutbox.opts.concurrency).toEqual({ limit: 1 });
    expect(deliverOutbox.opts.triggers).toEqual([expect.objectContaining({ event: "ritiko/outbox.kick" }), { cron: "* * * * *" }]);
  });
});
