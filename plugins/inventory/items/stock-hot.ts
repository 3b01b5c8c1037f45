// The REST API's stock adjustment on the hot `pg` pool (core/db/pg.ts): the same change as
// adjustStock (items/stock.ts) — quantity never below zero, concurrent adjustments serialized on the
// item's row lock so none is lost, the adjustment row, the low-stock crossing (open one alert /
// resolve it) and the same events — as ONE statement plus BEGIN/COMMIT, because through Prisma the
// same transaction costs about 1.5 ms of Node CPU, more than the whole request may (README,
// Production). Events go through core/events/hot-emit.ts, which can write outbox rows but cannot run
// in-transaction handlers: when an enabled plugin has one for these events (the audit plugin), this
// returns null and the caller takes the Prisma path; the enabled plugins are read in the statement,
// so a plugin enabled a moment ago is never skipped.
//
// Most adjustments neither cross the threshold nor have anyone listening to inventory.stock.adjusted:
// then there is nothing to write but the item and its history row, and one statement in autocommit
// does it (QUICK_SQL: one round trip instead of BEGIN, statement, COMMIT — on this machine kind each
// round trip costs ~60 µs of Node CPU in socket calls). The statement itself refuses to apply when
// it would cross the threshold or when a plugin subscribed to the event is enabled at that moment;
// then no row comes back and the full transaction below runs instead.
import { hotPool, hotStatement, withHotTransaction } from "@/core/db/pg";
import type { EmitMeta } from "@/core/events/emit";
import { emitInHotTransaction, NeedsPrismaTransaction, needsPrismaTransaction } from "@/core/events/hot-emit";
import { isUuid } from "@/core/db/ids";
import { subscribersOf } from "@/core/events/subscriptions";
import { itemRestocked, lowStockDetected, stockAdjusted } from "../events";
import { itemLabel } from "./records";
import { MAX_QUANTITY } from "./schema";
import { refusal, type AdjustOptions, type AdjustResult } from "./stock";

export const STOCK_EVENTS = [stockAdjusted, lowStockDetected, itemRestocked] as const;

// $1 organization, $2 item, $3 delta, $4 reason, $5 source, $6 user, $7 API token. The alert CTE
// implements the first half of items/stock.ts applyCrossing: below the threshold after being at/above
// it opens an alert (the unique open-alert index makes a second one impossible: then no event, as
// there). The second half — at/above it after being below resolves the open alert — is RESOLVE_SQL,
// a statement of its own: a statement reads the table as of its start, and this one may start before
// it waits for the item's row lock, held by an adjustment that is opening the alert right then. After
// that one commits, a CTE here would not see its alert and would leave it open on a restocked item;
// the next statement does see it (reproduced: with a listener of stock.adjusted enabled, a restock
// queued behind the adjustment that crossed below left the alert open).
const ADJUST_SQL = `
WITH item AS (
  UPDATE inventory_items SET quantity = quantity + $3, "updatedAt" = now()
  WHERE "organizationId" = $1::uuid AND id = $2::uuid AND quantity::bigint + $3::int BETWEEN 0 AND ${MAX_QUANTITY}
  RETURNING quantity - $3 AS "oldQuantity", quantity AS "newQuantity", "reorderThreshold", name, sku
), adjustment AS (
  INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "userId", "apiTokenId")
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3, "oldQuantity", "newQuantity", $4, $5, $6::uuid, $7::uuid FROM item
  RETURNING id
), opened AS (
  INSERT INTO inventory_stock_alerts (id, "organizationId", "itemId", "openItemId", quantity, threshold)
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, $2::uuid, "newQuantity", "reorderThreshold" FROM item
  WHERE "oldQuantity" >= "reorderThreshold" AND "newQuantity" < "reorderThreshold"
  ON CONFLICT ("organizationId", "openItemId") DO NOTHING
  RETURNING id
)
SELECT item.*, (SELECT id::text FROM adjustment) AS "adjustmentId", (SELECT id::text FROM opened) AS "openedAlertId",
       ARRAY(SELECT "pluginId" FROM plugin_installations WHERE "organizationId" = $1::uuid AND enabled) AS "enabledPlugins"
FROM item`;

// $1 organization, $2 item: resolves the item's open alert (run after ADJUST_SQL, when it crossed back up).
const RESOLVE_SQL = `
UPDATE inventory_stock_alerts SET status = 'resolved', "openItemId" = NULL, "resolvedAt" = now()
WHERE "organizationId" = $1::uuid AND "openItemId" = $2::uuid
RETURNING id::text AS id`;

// $1-$7 as ADJUST_SQL; $8 the plugins with any handler of inventory.stock.adjusted.
const QUICK_SQL = `
WITH item AS (
  UPDATE inventory_items SET quantity = quantity + $3, "updatedAt" = now()
  WHERE "organizationId" = $1::uuid AND id = $2::uuid AND quantity::bigint + $3::int BETWEEN 0 AND ${MAX_QUANTITY}
    AND (quantity < "reorderThreshold") = (quantity::bigint + $3::int < "reorderThreshold")
    AND NOT EXISTS (SELECT 1 FROM plugin_installations p WHERE p."organizationId" = $1::uuid AND p.enabled AND p."pluginId" = ANY($8::text[]))
  RETURNING quantity - $3 AS "oldQuantity", quantity AS "newQuantity", "reorderThreshold"
), adjustment AS (
  INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "userId", "apiTokenId")
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3, "oldQuantity", "newQuantity", $4, $5, $6::uuid, $7::uuid FROM item
  RETURNING id
)
SELECT item.*, (SELECT id::text FROM adjustment) AS "adjustmentId" FROM item`;

/** Plugins listening to inventory.stock.adjusted, or null when one listens even while disabled (never quick then). */
async function adjustedListeners(): Promise<string[] | null> {
  const subs = await subscribersOf(stockAdjusted.name);
  if (subs.durable.some((s) => s.handler.whileDisabled === true)) return null;
  return [...new Set([...subs.inTransaction, ...subs.durable].map((s) => s.pluginId))];
}

type Row = {
  oldQuantity: number; newQuantity: number; reorderThreshold: number; name: string; sku: string;
  adjustmentId: string; openedAlertId: string | null; enabledPlugins: string[];
};

/**
 * Adjusts on the hot pool, or returns null when the Prisma path must do it (an enabled plugin
 * handles a stock event in-transaction). `enabledNow` is what the request already knows is enabled.
 */
export async function adjustStockHot(meta: EmitMeta, enabledNow: ReadonlySet<string>, itemId: string, opts: AdjustOptions): Promise<AdjustResult | null> {
  if (await needsPrismaTransaction(STOCK_EVENTS, enabledNow)) return null;
  if (!isUuid(itemId)) return { ok: false, reason: "not_found" };
  const organizationId = meta.organization.id;
  const values = [organizationId, itemId, opts.delta, opts.reason, opts.source, opts.userId ?? null, opts.apiTokenId ?? null];
  const listeners = await adjustedListeners();
  if (listeners) {
    const quick = await hotPool().query<{ oldQuantity: number; newQuantity: number; reorderThreshold: number; adjustmentId: string }>(
      hotStatement("inventory_adjust_stock_quick", QUICK_SQL, [...values, listeners]),
    );
    const row = quick.rows[0];
    if (row) {
      // inventory.stock.adjusted had no listener: emitting it would have done nothing.
      return { ok: true, itemId, adjustmentId: row.adjustmentId, oldQuantity: row.oldQuantity, newQuantity: row.newQuantity, delta: opts.delta, lowStock: row.newQuantity < row.reorderThreshold };
    }
  }
  try {
    return await withHotTransaction(async (client) => {
      const { rows } = await client.query<Row>(hotStatement("inventory_adjust_stock", ADJUST_SQL, values));
      const row = rows[0];
      if (!row) {
        const current = await client.query<{ quantity: number; unit: string }>(
          hotStatement("inventory_item_quantity", `SELECT quantity, unit FROM inventory_items WHERE "organizationId" = $1::uuid AND id = $2::uuid`, [organizationId, itemId]),
        );
        const c = current.rows[0];
        if (!c) return { ok: false, reason: "not_found" } as const;
        return refusal(c, opts.delta);
      }
      const enabled = new Set(row.enabledPlugins);
      const label = itemLabel(row);
      const { oldQuantity, newQuantity, reorderThreshold: threshold } = row;
      const restocked = oldQuantity < threshold && newQuantity >= threshold;
      const resolved = restocked
        ? (await client.query<{ id: string }>(hotStatement("inventory_resolve_alert", RESOLVE_SQL, [organizationId, itemId]))).rows[0]
        : undefined;
      await emitInHotTransaction(client, enabled, meta, stockAdjusted, {
        itemId, label, adjustmentId: row.adjustmentId, oldQuantity, newQuantity, delta: opts.delta, reason: opts.reason, source: opts.source,
      });
      if (row.openedAlertId) {
        await emitInHotTransaction(client, enabled, meta, lowStockDetected, { itemId, label, quantity: newQuantity, threshold, alertId: row.openedAlertId });
      } else if (restocked) {
        await emitInHotTransaction(client, enabled, meta, itemRestocked, { itemId, label, oldQuantity, newQuantity, alertId: resolved?.id ?? null });
      }
      return { ok: true, itemId, adjustmentId: row.adjustmentId, oldQuantity, newQuantity, delta: opts.delta, lowStock: newQuantity < threshold } as const;
    });
  } catch (err) {
    if (err instanceof NeedsPrismaTransaction) return null; // rolled back: nothing of it was kept
    throw err;
  }
}
