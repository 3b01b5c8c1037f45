// The embedded executor's side of Inngest's bulk cancellation API, `POST /v1/cancellations`
// (https://www.inngest.com/docs/guides/cancel-running-functions): the body names an app, one of its
// functions, a window of run start times and an optional `if` expression on the triggering event. The
// app cancels runs through this one endpoint whatever Inngest it runs on (core/jobs/backend-api.ts), so
// the embedded executor answers it exactly as Inngest Cloud and `inngest start` do — except that here
// the matching runs are already cancelled when the answer comes (Inngest cancels them soon after).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma, type RootDb } from "@/core/db/client";
import { ExpressionSyntaxError, matches, parseExpression } from "./expression";
import { sdkEventId } from "./protocol";
import type { FunctionRegistry } from "./registry";
import { cancelRunsById } from "./run-end";
import { ACTIVE_STATUSES } from "./steps";

export const cancellationBody = z.object({
  app_id: z.string().min(1),
  function_id: z.string().min(1),
  started_after: z.iso.datetime({ offset: true }),
  started_before: z.iso.datetime({ offset: true }),
  if: z.string().min(1).optional(),
});
export type CancellationBody = z.infer<typeof cancellationBody>;

export class CancellationError extends Error {}

/** Cancels the matching active runs; answers as Inngest does (the cancellation), plus the run ids. */
export async function cancelMatchingRuns(db: RootDb, registry: FunctionRegistry, body: CancellationBody) {
  let condition;
  try {
    condition = body.if ? parseExpression(body.if) : null;
  } catch (err) {
    if (err instanceof ExpressionSyntaxError) throw new CancellationError(err.message);
    throw err;
  }
  const after = new Date(body.started_after);
  const before = new Date(body.started_before);
  if (!(after < before)) throw new CancellationError("started_after must be before started_before");
  // Runs are stored under the SDK's composite id, "<app id>-<function id>".
  const functionId = `${body.app_id}-${body.function_id}`;
  const runIds = await db.$transaction(
    async (tx) => {
      const runs = await tx.jobRun.findMany({
        where: { functionId, status: { in: ACTIVE_STATUSES }, createdAt: { gte: after, lt: before } },
        select: { id: true, event: { select: { id: true, name: true, data: true, ts: true, dedupeKey: true } } },
      });
      const ids = runs
        .filter((r) => !condition || matches(condition, { event: { id: sdkEventId(r.event), name: r.event.name, data: r.event.data, ts: r.event.ts.getTime() } }))
        .map((r) => r.id);
      return cancelRunsById(tx, registry, ids);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
  return {
    id: randomUUID(),
    environment_id: "embedded",
    function_id: body.function_id,
    started_after: body.started_after,
    started_before: body.started_before,
    ...(body.if ? { if: body.if } : {}),
    run_ids: runIds,
  };
}
