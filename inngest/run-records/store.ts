// Writes of the app's job-run records (job_run_records, job_step_records) for the SDK middleware
// (middleware.ts). Two statements per call from the backend: when the SDK starts executing, `beginCall`
// (the first call: the whole record) or `continueCall` (later calls: only the in-flight mark — measured
// with bench:jobs --records, re-sending the event with every call cost more), and `endCall` when the
// call has answered (its steps, the run's outcome, not in flight). Both bind the organization of the run's event
// and touch only rows of that organization: a run id can never be claimed by another organization.
//
// Through the `pg` hot pool, unnamed statements (core/db/pg.ts): they run once per call of every job,
// and behind a transaction-pooling PgBouncer a named statement would not survive.
import { hotPool } from "@/core/db/pg";

export type RunStart = {
  runId: string;
  organizationId: string;
  appId: string;
  functionId: string;
  functionName: string;
  eventId: string | null;
  eventName: string;
  eventData: unknown;
  eventTs: Date | null;
  /** Attempt number of this call, 1-based. */
  attempt: number;
  maxAttempts: number;
  idempotency: string | null;
};

export type StepWrite = {
  stepId: string;
  name: string;
  type: string;
  status: "running" | "completed" | "failed" | "retrying" | "waiting";
  attempt: number;
  startedAt: Date;
  endedAt: Date | null;
  outputBytes: number | null;
  error: SerializedError | null;
};

export type SerializedError = { name: string; message: string; stack?: string };

export type CallEnd = {
  runId: string;
  organizationId: string;
  /** Set when the run ended in this call. */
  outcome: { status: "completed"; output: unknown; outputBytes: number | null } | { status: "failed"; error: SerializedError } | null;
  /** An error that will be retried (the run goes on). */
  retryError: SerializedError | null;
  /** A sleep / wait the run is now parked on, or null. */
  waiting: { type: string; step: string } | null;
  steps: StepWrite[];
};

/** Largest output kept on the record (its size is always kept). */
export const MAX_OUTPUT_BYTES = 64 * 1024;

/**
 * A call of a run already recorded: only the in-flight mark and the attempt. Returns false when there
 * is no record to mark (its first call was not recorded: the app was upgraded mid-run, or the first
 * write failed), so the caller writes the whole record instead.
 */
export async function continueCall(r: Pick<RunStart, "runId" | "organizationId" | "attempt">): Promise<boolean> {
  const res = await hotPool().query({
    text: `
      UPDATE job_run_records SET attempts = GREATEST(attempts, $3), "lastSeenAt" = now(), "inFlightSince" = now(), waiting = NULL, "updatedAt" = now()
      WHERE id = $1 AND "organizationId" = $2`,
    values: [r.runId, r.organizationId, r.attempt],
  });
  return (res.rowCount ?? 0) > 0;
}

/** The first call of a run (or one whose record is missing): the whole record, in flight. */
export async function beginCall(r: RunStart): Promise<void> {
  await hotPool().query({
    text: `
      INSERT INTO job_run_records (id, "organizationId", "appId", "functionId", "functionName", "eventId", "eventName",
                                   "eventData", "eventTs", attempts, "maxAttempts", idempotency, "startedAt", "lastSeenAt",
                                   "inFlightSince", "updatedAt")
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, now(), now(), now(), now())
      ON CONFLICT (id) DO UPDATE SET
        attempts = GREATEST(job_run_records.attempts, EXCLUDED.attempts),
        "lastSeenAt" = now(), "inFlightSince" = now(), waiting = NULL, "updatedAt" = now()
      WHERE job_run_records."organizationId" = EXCLUDED."organizationId"`,
    values: [
      r.runId, r.organizationId, r.appId, r.functionId, r.functionName, r.eventId, r.eventName,
      JSON.stringify(r.eventData ?? {}), r.eventTs, r.attempt, r.maxAttempts, r.idempotency,
    ],
  });
}

/**
 * The call's steps and the run's outcome, in one statement. A run that is no longer "running" (the
 * app cancelled it, or the backend reported it failed) keeps its status; a completed step never
 * changes again (a memoized sleep marks its waiting row completed, nothing else).
 */
export async function endCall(e: CallEnd): Promise<void> {
  const outcome = e.outcome;
  const output = outcome?.status === "completed" && outcome.outputBytes !== null && outcome.outputBytes <= MAX_OUTPUT_BYTES ? JSON.stringify(outcome.output ?? null) : null;
  await hotPool().query({
    text: `
      WITH run AS (
        UPDATE job_run_records SET
          status = CASE WHEN status = 'running' AND $3::text IS NOT NULL THEN $3::text ELSE status END,
          "endedAt" = CASE WHEN status = 'running' AND $3::text IS NOT NULL THEN now() ELSE "endedAt" END,
          output = COALESCE($4::jsonb, output),
          "outputBytes" = COALESCE($5::int, "outputBytes"),
          error = COALESCE($6::jsonb, error),
          "lastError" = COALESCE($7::jsonb, "lastError"),
          waiting = $8::jsonb,
          "inFlightSince" = NULL, "lastSeenAt" = now(), "updatedAt" = now()
        WHERE id = $1 AND "organizationId" = $2
        RETURNING id, "organizationId"
      )
      INSERT INTO job_step_records ("runId", "stepId", "organizationId", name, type, status, attempts, "startedAt", "endedAt",
                                    "durationMs", "outputBytes", error)
      SELECT run.id, s."stepId", run."organizationId", s.name, s.type, s.status, s.attempt, s."startedAt", s."endedAt",
             (extract(epoch FROM s."endedAt" - s."startedAt") * 1000)::int, s."outputBytes", s.error
      FROM run, jsonb_to_recordset($9::jsonb) AS s("stepId" text, name text, type text, status text, attempt int,
                                                   "startedAt" timestamptz, "endedAt" timestamptz, "outputBytes" int, error jsonb)
      ON CONFLICT ("runId", "stepId") DO UPDATE SET
        status = EXCLUDED.status,
        attempts = GREATEST(job_step_records.attempts, EXCLUDED.attempts),
        "endedAt" = COALESCE(EXCLUDED."endedAt", now()),
        "durationMs" = (extract(epoch FROM COALESCE(EXCLUDED."endedAt", now()) - job_step_records."startedAt") * 1000)::int,
        "outputBytes" = COALESCE(EXCLUDED."outputBytes", job_step_records."outputBytes"),
        error = EXCLUDED.error
      WHERE job_step_records.status <> 'completed'`,
    values: [
      e.runId,
      e.organizationId,
      outcome?.status ?? null,
      output,
      outcome?.status === "completed" ? outcome.outputBytes : null,
      outcome?.status === "failed" ? JSON.stringify(outcome.error) : null,
      e.retryError ? JSON.stringify(e.retryError) : null,
      e.waiting ? JSON.stringify(e.waiting) : null,
      JSON.stringify(e.steps),
    ],
  });
}

/**
 * What the backend reports about a run the SDK could not see end: inngest/function.failed (every
 * retry used, or the app never answered) and inngest/function.cancelled. Only a running run changes.
 */
export async function endRunFromBackend(runId: string, status: "failed" | "cancelled", error: SerializedError | null): Promise<number> {
  const res = await hotPool().query({
    text: `
      UPDATE job_run_records SET status = $2, "endedAt" = now(), error = COALESCE($3::jsonb, error),
             "inFlightSince" = NULL, waiting = NULL, "updatedAt" = now()
      WHERE id = $1 AND status = 'running'`,
    values: [runId, status, error ? JSON.stringify(error) : null],
  });
  return res.rowCount ?? 0;
}

/** Days a run record is kept (RITIKO_JOB_RECORD_DAYS, default 30): the Jobs page's history. */
export function recordDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.RITIKO_JOB_RECORD_DAYS?.trim();
  if (!raw) return 30;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < 1) throw new Error(`RITIKO_JOB_RECORD_DAYS must be a whole number of days of at least 1, got "${raw}"`);
  return days;
}

/**
 * Deletes the records (and their steps, by cascade) of runs started more than `days` ago, oldest first,
 * in batches of `batch` so no single statement holds many locks; returns how many went. Runs of every
 * organization: this is the retention job's, not a user's, operation.
 */
export async function pruneRunRecords(days: number, batch = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const res = await hotPool().query({
      text: `
        DELETE FROM job_run_records WHERE id IN (
          SELECT id FROM job_run_records WHERE "startedAt" < now() - $1::int * interval '1 day' ORDER BY "startedAt" LIMIT $2)`,
      values: [days, batch],
    });
    total += res.rowCount ?? 0;
    if ((res.rowCount ?? 0) < batch) return total;
  }
}
