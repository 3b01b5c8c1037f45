// Writing outbox rows inside the caller's transaction. One row per (event, subscribed durable handler);
// they commit or roll back with the change itself, which is the whole point of the outbox.
import { Prisma } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import type { Actor } from "@/core/plugins/types";

export type OutboxRow = {
  eventId: string;
  organizationId: string;
  eventName: string;
  handlerKey: string;
  /** The validated payload: JSON data (see define-event.ts). */
  payload: unknown;
  actor: Actor;
  maxAttempts: number;
};

/** A few rows (one event): Prisma's createMany, one INSERT. */
export async function writeOutboxRows(tx: TxClient, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.eventOutbox.createMany({
    data: rows.map((r) => ({ ...r, payload: r.payload as Prisma.InputJsonValue, actor: r.actor as Prisma.InputJsonValue })),
  });
}

/**
 * Many rows (a bulk write): ONE `INSERT ... SELECT FROM unnest(...)` with seven array parameters,
 * whatever the row count. createMany would split 10,000 rows into several statements at PostgreSQL's
 * 32,767 bind-parameter limit and spend about 0.3 ms per row building them (measured: 3.5 s against
 * 0.5 s for this statement), which matters inside a transaction that holds row locks.
 */
export async function insertOutboxRowsBulk(tx: TxClient, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO event_outbox ("eventId", "organizationId", "eventName", "handlerKey", payload, actor, "maxAttempts")
    SELECT * FROM unnest(
      ${rows.map((r) => r.eventId)}::uuid[],
      ${rows.map((r) => r.organizationId)}::uuid[],
      ${rows.map((r) => r.eventName)}::text[],
      ${rows.map((r) => r.handlerKey)}::text[],
      ${rows.map((r) => JSON.stringify(r.payload))}::jsonb[],
      ${rows.map((r) => JSON.stringify(r.actor))}::jsonb[],
      ${rows.map((r) => r.maxAttempts)}::int[]
    )`;
}
