// Emitting events inside the transaction of a change.
//
//   await emit(tx, { organization, actor }, patientCreated, { ... })      // one event
//   await emitMany(tx, { organization, actor }, appointmentUpdated, rows)  // a bulk write
//
// Both validate the payload against the event's zod schema (a bad payload throws EventPayloadError
// naming the event and the field — inside the transaction, so the change is rolled back), give each
// event a uuid, then:
//   1. run the in-transaction handlers of the plugins ENABLED for the organization (read through `tx`,
//      so the answer is consistent with the change), in plugin-id order, one after another. A handler
//      that throws aborts the change: the error propagates as EventHandlerError and the caller's
//      transaction rolls back, including every outbox row written so far.
//   2. write one event_outbox row per subscribed durable handler, in the same transaction: delivered
//      after commit by core/events/outbox.ts; a rolled-back change leaves no row, so nothing is
//      delivered for it. Call kickOutbox() after the commit to have it delivered at once.
// When no installed plugin subscribes to the event, emitting costs no database statement at all.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { ScopedDb } from "@/core/db/scoped";
import type { TxClient } from "@/core/db/tx";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { settingsAccess } from "@/core/plugins/settings/store";
import type { Actor, EventOrigin, PluginOrganization } from "@/core/plugins/types";
import type { EventDefinition } from "./define-event";
import { markOutboxPending } from "./outbox-signal";
import { insertOutboxRowsBulk, writeOutboxRows, type OutboxRow } from "./outbox-write";
import { handlerKey, subscribersOf, type Subscribers } from "./subscriptions";
import { validatePayload, validatePayloads } from "./validate";

export { EventPayloadError } from "./validate";

/**
 * Who emits, for which organization, and optionally where from (write path, request id, IP, import).
 * The actor is stored with every outbox row; in-transaction handlers also get the origin.
 */
export type EmitMeta = { organization: PluginOrganization; actor: Actor; origin?: EventOrigin };

// The transaction client of `ctx.db.$transaction(...)`: an organization-scoped Prisma extension whose
// model methods are not structurally assignable to Prisma.TransactionClient, although they are the
// same calls at run time. Accepting it here saves every caller a cast; handlers receive it typed as
// TxClient and, when it is a scoped one, their queries on organization-owned models stay scoped.
type ScopedTransactionFn = Extract<Parameters<ScopedDb["$transaction"]>[0], (...args: never[]) => unknown>;
export type ScopedTx = Parameters<ScopedTransactionFn>[0];
export type EventTx = TxClient | ScopedTx;

/** Default delivery attempts of a durable handler without `retries`: 1 + 4 retries. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** An in-transaction handler threw: the change is being rolled back. `cause` is the handler's error. */
export class EventHandlerError extends Error {
  override readonly name = "EventHandlerError";
  constructor(
    readonly pluginId: string,
    readonly eventName: string,
    override readonly cause: unknown,
  ) {
    super(`Plugin "${pluginId}" failed handling ${eventName}, so the change was not saved: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Whether `err` is an EventHandlerError — also one thrown by another copy of this module: the
 * production server's API router (server/api-router.ts) is loaded apart from Next's bundle and calls
 * the plugin handlers of the build, whose errors are instances of the bundle's class, not this one.
 */
export function isEventHandlerError(err: unknown): err is EventHandlerError {
  if (err instanceof EventHandlerError) return true;
  const e = err as Partial<EventHandlerError> | null;
  return e instanceof Error && e.name === "EventHandlerError" && typeof e.pluginId === "string" && typeof e.eventName === "string";
}

/** Emits one event in `tx`. Returns its id (the same id the durable handlers will receive). */
export async function emit<E extends EventDefinition>(tx: EventTx, meta: EmitMeta, event: E, payload: z.input<E["schema"]>): Promise<{ eventId: string }> {
  requireTransaction(tx, event.name);
  const data = validatePayload(event, payload);
  const eventId = randomUUID();
  const db = tx as TxClient;
  const subs = await activeSubscribers(db, meta.organization.id, event.name);
  for (const { pluginId, handler } of subs.inTransaction) {
    await guarded(pluginId, event.name, () =>
      handler.handle(data, { tx: db, organization: meta.organization, actor: meta.actor, origin: meta.origin ?? {}, eventId, settings: settingsAccess(pluginId, meta.organization.id, db) }),
    );
  }
  if (subs.durable.length > 0) {
    await writeOutboxRows(db, subs.durable.map(({ pluginId, handler }) => outboxRow(meta, event.name, eventId, data, pluginId, handler)));
    markOutboxPending();
  }
  return { eventId };
}

/**
 * Emits one event per payload — for bulk writes. One validation pass over all payloads (nothing runs
 * if any is invalid), one enabled-plugins query, and the outbox rows of all events in ONE insert, so a
 * 10,000-row update costs a few statements. In-transaction handlers with a `handleMany` get all events
 * in one call; the others get `handle` once per payload, in payload order.
 */
export async function emitMany<E extends EventDefinition>(
  tx: EventTx,
  meta: EmitMeta,
  event: E,
  payloads: readonly z.input<E["schema"]>[],
): Promise<{ eventIds: string[] }> {
  requireTransaction(tx, event.name);
  if (payloads.length === 0) return { eventIds: [] };
  const data = validatePayloads(event, payloads);
  const eventIds = data.map(() => randomUUID());
  const db = tx as TxClient;
  const subs = await activeSubscribers(db, meta.organization.id, event.name);
  for (const { pluginId, handler } of subs.inTransaction) {
    const base = { tx: db, organization: meta.organization, actor: meta.actor, origin: meta.origin ?? {}, settings: settingsAccess(pluginId, meta.organization.id, db) };
    await guarded(pluginId, event.name, async () => {
      if (handler.handleMany) {
        await handler.handleMany(data.map((payload, i) => ({ eventId: eventIds[i]!, payload })), base);
      } else {
        for (let i = 0; i < data.length; i++) await handler.handle(data[i], { ...base, eventId: eventIds[i]! });
      }
    });
  }
  if (subs.durable.length > 0) {
    const rows: OutboxRow[] = [];
    for (let i = 0; i < data.length; i++) {
      for (const { pluginId, handler } of subs.durable) rows.push(outboxRow(meta, event.name, eventIds[i]!, data[i], pluginId, handler));
    }
    await insertOutboxRowsBulk(db, rows);
    markOutboxPending();
  }
  return { eventIds };
}

/**
 * Whether emitting `event` for the organization would reach any handler (in-transaction or durable).
 * For set-based writers that build payloads only when someone listens: a million-row import must not
 * turn every row into an event record nobody receives.
 */
export async function hasSubscribers(tx: EventTx, organizationId: string, event: EventDefinition): Promise<boolean> {
  const subs = await activeSubscribers(tx as TxClient, organizationId, event.name);
  return subs.inTransaction.length > 0 || subs.durable.length > 0;
}

/** Subscribers of installed plugins, narrowed to those enabled for the organization (read in `tx`). */
async function activeSubscribers(tx: TxClient, organizationId: string, eventName: string): Promise<Subscribers> {
  const all = await subscribersOf(eventName);
  if (all.inTransaction.length === 0 && all.durable.length === 0) return all;
  const enabled = await enabledPluginIds(organizationId, tx);
  return {
    inTransaction: all.inTransaction.filter((s) => enabled.has(s.pluginId)),
    durable: all.durable.filter((s) => enabled.has(s.pluginId) || s.handler.whileDisabled === true),
  };
}

/**
 * A client (rootDb(), ctx.db) type-checks as a transaction client, but emitting through one would run
 * "in-transaction" handlers and write outbox rows outside the change's transaction — exactly the
 * atomicity events promise. Prisma strips $connect from transaction clients (and only from them).
 */
function requireTransaction(tx: EventTx, eventName: string) {
  if (typeof (tx as { $connect?: unknown }).$connect === "function") {
    throw new Error(`emit(${eventName}) needs the transaction of the change: db.$transaction(async (tx) => { ...; await emit(tx, ...) })`);
  }
}

async function guarded(pluginId: string, eventName: string, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (err) {
    // Wrapped so the caller cannot mistake a plugin's failure for its own (a unique violation in a
    // handler must not be reported as "duplicate medical record number").
    throw new EventHandlerError(pluginId, eventName, err);
  }
}

export function outboxRow(meta: EmitMeta, eventName: string, eventId: string, payload: unknown, pluginId: string, handler: { id: string; retries?: number }): OutboxRow {
  const retries = handler.retries ?? DEFAULT_MAX_ATTEMPTS - 1;
  if (!Number.isInteger(retries) || retries < 0) throw new Error(`Durable handler ${handlerKey(pluginId, handler.id)}: retries must be a non-negative integer`);
  return {
    eventId,
    organizationId: meta.organization.id,
    eventName,
    handlerKey: handlerKey(pluginId, handler.id),
    payload,
    actor: meta.actor,
    maxAttempts: retries + 1,
  };
}
