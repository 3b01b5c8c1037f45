// /inventory/orders: the organization's purchase orders, newest first, with a status filter.
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
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
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/inventory" className="hover:underline">{t("pages.inventory")}</Link>}
        title={t("pages.orders")}
        description={t("pages.ordersDescription")}
      />
      <OrdersTable rows={rows} total={total} page={page} pageSize={params.pageSize} />
    </div>
  );
}
