// Stock changes. adjustStock is one UPDATE ... SET quantity = quantity + delta with the "never below
// zero, never above MAX_QUANTITY" rule on the resulting quantity in its WHERE clause (computed as
// bigint, so even an item stored above the limit before the rule existed cannot overflow the
// column): concurrent adjustments of one item serialize on the row lock and each applies to the
// latest quantity, so none is lost (64 concurrent API calls end at the exact sum).
// In the same transaction: the adjustment row, the threshold crossing (open or resolve the alert) and
// the events. If anything fails, nothing of it is written.
import type { EmitMeta, EventTx } from "@/core/events/emit";
import { emit } from "@/core/events/emit";
import { isUuid } from "@/core/db/ids";
import { itemRestocked, lowStockDetected, stockAdjusted } from "../events";
import { itemLabel } from "./records";
import { MAX_QUANTITY } from "./schema";
import { formatQuantity } from "../components/quantity";

export type StockSource = "form" | "api" | "bulk" | "import" | "job" | "purchase_order";

export type AdjustOptions = {
  delta: number;
  reason: string | null;
  source: StockSource;
  userId?: string | null;
  apiTokenId?: string | null;
};

export type AdjustResult =
  | { ok: true; itemId: string; adjustmentId: string; oldQuantity: number; newQuantity: number; delta: number; lowStock: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "insufficient" | "over_limit"; quantity: number; message: string };

/**
 * Why an adjustment of an existing item was refused, from the quantity it has now: below zero
 * ("insufficient") or above MAX_QUANTITY ("over_limit"). Nothing was changed in either case.
 */
export function refusal(current: { quantity: number; unit: string }, delta: number): Extract<AdjustResult, { reason: "insufficient" | "over_limit" }> {
  const result = current.quantity + delta;
  if (result < 0) {
    return { ok: false, reason: "insufficient", quantity: current.quantity, message: `Only ${formatQuantity(current.quantity, current.unit)} in stock: cannot remove ${-delta}. The quantity never goes below zero.` };
  }
  const fmt = (n: number) => n.toLocaleString("en-US");
  return {
    ok: false,
    reason: "over_limit",
    quantity: current.quantity,
    message: `${formatQuantity(current.quantity, current.unit)} in stock: adding ${fmt(delta)} would make ${fmt(result)}, more than the largest quantity allowed, ${fmt(MAX_QUANTITY)}.`,
  };
}

export async function adjustStock(tx: EventTx, meta: EmitMeta, itemId: string, opts: AdjustOptions): Promise<AdjustResult> {
  if (!isUuid(itemId)) return { ok: false, reason: "not_found" };
  const organizationId = meta.organization.id;
  const rows = await tx.$queryRaw<Array<{ oldQuantity: number; newQuantity: number; reorderThreshold: number; name: string; sku: string }>>`
    UPDATE inventory_items SET quantity = quantity + ${opts.delta}, "updatedAt" = now()
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${itemId}::uuid AND quantity::bigint + ${opts.delta}::int BETWEEN 0 AND ${MAX_QUANTITY}
    RETURNING quantity - ${opts.delta} AS "oldQuantity", quantity AS "newQuantity", "reorderThreshold", name, sku`;
  const row = rows[0];
  if (!row) {
    const [current] = await tx.$queryRaw<Array<{ quantity: number; unit: string }>>`
      SELECT quantity, unit FROM inventory_items WHERE "organizationId" = ${organizationId}::uuid AND id = ${itemId}::uuid`;
    if (!current) return { ok: false, reason: "not_found" };
    return refusal(current, opts.delta);
  }
  const [adjustment] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "userId", "apiTokenId")
    VALUES (gen_random_uuid(), ${organizationId}::uuid, ${itemId}::uuid, ${opts.delta}, ${row.oldQuantity}, ${row.newQuantity}, ${opts.reason},
            ${opts.source}, ${opts.userId ?? null}::uuid, ${opts.apiTokenId ?? null}::uuid)
    RETURNING id::text AS id`;
  const label = itemLabel(row);
  await emit(tx, meta, stockAdjusted, {
    itemId,
    label,
    adjustmentId: adjustment!.id,
    oldQuantity: row.oldQuantity,
    newQuantity: row.newQuantity,
    delta: opts.delta,
    reason: opts.reason,
    source: opts.source,
  });
  await applyCrossing(tx, meta, { itemId, label, oldQuantity: row.oldQuantity, newQuantity: row.newQuantity, oldThreshold: row.reorderThreshold, newThreshold: row.reorderThreshold });
  return {
    ok: true,
    itemId,
    adjustmentId: adjustment!.id,
    oldQuantity: row.oldQuantity,
    newQuantity: row.newQuantity,
    delta: opts.delta,
    lowStock: row.newQuantity < row.reorderThreshold,
  };
}

export type Crossing = { itemId: string; label: string; oldQuantity: number; newQuantity: number; oldThreshold: number; newThreshold: number };

/**
 * Low stock is `quantity < threshold`. Crossing into it opens one alert (the unique open-alert index
 * makes a second one impossible) and emits inventory.stock.low_detected; crossing out of it resolves
 * the open alert and emits inventory.stock.restocked. Staying low (or staying fine) does nothing, so
 * a run of small withdrawals does not mail the team each time.
 */
export async function applyCrossing(tx: EventTx, meta: EmitMeta, c: Crossing): Promise<"low" | "restocked" | null> {
  const wasLow = c.oldQuantity < c.oldThreshold;
  const isLow = c.newQuantity < c.newThreshold;
  const organizationId = meta.organization.id;
  if (!wasLow && isLow) {
    const [alert] = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO inventory_stock_alerts (id, "organizationId", "itemId", "openItemId", quantity, threshold)
      VALUES (gen_random_uuid(), ${organizationId}::uuid, ${c.itemId}::uuid, ${c.itemId}::uuid, ${c.newQuantity}, ${c.newThreshold})
      ON CONFLICT ("organizationId", "openItemId") DO NOTHING
      RETURNING id::text AS id`;
    if (!alert) return null; // already open (e.g. opened by the nightly check)
    await emit(tx, meta, lowStockDetected, { itemId: c.itemId, label: c.label, quantity: c.newQuantity, threshold: c.newThreshold, alertId: alert.id });
    return "low";
  }
  if (wasLow && !isLow) {
    const [alert] = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE inventory_stock_alerts SET status = 'resolved', "openItemId" = NULL, "resolvedAt" = now()
      WHERE "organizationId" = ${organizationId}::uuid AND "openItemId" = ${c.itemId}::uuid
      RETURNING id::text AS id`;
    await emit(tx, meta, itemRestocked, { itemId: c.itemId, label: c.label, oldQuantity: c.oldQuantity, newQuantity: c.newQuantity, alertId: alert?.id ?? null });
    return "restocked";
  }
  return null;
}
