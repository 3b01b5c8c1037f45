// Executor liveness (job_executors). An executor with a running worker loop writes its row every
// HEARTBEAT_INTERVAL_MS and stamps the queue items it claims with its id (job_queue.claimedBy, queue.ts).
// A leased item whose executor has not beaten for STALE_AFTER_MS belongs to an executor that died: its
// run is not running, it waits for the lease to end (then any executor claims the item again). The
// Jobs page says so instead of "Running" (inngest/executor/admin/runs.ts).
//
// Times are the database's (now()), never this host's clock: the page compares them with now() too.
import os from "node:os";
import type { RootDb } from "@/core/db/client";

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** Three missed heartbeats: a busy event loop or a slow write can delay one, not three. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;
/** A dead executor's row is kept this long for the page, then removed by the next executor to start. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** Inserts or refreshes this executor's row. */
export async function beat(db: RootDb, executorId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO job_executors (id, pid, host, "startedAt", "heartbeatAt")
    VALUES (${executorId}::uuid, ${process.pid}, ${os.hostname()}, now(), now())
    ON CONFLICT (id) DO UPDATE SET "heartbeatAt" = now()`;
}

/**
 * Removes this executor's row on a graceful stop — unless an item is still leased in its name (an
 * outcome it could not record): then the row stays, its heartbeat ages, and the page shows that run as
 * waiting for its lease like any other orphan.
 */
export async function retire(db: RootDb, executorId: string): Promise<void> {
  await db.$executeRaw`
    DELETE FROM job_executors e
    WHERE e.id = ${executorId}::uuid
      AND NOT EXISTS (SELECT 1 FROM job_queue q WHERE q."claimedBy" = e.id AND q."lockedUntil" > now())`;
}

/** Forgets executors that died long ago and hold no lease any more (killed processes leave their row). */
export async function forgetDeadExecutors(db: RootDb): Promise<void> {
  await db.$executeRaw`
    DELETE FROM job_executors e
    WHERE e."heartbeatAt" < now() - ${FORGET_AFTER_MS} * interval '1 millisecond'
      AND NOT EXISTS (SELECT 1 FROM job_queue q WHERE q."claimedBy" = e.id AND q."lockedUntil" > now())`;
}
