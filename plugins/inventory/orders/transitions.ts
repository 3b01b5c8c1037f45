// A purchase order's life: draft (lines editable) -> sent -> received. Each transition is a conditional
// UPDATE on the order's current status, so of two concurrent clicks exactly one wins and the other is
// refused with the reason. Receiving applies every line as a stock adjustment (items/stock.ts, source
// "purchase_order": quantity, adjustment row, threshold crossing, events) in the SAME transaction as
// the status change: if any line fails, no stock is added and the order stays "sent". Received once.
import { Prisma } from "@/core/db/client";
import type { ScopedDb } from "@/core/db/scoped";
import type { TxClient } from "@/core/db/tx";
import type { EmitMeta, EventTx } from "@/core/events/emit";
import { isUuid } from "@/core/db/ids";
import { kickOutbox } from "@/core/events/outbox-signal";
import { applyBulkChange, selectionWhere } from "../items/bulk";
import { adjustStock } from "../items/stock";
import { fromCents, lineQuantitiesInput, MAX_AMOUNT_CENTS, ORDER_STATUS_LABELS, orderLabel, toCents, type OrderStatus } from "./schema";

export type TransitionResult =
  | { ok: true; message: string }
  | { ok: false; error: string; status: 400 | 404 | 409 | 502; fieldErrors?: Record<string, string> };

export const GONE: TransitionResult = { ok: false, error: "This purchase order does not exist.", status: 404 };

export type LockedOrder = { id: string; number: number; status: OrderStatus; receivedAt: Date | null };

export async function lockOrder(tx: EventTx, organizationId: string, id: string): Promise<LockedOrder | null> {
  const rows = await (tx as TxClient).$queryRaw<LockedOrder[]>`
    SELECT id::text AS id, number, status, "receivedAt" FROM inventory_purchase_orders
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export function wrongStatus(order: LockedOrder, wanted: string): TransitionResult {
  if (order.status === "received") {
    return { ok: false, status: 409, error: `${orderLabel(order.number)} was already received${order.receivedAt ? ` on ${order.receivedAt.toISOString().slice(0, 10)}` : ""}; its stock was added then.` };
  }
  return { ok: false, status: 409, error: `${orderLabel(order.number)} is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}: ${wanted}.` };
}

export async function markOrderSent(db: ScopedDb, organizationId: string, id: string): Promise<TransitionResult> {
  if (!isUuid(id)) return GONE;
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, organizationId, id);
    if (!order) return GONE;
    if (order.status !== "draft") return wrongStatus(order, "only a draft can be sent");
    const [lines] = await (tx as TxClient).$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM inventory_purchase_order_lines WHERE "organizationId" = ${organizationId}::uuid AND "purchaseOrderId" = ${id}::uuid`;
    if (!lines?.n) return { ok: false, status: 409, error: `${orderLabel(order.number)} has no lines left (their items were deleted); there is nothing to send.` };
    await (tx as TxClient).$executeRaw`
      UPDATE inventory_purchase_orders SET status = 'sent', "sentAt" = now(), "updatedAt" = now()
      WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid`;
    return { ok: true, message: `${orderLabel(order.number)} marked as sent.` };
  });
}

/** Thrown inside the receipt's transaction to roll it back, and turned into a 409 after it. */
class ReceiptRefused extends Error {}

async function itemName(tx: EventTx, organizationId: string, itemId: string): Promise<string> {
  const [row] = await (tx as TxClient).$queryRaw<Array<{ name: string; sku: string }>>`
    SELECT name, sku FROM inventory_items WHERE "organizationId" = ${organizationId}::uuid AND id = ${itemId}::uuid`;
  return row ? `${row.name} (${row.sku})` : "an item";
}

/** Sent -> received, adding every line's quantity to its item's stock. Refused for a draft or an order already received. */
export async function receiveOrder(db: ScopedDb, meta: EmitMeta, id: string, userId: string | null): Promise<TransitionResult> {
  if (!isUuid(id)) return GONE;
  const organizationId = meta.organization.id;
  const result = await db.$transaction(
    async (tx): Promise<TransitionResult> => {
      // The order's row lock serialises two "receive" clicks: the second waits, then sees "received".
      const order = await lockOrder(tx, organizationId, id);
      if (!order) return GONE;
      if (order.status !== "sent") return wrongStatus(order, "only a sent order can be received");
      // Item order is fixed (by id) so two receipts sharing items lock them in the same order: no deadlock.
      const lines = await (tx as TxClient).$queryRaw<Array<{ itemId: string; quantity: number }>>`
        SELECT "itemId"::text AS "itemId", quantity FROM inventory_purchase_order_lines
        WHERE "organizationId" = ${organizationId}::uuid AND "purchaseOrderId" = ${id}::uuid ORDER BY "itemId"`;
      const reason = `Received with purchase order ${orderLabel(order.number)}`;
      for (const line of lines) {
        const res = await adjustStock(tx, meta, line.itemId, { delta: line.quantity, reason, source: "purchase_order", userId });
        if (res.ok) continue;
        // A line would take its item above the largest quantity allowed: the whole receipt is refused
        // and rolled back (no line is received, the order stays sent), naming the item.
        if (res.reason === "over_limit") throw new ReceiptRefused(`${orderLabel(order.number)} was not received: ${await itemName(tx, organizationId, line.itemId)}: ${res.message} Lower the line or the stock first.`);
        // A line's item cannot vanish under us (its line would have been deleted with it), and a
        // positive delta is never "insufficient": anything else is a bug, and rolls everything back.
        throw new Error(`Could not add stock for item ${line.itemId}: ${res.reason}`);
      }
      // Received stock is on the shelf: items someone had marked out of stock are available again
      // (one statement, with their item.updated events, like the list's "Mark in stock").
      if (lines.length) {
        await applyBulkChange(tx as EventTx, meta, "mark_in_stock", selectionWhere(organizationId, { mode: "ids", ids: lines.map((l) => l.itemId) }), {}, "purchase_order");
      }
      await (tx as TxClient).$executeRaw`
        UPDATE inventory_purchase_orders SET status = 'received', "receivedAt" = now(), "updatedAt" = now()
        WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid`;
      return { ok: true, message: `${orderLabel(order.number)} received: stock added for ${lines.length} ${lines.length === 1 ? "item" : "items"}.` };
    },
    // Up to 1,000 lines, each an adjustment with its events.
    { timeout: 120_000, maxWait: 10_000 },
  ).catch((err: unknown) => {
    if (err instanceof ReceiptRefused) return { ok: false, status: 409, error: err.message } satisfies TransitionResult;
    throw err;
  });
  if (result.ok) kickOutbox();
  return result;
}

/**
 * Sets the quantities of a draft's lines and recomputes line totals and the order total, in one
 * transaction under the order's lock. Refused (nothing saved) for a sent or received order, for a
 * line that is not on the order, and for amounts the order cannot hold — each error names the line.
 */
export async function updateLineQuantities(db: ScopedDb, organizationId: string, input: unknown): Promise<TransitionResult> {
  const parsed = lineQuantitiesInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= issue.message;
    return { ok: false, status: 400, error: "Please correct the highlighted quantities.", fieldErrors };
  }
  const { orderId, lines } = parsed.data;
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, organizationId, orderId);
    if (!order) return GONE;
    if (order.status !== "draft") return wrongStatus(order, "only a draft's quantities can be changed");
    const current = await (tx as TxClient).$queryRaw<Array<{ id: string; unitPrice: Prisma.Decimal; quantity: number }>>`
      SELECT id::text AS id, "unitPrice", quantity FROM inventory_purchase_order_lines
      WHERE "organizationId" = ${organizationId}::uuid AND "purchaseOrderId" = ${orderId}::uuid`;
    const byId = new Map(current.map((l) => [l.id, l]));
    const fieldErrors: Record<string, string> = {};
    const next = new Map(current.map((l) => [l.id, l.quantity]));
    lines.forEach((l, i) => {
      if (!byId.has(l.lineId)) fieldErrors[`lines.${i}.quantity`] = "This line is no longer on the order (its item was deleted)";
      else next.set(l.lineId, l.quantity);
    });
    let total = 0n;
    lines.forEach((l, i) => {
      const line = byId.get(l.lineId);
      if (line && toCents(line.unitPrice.toFixed(2)) * BigInt(l.quantity) > MAX_AMOUNT_CENTS) fieldErrors[`lines.${i}.quantity`] = "The line total would be larger than an order can hold";
    });
    for (const l of current) total += toCents(l.unitPrice.toFixed(2)) * BigInt(next.get(l.id)!);
    if (Object.keys(fieldErrors).length) return { ok: false, status: 400, error: "Please correct the highlighted quantities.", fieldErrors };
    if (total > MAX_AMOUNT_CENTS) return { ok: false, status: 400, error: `The order total (${fromCents(total)}) would be larger than an order can hold.` };
    const values = JSON.stringify(lines.map((l) => ({ id: l.lineId, quantity: l.quantity })));
    await (tx as TxClient).$executeRaw`
      UPDATE inventory_purchase_order_lines l SET quantity = v.quantity, "lineTotal" = l."unitPrice" * v.quantity
      FROM jsonb_to_recordset(${values}::jsonb) AS v(id uuid, quantity int)
      WHERE l."organizationId" = ${organizationId}::uuid AND l."purchaseOrderId" = ${orderId}::uuid AND l.id = v.id`;
    await (tx as TxClient).$executeRaw`
      UPDATE inventory_purchase_orders o SET "updatedAt" = now(),
        total = (SELECT COALESCE(sum(l."lineTotal"), 0) FROM inventory_purchase_order_lines l WHERE l."purchaseOrderId" = o.id)
      WHERE o."organizationId" = ${organizationId}::uuid AND o.id = ${orderId}::uuid`;
    return { ok: true, message: `${orderLabel(order.number)}: quantities saved.` };
  });
}
