// The app's own record of its job runs (inngest/run-records), written by the SDK middleware from inside
// the calls of a real embedded executor to the app's own Inngest client — the code path Inngest Cloud
// and `inngest start` drive the same way — and what the Jobs page makes of it (core/jobs/runs.ts,
// core/jobs/operations.ts): named steps with statuses, attempts, durations and output sizes, failures,
// sleeps, cancellation through the cancellation API (POST /v1/cancellations), re-run by re-sending the
// event, runs the job runner ended by itself, and organization scoping.
import { NonRetriableError, type Inngest, type InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { cancelRunsOfEvent, JobBackendError } from "@/core/jobs/backend-api";
import { CANCEL_WRONG_STATE, JOB_NOT_FOUND, RERUN_SYSTEM_EVENT, RERUN_WRONG_STATE } from "@/core/jobs/operations";
import { parseListParams } from "@/core/lists/list-params";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, waitForRun, type Harness } from "@/tests/jobs/harness";
import { sleep, waitFor } from "@/tests/helpers/wait";

let h: Harness;
let runs: typeof import("@/core/jobs/runs");
let ops: typeof import("@/core/jobs/operations");
/** Lets the "gated" function's second step finish. */
const gate = { open: false };
let flakyCalls = 0;

beforeAll(async () => {
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  const { recordRunEnded } = await import("@/inngest/functions/record-run-ended");
  runs = await import("@/core/jobs/runs");
  ops = await import("@/core/jobs/operations");
  const fns = [
    inngest.createFunction({ id: "test-records-steps", name: "Count the shelves", retries: 2, triggers: [{ event: "test/records.steps" }] }, async ({ step }) => {
      const counted = await step.run("count-shelves", () => ({ shelves: 12, note: "x".repeat(500) }));
      await step.run("flaky-total", () => {
        if (++flakyCalls === 1) throw new Error("the scale was busy");
        return counted.shelves * 2;
      });
      // Long enough for a loaded machine to list the run while it sleeps (the first test looks).
      await step.sleep("settle", "3s");
      return { shelves: counted.shelves };
    }),
    inngest.createFunction({ id: "test-records-fails", name: "Always fails", retries: 1, triggers: [{ event: "test/records.fails" }] }, async ({ step }) => {
      await step.run("doomed", () => {
        throw new Error("the supplier is closed");
      });
    }),
    inngest.createFunction({ id: "test-records-gated", name: "Waits at a gate", retries: 0, triggers: [{ event: "test/records.gated" }] }, async ({ step }) => {
      await step.run("first", () => "ok");
      await step.sleep("long-nap", "10m");
      await step.run("after-nap", () => "never");
    }),
    inngest.createFunction({ id: "test-records-nonretriable", name: "Gives up at once", retries: 3, triggers: [{ event: "test/records.nonretriable" }] }, async () => {
      throw new NonRetriableError("the item does not exist");
    }),
    inngest.createFunction({ id: "test-records-idempotent", name: "Once a day", idempotency: "event.data.organizationId", triggers: [{ event: "test/records.once" }] }, async () => {
      throw new NonRetriableError("failed once");
    }),
    inngest.createFunction({ id: "test-records-slow", name: "Too slow for the runner", retries: 0, triggers: [{ event: "test/records.slow" }] }, async ({ step }) => {
      await step.run("slow", async () => {
        while (!gate.open) await sleep(50);
        return "late";
      });
    }),
    recordRunEnded,
  ];
  h = await startHarness("records", () => fns as InngestFunction.Any[], {
    client: inngest,
    port,
    // Short enough that the slow function's call times out (the SDK never sees its run end).
    executor: { requestTimeoutMs: 1_500, leaseMs: 7_000 },
  });
});

afterAll(async () => {
  gate.open = true;
  await h?.close();
});

const params = (raw: Record<string, string> = {}) => parseListParams(raw, runs.JOB_SORTS, { sort: "startedAt", dir: "desc" });

async function send(name: string, organizationId: string | null, extra: Record<string, unknown> = {}) {
  const { ids } = await h.inngest.send({ name, data: organizationId ? { organizationId, ...extra } : extra });
  return ids[0]!;
}

/** The record of the run started by this event, once the middleware has written it. */
async function recordOf(eventId: string, statuses?: string[]) {
  return waitFor(`the record of event ${eventId}`, async () => {
    const r = await rootDb().jobRunRecord.findFirst({ where: { eventId } });
    return r && (!statuses || statuses.includes(r.status)) ? r : undefined;
  }, 20_000);
}

describe("job run records", () => {
  it("records a run's named steps with status, attempts, duration and output size, its sleep, output and attempts used", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("owner");
    const eventId = await send("test/records.steps", org.org.id);
    // While it sleeps, the page says so rather than "Running" (or stalled). The list is read while the
    // record says it sleeps: a list read after the sleep ended would rightly show no activity.
    const asListed = await waitFor("the Jobs list to show the run sleeping", async () => {
      const r = await rootDb().jobRunRecord.findFirst({ where: { eventId } });
      if (!r?.waiting) return undefined;
      const row = (await runs.listJobRuns(ctx, params(), {})).rows.find((x) => x.id === r.id);
      return row?.activity?.kind === "waiting" ? row : undefined;
    });
    expect(asListed.activity).toEqual({ kind: "waiting", type: "sleep", step: "settle" });

    const done = await recordOf(eventId, ["completed"]);
    const run = (await runs.getJobRun(ctx, done.id))!;
    expect(run).toMatchObject({
      functionId: "test-records-steps",
      functionName: "Count the shelves",
      status: "completed",
      attempts: 2,
      maxAttempts: 3,
      output: { shelves: 12 },
      outputBytes: JSON.stringify({ shelves: 12 }).length,
      activity: null,
      event: { id: eventId, name: "test/records.steps", data: { organizationId: org.org.id } },
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(3_000);
    expect(run.steps.map((s) => [s.name, s.type, s.status, s.attempts])).toEqual([
      ["count-shelves", "run", "completed", 1],
      ["flaky-total", "run", "completed", 2],
      ["settle", "sleep", "completed", 1],
    ]);
    expect(run.steps[0]!.outputBytes).toBe(JSON.stringify({ shelves: 12, note: "x".repeat(500) }).length);
    expect(run.steps[1]!.error, "a step that recovered keeps no error").toBeNull();
    expect(run.steps[2]!.durationMs).toBeGreaterThanOrEqual(2_900);
    expect(run.lastError).toMatchObject({ message: "the scale was busy" });
  });

  it("records a run whose record is missing mid-run (the app was upgraded while it slept) from its next call on", async () => {
    const org = await createTestOrganization();
    const eventId = await send("test/records.steps", org.org.id);
    const sleeping = await waitFor("the run to sleep", async () => {
      const r = await rootDb().jobRunRecord.findFirst({ where: { eventId } });
      return r?.waiting ? r : undefined;
    });
    await rootDb().jobRunRecord.delete({ where: { id: sleeping.id } });
    const done = await recordOf(eventId, ["completed"]);
    expect(done).toMatchObject({ id: sleeping.id, functionName: "Count the shelves", output: { shelves: 12 } });
  });

  it("records a failure with its error once the retries are used up, and a non-retriable one at once", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("owner");
    const failed = await recordOf(await send("test/records.fails", org.org.id), ["failed"]);
    const run = (await runs.getJobRun(ctx, failed.id))!;
    expect(run).toMatchObject({ status: "failed", attempts: 2, maxAttempts: 2, error: { message: "the supplier is closed" } });
    expect(run.steps).toMatchObject([{ name: "doomed", status: "failed", attempts: 2, error: { message: "the supplier is closed" } }]);

    const gaveUp = await recordOf(await send("test/records.nonretriable", org.org.id), ["failed"]);
    expect(gaveUp).toMatchObject({ attempts: 1, error: { name: "NonRetriableError", message: "the item does not exist" } });
  });

  it("does not record runs whose event names no organization", async () => {
    const eventId = await send("test/records.nonretriable", null, { note: "no organization" });
    await waitFor("the executor's run to fail", async () => (await rootDb().jobRun.findFirst({ where: { eventId, status: "failed" } })) ?? undefined);
    expect(await rootDb().jobRunRecord.count({ where: { eventId } })).toBe(0);
  });

  it("cancels a running run through the cancellation API: the job runner stops it and the record says cancelled", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("owner");
    const eventId = await send("test/records.gated", org.org.id);
    const napping = await waitFor("the run to nap", async () => {
      const r = await rootDb().jobRunRecord.findFirst({ where: { eventId } });
      return r?.waiting ? r : undefined;
    });
    expect(await ops.cancelJob(ctx, napping.id)).toMatchObject({ ok: true });
    expect(await rootDb().jobRunRecord.findUnique({ where: { id: napping.id } })).toMatchObject({ status: "cancelled", waiting: null });
    // The executor's own run is cancelled too (its queue items gone), and it emitted function.cancelled.
    expect((await waitForRun(napping.id)).status).toBe("cancelled");
    expect(await rootDb().jobQueueItem.count({ where: { runId: napping.id } })).toBe(0);
    expect(await rootDb().jobEvent.count({ where: { name: "inngest/function.cancelled", dedupeKey: `inngest/function.cancelled:${napping.id}` } })).toBe(1);
    // A second cancel is refused; re-running it sends its event again, and a new run starts.
    expect(await ops.cancelJob(ctx, napping.id)).toEqual({ ok: false, error: CANCEL_WRONG_STATE });
    const rerun = await ops.rerunJob(ctx, napping.id);
    expect(rerun).toMatchObject({ ok: true });
    if (!rerun.ok) return;
    const again = await recordOf(rerun.data.eventId);
    expect(again.id).not.toBe(napping.id);
    expect(again).toMatchObject({ functionId: "test-records-gated", eventName: "test/records.gated", eventData: { organizationId: org.org.id } });
    const listed = await runs.listJobRuns(ctx, params({ event: rerun.data.eventId }), runs.parseJobFilters({ event: rerun.data.eventId }));
    expect(listed.rows.map((r) => r.id)).toEqual([again.id]);
    expect(await rootDb().jobRunRecord.findUnique({ where: { id: napping.id } }), "the original run is left as it was").toMatchObject({ status: "cancelled" });
    expect(await ops.cancelJob(ctx, again.id)).toMatchObject({ ok: true });
  });

  it("refuses a cancellation the job runner does not accept, and changes nothing", async () => {
    const org = await createTestOrganization();
    const eventId = await send("test/records.gated", org.org.id);
    const napping = await waitFor("the run to nap", async () => {
      const r = await rootDb().jobRunRecord.findFirst({ where: { eventId } });
      return r?.waiting ? r : undefined;
    });
    const run = { appId: napping.appId, functionId: napping.functionId, eventId, eventTs: napping.eventTs, startedAt: napping.startedAt };
    // The executor of this test runs without a signing key; one that has it refuses another key.
    const guarded = await startHarness("records-signed", () => [], { signingKey: "signkey-test-0123456789abcdef0123456789abcdef" });
    try {
      await expect(cancelRunsOfEvent(run, { INNGEST_BASE_URL: guarded.executor.url, INNGEST_SIGNING_KEY: "signkey-test-wrong" })).rejects.toThrow(/HTTP 401/);
      await expect(cancelRunsOfEvent(run, { INNGEST_BASE_URL: "http://127.0.0.1:9" })).rejects.toThrow(JobBackendError);
      // The right key with a bad body: 400 saying what is wrong, nothing cancelled.
      const post = (body: unknown) =>
        fetch(`${guarded.executor.url}/v1/cancellations`, { method: "POST", headers: { authorization: "Bearer signkey-test-0123456789abcdef0123456789abcdef" }, body: JSON.stringify(body) });
      const missing = await post({ app_id: "x" });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: string }).error).toMatch(/function_id: .*started_after: .*started_before: /);
      const badIf = await post({ app_id: "x", function_id: "y", started_after: "2026-01-01T00:00:00Z", started_before: "2026-01-02T00:00:00Z", if: "event.id ==" });
      expect(badIf.status).toBe(400);
      expect(((await badIf.json()) as { error: string }).error).toMatch(/in expression "event\.id =="/);
    } finally {
      await guarded.close();
    }
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: napping.id } })).status).toBe("running");
    expect(await ops.cancelJob(await org.as("owner"), napping.id)).toMatchObject({ ok: true });
  });

  it("re-runs only failed or cancelled runs, and not those the job runner would skip or started itself", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("owner");
    const done = await recordOf(await send("test/records.nonretriable", org.org.id), ["failed"]);
    const once = await recordOf(await send("test/records.once", org.org.id), ["failed"]);
    expect(await ops.rerunJob(ctx, once.id)).toMatchObject({ ok: false, error: expect.stringMatching(/Once a day runs at most once per event\.data\.organizationId in 24 hours/) });
    const completed = await rootDb().jobRunRecord.update({ where: { id: done.id }, data: { status: "completed" } });
    expect(await ops.rerunJob(ctx, completed.id)).toEqual({ ok: false, error: RERUN_WRONG_STATE });
    await rootDb().jobRunRecord.update({ where: { id: done.id }, data: { status: "failed", eventName: "inngest/function.invoked" } });
    expect(await ops.rerunJob(ctx, done.id)).toEqual({ ok: false, error: RERUN_SYSTEM_EVENT });
    // The job runner refuses the event (here: an event name the event API rejects): nothing re-run, said so.
    await rootDb().jobRunRecord.update({ where: { id: done.id }, data: { eventName: "" } });
    expect(await ops.rerunJob(ctx, done.id)).toMatchObject({ ok: false, error: expect.stringMatching(/^The job runner did not accept the event \(.+\)\. Nothing was re-run; try again\.$/) });
  });

  it("takes the outcome of a run the job runner failed by itself (its call never answered)", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("owner");
    const eventId = await send("test/records.slow", org.org.id);
    // The call is executing: the run is in flight.
    const inFlight = await recordOf(eventId);
    expect((await runs.getJobRun(ctx, inFlight.id))!.activity).toMatchObject({ kind: "executing" });
    // The executor gives up after its request timeout (retries: 0) and emits inngest/function.failed,
    // which core-job-run-ended turns into the record's outcome.
    const failed = await recordOf(eventId, ["failed"]);
    expect(failed.error).toMatchObject({ name: expect.any(String) });
    gate.open = true;
    // The late answer of the abandoned call does not bring the run back.
    await sleep(300);
    expect((await rootDb().jobRunRecord.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("failed");
  });

  it("keeps RITIKO_JOB_RECORD_DAYS of history: older records and their steps are deleted, newer ones stay", async () => {
    const { pruneRunRecords, recordDays } = await import("@/inngest/run-records/store");
    expect(recordDays({})).toBe(30);
    expect(recordDays({ RITIKO_JOB_RECORD_DAYS: "7" })).toBe(7);
    expect(() => recordDays({ RITIKO_JOB_RECORD_DAYS: "a week" })).toThrow(/RITIKO_JOB_RECORD_DAYS must be a whole number of days/);
    const org = await createTestOrganization();
    const fresh = await recordOf(await send("test/records.nonretriable", org.org.id), ["failed"]);
    const old = await recordOf(await send("test/records.steps", org.org.id), ["completed"]);
    await rootDb().jobRunRecord.update({ where: { id: old.id }, data: { startedAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await rootDb().jobStepRecord.count({ where: { runId: old.id } })).toBe(3);
    expect(await pruneRunRecords(30, 1)).toBeGreaterThanOrEqual(1);
    expect(await rootDb().jobRunRecord.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await rootDb().jobStepRecord.count({ where: { runId: old.id } })).toBe(0);
    expect(await rootDb().jobRunRecord.findUnique({ where: { id: fresh.id } })).not.toBeNull();
  });

  it("keeps each organization's runs to itself", async () => {
    const a = await createTestOrganization();
    const b = await createTestOrganization();
    const mine = await recordOf(await send("test/records.nonretriable", a.org.id), ["failed"]);
    const theirs = await b.as("owner");
    expect(await runs.getJobRun(theirs, mine.id)).toBeNull();
    expect(await ops.rerunJob(theirs, mine.id)).toEqual({ ok: false, error: JOB_NOT_FOUND });
    expect(await ops.cancelJob(theirs, mine.id)).toEqual({ ok: false, error: JOB_NOT_FOUND });
    expect((await runs.listJobRuns(theirs, params(), {})).total).toBe(0);
    const ours = await runs.listJobRuns(await a.as("owner"), params(), runs.parseJobFilters({ function: "test-records-nonretriable" }));
    expect(ours.rows.map((r) => r.id)).toEqual([mine.id]);
    expect(await runs.listJobFunctions(await a.as("owner"))).toEqual([{ id: "test-records-nonretriable", name: "Gives up at once" }]);
  });
});
