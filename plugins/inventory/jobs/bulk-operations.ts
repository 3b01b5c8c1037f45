// The records of background bulk operations (inventory_bulk_operations): created when a bulk action
// affects more than BACKGROUND_THRESHOLD rows, advanced batch by batch by jobs/bulk-jobs.ts, read by
// the list page's progress bar (which polls them, so it survives a reload).
//
// Status: queued -> running -> completed | failed. A failed operation keeps what its earlier batches
// did (each batch committed on its own); `error` says why it stopped, and it can be retried: the retry
// re-runs the same frozen filter, and rows already changed are no-ops (or gone, for delete), so it
// continues where it stopped.
import type { OrgContext } from "@/core/auth/context";
import type { ActionResult } from "@/core/actions/result";
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import type { EventTx } from "@/core/events/emit";
import { log } from "@/core/log";
import { inngest } from "@/inngest/client";
import type { BulkAction } from "../items/bulk";
import type { ItemFilter } from "../items/filters";
import { bulkOperationRequested } from "./bulk-events";

export type BulkOperationStatus = "queued" | "running" | "completed" | "failed";

export type BulkOperationView = {
  id: string;
  action: BulkAction;
  status: BulkOperationStatus;
  total: number;
  done: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

type OperationRow = {
  id: string;
  action: string;
  status: string;
  total: number;
  done: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const SELECT = { id: true, action: true, status: true, total: true, done: true, error: true, createdAt: true, finishedAt: true } as const;

function view(r: OperationRow): BulkOperationView {
  return {
    id: r.id,
    action: r.action as BulkAction,
    status: r.status as BulkOperationStatus,
    total: r.total,
    done: r.done,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Errors are shown to the member: one line, bounded. */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "Unknown error";
}

/** Creates the queued operation and sends the job event. If the event cannot be sent, the operation is marked failed (nothing was changed yet) and the error returned. */
export async function createAndStartOperation(
  ctx: OrgContext,
  op: { action: BulkAction; filter: ItemFilter; total: number },
): Promise<ActionResult<{ operationId: string }>> {
  const row = await ctx.db.inventoryBulkOperation.create({
    data: { organizationId: ctx.organization.id, action: op.action, filter: op.filter, total: op.total, status: "queued", createdById: ctx.user.id },
    select: { id: true },
  });
  const sent = await sendOperation(ctx.organization.id, row.id);
  if (!sent.ok) return sent;
  return { ok: true, data: { operationId: row.id } };
}

async function sendOperation(organizationId: string, operationId: string): Promise<ActionResult<{ operationId: string }>> {
  try {
    await inngest.send(bulkOperationRequested.create({ organizationId, operationId }));
    return { ok: true, data: { operationId } };
  } catch (err) {
    log.error("inventory.bulk.send_failed", { err, organizationId, operationId });
    const error = `The background job could not be started (${errorText(err)}). Nothing was changed; retry when the job runner is available.`;
    await failOperation(organizationId, operationId, error);
    return { ok: false, error };
  }
}

/**
 * Puts a failed operation back in the queue with the remaining count (`remaining` counted by the
 * caller over the frozen filter) and sends the job event again. Only a failed operation can be
 * retried, once: the conditional UPDATE lets one of two concurrent retries through.
 */
export async function requeueOperation(ctx: OrgContext, id: string, remaining: number): Promise<ActionResult<{ operationId: string }>> {
  const rows = await rootDb().$queryRaw<Array<{ id: string }>>`
    UPDATE inventory_bulk_operations SET status = 'queued', error = NULL, "finishedAt" = NULL, total = done + ${remaining}
    WHERE "organizationId" = ${ctx.organization.id}::uuid AND id = ${id}::uuid AND status = 'failed'
    RETURNING id::text AS id`;
  if (rows.length === 0) return { ok: false, error: "Only a failed operation can be retried (this one is running or finished)." };
  return sendOperation(ctx.organization.id, id);
}

export async function getOperation(organizationId: string, id: string): Promise<BulkOperationView | null> {
  const row = await rootDb().inventoryBulkOperation.findFirst({ where: { organizationId, id }, select: SELECT });
  return row ? view(row) : null;
}

/** The operation with its frozen filter, for the job and for retries. */
export async function getOperationRecord(organizationId: string, id: string) {
  return rootDb().inventoryBulkOperation.findFirst({ where: { organizationId, id } });
}

/**
 * What the list page shows on load: operations still queued or running, failed ones of the last day
 * (to offer the retry) and ones completed in the last five minutes.
 */
export async function recentOperations(organizationId: string): Promise<BulkOperationView[]> {
  const now = Date.now();
  const rows = await rootDb().inventoryBulkOperation.findMany({
    where: {
      organizationId,
      OR: [
        { status: { in: ["queued", "running"] } },
        { status: "failed", finishedAt: { gte: new Date(now - 86_400_000) } },
        { status: "completed", finishedAt: { gte: new Date(now - 5 * 60_000) } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: SELECT,
  });
  return rows.map(view);
}

/** queued -> running (also running -> running: a replayed start step). Null when there is nothing to run. */
export async function beginOperation(organizationId: string, id: string) {
  const rows = await rootDb().$queryRaw<Array<{ id: string }>>`
    UPDATE inventory_bulk_operations SET status = 'running', "heartbeatAt" = now()
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid AND status IN ('queued', 'running')
    RETURNING id::text AS id`;
  return rows.length ? getOperationRecord(organizationId, id) : null;
}

/** Progress, in the batch's own transaction: `done` is exact even when a batch is re-run after a crash. */
export async function addProgress(tx: EventTx, organizationId: string, id: string, count: number) {
  // total grows if more rows turned up than were counted at the start (rows edited to match meanwhile).
  await (tx as TxClient).$executeRaw`
    UPDATE inventory_bulk_operations SET done = done + ${count}, total = GREATEST(total, done + ${count}), "heartbeatAt" = now()
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid`;
}

/**
 * running -> completed. Returns how many rows the operation changed in all: `done`, counted in each
 * batch's own transaction — exact even when a batch's step was re-run after a crash (the re-run finds
 * its rows already changed and counts 0, so a sum of the steps' results would come out short).
 */
export async function completeOperation(organizationId: string, id: string): Promise<number> {
  // A replayed step (already completed) reads the count without touching finishedAt.
  const rows = await rootDb().$queryRaw<Array<{ done: number }>>`
    WITH completed AS (
      UPDATE inventory_bulk_operations SET status = 'completed', "finishedAt" = now(), total = GREATEST(total, done), "heartbeatAt" = now()
      WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid AND status = 'running'
      RETURNING done)
    SELECT done FROM completed
    UNION ALL
    SELECT done FROM inventory_bulk_operations
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid AND status = 'completed' AND NOT EXISTS (SELECT 1 FROM completed)`;
  return rows[0]?.done ?? 0;
}

export async function failOperation(organizationId: string, id: string, error: string) {
  await rootDb().$executeRaw`
    UPDATE inventory_bulk_operations SET status = 'failed', error = ${error}, "finishedAt" = now()
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid AND status IN ('queued', 'running')`;
}

/**
 * For the plugin's onDisabled hook: disabling cancels the organization's jobs (cancelOnDisable), and a
 * cancelled run calls no handler, so its operation would read "running" forever. Marks them failed
 * with the reason, in the transition's transaction; a retry after re-enabling continues them.
 */
export async function cancelBulkOperations(tx: TxClient, organizationId: string) {
  await tx.$executeRaw`
    UPDATE inventory_bulk_operations SET status = 'failed', error = 'Stopped: the Inventory plugin was disabled. Batches already applied stay applied.', "finishedAt" = now()
    WHERE "organizationId" = ${organizationId}::uuid AND status IN ('queued', 'running')`;
}
