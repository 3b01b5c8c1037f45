// The test kit's job runner (issue 18.5): sends an event the way the app does and waits for the run of
// a plugin's function — the app's own Inngest client and every plugin's functions (as /api/inngest
// serves them), through the embedded executor and the SDK's serve handler (tests/jobs/harness.ts).
//
//   const run = await runJob("hello-digest", helloDigestRequested.create({ organizationId }));
//   expect(run.status).toBe("completed");
//   expect(run.output).toEqual({ ... });
//   const tick = await runCron("hello-digest-fan-out");   // a cron function, now rather than at its time
//
// One executor per test file, started by the first call and stopped after the file's tests.
import { afterAll } from "vitest";
import type { Inngest, InngestFunction } from "inngest";
import { rootDb } from "@/core/db/client";
import { freePort } from "@/scripts/lib/free-port";
import { runOfEvent, startHarness, waitForRun, type Harness } from "../jobs/harness";

let harness: Promise<{ h: Harness; inngest: Inngest }> | null = null;
const devBefore = process.env.INNGEST_DEV;
afterAll(async () => {
  const running = harness;
  harness = null;
  await (await running)?.h.close();
  // The next test file in this worker must not send events to an executor that is gone.
  if (devBefore === undefined) delete process.env.INNGEST_DEV;
  else process.env.INNGEST_DEV = devBefore;
});

async function start() {
  // What `npm run dev` does: the app's client in dev mode against the executor's URL.
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  const { pluginJobs } = await import("@/app/_plugins/jobs.generated");
  const h = await startHarness("kit-jobs", () => Object.values(pluginJobs).flat() as InngestFunction.Any[], { client: inngest, port });
  return { h, inngest };
}

/**
 * Sends `event` and returns the finished run (completed, failed or cancelled) of the function
 * `functionId` (its id as declared, e.g. pluginJobId("hello", "digest") = "hello-digest") that it started.
 */
export async function runJob(functionId: string, event: { name: string; data: unknown }, opts: { timeoutMs?: number } = {}) {
  harness ??= start();
  const { h, inngest } = await harness;
  const { ids } = await inngest.send(event as Parameters<Inngest["send"]>[0] & { name: string });
  const runId = await runOfEvent(h, functionId, ids[0]!, opts.timeoutMs ?? 30_000);
  return waitForRun(runId, undefined, opts.timeoutMs ?? 30_000);
}

// Each runCron call schedules a distinct time: the executor dedupes a cron's fire per scheduled time.
let lastDue = 0;

/**
 * Runs the cron function `functionId` (its id as declared) now, as the executor does when its time
 * comes: its stored next fire time is moved to just now, the executor fires it (event
 * inngest/scheduled.timer, then the cron's next real time is stored again), and the finished run is
 * returned. What it sends (a fan-out's events) runs through runJob's executor as well. Await one call
 * before the next for the same function: each moves the same stored time.
 */
export async function runCron(functionId: string, opts: { timeoutMs?: number } = {}) {
  harness ??= start();
  const { h } = await harness;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const id = `${h.appId}-${functionId}`;
  const due = new Date((lastDue = Math.max(lastDue + 1, Date.now() - 1_000)));
  // One of its cron triggers (a function with two would otherwise run twice).
  const first = await rootDb().jobCron.findFirst({ where: { functionId: id }, select: { cron: true }, orderBy: { cron: "asc" } });
  if (!first) throw new Error(`${functionId} has no cron trigger (is it a cron function, and is its plugin in the generated glue?)`);
  await rootDb().jobCron.update({ where: { functionId_cron: { functionId: id, cron: first.cron } }, data: { nextAt: due } });
  const key = `cron:${id}:${first.cron}:${due.toISOString()}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await rootDb().jobRun.findFirst({ where: { functionId: id, event: { dedupeKey: key } }, select: { id: true } });
    if (run) return waitForRun(run.id, undefined, Math.max(1_000, deadline - Date.now()));
    if (Date.now() > deadline) throw new Error(`the executor did not fire ${functionId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
