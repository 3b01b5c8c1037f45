// Memoized step results (job_steps) and the "call the function again" decision, shared by the step loop
// (executor.ts), event ingestion (waits resolved by an event) and run ends (an invoked run answering its
// parent).
import { Prisma } from "@/core/db/client";

/** Queue items that will call the function again by themselves: while one exists, no "continue" is added. */
const CALLING_KINDS = ["start", "continue", "retry", "sleep", "planned"];

/**
 * Records a step's result once. Returns false when the step already had one (an earlier, lease-expired
 * attempt, or the other side of a race such as an event arriving just as the wait times out): the first
 * result wins, because it is what the SDK may already have seen.
 */
export async function memoize(tx: Prisma.TransactionClient, runId: string, stepHash: string, result: { data?: unknown; error?: unknown }): Promise<boolean> {
  const { count } = await tx.jobStep.createMany({
    data: [{ runId, stepHash, data: toJson(result.data), error: result.error === undefined ? Prisma.DbNull : toJson(result.error) }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Queues a call to discover what follows, unless another queued item will call the function anyway. */
export async function continueIfIdle(tx: Prisma.TransactionClient, runId: string): Promise<void> {
  const pending = await tx.jobQueueItem.count({ where: { runId, kind: { in: CALLING_KINDS } } });
  if (pending === 0) await tx.jobQueueItem.create({ data: { runId, kind: "continue" } });
}

/** Locks a run's row (always the first lock a transaction takes on a run) and returns its status. */
export async function lockRun(tx: Prisma.TransactionClient, runId: string): Promise<string | undefined> {
  const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM job_runs WHERE id = ${runId}::uuid FOR UPDATE`;
  return row?.status;
}

export const TERMINAL_STATUSES = ["completed", "failed", "cancelled"];
export const ACTIVE_STATUSES = ["queued", "running"];

/** JSON column value: undefined/null become SQL NULL (read back as JSON null). */
export function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
