// The leased work queue (job_queue), on the pattern of core/events/outbox.ts: a claim is one committed
// statement that locks due items FOR UPDATE SKIP LOCKED and leases them (lockedUntil). Every later
// write about an item is fenced by that lease, so a worker whose lease expired (and whose item was
// claimed again by another worker) cannot record a stale outcome. A claim also stamps the item with the
// claiming executor's id (claimedBy), so that a lease held by a dead executor can be told apart from a
// call in progress (heartbeat.ts).
import type { Prisma, RootDb } from "@/core/db/client";

export type QueueKind = "start" | "continue" | "retry" | "sleep" | "planned" | "wait-timeout" | "invoke-timeout";

export type ClaimedItem = {
  id: bigint;
  runId: string;
  kind: QueueKind;
  stepHash: string | null;
  lockedUntil: Date;
};

/** Any constant: the advisory lock that makes claims one at a time across all workers (see claimDue). */
const CLAIM_LOCK = 7_261_001;

/**
 * Claims up to `limit` due items of runs of `appId` (the app this executor synced: several apps may
 * share one database, each with its own executor) and leases them. Concurrency limits (concurrency.ts) are enforced here:
 * an item is admitted only while, for every key of its run, fewer than `limit` items are leased — counting
 * both items leased earlier and those admitted in this claim. Claims take a transaction-scoped advisory
 * lock, so two workers cannot both see a free slot and fill it twice; a claim is a few milliseconds.
 * Items of saturated keys are skipped in SQL, so a backlog of one key never hides other keys' work.
 */
export async function claimDue(db: RootDb, appId: string, limit: number, leaseMs: number, executorId: string | null = null): Promise<ClaimedItem[]> {
  return db.$transaction(
    async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`;
    const candidates = await tx.$queryRaw<Array<{ id: bigint; limits: Array<{ key: string; limit: number; busy: number }> }>>`
      WITH busy AS (
        SELECT c.key, count(*)::int AS n
        FROM job_queue q JOIN job_concurrency c ON c."runId" = q."runId"
        WHERE q."lockedUntil" >= now()
        GROUP BY c.key
      )
      SELECT q.id,
        COALESCE((SELECT json_agg(json_build_object('key', c.key, 'limit', c."limit", 'busy', COALESCE(b.n, 0)))
                  FROM job_concurrency c LEFT JOIN busy b ON b.key = c.key WHERE c."runId" = q."runId"), '[]'::json) AS limits
      FROM job_queue q
      JOIN job_runs r ON r.id = q."runId"
      WHERE r."appId" = ${appId} AND q."dueAt" <= now() AND (q."lockedUntil" IS NULL OR q."lockedUntil" < now())
        AND NOT EXISTS (
          SELECT 1 FROM job_concurrency c LEFT JOIN busy b ON b.key = c.key
          WHERE c."runId" = q."runId" AND COALESCE(b.n, 0) >= c."limit")
      -- Older runs first: a started run's next step goes before a burst of new runs (as on Inngest),
      -- so runs finish in the order they came instead of all finishing at the end of the burst.
      ORDER BY r."createdAt", q."dueAt", q.id
      LIMIT ${limit * 4}`;
    const inFlight = new Map<string, number>();
    const admitted: bigint[] = [];
    for (const c of candidates) {
      if (admitted.length >= limit) break;
      if (c.limits.some((l) => (inFlight.get(l.key) ?? l.busy) >= l.limit)) continue;
      for (const l of c.limits) inFlight.set(l.key, (inFlight.get(l.key) ?? l.busy) + 1);
      admitted.push(c.id);
    }
    if (!admitted.length) return [];
    // The due/unleased condition is re-checked: an item deleted or leased since the SELECT is skipped.
    return tx.$queryRaw<ClaimedItem[]>`
      UPDATE job_queue SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond', "claimedBy" = ${executorId}::uuid
      WHERE id = ANY(${admitted}::bigint[]) AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      RETURNING id, "runId"::text AS "runId", kind, "stepHash", "lockedUntil"`;
    },
    // Busy moments queue claims behind each other on the advisory lock: wait rather than fail.
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Deletes the item if we still hold its lease; false means the lease was lost. */
export async function completeItem(tx: Prisma.TransactionClient, item: ClaimedItem): Promise<boolean> {
  const { count } = await tx.jobQueueItem.deleteMany({ where: { id: item.id, lockedUntil: item.lockedUntil } });
  return count === 1;
}

/** Hands the item back for the next claim, if we still hold its lease (no-op otherwise). */
export async function releaseItem(db: RootDb | Prisma.TransactionClient, item: ClaimedItem): Promise<void> {
  await db.jobQueueItem.updateMany({ where: { id: item.id, lockedUntil: item.lockedUntil }, data: { lockedUntil: null, claimedBy: null } });
}

export class LeaseLostError extends Error {
  constructor(item: ClaimedItem) {
    super(`Lease on job_queue item ${item.id} (run ${item.runId}) expired before its outcome was recorded`);
    this.name = "LeaseLostError";
  }
}
