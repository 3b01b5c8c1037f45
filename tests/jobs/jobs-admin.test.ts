// The Jobs admin page's reads and operator actions on the real database: organization scoping,
// filters, cancel (removes queue items, refuses finished runs) and re-run (a new queued run).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { parseListParams } from "@/core/lists/list-params";
import { cancelJob, CANCEL_WRONG_STATE, JOB_NOT_FOUND, RERUN_WRONG_STATE, rerunJob } from "@/inngest/executor/admin/operator";
import { getJobRun, JOB_SORTS, listJobFunctions, listJobRuns, parseJobFilters } from "@/inngest/executor/admin/runs";
import { createOrganization } from "../helpers/fixtures";

const appId = `jobs-admin-${randomUUID().slice(0, 8)}`;

async function makeRun(organizationId: string, opts: { fn?: string; status?: string; queue?: boolean; durationMs?: number; error?: object } = {}) {
  const db = rootDb();
  const event = await db.jobEvent.create({ data: { name: "test/jobs-admin", data: { organizationId, n: 1 } } });
  const startedAt = opts.durationMs !== undefined ? new Date(Date.now() - 60_000) : null;
  const run = await db.jobRun.create({
    data: {
      appId,
      functionId: `${appId}-${opts.fn ?? "send-reminders"}`,
      eventId: event.id,
      status: opts.status ?? "queued",
      maxAttempts: 4,
      attempt: opts.status === "failed" ? 3 : 0,
      stepUrl: "http://127.0.0.1:9/api/inngest?fnId=x&stepId=step",
      organizationId,
      startedAt,
      endedAt: startedAt && opts.durationMs !== undefined ? new Date(startedAt.getTime() + opts.durationMs) : null,
      ...(opts.error ? { error: opts.error } : {}),
    },
  });
  // A queued run has its start item; no executor serves this test app, so nothing claims it.
  if (opts.queue) await db.jobQueueItem.create({ data: { runId: run.id, kind: "start", dueAt: new Date(Date.now() + 86_400_000) } });
  return run;
}

const params = (raw: Record<string, string>) => parseListParams(raw, JOB_SORTS, { sort: "createdAt", dir: "desc" });

describe("jobs admin", () => {
  it("lists only the organization's runs, with status and function filters and duration sort", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const ctx = await a.as("owner");
    await makeRun(a.org.id, { status: "completed", durationMs: 5_000 });
    await makeRun(a.org.id, { status: "failed", durationMs: 1_000, fn: "export" });
    await makeRun(a.org.id, { status: "queued", queue: true });
    await makeRun(a.org.id, { status: "completed", durationMs: 20_000 });
    await makeRun(b.org.id, { status: "completed", durationMs: 1 });

    const list = (raw: Record<string, string>) => listJobRuns(ctx, params(raw), parseJobFilters(raw));
    expect((await list({})).total).toBe(4);
    expect((await list({ status: "completed" })).total).toBe(2);
    expect((await list({ status: "bogus" })).total).toBe(4);
    expect((await list({ function: `${appId}-export` })).rows.map((r) => r.status)).toEqual(["failed"]);
    const byDuration = await list({ sort: "duration", dir: "desc" });
    expect(byDuration.rows.map((r) => r.durationMs)).toEqual([20_000, 5_000, 1_000, null]);
    const asc = await list({ sort: "duration", dir: "asc", status: "completed" });
    expect(asc.rows.map((r) => r.durationMs)).toEqual([5_000, 20_000]);
    expect(await listJobFunctions(ctx)).toEqual([`${appId}-export`, `${appId}-send-reminders`]);
  });

  it("shows a run's event and steps in creation order", async () => {
    const a = await createOrganization();
    const ctx = await a.as("admin");
    const run = await makeRun(a.org.id, { status: "failed", durationMs: 10, error: { message: "<b>boom</b>" } });
    await rootDb().jobStep.create({ data: { runId: run.id, stepHash: "h1", data: { ok: 1 } } });
    await rootDb().jobStep.create({ data: { runId: run.id, stepHash: "h2", error: { message: "bad" } } });
    const detail = await getJobRun(ctx, run.id);
    expect(detail?.event.data).toEqual({ organizationId: a.org.id, n: 1 });
    expect(detail?.steps.map((s) => s.stepHash)).toEqual(["h1", "h2"]);
    expect(detail?.error).toEqual({ message: "<b>boom</b>" });
    expect(await getJobRun(ctx, "not-a-uuid")).toBeNull();
  });

  it("cancels a queued run and removes its queue items; refuses a completed run", async () => {
    const a = await createOrganization();
    const ctx = await a.as("owner");
    const queued = await makeRun(a.org.id, { status: "queued", queue: true });
    const res = await cancelJob(ctx, queued.id);
    expect(res.ok).toBe(true);
    const after = await rootDb().jobRun.findUniqueOrThrow({ where: { id: queued.id } });
    expect(after.status).toBe("cancelled");
    expect(after.endedAt).not.toBeNull();
    expect(await rootDb().jobQueueItem.count({ where: { runId: queued.id } })).toBe(0);

    const done = await makeRun(a.org.id, { status: "completed", durationMs: 5 });
    expect(await cancelJob(ctx, done.id)).toEqual({ ok: false, error: CANCEL_WRONG_STATE });
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("completed");
  });

  it("re-runs a failed run as a new queued run with a queue item, leaving the old run unchanged", async () => {
    const a = await createOrganization();
    const ctx = await a.as("owner");
    const failed = await makeRun(a.org.id, { status: "failed", durationMs: 50, error: { message: "boom" } });
    const before = await rootDb().jobRun.findUniqueOrThrow({ where: { id: failed.id } });
    const res = await rerunJob(ctx, failed.id);
    if (!res.ok) throw new Error(res.error);
    expect(res.data.id).not.toBe(failed.id);
    const fresh = await rootDb().jobRun.findUniqueOrThrow({ where: { id: res.data.id } });
    // Executor tests running in parallel claim any due queue item, so the new run may already have
    // been picked up (and its unreachable fixture URL retried): accept "queued" or "running", and
    // exactly one queue item (the start item, or the retry that replaced it).
    expect(fresh).toMatchObject({ functionId: failed.functionId, eventId: failed.eventId, organizationId: a.org.id, error: null });
    expect(["queued", "running"]).toContain(fresh.status);
    expect(await rootDb().jobQueueItem.count({ where: { runId: fresh.id } })).toBe(1);
    expect(await rootDb().jobRun.findUniqueOrThrow({ where: { id: failed.id } })).toEqual(before);

    const queued = await makeRun(a.org.id, { status: "queued" });
    expect(await rerunJob(ctx, queued.id)).toEqual({ ok: false, error: RERUN_WRONG_STATE });
  });

  it("treats another organization's run as not found", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const ctxB = await b.as("owner");
    const failed = await makeRun(a.org.id, { status: "failed", durationMs: 1 });
    const queued = await makeRun(a.org.id, { status: "queued", queue: true });
    expect(await getJobRun(ctxB, failed.id)).toBeNull();
    expect(await rerunJob(ctxB, failed.id)).toEqual({ ok: false, error: JOB_NOT_FOUND });
    expect(await cancelJob(ctxB, queued.id)).toEqual({ ok: false, error: JOB_NOT_FOUND });
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("queued");
    expect(await rootDb().jobQueueItem.count({ where: { runId: queued.id } })).toBe(1);
    expect(await rootDb().jobRun.count({ where: { eventId: failed.eventId } })).toBe(1);
  });
});
