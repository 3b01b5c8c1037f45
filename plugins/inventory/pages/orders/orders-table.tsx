"use client";
// The purchase-order list: newest first, filtered by status in the URL, paged on the server.
import Link from "next/link";
import { ClipboardList } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import type { ServerListState } from "@/components/data-table/list-state";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonVariants } from "@/components/ui/button";
import { DateTime, Money, Num } from "@/components/format/formatted";
import type { OrderListRow } from "../../orders/queries";
import { ORDER_STATUSES, orderLabel } from "../../orders/schema";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { OrderStatusBadge } from "./order-status-badge";

const col = createDataTableColumnHelper<OrderListRow>();

type Text = ReturnType<typeof useTranslations<"plugins.inventory.orders">>;

// Built per language: the headers are the reader's.
const columnsIn = (t: Text) => col.columns([
  col.accessor("number", {
    header: t("order"),
    cell: (info) => (
      <Link href={`/inventory/orders/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
        {orderLabel(info.getValue())}
      </Link>
    ),
  }),
  col.accessor("supplier", { header: t("supplier") }),
  col.accessor("status", { header: t("status"), cell: (info) => <OrderStatusBadge status={info.getValue()} /> }),
  col.accessor("lineCount", { header: t("lines"), meta: { align: "end" }, cell: (info) => <Num value={info.getValue()} /> }),
  col.accessor("total", { header: t("total"), meta: { align: "end" }, cell: (info) => <span className="tabular-nums"><Money amount={info.getValue()} /></span> }),
  col.accessor("createdAt", { header: t("created"), cell: (info) => <span className="whitespace-nowrap"><DateTime value={info.getValue()} /></span> }),
]);

type Props = Omit<ServerListState<OrderListRow>, "sort" | "dir">;

export function OrdersTable({ rows, total, page, pageSize }: Props) {
  const t = useTranslations("plugins.inventory.orders");
  const columns = useMemo(() => columnsIn(t), [t]);
  return (
    <DataTable
      caption={t("caption")}
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      searchable={false}
      getRowHref={(r) => `/inventory/orders/${r.id}`}
      toolbar={<FilterSelect param="status" label={t("status")} allLabel={t("allStatuses")} options={ORDER_STATUSES.map((s) => ({ value: s, label: t(s) }))} />}
      emptyState={
        <EmptyState
          icon={<ClipboardList aria-hidden="true" />}
          title={t("emptyTitle")}
          description={t("emptyText")}
          action={<Link href="/inventory?stock=low" className={buttonVariants({ variant: "outline" })}>{t("showLow")}</Link>}
        />
      }
    />
  );
}
