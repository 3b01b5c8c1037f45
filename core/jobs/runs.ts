// Reads of the app's own job-run records (job_run_records / job_step_records, written by the SDK
// middleware inngest/run-records/middleware.ts) for the Jobs page. Nothing here knows which Inngest
// runs the jobs. Everything goes through the organization-scoped client, so another organization's
// runs do not exist here; the one raw query (duration order, an expression Prisma cannot order by)
// binds the organization id from the context.
import type { OrgContext } from "@/core/auth/context";
import { Prisma } from "@/core/db/client";
import { clampPage, first, type ListParams, type RawSearchParams } from "@/core/lists/list-params";
import { isJobStatus, type JobStatus } from "./status";
import { enabledPluginsForRequest } from "@/core/plugins/enabled-for-request";
import type { JobSubject, PluginManifest } from "@/core/plugins/types";
import { runActivity, type RunActivity } from "./activity";
import { jobSubject } from "./subjects";
import { memberLanguage } from "@/core/i18n/languages";
import { textsFor } from "@/core/i18n/texts/for-language";
import { translateText, type Texts } from "@/core/i18n/texts/translate";

export const JOB_SORTS = ["startedAt", "duration"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export type JobFilters = { status?: JobStatus; functionId?: string; eventId?: string };

export function parseJobFilters(raw: RawSearchParams): JobFilters {
  const status = first(raw.status) ?? "";
  const fn = first(raw.function)?.trim();
  const event = first(raw.event)?.trim();
  return {
    status: isJobStatus(status) ? status : undefined,
    functionId: fn ? fn.slice(0, 200) : undefined,
    eventId: event ? event.slice(0, 200) : undefined,
  };
}

export type JobRunRow = {
  id: string;
  functionId: string;
  functionName: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  startedAt: string;
  endedAt: string | null;
  /** Milliseconds from start to end; null while not finished. */
  durationMs: number | null;
  /** What a running run is doing: executing, waiting (sleep / event) or idle too long (stalled). */
  activity: RunActivity | null;
  /** What the run worked on (the import, the bulk operation, the nightly check), as a link; null when unknown. */
  subject: JobSubject | null;
};

const ROW_SELECT = {
  id: true, functionId: true, functionName: true, status: true, attempts: true, maxAttempts: true,
  startedAt: true, endedAt: true, lastSeenAt: true, inFlightSince: true, waiting: true, eventName: true, eventData: true,
} as const satisfies Prisma.JobRunRecordSelect;

type RowRecord = Prisma.JobRunRecordGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(r: RowRecord, now: number, plugins: readonly PluginManifest[], texts: Texts | null): JobRunRow {
  const subject = jobSubject(r.eventName, r.eventData, plugins);
  return {
    id: r.id,
    functionId: r.functionId,
    functionName: r.functionName,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    durationMs: r.endedAt ? r.endedAt.getTime() - r.startedAt.getTime() : null,
    activity: r.status === "running" ? runActivity(r, now) : null,
    // What it worked on, in the member's language (the label is the plugin's English; core/i18n/texts).
    subject: subject && { ...subject, label: translateText(texts, subject.label) },
  };
}

type Ctx = Pick<OrgContext, "db" | "organization" | "user">;

function whereOf(filters: JobFilters, q: string): Prisma.JobRunRecordWhereInput {
  const and: Prisma.JobRunRecordWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.functionId) and.push({ functionId: filters.functionId });
  if (filters.eventId) and.push({ eventId: filters.eventId });
  if (q) and.push({ OR: [{ functionId: { contains: q, mode: "insensitive" } }, { functionName: { contains: q, mode: "insensitive" } }] });
  return and.length ? { AND: and } : {};
}

export async function listJobRuns(ctx: Ctx, params: ListParams<JobSort>, filters: JobFilters) {
  const where = whereOf(filters, params.q);
  const total = await ctx.db.jobRunRecord.count({ where });
  const page = clampPage(params.page, params.pageSize, total);
  const skip = (page - 1) * params.pageSize;
  const now = Date.now();
  const plugins = await enabledPluginsForRequest(ctx.organization.id);

  if (params.sort === "startedAt") {
    const rows = await ctx.db.jobRunRecord.findMany({
      where,
      orderBy: [{ startedAt: params.dir }, { id: params.dir }],
      skip,
      take: params.pageSize,
      select: ROW_SELECT,
    });
    return { total, page, rows: rows.map((r) => toRow(r, now, plugins, textsFor(memberLanguage(ctx)))) };
  }

  // Duration: unfinished runs (no duration) last in either direction.
  const organizationId = ctx.organization.id;
  const like = params.q ? `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const ids = await ctx.db.$transaction(async (tx) => {
    // The direction is one of two literals, never caller text.
    const dir = Prisma.raw(params.dir === "asc" ? "ASC" : "DESC");
    const order = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM job_run_records
      WHERE "organizationId" = ${organizationId}::uuid
        AND (${filters.status ?? null}::text IS NULL OR status = ${filters.status ?? null})
        AND (${filters.functionId ?? null}::text IS NULL OR "functionId" = ${filters.functionId ?? null})
        AND (${filters.eventId ?? null}::text IS NULL OR "eventId" = ${filters.eventId ?? null})
        AND (${like}::text IS NULL OR "functionId" ILIKE ${like} OR "functionName" ILIKE ${like})
      ORDER BY ("endedAt" - "startedAt") ${dir} NULLS LAST, "startedAt" DESC, id ${dir}
      OFFSET ${skip} LIMIT ${params.pageSize}`;
    return order.map((r) => r.id);
  });
  const found = await ctx.db.jobRunRecord.findMany({ where: { id: { in: ids } }, select: ROW_SELECT });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toRow(r, now, plugins, textsFor(memberLanguage(ctx)))] : [];
  });
  return { total, page, rows };
}

/** Functions seen in this organization's runs ({id, name}), for the function filter. */
export async function listJobFunctions(ctx: Pick<OrgContext, "db">): Promise<Array<{ id: string; name: string }>> {
  const rows = await ctx.db.jobRunRecord.groupBy({ by: ["functionId", "functionName"], orderBy: [{ functionName: "asc" }, { functionId: "asc" }], take: 200 });
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.functionId)) seen.set(r.functionId, r.functionName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export type JobRunDetail = NonNullable<Awaited<ReturnType<typeof getJobRun>>>;

/** One run of the active organization with its event and steps (in the order they started); null if unknown. */
export async function getJobRun(ctx: Ctx, id: string) {
  if (!id || id.length > 200) return null;
  const run = await ctx.db.jobRunRecord.findFirst({
    where: { id },
    select: {
      ...ROW_SELECT,
      appId: true, eventId: true, eventTs: true, idempotency: true,
      output: true, outputBytes: true, error: true, lastError: true, updatedAt: true,
      steps: {
        orderBy: [{ startedAt: "asc" }, { stepId: "asc" }],
        select: { stepId: true, name: true, type: true, status: true, attempts: true, startedAt: true, endedAt: true, durationMs: true, outputBytes: true, error: true },
      },
    },
  });
  if (!run) return null;
  return {
    ...toRow(run, Date.now(), await enabledPluginsForRequest(ctx.organization.id), textsFor(memberLanguage(ctx))),
    appId: run.appId,
    idempotency: run.idempotency,
    output: run.output,
    outputBytes: run.outputBytes,
    error: run.error,
    lastError: run.lastError,
    updatedAt: run.updatedAt.toISOString(),
    event: { id: run.eventId, name: run.eventName, data: run.eventData, ts: run.eventTs?.toISOString() ?? null },
    steps: run.steps.map((s) => ({
      id: s.stepId,
      name: s.name,
      type: s.type,
      status: s.status,
      attempts: s.attempts,
      startedAt: s.startedAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
      durationMs: s.durationMs,
      outputBytes: s.outputBytes,
      error: s.error,
    })),
  };
}
