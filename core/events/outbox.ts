// Delivery of durable (after-commit) event handlers from the transactional outbox (event_outbox).
//
// deliverOutboxBatch() is the whole dispatcher, one batch at a time; what triggers it is replaceable:
// today the in-process loop of outbox-dispatcher.ts, later the job system (e.g. an Inngest function
// calling this same function). Any number of callers may run concurrently, in any number of processes:
//
//   1. CLAIM (its own committed statement): due rows — pending, nextAttemptAt reached, not leased — are
//      selected FOR UPDATE SKIP LOCKED and given a lease (lockedUntil). A concurrent claim skips rows
//      being claimed and, once committed, sees the lease: no row is handed to two callers.
//   2. DELIVER each row: find the handler in the registry; a plugin no longer installed, a handler no
//      longer declared, or a plugin no longer enabled for the organization marks the row 'skipped'
//      (with the reason in lastError). The stored payload is validated again against the event schema.
//   3. RECORD the outcome, fenced by the lease (WHERE lockedUntil = <our lease>): success -> 'delivered';
//      failure -> attempts+1, lastError, nextAttemptAt after a backoff (outbox-backoff.ts), or 'failed'
//      once maxAttempts attempts have failed. Failed rows stay for inspection; setting status back to
//      'pending' redelivers them.
//
// Delivery is at least once: a process that dies after a handler ran but before step 3 leaves the lease
// to expire and the row is delivered again. Handlers get the eventId to make themselves idempotent.
// A handler is given at most handlerTimeoutMs; no handler starts so late in a batch that it could
// outlive the lease — rows not started in time are released for the next claim instead.
import { Prisma, rootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { getPlugin, installedPluginIds } from "@/core/plugins/registry";
import { settingsAccess } from "@/core/plugins/settings/store";
import type { Actor, DurableHandler, PluginOrganization } from "@/core/plugins/types";
import { retryDelayMs } from "./outbox-backoff";
import { EventPayloadError, validatePayload } from "./validate";

export type DeliverOptions = {
  /** Rows claimed at once (default 50). */
  limit?: number;
  /** How long a claim holds its rows (default 5 minutes). */
  leaseMs?: number;
  /** Longest a handler may run before its attempt counts as failed (default 60 s). */
  handlerTimeoutMs?: number;
  /** Handlers run in parallel within the batch (default 4). */
  concurrency?: number;
  /** Only rows of these organizations (targeted redelivery, tests). Default: all. */
  organizationIds?: string[];
};

export type DeliveryCounts = {
  claimed: number;
  delivered: number;
  /** Failed, to be tried again later. */
  retried: number;
  /** Failed for the last time (or the payload no longer matches its schema). */
  failed: number;
  skipped: number;
  /** Claimed but not started before the lease ran short: back to the queue at once. */
  released: number;
  /** Outcome not recorded because the lease had expired and the row was claimed again meanwhile. */
  leaseLost: number;
};

/** The lifecycle of an outbox row: pending -> delivered | failed | skipped (failed and skipped keep lastError). */
export type OutboxStatus = "pending" | "delivered" | "failed" | "skipped";

type ClaimedRow = {
  id: bigint;
  eventId: string;
  organizationId: string;
  eventName: string;
  handlerKey: string;
  payload: unknown;
  actor: Actor;
  attempts: number;
  maxAttempts: number;
  lockedUntil: Date;
};

type Outcome =
  | { kind: "delivered" }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; error: string; permanent?: boolean };

const SAFETY_MARGIN_MS = 5_000;
const MAX_ERROR_LENGTH = 4_000;

export async function deliverOutboxBatch(options: DeliverOptions = {}): Promise<DeliveryCounts> {
  const limit = Math.max(1, Math.floor(options.limit ?? 50));
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 60_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  if (leaseMs < handlerTimeoutMs + 2 * SAFETY_MARGIN_MS) {
    throw new Error(`deliverOutboxBatch: leaseMs (${leaseMs}) must exceed handlerTimeoutMs (${handlerTimeoutMs}) by at least ${2 * SAFETY_MARGIN_MS} ms`);
  }
  // Before claiming anything: without a registry every row would be "skipped" (plugin not installed).
  installedPluginIds();

  const counts: DeliveryCounts = { claimed: 0, delivered: 0, retried: 0, failed: 0, skipped: 0, released: 0, leaseLost: 0 };
  const rows = await claim(limit, leaseMs, options.organizationIds);
  counts.claimed = rows.length;
  if (rows.length === 0) return counts;
  const claimedAt = Date.now();
  let lookup: Lookup;
  try {
    lookup = await loadContext(rows);
  } catch (err) {
    // Nothing ran: hand the rows back now rather than leave them leased for leaseMs.
    await release(rows).catch((e: unknown) => log.error("outbox.release_failed", { err: e }));
    throw err;
  }

  const queue = [...rows];
  const unstarted: ClaimedRow[] = [];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      if (Date.now() - claimedAt + handlerTimeoutMs + SAFETY_MARGIN_MS > leaseMs) {
        unstarted.push(row, ...queue.splice(0));
        return;
      }
      const outcome = await deliverOne(row, lookup, handlerTimeoutMs);
      try {
        const recorded = await record(row, outcome);
        if (recorded) counts[recorded]++;
        else {
          counts.leaseLost++;
          log.warn("outbox.lease_lost", { outboxId: row.id, handlerKey: row.handlerKey, eventId: row.eventId });
        }
      } catch (err) {
        // The row stays leased; when the lease expires it is claimed and delivered again.
        log.error("outbox.record_failed", { err, outboxId: row.id, handlerKey: row.handlerKey, eventId: row.eventId, outcome: outcome.kind });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
  if (unstarted.length) counts.released = await release(unstarted);
  return counts;
}

async function claim(limit: number, leaseMs: number, organizationIds?: string[]): Promise<ClaimedRow[]> {
  const onlyOrgs = organizationIds ? Prisma.sql`AND "organizationId" = ANY(${organizationIds}::uuid[])` : Prisma.empty;
  // One statement, committed on its own: the CTE locks the due rows (skipping rows another claim is
  // locking right now), the UPDATE leases them. A claim that waited on our lock re-checks lockedUntil
  // against our committed lease and leaves the row alone.
  return rootDb().$queryRaw<ClaimedRow[]>`
    WITH due AS (
      SELECT id FROM event_outbox
      WHERE status = 'pending' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now()) ${onlyOrgs}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE event_outbox AS e SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond'
    FROM due WHERE e.id = due.id
    RETURNING e.id, e."eventId"::text AS "eventId", e."organizationId"::text AS "organizationId", e."eventName", e."handlerKey",
              e.payload, e.actor, e.attempts, e."maxAttempts", e."lockedUntil"`;
}

type Lookup = { organizations: Map<string, PluginOrganization>; enabled: Set<string> };

/** The organizations of the batch and which of the batch's plugins are enabled where: two queries. */
async function loadContext(rows: ClaimedRow[]): Promise<Lookup> {
  const orgIds = [...new Set(rows.map((r) => r.organizationId))];
  const pluginIds = [...new Set(rows.map((r) => splitKey(r.handlerKey).pluginId))];
  const [orgs, installs] = await Promise.all([
    rootDb().organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, slug: true, timezone: true, currency: true, locale: true } }),
    rootDb().pluginInstallation.findMany({ where: { organizationId: { in: orgIds }, pluginId: { in: pluginIds }, enabled: true }, select: { organizationId: true, pluginId: true } }),
  ]);
  return {
    organizations: new Map(orgs.map((o) => [o.id, o])),
    enabled: new Set(installs.map((i) => `${i.organizationId}/${i.pluginId}`)),
  };
}

function splitKey(key: string): { pluginId: string; handlerId: string } {
  const at = key.indexOf(":");
  return at < 0 ? { pluginId: key, handlerId: "" } : { pluginId: key.slice(0, at), handlerId: key.slice(at + 1) };
}

async function deliverOne(row: ClaimedRow, lookup: Lookup, timeoutMs: number): Promise<Outcome> {
  const { pluginId, handlerId } = splitKey(row.handlerKey);
  let handler: DurableHandler | undefined;
  try {
    const plugin = await getPlugin(pluginId);
    if (!plugin) return { kind: "skipped", reason: `Plugin "${pluginId}" is not installed` };
    handler = plugin.handlers?.durable?.find((h) => h.id === handlerId);
  } catch (err) {
    // A manifest that fails to load is a deployment problem, not a reason to drop the event.
    return { kind: "error", error: `Could not load plugin "${pluginId}": ${message(err)}` };
  }
  if (!handler) return { kind: "skipped", reason: `Plugin "${pluginId}" no longer declares the durable handler "${handlerId}"` };
  if (handler.event.name !== row.eventName) return { kind: "skipped", reason: `Handler ${row.handlerKey} now handles ${handler.event.name}, not ${row.eventName}` };
  if (!lookup.enabled.has(`${row.organizationId}/${pluginId}`) && !handler.whileDisabled) {
    return { kind: "skipped", reason: `Plugin "${pluginId}" is not enabled for the organization` };
  }
  const organization = lookup.organizations.get(row.organizationId);
  if (!organization) return { kind: "skipped", reason: "The organization no longer exists" };

  let payload: unknown;
  try {
    payload = validatePayload(handler.event, row.payload);
  } catch (err) {
    // The same bytes will not pass next time either: fail now rather than retry for hours.
    if (err instanceof EventPayloadError) return { kind: "error", error: `${err.message} (the event schema changed since it was emitted)`, permanent: true };
    return { kind: "error", error: message(err) };
  }
  const h = handler;
  try {
    await withTimeout(
      Promise.resolve().then(() => h.handle(payload, { organization, actor: row.actor, origin: {}, eventId: row.eventId, settings: settingsAccess(pluginId, organization.id) })),
      timeoutMs,
    );
    return { kind: "delivered" };
  } catch (err) {
    return { kind: "error", error: message(err) };
  }
}

/** Stores the outcome if our lease still holds; returns the counter to bump, or null when it did not. */
async function record(row: ClaimedRow, outcome: Outcome): Promise<keyof DeliveryCounts | null> {
  const db = rootDb();
  const ours = Prisma.sql`id = ${row.id} AND "lockedUntil" = ${row.lockedUntil}::timestamptz`;
  if (outcome.kind === "delivered") {
    const n = await db.$executeRaw`
      UPDATE event_outbox SET status = 'delivered', "deliveredAt" = now(), attempts = attempts + 1, "lockedUntil" = NULL, "lastError" = NULL
      WHERE ${ours}`;
    return n ? "delivered" : null;
  }
  if (outcome.kind === "skipped") {
    log.info("outbox.skipped", { outboxId: row.id, handlerKey: row.handlerKey, eventId: row.eventId, reason: outcome.reason });
    const n = await db.$executeRaw`
      UPDATE event_outbox SET status = 'skipped', "lockedUntil" = NULL, "lastError" = ${outcome.reason}
      WHERE ${ours}`;
    return n ? "skipped" : null;
  }
  const attempts = row.attempts + 1;
  const final = outcome.permanent || attempts >= row.maxAttempts;
  const error = outcome.error.slice(0, MAX_ERROR_LENGTH);
  const fields = { outboxId: row.id, handlerKey: row.handlerKey, eventId: row.eventId, organizationId: row.organizationId, attempts, error };
  if (final) {
    log.error("outbox.failed", fields);
    const n = await db.$executeRaw`
      UPDATE event_outbox SET status = 'failed', attempts = ${attempts}, "lockedUntil" = NULL, "lastError" = ${error}
      WHERE ${ours}`;
    return n ? "failed" : null;
  }
  const delayMs = retryDelayMs(attempts);
  log.warn("outbox.retry", { ...fields, retryInMs: delayMs });
  const n = await db.$executeRaw`
    UPDATE event_outbox SET attempts = ${attempts}, "lockedUntil" = NULL, "lastError" = ${error},
           "nextAttemptAt" = now() + ${delayMs} * interval '1 millisecond'
    WHERE ${ours}`;
  return n ? "retried" : null;
}

/** Gives unstarted rows of one claim back to the queue (they keep their attempts and schedule). */
async function release(rows: ClaimedRow[]): Promise<number> {
  return rootDb().$executeRaw`
    UPDATE event_outbox SET "lockedUntil" = NULL
    WHERE id = ANY(${rows.map((r) => r.id)}::bigint[]) AND "lockedUntil" = ${rows[0]!.lockedUntil}::timestamptz`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms (the handler may still finish; delivery will be retried)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
