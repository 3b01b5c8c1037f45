// /inventory/orders: the organization's purchase orders, newest first, with a status filter.
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { parseListParams } from "@/core/lists/list-params";
import type { PageProps } from "@/core/plugins/types";
import { listOrders, parseOrderStatus } from "../../orders/queries";
import { OrdersTable } from "./orders-table";

export default async function OrdersPage({ ctx, searchParams }: PageProps) {
  const params = parseListParams(searchParams, ["number"] as const, { sort: "number", dir: "desc" });
  const status = parseOrderStatus(searchParams.status);
  const { rows, total, page } = await listOrders(ctx.organization.id, { status, page: params.page, pageSize: params.pageSize });
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/inventory" className="hover:underline">Inventory</Link>}
        title="Purchase orders"
        description="Orders generated from items below their reorder threshold: edit quantities while a draft, mark as sent, then receive to add the stock."
      />
      <OrdersTable rows={rows} total={total} page={page} pageSize={params.pageSize} />
    </div>
  );
}
