// Operator actions on runs of the embedded executor (the Jobs page's buttons): re-run a failed or
// cancelled run, cancel a queued or running one. They live with the executor, not in core: they write
// its tables through its own functions, and core knows no job backend's internals.
// Both go through the organization-scoped client, so a run of another organization is
// "not found" by construction. The old run of a re-run is never modified.
import type { OrgContext } from "@/core/auth/context";
import type { ActionResult } from "@/core/actions/result";
import { Prisma, rootDb } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";
import type { ConcurrencySpec } from "../concurrency";
import { createRun } from "../ingest";
import { sdkEventId } from "../protocol";
import type { FailureHandler } from "../registry";
import { cancelRunsById } from "../run-end";

type Ctx = Pick<OrgContext, "db">;

export const JOB_NOT_FOUND = "This job run does not exist.";
export const RERUN_WRONG_STATE = "Only failed or cancelled runs can be re-run.";
export const CANCEL_WRONG_STATE = "Only queued or running runs can be cancelled.";

const RERUNNABLE = ["failed", "cancelled"];

const notFound = { ok: false as const, error: JOB_NOT_FOUND };

/**
 * A new queued run of the same function for the same stored event (with a "start" queue item), made
 * by the executor's own createRun. The function's idempotency key is deliberately not applied: an
 * operator asking for a re-run wants one.
 */
export async function rerunJob(ctx: Ctx, runId: string): Promise<ActionResult<{ id: string }>> {
  if (!isUuid(runId)) return notFound;
  return ctx.db.$transaction(async (tx) => {
    const old = await tx.jobRun.findFirst({
      where: { id: runId },
      select: {
        status: true, appId: true, functionId: true, stepUrl: true, maxAttempts: true, failureHandler: true, concurrency: true, eventId: true,
        event: { select: { id: true, name: true, data: true, ts: true, dedupeKey: true } },
      },
    });
    if (!old) return notFound;
    if (!RERUNNABLE.includes(old.status)) return { ok: false as const, error: RERUN_WRONG_STATE };
    const event = { id: sdkEventId(old.event), name: old.event.name, data: old.event.data as Record<string, unknown>, ts: old.event.ts.getTime() };
    // The scoped transaction client forces this organization onto the new run; createRun only uses
    // model calls (no raw SQL without an idempotency expression), which the scoped client provides.
    const id = await createRun(
      tx as unknown as Prisma.TransactionClient,
      {
        appId: old.appId,
        id: old.functionId,
        stepUrl: old.stepUrl,
        maxAttempts: old.maxAttempts,
        failureHandler: (old.failureHandler ?? undefined) as FailureHandler | undefined,
        // Limited like the original (e.g. one at a time per organization).
        concurrency: (old.concurrency ?? []) as ConcurrencySpec[],
      },
      old.eventId,
      event,
    );
    if (!id) throw new Error("rerunJob: createRun created no run");
    return { ok: true as const, data: { id }, message: "A new run was queued." };
  });
}

/**
 * Cancels a queued or running run as the executor's cancelOn does (inngest/executor/run-end.ts): the
 * status is re-checked by the UPDATE itself, so a run that finished meanwhile stays finished; its queue
 * items and waits are removed, so a worker holding one loses its lease (its outcome is dropped); a run
 * started by step.invoke() answers its parent with a cancellation error. The run is first looked up
 * through the organization-scoped client — another organization's run is "not found" — and only then
 * cancelled by id, in the executor's own (unscoped) transaction: run ids never change organization.
 */
export async function cancelJob(ctx: Ctx, runId: string): Promise<ActionResult<{ id: string }>> {
  if (!isUuid(runId)) return notFound;
  const run = await ctx.db.jobRun.findFirst({ where: { id: runId }, select: { id: true } });
  if (!run) return notFound;
  const cancelled = await rootDb().$transaction((tx) => cancelRunsById(tx, [run.id]), {
    isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
  });
  if (!cancelled.length) return { ok: false as const, error: CANCEL_WRONG_STATE };
  return { ok: true as const, data: { id: runId }, message: "The run was cancelled." };
}
