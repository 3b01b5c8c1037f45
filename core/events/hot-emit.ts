// Emitting events from a hot path's plain `pg` transaction (core/db/pg.ts) instead of a Prisma one.
// In-transaction handlers receive a Prisma transaction client, which a `pg` transaction cannot give
// them, so a hot path asks first — `needsPrismaTransaction` — and takes its Prisma path whenever an
// enabled plugin handles one of its events in-transaction (e.g. the audit plugin). Otherwise the
// events cost what emit() costs without such handlers: payload validation and, for durable handlers,
// outbox rows written in the same transaction (delivered after commit; gone if it rolls back).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { hotStatement, type HotClient } from "@/core/db/pg";
import type { EventDefinition } from "./define-event";
import { outboxRow, type EmitMeta } from "./emit";
import { markOutboxPending } from "./outbox-signal";
import { subscribersOf } from "./subscriptions";
import { validatePayload } from "./validate";

/** Thrown inside a hot transaction when an in-transaction handler turned out to be enabled: roll back and take the Prisma path. */
export class NeedsPrismaTransaction extends Error {
  override readonly name = "NeedsPrismaTransaction";
}

/** Whether any plugin in `enabledPluginIds` handles one of `events` in-transaction. */
export async function needsPrismaTransaction(events: readonly EventDefinition[], enabledPluginIds: ReadonlySet<string>): Promise<boolean> {
  for (const event of events) {
    const subs = await subscribersOf(event.name);
    if (subs.inTransaction.some((s) => enabledPluginIds.has(s.pluginId))) return true;
  }
  return false;
}

/**
 * emit() for a `pg` transaction. `enabledPluginIds` must be read in the same transaction (as emit
 * reads them through its tx), so the outbox rows match the plugins enabled when the change commits.
 * Throws NeedsPrismaTransaction when an enabled plugin handles the event in-transaction.
 */
export async function emitInHotTransaction<E extends EventDefinition>(
  client: HotClient,
  enabledPluginIds: ReadonlySet<string>,
  meta: EmitMeta,
  event: E,
  payload: z.input<E["schema"]>,
): Promise<{ eventId: string }> {
  const data = validatePayload(event, payload);
  const eventId = randomUUID();
  const subs = await subscribersOf(event.name);
  if (subs.inTransaction.some((s) => enabledPluginIds.has(s.pluginId))) throw new NeedsPrismaTransaction(`${event.name} has an in-transaction handler`);
  const durable = subs.durable.filter((s) => enabledPluginIds.has(s.pluginId) || s.handler.whileDisabled === true);
  if (durable.length === 0) return { eventId };
  const rows = durable.map(({ pluginId, handler }) => outboxRow(meta, event.name, eventId, data, pluginId, handler));
  await client.query(
    hotStatement(
      "ritiko_hot_outbox_insert",
      `INSERT INTO event_outbox ("eventId", "organizationId", "eventName", "handlerKey", payload, actor, "maxAttempts")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::int[])`,
      [
        rows.map((r) => r.eventId),
        rows.map((r) => r.organizationId),
        rows.map((r) => r.eventName),
        rows.map((r) => r.handlerKey),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => JSON.stringify(r.actor)),
        rows.map((r) => r.maxAttempts),
      ],
    ),
  );
  markOutboxPending();
  return { eventId };
}
