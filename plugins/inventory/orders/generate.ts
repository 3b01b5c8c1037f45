// Generating a purchase order from a selection of items (the list's bulk action, the seed's
// create_purchase_order): only the items below their reorder threshold become lines, each suggesting
// enough to reach twice the threshold — max(threshold * 2 - quantity, 1) — at the item's price.
// The supplier is the organization's `defaultSupplier` setting, else "Unassigned supplier", and its
// e-mail the `defaultSupplierEmail` setting (both editable on the order).
//
// One transaction: number, order, lines (one INSERT ... SELECT over the selection's SQL), total and
// inventory.reorder.suggested. If anything fails — or no selected item is low any more by the time
// the lines are written — nothing is kept: no order, no number used, no event.
import { Prisma } from "@/core/db/client";
import type { ScopedDb } from "@/core/db/scoped";
import type { TxClient } from "@/core/db/tx";
import { emit, type EmitMeta, type EventTx } from "@/core/events/emit";
import { kickOutbox } from "@/core/events/outbox-signal";
import { typedSettings } from "@/core/plugins/settings/schema";
import { settingsAccess } from "@/core/plugins/settings/store";
import { inventorySettings } from "../settings";
import { reorderSuggested } from "../events";
import { MAX_AMOUNT_CENTS, MAX_ORDER_LINES, orderLabel, toCents, UNASSIGNED_SUPPLIER } from "./schema";

export const NONE_BELOW_THRESHOLD = "No items below reorder threshold selected.";

export type GenerateResult =
  | { kind: "created"; orderId: string; number: number; lines: number; message: string }
  | { kind: "none"; message: string }
  | { kind: "refused"; message: string };

// The suggested quantity and line total of item `i`, as SQL (bigint: threshold * 2 cannot overflow).
const SUGGESTED = Prisma.sql`GREATEST(i."reorderThreshold"::bigint * 2 - i.quantity, 1)`;

/**
 * The next order number of the organization. A transaction-scoped advisory lock per organization
 * serialises concurrent generators from here to their commit, so max + 1 is never handed out twice;
 * the (organizationId, number) unique index backs it up. Other organizations never wait.
 */
export async function nextOrderNumber(tx: EventTx, organizationId: string): Promise<number> {
  const db = tx as TxClient;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`inventory:purchase-order-number:${organizationId}`}, 0))`;
  const [row] = await db.$queryRaw<Array<{ next: number }>>`
    SELECT (COALESCE(max(number), 0) + 1)::int AS next FROM inventory_purchase_orders WHERE "organizationId" = ${organizationId}::uuid`;
  return row!.next;
}

class NothingLow extends Error {}

/**
 * `where` is the selection over inventory_items (alias `i`), pinned to the organization (items/bulk.ts
 * selectionWhere). `db` must be the organization's scoped client.
 */
export async function generatePurchaseOrder(db: ScopedDb, meta: EmitMeta, where: Prisma.Sql, userId: string | null): Promise<GenerateResult> {
  const organizationId = meta.organization.id;
  const low = Prisma.sql`${where} AND i.quantity < i."reorderThreshold"`;
  try {
    const result = await db.$transaction(
      async (tx): Promise<GenerateResult> => {
        // Bounds first, over at most MAX_ORDER_LINES + 1 rows: how many lines, and whether the amounts fit.
        const [check] = await tx.$queryRaw<Array<{ n: number; total: string | null }>>`
          SELECT count(*)::int AS n, sum(t.line)::text AS total FROM (
            SELECT i.price * ${SUGGESTED} AS line FROM inventory_items i WHERE ${low} LIMIT ${MAX_ORDER_LINES + 1}
          ) AS t`;
        const n = check?.n ?? 0;
        if (n === 0) return { kind: "none", message: NONE_BELOW_THRESHOLD };
        if (n > MAX_ORDER_LINES) {
          return { kind: "refused", message: `More than ${MAX_ORDER_LINES.toLocaleString("en-US")} of the selected items are below their threshold; an order holds at most ${MAX_ORDER_LINES.toLocaleString("en-US")} lines. Narrow the selection (for example by category) and generate one order per part.` };
        }
        if (toCents(check!.total ?? "0") > MAX_AMOUNT_CENTS) {
          return { kind: "refused", message: "The suggested order's total is larger than an order can hold (999,999,999,999.99). Select fewer items or correct their prices." };
        }
        const settings = typedSettings(inventorySettings, settingsAccess("inventory", organizationId, tx as TxClient));
        const supplier = (await settings.get("defaultSupplier")).trim() || UNASSIGNED_SUPPLIER;
        const supplierEmail = (await settings.get("defaultSupplierEmail")).trim() || null;
        const number = await nextOrderNumber(tx, organizationId);
        const [order] = await tx.$queryRaw<Array<{ id: string }>>`
          INSERT INTO inventory_purchase_orders (id, "organizationId", number, supplier, "supplierEmail", status, "createdById", "updatedAt")
          VALUES (gen_random_uuid(), ${organizationId}::uuid, ${number}, ${supplier}, ${supplierEmail}, 'draft', ${userId}::uuid, now())
          RETURNING id::text AS id`;
        const lines = await tx.$queryRaw<Array<{ itemId: string }>>`
          INSERT INTO inventory_purchase_order_lines (id, "organizationId", "purchaseOrderId", "itemId", quantity, "unitPrice", "lineTotal")
          SELECT gen_random_uuid(), i."organizationId", ${order!.id}::uuid, i.id, ${SUGGESTED}, i.price, i.price * ${SUGGESTED}
          FROM inventory_items i WHERE ${low}
          ORDER BY i.name, i.id
          LIMIT ${MAX_ORDER_LINES}
          RETURNING "itemId"::text AS "itemId"`;
        // Restocked between the check and the insert (a concurrent adjustment): roll the order back.
        if (lines.length === 0) throw new NothingLow();
        await tx.$executeRaw`
          UPDATE inventory_purchase_orders o SET total = (SELECT COALESCE(sum(l."lineTotal"), 0) FROM inventory_purchase_order_lines l WHERE l."purchaseOrderId" = o.id)
          WHERE o."organizationId" = ${organizationId}::uuid AND o.id = ${order!.id}::uuid`;
        await emit(tx, meta, reorderSuggested, { purchaseOrderId: order!.id, number, itemIds: lines.map((l) => l.itemId).sort(), supplier });
        return {
          kind: "created",
          orderId: order!.id,
          number,
          lines: lines.length,
          message: `Purchase order ${orderLabel(number)} created with ${lines.length} ${lines.length === 1 ? "line" : "lines"}.`,
        };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    if (result.kind === "created") kickOutbox();
    return result;
  } catch (err) {
    if (err instanceof NothingLow) return { kind: "none", message: NONE_BELOW_THRESHOLD };
    throw err;
  }
}
