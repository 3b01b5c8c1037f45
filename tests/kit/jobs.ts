// The test kit's job runner (issue 18.5): sends an event the way the app does and waits for the run of
// a plugin's function — the app's own Inngest client and every plugin's functions (as /api/inngest
// serves them), through the embedded executor and the SDK's serve handler (tests/jobs/harness.ts).
//
//   const run = await runJob("hello-digest", helloDigestRequested.create({ organizationId }));
//   expect(run.status).toBe("completed");
//   expect(run.output).toEqual({ ... });
//
// One executor per test file, started by the first call and stopped after the file's tests.
import { afterAll } from "vitest";
import type { Inngest, InngestFunction } from "inngest";
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
