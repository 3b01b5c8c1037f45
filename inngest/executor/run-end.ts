// What happens around a run once it has ended (completed, failed or cancelled): its open waits are
// closed, and a run started by step.invoke() answers the step waiting for it — its output as the step's
// data, its error (or a cancellation) as the step's error — so the parent continues.
import type { Prisma } from "@/core/db/client";
import { ingestEventInTx } from "./ingest";
import { EVENT_FUNCTION_CANCELLED, sdkEventId } from "./protocol";
import type { FunctionRegistry } from "./registry";
import { continueIfIdle, lockRun, memoize, TERMINAL_STATUSES } from "./steps";

export type RunEnd = { data: unknown } | { error: unknown };

export const CANCELLED_ERROR = { name: "FunctionCancelledError", message: "The invoked function run was cancelled" };

export async function afterRunEnded(
  tx: Prisma.TransactionClient,
  run: { id: string; parentRunId: string | null; parentStepHash: string | null },
  end: RunEnd,
): Promise<void> {
  await tx.jobWait.deleteMany({ where: { runId: run.id } });
  if (!run.parentRunId || !run.parentStepHash) return;
  const status = await lockRun(tx, run.parentRunId);
  // A parent that ended meanwhile (cancelled, or failed on its invoke timeout) wants no answer.
  if (!status || TERMINAL_STATUSES.includes(status)) return;
  // false: the invoke already timed out (the timeout error was memoized first).
  if (!(await memoize(tx, run.parentRunId, run.parentStepHash, end))) return;
  await tx.jobQueueItem.deleteMany({ where: { runId: run.parentRunId, kind: "invoke-timeout", stepHash: run.parentStepHash } });
  await continueIfIdle(tx, run.parentRunId);
}

/**
 * Cancels these runs if still queued or running (re-checked by the UPDATE itself, so a run that finished
 * meanwhile stays finished) and removes their queue items, so a worker holding one loses its lease and
 * its outcome is dropped. Used by cancelOn and by the cancellation API (cancellations.ts). Each cancelled
 * run emits inngest/function.cancelled, as Inngest does (the app's run records listen to it). Returns
 * the ids actually cancelled.
 */
export async function cancelRunsById(tx: Prisma.TransactionClient, registry: FunctionRegistry, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const cancelled = await tx.$queryRaw<Array<{ id: string; functionId: string; eventId: string; parentRunId: string | null; parentStepHash: string | null }>>`
    UPDATE job_runs SET status = 'cancelled', "endedAt" = now(), "updatedAt" = now()
    WHERE id = ANY(${ids}::uuid[]) AND status IN ('queued', 'running')
    RETURNING id::text AS id, "functionId", "eventId"::text AS "eventId", "parentRunId"::text AS "parentRunId", "parentStepHash"`;
  if (!cancelled.length) return [];
  await tx.jobQueueItem.deleteMany({ where: { runId: { in: cancelled.map((r) => r.id) } } });
  const events = await tx.jobEvent.findMany({
    where: { id: { in: [...new Set(cancelled.map((r) => r.eventId))] } },
    select: { id: true, name: true, data: true, ts: true, dedupeKey: true },
  });
  const eventById = new Map(events.map((e) => [e.id, e]));
  for (const run of cancelled) {
    await afterRunEnded(tx, run, { error: CANCELLED_ERROR });
    const e = eventById.get(run.eventId);
    const event = e ? { id: sdkEventId(e), name: e.name, data: e.data, ts: e.ts.getTime() } : null;
    const data = { function_id: run.functionId, run_id: run.id, error: { name: "Error", message: "function cancelled" }, event };
    await ingestEventInTx(tx, registry, EVENT_FUNCTION_CANCELLED, data, `${EVENT_FUNCTION_CANCELLED}:${run.id}`);
  }
  return cancelled.map((r) => r.id);
}
