// The executor through a real database outage: its PostgreSQL connections go through a TCP proxy
// (tests/helpers/tcp-proxy.ts) that the test cuts — open connections reset, new ones refused, as when
// the postmaster dies — and restores. The app is the REAL inngest SDK serve handler in this process.
// What must hold:
//   - an outcome the app returned while the database was down is recorded as soon as it is back: the run
//     goes on within seconds, not after the (60 s) lease, and the step is not run again;
//   - an item whose database work before the call failed is handed back (released) once it is back;
//   - an idle worker backs off instead of polling, and the outage is logged once, and its end once.
// Each test makes its own executor for this file's app (claims are per app id, so the executors of other
// test files running in parallel never touch these runs).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, rootDb, type RootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { createExecutor, type Executor } from "@/inngest/executor";
import { hostAndPort, startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import { waitForRun } from "./harness";
import { sleep, until } from "@/tests/helpers/wait";

const suffix = randomUUID().slice(0, 8);
const appId = `ritiko-outage-${suffix}`;
const gatedEvent = `test/outage.gated.${suffix}`;
const waitingEvent = `test/outage.waiting.${suffix}`;
// Far longer than any wait below: a run that only resumes when the lease ends fails the test.
const LEASE_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

/** Step executions per key, as the app saw them. */
const executions: Record<string, number> = {};
const bump = (key: string) => (executions[key] = (executions[key] ?? 0) + 1);

/** Holds step "first" of one key until the test releases it. */
class Gate {
  entered = false;
  release!: () => void;
  readonly released = new Promise<void>((resolve) => (this.release = resolve));
}
const gates = new Map<string, Gate>();

const inngest = new Inngest({ id: appId, isDev: true, baseUrl: "http://127.0.0.1:9" });
const gated = inngest.createFunction({ id: "gated", triggers: [{ event: gatedEvent }] }, async ({ event, step }) => {
  const key = (event.data as { key: string }).key;
  const first = await step.run("first", async () => {
    bump(`first:${key}`);
    const gate = gates.get(key);
    if (gate) {
      gate.entered = true;
      await gate.released;
    }
    return `first:${key}`;
  });
  const second = await step.run("second", () => {
    bump(`second:${key}`);
    return `second:${key}`;
  });
  return { first, second };
});
const waiting = inngest.createFunction({ id: "waiting", triggers: [{ event: waitingEvent }] }, async ({ event, step }) => {
  const key = (event.data as { key: string }).key;
  const approval = await step.waitForEvent("approval", { event: `test/outage.never.${suffix}`, timeout: "1s" });
  const after = await step.run("after", () => {
    bump(`after:${key}`);
    return `after:${key}`;
  });
  return { approval, after };
});

const handler = serve({ client: inngest, functions: [gated, waiting] });
let app: http.Server;
let serveUrl: string;
let proxy: TcpProxy;
let proxiedDb: RootDb;
let executor: Executor | undefined;

beforeAll(async () => {
  app = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  serveUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  proxy = await startTcpProxy(hostAndPort(process.env.DATABASE_URL!));
  proxiedDb = createPrismaClient(proxy.urlFor(process.env.DATABASE_URL!));
});

afterEach(async () => {
  // Whatever a failed test left behind: the database back, every gate open, the executor stopped.
  await proxy.restore();
  for (const gate of gates.values()) gate.release();
  await executor?.stop();
  executor = undefined;
  vi.restoreAllMocks();
});

afterAll(async () => {
  await rootDb().jobQueueItem.deleteMany({ where: { run: { appId } } });
  await proxiedDb.$disconnect();
  await proxy.close();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
});

async function startExecutor(): Promise<Executor> {
  const made = createExecutor({
    serveUrl,
    db: proxiedDb,
    leaseMs: LEASE_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    pollIntervalMs: 20,
    backoff: () => 50,
  });
  await made.sync();
  made.start();
  executor = made;
  return made;
}

/** The log lines this test is about, by message. */
function logLines() {
  const error = vi.spyOn(log, "error");
  const info = vi.spyOn(log, "info");
  const count = (spy: typeof error, msg: string) => spy.mock.calls.filter(([m]) => m === msg).length;
  return {
    unreachable: () => count(error, "jobs.database_unreachable"),
    back: () => count(info, "jobs.database_back"),
    tickFailed: () => count(error, "jobs.tick_failed"),
    processFailed: () => count(error, "jobs.process_failed"),
    backFields: () => info.mock.calls.find(([m]) => m === "jobs.database_back")?.[1] as { downMs: number } | undefined,
  };
}

describe("executor through a database outage", () => {
  it("records an outcome the app returned while the database was down as soon as it is back, not after the lease", { timeout: 60_000 }, async () => {
    const lines = logLines();
    const ex = await startExecutor();
    const key = randomUUID();
    const gate = new Gate();
    gates.set(key, gate);
    const { runIds } = await ex.ingestEvent(gatedEvent, { key });
    const runId = runIds[0]!;
    await until("step first to start", () => gate.entered);

    // The call is in flight: the item is leased in this executor's name, which is beating.
    const [item] = await rootDb().jobQueueItem.findMany({ where: { runId } });
    expect(item?.claimedBy).toBe(ex.id);
    expect(item!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + LEASE_MS - 10_000);
    expect(await rootDb().jobExecutor.findUnique({ where: { id: ex.id } })).not.toBeNull();

    await proxy.cut();
    // The app answers at once; recording its outcome fails for as long as the database is away.
    gate.release();
    await sleep(2_500);
    // Nothing could be written meanwhile.
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("running");
    expect(await rootDb().jobStep.count({ where: { runId } })).toBe(0);

    const restoredAt = Date.now();
    await proxy.restore();
    const done = await waitForRun(runId, ["completed", "failed", "cancelled"], 15_000);
    const tookMs = Date.now() - restoredAt;

    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ first: `first:${key}`, second: `second:${key}` });
    expect(tookMs).toBeLessThan(10_000);
    // The outcome of the call made before the outage was recorded: step "first" ran once.
    expect({ first: executions[`first:${key}`], second: executions[`second:${key}`] }).toEqual({ first: 1, second: 1 });
    expect(lines.unreachable()).toBe(1);
    expect(lines.back()).toBe(1);
    expect(lines.backFields()!.downMs).toBeGreaterThanOrEqual(2_000);
    expect(lines.processFailed()).toBe(0);
  });

  it("hands an item back once the database is back when its work before the call failed", { timeout: 60_000 }, async () => {
    const lines = logLines();
    const ex = await startExecutor();
    const key = randomUUID();
    const { runIds } = await ex.ingestEvent(waitingEvent, { key });
    const runId = runIds[0]!;
    await until("the wait to be open", async () => (await rootDb().jobQueueItem.count({ where: { runId, kind: "wait-timeout" } })) === 1);

    // Hold the run's row lock, so that the executor, when the wait times out, is stuck in the database
    // before calling the app (Executor.expire locks the run first) — then cut the database away.
    let unlock!: () => void;
    const unlocked = new Promise<void>((resolve) => (unlock = resolve));
    let holder = 0;
    const holding = rootDb().$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid FROM job_runs WHERE id = ${runId}::uuid FOR UPDATE`;
        holder = row!.pid;
        await unlocked;
      },
      { timeout: 30_000 },
    );
    await until("the lock to be held", () => holder !== 0);
    await until("the executor to wait for the run's lock", async () => {
      const [row] = await rootDb().$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid))`;
      return row!.n > 0;
    }, 10_000);
    const [claimed] = await rootDb().jobQueueItem.findMany({ where: { runId, kind: "wait-timeout" } });
    expect(claimed?.lockedUntil).not.toBeNull();

    await proxy.cut();
    unlock();
    await holding;
    await sleep(2_000);
    const restoredAt = Date.now();
    await proxy.restore();

    const done = await waitForRun(runId, ["completed", "failed", "cancelled"], 15_000);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ approval: null, after: `after:${key}` });
    expect(Date.now() - restoredAt).toBeLessThan(10_000);
    expect(executions[`after:${key}`]).toBe(1);
    expect(lines.unreachable()).toBe(1);
    expect(lines.back()).toBe(1);
    expect(lines.processFailed()).toBe(0);
  });

  it("backs off while the database is unreachable and logs the outage once, and its end once", { timeout: 60_000 }, async () => {
    const lines = logLines();
    const ex = await startExecutor();
    // Each round of the worker loop starts with a claim (crons, then due items): count those.
    const tick = vi.spyOn(ex as unknown as { claim: (limit: number) => Promise<unknown> }, "claim");
    await until("the worker to poll", () => tick.mock.calls.length > 2);

    await proxy.cut();
    await sleep(3_200);
    const failedTicks = tick.mock.settledResults.filter((r) => r.type === "rejected").length;
    await proxy.restore();
    await until("the database to be back", () => lines.back() === 1, 15_000);

    // 20 ms polls would have made ~150 attempts; 500 ms doubling makes 3 or 4 in 3.2 s.
    expect(failedTicks).toBeGreaterThanOrEqual(2);
    expect(failedTicks).toBeLessThanOrEqual(5);
    expect(lines.unreachable()).toBe(1);
    expect(lines.tickFailed()).toBe(0);
    expect(lines.backFields()!.downMs).toBeGreaterThanOrEqual(3_000);
    // Polling goes on at its usual pace once the database is back: six more polls within 3 s, which the
    // outage's backoff (500 ms, doubling: at most 3 in 3 s) could not make. A condition wait, not a
    // count after a fixed sleep: a loaded machine may run fewer 20 ms polls in 500 ms (seen: 5).
    const before = tick.mock.calls.length;
    await until("polling at its usual pace", () => tick.mock.calls.length - before > 5, 3_000);
    // A graceful stop removes the executor's heartbeat row (it holds no lease).
    expect(await rootDb().jobExecutor.findUnique({ where: { id: ex.id } })).not.toBeNull();
    await ex.stop();
    expect(await rootDb().jobExecutor.findUnique({ where: { id: ex.id } })).toBeNull();
  });
});
