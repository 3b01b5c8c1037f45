// Purchase-order reads: the paginated list (status filter, newest number first — the
// (organizationId, number) unique index and (organizationId, status, createdAt) serve it) and one
// order with its lines. Raw SQL binds the organization id from the caller's context, never input.
import { Prisma, rootDb } from "@/core/db/client";
import { clampPage } from "@/core/lists/list-params";
import { isUuid } from "@/core/db/ids";
import { ORDER_STATUSES, type OrderStatus } from "./schema";

export type OrderListRow = {
  id: string;
  number: number;
  supplier: string;
  status: OrderStatus;
  /** Decimal string, two places, in the organization's currency. */
  total: string;
  lineCount: number;
  createdAt: string;
};

export function parseOrderStatus(raw: string | string[] | undefined): OrderStatus | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return (ORDER_STATUSES as readonly string[]).includes(v ?? "") ? (v as OrderStatus) : undefined;
}

export async function listOrders(
  organizationId: string,
  opts: { status?: OrderStatus; page: number; pageSize: number },
): Promise<{ rows: OrderListRow[]; total: number; page: number }> {
  const where = Prisma.sql`o."organizationId" = ${organizationId}::uuid ${opts.status ? Prisma.sql`AND o.status = ${opts.status}` : Prisma.empty}`;
  const [count] = await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_purchase_orders o WHERE ${where}`;
  const total = count?.n ?? 0;
  const page = clampPage(opts.page, opts.pageSize, total);
  const rows = await rootDb().$queryRaw<Array<Omit<OrderListRow, "total" | "createdAt"> & { total: Prisma.Decimal; createdAt: Date }>>`
    SELECT o.id::text AS id, o.number, o.supplier, o.status, o.total, o."createdAt",
           (SELECT count(*)::int FROM inventory_purchase_order_lines l WHERE l."purchaseOrderId" = o.id) AS "lineCount"
    FROM inventory_purchase_orders o
    WHERE ${where}
    ORDER BY o.number DESC
    LIMIT ${opts.pageSize} OFFSET ${(page - 1) * opts.pageSize}`;
  return { total, page, rows: rows.map((r) => ({ ...r, total: r.total.toFixed(2), createdAt: r.createdAt.toISOString() })) };
}

export type OrderLine = {
  id: string;
  itemId: string;
  name: string;
  sku: string;
  unit: string;
  /** The item's quantity now (what receiving will add to). */
  onHand: number;
  reorderThreshold: number;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
};

export type OrderDetail = {
  id: string;
  number: number;
  supplier: string;
  supplierEmail: string | null;
  status: OrderStatus;
  /** Changes with every edit: the e-mail's dedupe key, so a double click sends one message. */
  updatedAt: string;
  total: string;
  createdAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  lines: OrderLine[];
};

export async function getOrder(organizationId: string, id: string): Promise<OrderDetail | null> {
  if (!isUuid(id)) return null;
  const order = await rootDb().inventoryPurchaseOrder.findFirst({ where: { organizationId, id } });
  if (!order) return null;
  const lines = await rootDb().$queryRaw<Array<Omit<OrderLine, "unitPrice" | "lineTotal"> & { unitPrice: Prisma.Decimal; lineTotal: Prisma.Decimal }>>`
    SELECT l.id::text AS id, l."itemId"::text AS "itemId", i.name, i.sku, i.unit, i.quantity AS "onHand", i."reorderThreshold",
           l.quantity, l."unitPrice", l."lineTotal"
    FROM inventory_purchase_order_lines l
    JOIN inventory_items i ON i."organizationId" = l."organizationId" AND i.id = l."itemId"
    WHERE l."organizationId" = ${organizationId}::uuid AND l."purchaseOrderId" = ${id}::uuid
    ORDER BY i.name, i.id`;
  return {
    id: order.id,
    number: order.number,
    supplier: order.supplier,
    supplierEmail: order.supplierEmail,
    status: order.status as OrderStatus,
    updatedAt: order.updatedAt.toISOString(),
    total: order.total.toFixed(2),
    createdAt: order.createdAt.toISOString(),
    sentAt: order.sentAt?.toISOString() ?? null,
    receivedAt: order.receivedAt?.toISOString() ?? null,
    lines: lines.map((l) => ({ ...l, unitPrice: l.unitPrice.toFixed(2), lineTotal: l.lineTotal.toFixed(2) })),
  };
}
