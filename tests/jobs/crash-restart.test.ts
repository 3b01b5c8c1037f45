// Crash recovery of the executor PROCESS (scripts/executor.ts), for real: the executor runs as a child
// process against a real inngest SDK serve handler (inngest/node) in this process, is killed in the
// middle of a call to the app, and a new executor process finishes the run from PostgreSQL.
//   SIGKILL: nothing is recorded for the call in flight; its queue item stays leased until the lease
//            (RITIKO_EXECUTOR_LEASE_MS) runs out, then the next executor calls again with the memoized
//            steps. Finished steps never run again; the step in flight runs again (at least once).
//   SIGTERM: a graceful stop lets the call in flight finish and records its outcome, so nothing repeats.
// Other test files run their own executors against the same job_queue (vitest runs files in parallel),
// but an executor claims only runs of the app it synced (claimDue filters by app id), and this file's
// app id and event name are its own: only our executor children ever drive our runs.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { freePort, waitFor } from "@/tests/helpers/wait";

const suffix = randomUUID().slice(0, 8);
const appId = `ritiko-crash-${suffix}`;
const eventName = `test/crash-restart.${suffix}`;
const token = randomUUID();

// Short timings so that a crashed call's lease runs out within seconds. The lease must exceed the
// request timeout by more than 5 s (Executor constructor). A call that timed out would be retried and
// re-run its step, so the timeout leaves room for a loaded machine; a blocked call here lasts < 1 s.
const REQUEST_TIMEOUT_MS = 5_000;
const LEASE_MS = 10_500;
const POLL_MS = 50;

type StepName = "first" | "second" | "third";
/** Executions of each step body per event key, as seen by the app (this process). */
const executions: Record<string, Record<StepName, number[]>> = {};
const record = (key: string, step: StepName) => {
  executions[key] ??= { first: [], second: [], third: [] };
  executions[key][step].push(Date.now());
};
const count = (key: string, step: StepName) => executions[key]?.[step].length ?? 0;

/** Holds the first execution of step "second" of one key until released. */
class Gate {
  state: "armed" | "blocked" = "armed";
  release!: () => void;
  readonly released = new Promise<void>((resolve) => (this.release = resolve));
}
const gates = new Map<string, Gate>();

function makeApp(executorUrl: string) {
  const inngest = new Inngest({ id: appId, isDev: true, baseUrl: executorUrl });
  const threeSteps = inngest.createFunction({ id: "three-steps", triggers: [{ event: eventName }] }, async ({ event, step }) => {
    const key = (event.data as { key: string }).key;
    const first = await step.run("first", () => {
      record(key, "first");
      return `first:${key}`;
    });
    const second = await step.run("second", async () => {
      record(key, "second");
      const gate = gates.get(key);
      if (gate?.state === "armed") {
        gate.state = "blocked";
        await gate.released;
      }
      return `second:${key}`;
    });
    const third = await step.run("third", () => {
      record(key, "third");
      return `third:${key}`;
    });
    return { first, second, third };
  });
  return serve({ client: inngest, functions: [threeSteps] });
}

/** The SDK's step hash: sha1 of the step id (no repeats of an id here). */
const stepHash = (id: StepName) => createHash("sha1").update(id).digest("hex");

type Child = { proc: ChildProcess; output: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };
const children: Child[] = [];
let appServer: http.Server;
let executorPort: number;
let serveUrl: string;
const executorUrl = () => `http://127.0.0.1:${executorPort}`;

function startExecutor(): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/executor.ts")], {
    cwd: path.resolve("."),
    // Just what the executor needs, none of the test runner's own variables.
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: process.env.DATABASE_URL,
      RITIKO_EXECUTOR_PORT: String(executorPort),
      RITIKO_EXECUTOR_SERVE_URL: serveUrl,
      RITIKO_EXECUTOR_TOKEN: token,
      RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      RITIKO_EXECUTOR_LEASE_MS: String(LEASE_MS),
      RITIKO_EXECUTOR_POLL_MS: String(POLL_MS),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  proc.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  proc.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const child = { proc, output, exited };
  children.push(child);
  return child;
}

const alive = (child: Child) => child.proc.exitCode === null && child.proc.signalCode === null;

/** Waits until the child's /health says synced (it syncs with our serve handler in-band). */
async function untilSynced(child: Child) {
  await waitFor(
    "the executor child to sync",
    async () => {
    if (!alive(child)) throw new Error(`executor child exited before syncing:\n${child.output.join("")}`);
    const res = await fetch(`${executorUrl()}/health`).catch(() => undefined);
    if (res?.status !== 200) return false;
    const body = (await res.json()) as { synced: boolean; functions: string[] };
    return body.synced && body.functions.includes(`${appId}-three-steps`);
    },
    45_000,
  );
}

async function stopChild(child: Child, signal: NodeJS.Signals, timeoutMs = 15_000) {
  if (alive(child)) child.proc.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`executor child did not exit on ${signal}`)), timeoutMs)));
  try {
    return await Promise.race([child.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends the event to the child's event API and returns the id of the run it started. A 5xx (e.g. the
 * database too busy to start the ingest transaction) is retried with the same event id, which the
 * executor deduplicates — what the SDK's send() does.
 */
async function sendEvent(key: string): Promise<string> {
  const body = JSON.stringify({ name: eventName, data: { key }, id: `crash-restart:${key}` });
  let res: Response | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    res = await fetch(`${executorUrl()}/e/crash-test-key`, { method: "POST", body });
    if (res.status < 500) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(res!.status).toBe(200);
  const { ids } = (await res!.json()) as { ids: string[] };
  expect(ids).toHaveLength(1);
  const run = await waitFor("the run of the event", () => rootDb().jobRun.findFirst({ where: { eventId: ids[0]! } }).then((r) => r ?? undefined), 5_000);
  return run.id;
}

const finished = (runId: string, timeoutMs: number) =>
  waitFor(
    `run ${runId} to finish`,
    async () => {
      const run = await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } });
      return ["completed", "failed", "cancelled"].includes(run.status) ? run : undefined;
    },
    timeoutMs,
  );

const memoized = async (runId: string) =>
  (await rootDb().jobStep.findMany({ where: { runId }, orderBy: { id: "asc" } })).map((s) => ({ stepHash: s.stepHash, data: s.data, error: s.error }));

/** Starts a run and waits until our executor child is inside the call that runs step "second" (step "first" done). */
async function runUntilSecondStepBlocks(child: Child): Promise<{ key: string; runId: string; gate: Gate }> {
  const key = randomUUID();
  const gate = new Gate();
  gates.set(key, gate);
  const runId = await sendEvent(key);
  await waitFor(
    "step second to start",
    () => {
      if (!alive(child)) throw new Error(`executor child died:\n${child.output.join("")}`);
      return gate.state === "blocked";
    },
    20_000,
  );
  return { key, runId, gate };
}

beforeAll(async () => {
  executorPort = await freePort();
  const handler = makeApp(executorUrl());
  appServer = http.createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
  serveUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/api/inngest`;
});

afterAll(async () => {
  for (const gate of gates.values()) gate.release();
  for (const child of children) if (alive(child)) child.proc.kill("SIGKILL");
  await Promise.all(children.map((c) => c.exited));
  // Whatever a failed test left behind must not keep other executors busy.
  await rootDb().jobQueueItem.deleteMany({ where: { run: { appId } } });
  appServer.closeAllConnections();
  await new Promise((resolve) => appServer?.close(resolve));
});

describe("executor process crash and restart", () => {
  it("SIGKILL mid-call: a new executor resumes after the lease, finished steps are not repeated", { timeout: 120_000 }, async () => {
    const first = startExecutor();
    await untilSynced(first);
    const { key, runId, gate } = await runUntilSecondStepBlocks(first);
    expect(count(key, "first")).toBe(1);

    const killed = await stopChild(first, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");

    // Nothing recorded for the call that died: still running, step "first" memoized, the item leased.
    const run = await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("running");
    expect(await memoized(runId)).toEqual([{ stepHash: stepHash("first"), data: `first:${key}`, error: null }]);
    const items = await rootDb().jobQueueItem.findMany({ where: { runId } });
    expect(items).toHaveLength(1);
    const leaseEnd = items[0]!.lockedUntil!;
    expect(leaseEnd.getTime()).toBeGreaterThan(Date.now());

    // The orphaned call inside the app may finish now: its answer has nowhere to go.
    gate.release();
    const second = startExecutor();
    await untilSynced(second);
    const done = await finished(runId, LEASE_MS + 20_000);

    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ first: `first:${key}`, second: `second:${key}`, third: `third:${key}` });
    expect(count(key, "first")).toBe(1);
    expect(count(key, "third")).toBe(1);
    // The step in flight when the process died runs again: steps are at-least-once (like Inngest).
    // Exactly twice: the orphaned call, and the new executor's call, whose outcome was recorded.
    expect(count(key, "second")).toBe(2);
    // ... and only once the dead executor's lease had run out (same host clock; 50 ms of slack).
    expect(executions[key]!.second.at(-1)!).toBeGreaterThanOrEqual(leaseEnd.getTime() - 50);
    expect((await memoized(runId)).map((s) => s.stepHash)).toEqual([stepHash("first"), stepHash("second"), stepHash("third")]);
    expect(await rootDb().jobQueueItem.count({ where: { runId } })).toBe(0);

    expect((await stopChild(second, "SIGTERM")).code).toBe(0);
  });

  it("SIGTERM mid-call: the call in flight finishes and is recorded, so after a restart nothing repeats", { timeout: 120_000 }, async () => {
    const first = startExecutor();
    await untilSynced(first);
    const { key, runId, gate } = await runUntilSecondStepBlocks(first);

    first.proc.kill("SIGTERM");
    // A graceful stop waits for the call in flight instead of abandoning it.
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(first)).toBe(true);
    gate.release();
    const stopped = await stopChild(first, "SIGTERM");
    expect(stopped).toEqual({ code: 0, signal: null });

    // Its outcome was recorded before the process exited: step "second" is memoized.
    const steps = (await memoized(runId)).map((s) => s.stepHash);
    expect(steps.slice(0, 2)).toEqual([stepHash("first"), stepHash("second")]);
    expect(count(key, "second")).toBe(1);
    // No executor of ours runs now: the run waits, running, for the next one.
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("running");

    const second = startExecutor();
    await untilSynced(second);
    const done = await finished(runId, 20_000);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ first: `first:${key}`, second: `second:${key}`, third: `third:${key}` });
    expect({ first: count(key, "first"), second: count(key, "second"), third: count(key, "third") }).toEqual({ first: 1, second: 1, third: 1 });
    expect(await rootDb().jobQueueItem.count({ where: { runId } })).toBe(0);

    expect((await stopChild(second, "SIGTERM")).code).toBe(0);
  });
});
