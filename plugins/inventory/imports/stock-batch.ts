// Quantity changes of many items at once, as an import (or its undo) makes them: the adjustment rows
// (one INSERT ... SELECT FROM unnest), inventory.stock.adjusted events, and the low-stock crossing rules
// of items/stock.ts applyCrossing for every item in two statements (open alerts, resolve alerts) and
// one emitMany per event type. Behaviour is the single-item one, row for row: crossing into low stock
// opens one alert (the unique open-alert index makes a second impossible; an already open one emits
// nothing), crossing out resolves it and emits restocked (alertId null when none was open).
import type { EmitMeta, EventTx } from "@/core/events/emit";
import { emitMany } from "@/core/events/emit";
import { itemRestocked, lowStockDetected, stockAdjusted } from "../events";
import { itemLabel } from "../items/records";
import type { StockSource } from "../items/stock";

/** One item's change: quantities and thresholds before and after. */
export type QuantityChange = {
  itemId: string;
  name: string;
  sku: string;
  oldQuantity: number;
  newQuantity: number;
  oldThreshold: number;
  newThreshold: number;
};

function who(meta: EmitMeta): { userId: string | null; apiTokenId: string | null } {
  if (meta.actor.type === "user") return { userId: meta.actor.id, apiTokenId: null };
  if (meta.actor.type === "api_token") return { userId: meta.actor.userId, apiTokenId: meta.actor.id };
  return { userId: null, apiTokenId: null };
}

/**
 * Writes one adjustment row per change whose quantity moved, emits stock adjusted for each, then
 * applies the crossing rules to every change (a threshold edit alone can cross too, as in updateItem).
 */
export async function recordQuantityChanges(
  tx: EventTx,
  meta: EmitMeta,
  changes: QuantityChange[],
  opts: { reason: string; source: StockSource },
): Promise<void> {
  const organizationId = meta.organization.id;
  const moved = changes.filter((c) => c.oldQuantity !== c.newQuantity);
  if (moved.length > 0) {
    const { userId, apiTokenId } = who(meta);
    const rows = await tx.$queryRawUnsafe<Array<{ id: string; itemId: string }>>(
      `INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "userId", "apiTokenId")
       SELECT gen_random_uuid(), $1::uuid, t.item, t.new - t.old, t.old, t.new, $5, $6, $7::uuid, $8::uuid
       FROM unnest($2::uuid[], $3::int[], $4::int[]) AS t(item, old, new)
       RETURNING id::text AS id, "itemId"::text AS "itemId"`,
      organizationId,
      moved.map((c) => c.itemId),
      moved.map((c) => c.oldQuantity),
      moved.map((c) => c.newQuantity),
      opts.reason,
      opts.source,
      userId,
      apiTokenId,
    );
    const adjustmentOf = new Map(rows.map((r) => [r.itemId, r.id]));
    await emitMany(
      tx,
      meta,
      stockAdjusted,
      moved.map((c) => ({
        itemId: c.itemId,
        label: itemLabel(c),
        adjustmentId: adjustmentOf.get(c.itemId)!,
        oldQuantity: c.oldQuantity,
        newQuantity: c.newQuantity,
        delta: c.newQuantity - c.oldQuantity,
        reason: opts.reason,
        source: opts.source,
      })),
    );
  }
  await applyCrossings(tx, meta, changes);
}

/** items/stock.ts applyCrossing for many items: low = quantity < threshold, before vs after. */
export async function applyCrossings(tx: EventTx, meta: EmitMeta, changes: QuantityChange[]): Promise<{ low: number; restocked: number }> {
  const organizationId = meta.organization.id;
  const intoLow = changes.filter((c) => !(c.oldQuantity < c.oldThreshold) && c.newQuantity < c.newThreshold);
  const outOfLow = changes.filter((c) => c.oldQuantity < c.oldThreshold && !(c.newQuantity < c.newThreshold));
  let low = 0;
  if (intoLow.length > 0) {
    const opened = await tx.$queryRawUnsafe<Array<{ id: string; itemId: string }>>(
      `INSERT INTO inventory_stock_alerts (id, "organizationId", "itemId", "openItemId", quantity, threshold)
       SELECT gen_random_uuid(), $1::uuid, t.item, t.item, t.q, t.th FROM unnest($2::uuid[], $3::int[], $4::int[]) AS t(item, q, th)
       ON CONFLICT ("organizationId", "openItemId") DO NOTHING
       RETURNING id::text AS id, "itemId"::text AS "itemId"`,
      organizationId,
      intoLow.map((c) => c.itemId),
      intoLow.map((c) => c.newQuantity),
      intoLow.map((c) => c.newThreshold),
    );
    // Items whose alert was already open (e.g. by the nightly check) emit nothing, as applyCrossing.
    const alertOf = new Map(opened.map((r) => [r.itemId, r.id]));
    const detected = intoLow.filter((c) => alertOf.has(c.itemId));
    await emitMany(
      tx,
      meta,
      lowStockDetected,
      detected.map((c) => ({ itemId: c.itemId, label: itemLabel(c), quantity: c.newQuantity, threshold: c.newThreshold, alertId: alertOf.get(c.itemId)! })),
    );
    low = detected.length;
  }
  if (outOfLow.length > 0) {
    const resolved = await tx.$queryRawUnsafe<Array<{ id: string; itemId: string }>>(
      `UPDATE inventory_stock_alerts SET status = 'resolved', "openItemId" = NULL, "resolvedAt" = now()
       WHERE "organizationId" = $1::uuid AND "openItemId" = ANY($2::uuid[])
       RETURNING id::text AS id, "itemId"::text AS "itemId"`,
      organizationId,
      outOfLow.map((c) => c.itemId),
    );
    const alertOf = new Map(resolved.map((r) => [r.itemId, r.id]));
    await emitMany(
      tx,
      meta,
      itemRestocked,
      outOfLow.map((c) => ({ itemId: c.itemId, label: itemLabel(c), oldQuantity: c.oldQuantity, newQuantity: c.newQuantity, alertId: alertOf.get(c.itemId) ?? null })),
    );
  }
  return { low, restocked: outOfLow.length };
}
