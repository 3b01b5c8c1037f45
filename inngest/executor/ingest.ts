// Event ingestion: store the event (deduplicated by the caller's id) and create one queued run per
// matching function, all in one transaction — either the event and all its runs exist, or nothing.
import { Prisma, type RootDb } from "@/core/db/client";
import type { FunctionRegistry } from "./registry";

export type IngestResult = { eventId: string; runIds: string[]; duplicate: boolean };

export async function ingestEvent(
  db: RootDb,
  registry: FunctionRegistry,
  name: string,
  data: Record<string, unknown> = {},
  id?: string,
): Promise<IngestResult> {
  if (!name) throw new Error("ingestEvent: the event name is required");
  const fns = registry.match(name);
  const organizationId = typeof data.organizationId === "string" ? data.organizationId : null;
  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING rather than catching P2002: a failed statement would abort the transaction.
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO job_events (id, name, data, "dedupeKey")
      VALUES (gen_random_uuid(), ${name}, ${JSON.stringify(data)}::jsonb, ${id ?? null})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id::text AS id`;
    const eventId = inserted[0]?.id;
    if (!eventId) {
      const existing = await tx.jobEvent.findUniqueOrThrow({ where: { dedupeKey: id }, select: { id: true } });
      return { eventId: existing.id, runIds: [], duplicate: true };
    }
    const runIds: string[] = [];
    for (const fn of fns) {
      const run = await tx.jobRun.create({
        data: { appId: fn.appId, functionId: fn.id, eventId, maxAttempts: fn.maxAttempts, stepUrl: fn.stepUrl, organizationId },
        select: { id: true },
      });
      await tx.jobQueueItem.create({ data: { runId: run.id, kind: "start" } });
      runIds.push(run.id);
    }
    return { eventId, runIds, duplicate: false };
  }, { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted });
}
