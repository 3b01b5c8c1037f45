// The Jobs page's operator actions, on the app's own run records and through Inngest's public APIs —
// the same on every Inngest (core/jobs/backend-api.ts):
//   Re-run (a failed or cancelled run): the run's event is sent again with the same name and data, as a
//   new event, so its function runs again from the start (the original run is left as it was).
//   Cancel (a running run): Inngest's cancellation API, narrowed to the run's function and event; the
//   record is marked cancelled once the job runner has accepted. A step already executing finishes.
// Both look the run up through the organization-scoped client first: another organization's run is
// "not found" by construction.
import type { OrgContext } from "@/core/auth/context";
import type { ActionResult } from "@/core/actions/result";
import { Prisma } from "@/core/db/client";
import { inngest } from "@/inngest/client";
import { cancelRunsOfEvent, JobBackendError } from "./backend-api";

type Ctx = Pick<OrgContext, "db" | "organization">;

export const JOB_NOT_FOUND = "This job run does not exist.";
export const RERUN_WRONG_STATE = "Only failed or cancelled runs can be re-run.";
export const CANCEL_WRONG_STATE = "Only running runs can be cancelled.";
export const RERUN_SYSTEM_EVENT = "This run was started by the job runner itself (a schedule, or another run), not by an event the app can send again.";

const RERUNNABLE = ["failed", "cancelled"];
const notFound = { ok: false as const, error: JOB_NOT_FOUND };

function findRun(ctx: Ctx, runId: string) {
  if (!runId || runId.length > 200) return null;
  return ctx.db.jobRunRecord.findFirst({
    where: { id: runId },
    select: { id: true, organizationId: true, appId: true, functionId: true, functionName: true, status: true, eventId: true, eventName: true, eventData: true, eventTs: true, idempotency: true, startedAt: true },
  });
}

/** Sends the run's event again; answers the new event's id (the run list filters by it). */
export async function rerunJob(ctx: Ctx, runId: string): Promise<ActionResult<{ eventId: string }>> {
  const run = await findRun(ctx, runId);
  if (!run) return notFound;
  if (!RERUNNABLE.includes(run.status)) return { ok: false, error: RERUN_WRONG_STATE };
  if (run.eventName.startsWith("inngest/")) return { ok: false, error: RERUN_SYSTEM_EVENT };
  if (run.idempotency) {
    return {
      ok: false,
      error: `${run.functionName} runs at most once per ${run.idempotency} in 24 hours: the job runner would skip a re-sent event. Start the work again from where it began instead.`,
    };
  }
  const data = run.eventData as Record<string, unknown>;
  // The record's organization is the event's (the middleware takes it from there); checked again
  // because this event is about to act on an organization.
  if (data?.organizationId !== ctx.organization.id) return notFound;
  let ids: string[];
  try {
    ({ ids } = await inngest.send({ name: run.eventName, data }));
  } catch (err) {
    // Nothing was sent (or the runner did not say it took it): the run stays as it was; try again.
    return { ok: false, error: `The job runner did not accept the event (${(err as Error).message}). Nothing was re-run; try again.` };
  }
  const eventId = ids[0];
  if (!eventId) return { ok: false, error: "The job runner accepted the event but gave it no id; look for the new run in the list." };
  return { ok: true, data: { eventId }, message: `${run.eventName} was sent again: the new run of ${run.functionName} appears here when it starts.` };
}

export async function cancelJob(ctx: Ctx, runId: string): Promise<ActionResult<{ id: string }>> {
  const run = await findRun(ctx, runId);
  if (!run) return notFound;
  if (run.status !== "running") return { ok: false, error: CANCEL_WRONG_STATE };
  if (!run.eventId) return { ok: false, error: "This run's event has no id, so the job runner cannot be told which run to cancel." };
  try {
    await cancelRunsOfEvent({ appId: run.appId, functionId: run.functionId, eventId: run.eventId, eventTs: run.eventTs, startedAt: run.startedAt });
  } catch (err) {
    if (err instanceof JobBackendError) return { ok: false, error: err.message };
    throw err;
  }
  // Only a run still running: one that completed meanwhile keeps its outcome.
  const marked = await ctx.db.jobRunRecord.updateMany({
    where: { id: run.id, status: "running" },
    data: { status: "cancelled", endedAt: new Date(), inFlightSince: null, waiting: Prisma.DbNull },
  });
  if (!marked.count) return { ok: false, error: "The run finished before it could be cancelled." };
  return { ok: true, data: { id: run.id }, message: "The run was cancelled. A step already executing finishes; nothing after it runs." };
}
