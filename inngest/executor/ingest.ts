// Event ingestion: store the event (deduplicated by the caller's id), cancel the runs it cancels
// (cancelOn), and create one queued run per matching function (name + `if`, minus idempotency-key
// repeats), all in one transaction — either the event and all its effects exist, or nothing.
import { Prisma, type RootDb } from "@/core/db/client";
import { concurrencyKeys } from "./concurrency";
import { valueOf } from "./expression";
import { sdkEventId, type SdkEvent } from "./protocol";
import { matcherApplies, type FunctionRegistry, type RegisteredFunction } from "./registry";
import { cancelRunsById } from "./run-end";
import { ACTIVE_STATUSES } from "./steps";
import { resolveWaits } from "./waits";

export type IngestResult = { eventId: string; runIds: string[]; duplicate: boolean; cancelledRunIds?: string[]; resumedRunIds?: string[] };

/** How long a function's idempotency key suppresses further runs (Inngest: 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export async function ingestEvent(
  db: RootDb,
  registry: FunctionRegistry,
  name: string,
  data: Record<string, unknown> = {},
  id?: string,
): Promise<IngestResult> {
  if (!name) throw new Error("ingestEvent: the event name is required");
  return db.$transaction((tx) => ingestEventInTx(tx, registry, name, data, id), {
    isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
  });
}

/** Several events in one transaction: one round of BEGIN/COMMIT for a whole send() batch. */
export async function ingestEvents(
  db: RootDb,
  registry: FunctionRegistry,
  events: Array<{ name: string; data: Record<string, unknown>; id?: string }>,
): Promise<IngestResult[]> {
  return db.$transaction(
    async (tx) => {
      const results: IngestResult[] = [];
      for (const e of events) results.push(await ingestEventInTx(tx, registry, e.name, e.data, e.id));
      return results;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 10_000, timeout: 60_000 },
  );
}

/** The same, inside the caller's transaction (used for lifecycle events such as function.failed). */
export async function ingestEventInTx(
  tx: Prisma.TransactionClient,
  registry: FunctionRegistry,
  name: string,
  data: Record<string, unknown>,
  id?: string,
): Promise<IngestResult> {
  // ON CONFLICT DO NOTHING rather than catching P2002: a failed statement would abort the transaction.
  const inserted = await tx.$queryRaw<Array<{ id: string; ts: Date }>>`
    INSERT INTO job_events (id, name, data, "dedupeKey")
    VALUES (gen_random_uuid(), ${name}, ${JSON.stringify(data)}::jsonb, ${id ?? null})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id::text AS id, ts`;
  const row = inserted[0];
  if (!row) {
    const existing = await tx.jobEvent.findUniqueOrThrow({ where: { dedupeKey: id }, select: { id: true } });
    return { eventId: existing.id, runIds: [], duplicate: true };
  }
  const eventId = row.id;
  const event: SdkEvent = { id: sdkEventId({ id: eventId, dedupeKey: id ?? null }), name, data, ts: row.ts.getTime() };

  const cancelledRunIds = await cancelRuns(tx, registry, event);
  const resumedRunIds = await resolveWaits(tx, event);

  const runIds: string[] = [];
  for (const fn of registry.match(name, event)) {
    const runId = await createRun(tx, fn, eventId, event);
    if (runId) runIds.push(runId);
  }
  return {
    eventId,
    runIds,
    duplicate: false,
    ...(cancelledRunIds.length ? { cancelledRunIds } : {}),
    ...(resumedRunIds.length ? { resumedRunIds } : {}),
  };
}

/** A run started by step.invoke(): who waits for it. */
export type InvokeLink = { parentRunId: string; parentStepHash: string; organizationId: string | null };

/**
 * Creates a queued run of `fn` for a stored event, unless the function's idempotency key for this event
 * was already used within 24h. Returns the run id, or null when suppressed.
 */
export async function createRun(
  tx: Prisma.TransactionClient,
  fn: Pick<RegisteredFunction, "appId" | "id" | "stepUrl" | "maxAttempts" | "idempotency" | "failureHandler"> & Partial<Pick<RegisteredFunction, "concurrency">>,
  eventId: string,
  event: SdkEvent,
  link?: InvokeLink,
): Promise<string | null> {
  let idempotencyKey: string | null = null;
  if (fn.idempotency) {
    const value = valueOf(fn.idempotency, { event });
    // No key (missing field / null) means no idempotency for this event, as on Inngest.
    if (value !== undefined && value !== null) idempotencyKey = typeof value === "string" ? value : JSON.stringify(value);
  }
  if (idempotencyKey !== null) {
    // Claim the key: a new key, or one whose window expired, is (re)taken; a live one blocks the run.
    const claimed = await tx.$queryRaw<Array<{ key: string }>>`
      INSERT INTO job_idempotency_keys ("functionId", key, "expiresAt")
      VALUES (${fn.id}, ${idempotencyKey}, now() + ${IDEMPOTENCY_TTL_MS} * interval '1 millisecond')
      ON CONFLICT ("functionId", key) DO UPDATE SET "expiresAt" = EXCLUDED."expiresAt", "runId" = NULL
        WHERE job_idempotency_keys."expiresAt" <= now()
      RETURNING key`;
    if (claimed.length === 0) return null;
  }
  const data = event.data as Record<string, unknown> | null;
  const organizationId = data && typeof data.organizationId === "string" ? data.organizationId : (link?.organizationId ?? null);
  const concurrency = fn.concurrency ?? [];
  const run = await tx.jobRun.create({
    data: {
      appId: fn.appId,
      functionId: fn.id,
      eventId,
      maxAttempts: fn.maxAttempts,
      stepUrl: fn.stepUrl,
      organizationId,
      failureHandler: fn.failureHandler ? (fn.failureHandler as Prisma.InputJsonObject) : Prisma.DbNull,
      concurrency: concurrency.length ? (concurrency as unknown as Prisma.InputJsonArray) : Prisma.DbNull,
      parentRunId: link?.parentRunId ?? null,
      parentStepHash: link?.parentStepHash ?? null,
    },
    select: { id: true },
  });
  const keys = concurrencyKeys(fn.id, concurrency, event);
  if (keys.length) await tx.jobConcurrency.createMany({ data: keys.map((k) => ({ runId: run.id, ...k })) });
  await tx.jobQueueItem.create({ data: { runId: run.id, kind: "start" } });
  if (idempotencyKey !== null) {
    await tx.jobIdempotencyKey.update({ where: { functionId_key: { functionId: fn.id, key: idempotencyKey } }, data: { runId: run.id } });
  }
  return run.id;
}

/**
 * cancelOn: every active (queued, running or sleeping) run of a function whose cancel entry matches
 * this event — by name and `if`, with `event` the run's triggering event and `async` this one — is
 * cancelled and its queue items removed. A worker holding one of those items loses its lease.
 */
async function cancelRuns(tx: Prisma.TransactionClient, registry: FunctionRegistry, incoming: SdkEvent): Promise<string[]> {
  const cancelled: string[] = [];
  for (const { fn, matchers } of registry.cancellers(incoming.name)) {
    const runs = await tx.jobRun.findMany({
      where: { functionId: fn.id, status: { in: ACTIVE_STATUSES } },
      select: { id: true, event: { select: { id: true, name: true, data: true, ts: true, dedupeKey: true } } },
    });
    const ids = runs
      .filter((r) => {
        const event = { id: sdkEventId(r.event), name: r.event.name, data: r.event.data, ts: r.event.ts.getTime() };
        return matchers.some((m) => matcherApplies(m, incoming.name, { event, async: incoming }));
      })
      .map((r) => r.id);
    cancelled.push(...(await cancelRunsById(tx, registry, ids)));
  }
  return cancelled;
}
