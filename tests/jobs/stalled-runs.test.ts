// The Jobs page's reads tell a run whose executor died from one in progress: a "running" run whose
// leased queue item is held by an executor that stopped beating (job_executors) is reported as stalled,
// with that executor's last heartbeat and the end of the lease; with a fresh heartbeat it is not.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { parseListParams } from "@/core/lists/list-params";
import { getJobRun, JOB_SORTS, listJobRuns, parseJobFilters } from "@/inngest/executor/admin/runs";
import { stalledExplanation } from "@/core/jobs/status";
import { STALE_AFTER_MS } from "@/inngest/executor/heartbeat";
import { createOrganization } from "../helpers/fixtures";

const appId = `jobs-stalled-${randomUUID().slice(0, 8)}`;
const executors: string[] = [];

async function makeExecutor(heartbeatAgoMs: number): Promise<{ id: string; heartbeatAt: Date }> {
  const heartbeatAt = new Date(Date.now() - heartbeatAgoMs);
  const row = await rootDb().jobExecutor.create({ data: { id: randomUUID(), pid: 4242, host: "test-host", startedAt: heartbeatAt, heartbeatAt } });
  executors.push(row.id);
  return row;
}

/** A running run of the organization whose one queue item is leased until `leasedUntil` by `claimedBy`. */
async function makeLeasedRun(organizationId: string, claimedBy: string | null, leasedUntil: Date, status = "running") {
  const db = rootDb();
  const event = await db.jobEvent.create({ data: { name: "test/stalled", data: { organizationId } } });
  const run = await db.jobRun.create({
    data: { appId, functionId: `${appId}-work`, eventId: event.id, status, maxAttempts: 4, stepUrl: "http://127.0.0.1:9/api/inngest?fnId=x&stepId=step", organizationId, startedAt: new Date() },
  });
  // Not due for a day: executors of other test files must not claim it (they claim only their own apps'
  // items anyway).
  await db.jobQueueItem.create({ data: { runId: run.id, kind: "continue", dueAt: new Date(Date.now() + 86_400_000), lockedUntil: leasedUntil, claimedBy } });
  return run;
}

const params = parseListParams({}, JOB_SORTS, { sort: "createdAt", dir: "desc" });
const byDuration = parseListParams({ sort: "duration" }, JOB_SORTS, { sort: "createdAt", dir: "desc" });

afterAll(async () => {
  await rootDb().jobQueueItem.deleteMany({ where: { run: { appId } } });
  await rootDb().jobExecutor.deleteMany({ where: { id: { in: executors } } });
});

describe("stalled runs on the Jobs page", () => {
  it("reports a running run whose leased item is held by an executor with an old heartbeat as stalled", async () => {
    const a = await createOrganization();
    const ctx = await a.as("owner");
    const dead = await makeExecutor(STALE_AFTER_MS + 30_000);
    const alive = await makeExecutor(1_000);
    const leaseEnd = new Date(Date.now() + 90_000);
    const stalled = await makeLeasedRun(a.org.id, dead.id, leaseEnd);
    const inProgress = await makeLeasedRun(a.org.id, alive.id, leaseEnd);
    // Lease over: any executor claims it at its next poll, nothing to wait for.
    const expired = await makeLeasedRun(a.org.id, dead.id, new Date(Date.now() - 1_000));
    // Finished meanwhile: no longer "running", whatever its queue says.
    const finished = await makeLeasedRun(a.org.id, dead.id, leaseEnd, "completed");

    for (const list of [await listJobRuns(ctx, params, parseJobFilters({})), await listJobRuns(ctx, byDuration, parseJobFilters({}))]) {
      const row = (id: string) => list.rows.find((r) => r.id === id)!;
      expect(row(stalled.id)).toMatchObject({ status: "running", stalledSince: dead.heartbeatAt.toISOString(), resumesBy: leaseEnd.toISOString() });
      for (const id of [inProgress.id, expired.id, finished.id]) expect(row(id)).toMatchObject({ stalledSince: null, resumesBy: null });
    }

    const detail = await getJobRun(ctx, stalled.id);
    expect(detail).toMatchObject({ status: "running", stalledSince: dead.heartbeatAt.toISOString(), resumesBy: leaseEnd.toISOString() });
    expect(await getJobRun(ctx, inProgress.id)).toMatchObject({ status: "running", stalledSince: null, resumesBy: null });

    // Another organization sees none of it.
    const b = await createOrganization();
    expect(await getJobRun(await b.as("owner"), stalled.id)).toBeNull();
  });

  it("stops reporting the run as stalled once its executor beats again", async () => {
    const a = await createOrganization();
    const ctx = await a.as("admin");
    const executor = await makeExecutor(STALE_AFTER_MS + 5_000);
    const run = await makeLeasedRun(a.org.id, executor.id, new Date(Date.now() + 60_000));
    expect((await getJobRun(ctx, run.id))?.stalledSince).toBe(executor.heartbeatAt.toISOString());
    await rootDb().jobExecutor.update({ where: { id: executor.id }, data: { heartbeatAt: new Date() } });
    expect(await getJobRun(ctx, run.id)).toMatchObject({ stalledSince: null, resumesBy: null });
  });

  it("explains what a stalled run waits for, in the organization's time zone", () => {
    expect(stalledExplanation({ stalledSince: "2026-12-06T13:03:07.000Z", resumesBy: "2026-12-06T13:05:37.000Z" }, "Europe/Helsinki")).toBe(
      "the job runner stopped at 15:03:07; resuming by 15:05:37",
    );
  });
});
