// The leased work queue (job_queue), on the pattern of core/events/outbox.ts: a claim is one committed
// statement that locks due items FOR UPDATE SKIP LOCKED and leases them (lockedUntil). Every later
// write about an item is fenced by that lease, so a worker whose lease expired (and whose item was
// claimed again by another worker) cannot record a stale outcome.
import type { Prisma, RootDb } from "@/core/db/client";

export type QueueKind = "start" | "continue" | "retry" | "sleep" | "planned";

export type ClaimedItem = {
  id: bigint;
  runId: string;
  kind: QueueKind;
  stepHash: string | null;
  lockedUntil: Date;
};

export async function claimDue(db: RootDb, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  return db.$queryRaw<ClaimedItem[]>`
    WITH due AS (
      SELECT id FROM job_queue
      WHERE "dueAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "dueAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE job_queue AS q SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond'
    FROM due WHERE q.id = due.id
    RETURNING q.id, q."runId"::text AS "runId", q.kind, q."stepHash", q."lockedUntil"`;
}

/** Deletes the item if we still hold its lease; false means the lease was lost. */
export async function completeItem(tx: Prisma.TransactionClient, item: ClaimedItem): Promise<boolean> {
  const { count } = await tx.jobQueueItem.deleteMany({ where: { id: item.id, lockedUntil: item.lockedUntil } });
  return count === 1;
}

export class LeaseLostError extends Error {
  constructor(item: ClaimedItem) {
    super(`Lease on job_queue item ${item.id} (run ${item.runId}) expired before its outcome was recorded`);
    this.name = "LeaseLostError";
  }
}
