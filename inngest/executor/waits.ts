// step.waitForEvent(): the SDK answers with a WaitForEvent op (event name in `name`, opts {timeout, if});
// the run then holds no worker and no concurrency slot. It continues with the matching event as the
// step's data when ingestEvent sees one, or with null when its wait-timeout queue item comes due —
// whichever deletes the job_waits row first wins; the other finds nothing to do.
import type { Prisma } from "@/core/db/client";
import { sleepUntil } from "./duration";
import { ExpressionSyntaxError, matches, parseExpression } from "./expression";
import { sdkEventId, type SdkEvent, type StepOp } from "./protocol";
import { continueIfIdle, lockRun, memoize, TERMINAL_STATUSES } from "./steps";

/** A WaitForEvent op we cannot honour (no event name, unreadable timeout or `if`): the run fails with it. */
export class WaitConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WaitConfigError";
  }
}

/** Records the wait and its timeout. Idempotent: the SDK reports the same op again on every later call. */
export async function openWait(tx: Prisma.TransactionClient, runId: string, op: StepOp): Promise<void> {
  const event = op.name ?? "";
  const label = op.displayName ?? op.id;
  if (!event) throw new WaitConfigError(`step.waitForEvent "${label}" names no event`);
  const timeout = typeof op.opts?.timeout === "string" ? op.opts.timeout : "";
  let expiresAt: Date;
  try {
    expiresAt = sleepUntil(timeout);
  } catch {
    throw new WaitConfigError(`step.waitForEvent "${label}": unreadable timeout ${JSON.stringify(op.opts?.timeout)}`);
  }
  const expression = typeof op.opts?.if === "string" && op.opts.if ? op.opts.if : null;
  if (expression) {
    try {
      parseExpression(expression);
    } catch (err) {
      throw new WaitConfigError(`step.waitForEvent "${label}": ${err instanceof ExpressionSyntaxError ? err.message : String(err)}`);
    }
  }
  const { count } = await tx.jobWait.createMany({ data: [{ runId, stepHash: op.id, event, expression, expiresAt }], skipDuplicates: true });
  if (count === 1) await tx.jobQueueItem.create({ data: { runId, kind: "wait-timeout", stepHash: op.id, dueAt: expiresAt } });
}

/**
 * Resolves every open wait this newly stored event satisfies: by name, not expired, and its `if` with
 * `event` = the waiting run's triggering event and `async` = this event. Runs in the ingesting
 * transaction. Returns the ids of the runs that continue.
 */
export async function resolveWaits(tx: Prisma.TransactionClient, incoming: SdkEvent): Promise<string[]> {
  const waits = await tx.$queryRaw<Array<{ runId: string; stepHash: string; expression: string | null; e_id: string; e_key: string | null; e_name: string; e_data: unknown; e_ts: Date }>>`
    SELECT w."runId"::text AS "runId", w."stepHash", w.expression,
           e.id::text AS e_id, e."dedupeKey" AS e_key, e.name AS e_name, e.data AS e_data, e.ts AS e_ts
    FROM job_waits w
    JOIN job_runs r ON r.id = w."runId"
    JOIN job_events e ON e.id = r."eventId"
    WHERE w.event = ${incoming.name} AND w."expiresAt" > now() AND r.status IN ('queued', 'running')
    ORDER BY w."runId", w."stepHash"`;
  const resumed: string[] = [];
  for (const w of waits) {
    const event = { id: sdkEventId({ id: w.e_id, dedupeKey: w.e_key }), name: w.e_name, data: w.e_data, ts: w.e_ts.getTime() };
    if (w.expression && !matches(parseExpression(w.expression), { event, async: incoming })) continue;
    const status = await lockRun(tx, w.runId);
    if (!status || TERMINAL_STATUSES.includes(status)) continue;
    const { count } = await tx.jobWait.deleteMany({ where: { runId: w.runId, stepHash: w.stepHash } });
    if (count === 0) continue; // timed out (or matched by a concurrent event) first
    await memoize(tx, w.runId, w.stepHash, { data: incoming });
    await tx.jobQueueItem.deleteMany({ where: { runId: w.runId, kind: "wait-timeout", stepHash: w.stepHash } });
    await continueIfIdle(tx, w.runId);
    resumed.push(w.runId);
  }
  return resumed;
}
