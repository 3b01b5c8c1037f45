// Reads of the embedded executor's runs (job_runs) for the Jobs admin page — with the executor, since
// they read its tables (core knows no job backend's internals). Everything goes through
// the organization-scoped client (JobRun has organizationId), so another organization's runs do not
// exist here. Sorting by duration needs an expression Prisma cannot order by: that one query is raw
// SQL with the organization id bound from the context, and the page is then read through ctx.db.
//
// A "running" run whose call is not actually in progress — its queue item is leased by an executor that
// stopped beating (it was killed, or lost its database) — is reported as stalled: stalledSince is that
// executor's last heartbeat, resumesBy the end of the lease, when any executor claims the item again
// (inngest/executor/heartbeat.ts). That read joins job_queue and job_executors, which Prisma cannot
// filter by the database's clock, so it is raw SQL with the organization id bound from the context too.
import type { OrgContext } from "@/core/auth/context";
import { Prisma } from "@/core/db/client";
import { clampPage, first, type ListParams, type RawSearchParams } from "@/core/lists/list-params";
import { isUuid } from "@/core/db/ids";
import { isJobStatus, type JobStatus } from "@/core/jobs/status";
import { STALE_AFTER_MS } from "../heartbeat";

export { JOB_STATUSES, JOB_STATUS_LABELS, isJobStatus, type JobStatus } from "@/core/jobs/status";

export const JOB_SORTS = ["createdAt", "duration"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export type JobFilters = { status?: JobStatus; functionId?: string };

export function parseJobFilters(raw: RawSearchParams): JobFilters {
  const status = first(raw.status) ?? "";
  const fn = first(raw.function)?.trim();
  return {
    status: isJobStatus(status) ? status : undefined,
    functionId: fn ? fn.slice(0, 200) : undefined,
  };
}

export type JobRunRow = {
  id: string;
  functionId: string;
  status: string;
  attempt: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** Milliseconds from start to end; null while not started or not finished. */
  durationMs: number | null;
  /** A running run whose executor died: its last heartbeat (ISO); null otherwise. */
  stalledSince: string | null;
  /** With stalledSince: when its lease ends and the run resumes at the latest (ISO). */
  resumesBy: string | null;
};

const ROW_SELECT = {
  id: true, functionId: true, status: true, attempt: true, maxAttempts: true, createdAt: true, startedAt: true, endedAt: true,
} as const satisfies Prisma.JobRunSelect;

type RowRecord = { id: string; functionId: string; status: string; attempt: number; maxAttempts: number; createdAt: Date; startedAt: Date | null; endedAt: Date | null };

function toRow(r: RowRecord): JobRunRow {
  return {
    id: r.id,
    functionId: r.functionId,
    status: r.status,
    attempt: r.attempt,
    maxAttempts: r.maxAttempts,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    durationMs: r.startedAt && r.endedAt ? r.endedAt.getTime() - r.startedAt.getTime() : null,
    stalledSince: null,
    resumesBy: null,
  };
}

type Ctx = Pick<OrgContext, "db" | "organization">;

/** Sets stalledSince / resumesBy on the running rows whose leased work is held by a dead executor. */
async function markStalled<T extends JobRunRow>(ctx: Ctx, rows: T[]): Promise<T[]> {
  const running = rows.filter((r) => r.status === "running").map((r) => r.id);
  if (!running.length) return rows;
  const organizationId = ctx.organization.id;
  const stalled = await ctx.db.$transaction((tx) =>
    tx.$queryRaw<Array<{ runId: string; stalledSince: Date; resumesBy: Date }>>`
      SELECT q."runId"::text AS "runId", max(e."heartbeatAt") AS "stalledSince", max(q."lockedUntil") AS "resumesBy"
      FROM job_queue q
      JOIN job_runs r ON r.id = q."runId"
      JOIN job_executors e ON e.id = q."claimedBy"
      WHERE r."organizationId" = ${organizationId} AND r.id = ANY(${running}::uuid[]) AND r.status = 'running'
        AND q."lockedUntil" > now()
        AND e."heartbeatAt" < now() - ${STALE_AFTER_MS} * interval '1 millisecond'
      GROUP BY q."runId"`,
  );
  if (!stalled.length) return rows;
  const byRun = new Map(stalled.map((s) => [s.runId, s]));
  return rows.map((r) => {
    const s = byRun.get(r.id);
    return s ? { ...r, stalledSince: s.stalledSince.toISOString(), resumesBy: s.resumesBy.toISOString() } : r;
  });
}

function whereOf(filters: JobFilters, q: string): Prisma.JobRunWhereInput {
  const and: Prisma.JobRunWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.functionId) and.push({ functionId: filters.functionId });
  if (q) and.push({ functionId: { contains: q, mode: "insensitive" } });
  return and.length ? { AND: and } : {};
}

export async function listJobRuns(ctx: Ctx, params: ListParams<JobSort>, filters: JobFilters) {
  const where = whereOf(filters, params.q);
  const total = await ctx.db.jobRun.count({ where });
  const page = clampPage(params.page, params.pageSize, total);
  const skip = (page - 1) * params.pageSize;

  if (params.sort === "createdAt") {
    const rows = await ctx.db.jobRun.findMany({
      where,
      orderBy: [{ createdAt: params.dir }, { id: params.dir }],
      skip,
      take: params.pageSize,
      select: ROW_SELECT,
    });
    return { total, page, rows: await markStalled(ctx, rows.map(toRow)) };
  }

  // Duration: unfinished runs (no duration) last in either direction. Raw SQL is not scoped by
  // ctx.db, so the organization id is bound here from the context.
  const organizationId = ctx.organization.id;
  const like = params.q ? `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const dirSql = params.dir === "asc" ? "ASC" : "DESC";
  const ids = await ctx.db.$transaction(async (tx) => {
    // The direction is one of two literals, never caller text.
    const dir = Prisma.raw(dirSql);
    const order = tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM job_runs
      WHERE "organizationId" = ${organizationId}
        AND (${filters.status ?? null}::text IS NULL OR status = ${filters.status ?? null})
        AND (${filters.functionId ?? null}::text IS NULL OR "functionId" = ${filters.functionId ?? null})
        AND (${like}::text IS NULL OR "functionId" ILIKE ${like})
      ORDER BY ("endedAt" - "startedAt") ${dir} NULLS LAST, "createdAt" DESC, id ${dir}
      OFFSET ${skip} LIMIT ${params.pageSize}`;
    return (await order).map((r) => r.id);
  });
  const found = await ctx.db.jobRun.findMany({ where: { id: { in: ids } }, select: ROW_SELECT });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toRow(r)] : [];
  });
  return { total, page, rows: await markStalled(ctx, rows) };
}

/** Function ids seen in this organization's runs, for the function filter. */
export async function listJobFunctions(ctx: Pick<OrgContext, "db">): Promise<string[]> {
  const rows = await ctx.db.jobRun.groupBy({ by: ["functionId"], orderBy: { functionId: "asc" }, take: 200 });
  return rows.map((r) => r.functionId);
}

export type JobRunDetail = Awaited<ReturnType<typeof getJobRun>>;

/** One run of the active organization with its event and memoized steps (oldest first); null if unknown. */
export async function getJobRun(ctx: Ctx, id: string) {
  if (!isUuid(id)) return null;
  const run = await ctx.db.jobRun.findFirst({
    where: { id },
    select: {
      ...ROW_SELECT,
      appId: true,
      output: true,
      error: true,
      updatedAt: true,
      event: { select: { id: true, name: true, data: true, ts: true, dedupeKey: true } },
      steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, stepHash: true, data: true, error: true, createdAt: true } },
      _count: { select: { queue: true } },
    },
  });
  if (!run) return null;
  const [row] = await markStalled(ctx, [toRow(run)]);
  return {
    ...row!,
    appId: run.appId,
    output: run.output,
    error: run.error,
    updatedAt: run.updatedAt.toISOString(),
    queuedItems: run._count.queue,
    event: { id: run.event.id, name: run.event.name, data: run.event.data, ts: run.event.ts.toISOString(), dedupeKey: run.event.dedupeKey },
    steps: run.steps.map((s) => ({ id: s.id.toString(), stepHash: s.stepHash, data: s.data, error: s.error, createdAt: s.createdAt.toISOString() })),
  };
}
