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
import { ORDER_STATUS_LABELS, ORDER_STATUSES, orderLabel } from "../../orders/schema";
import { OrderStatusBadge } from "./order-status-badge";

const col = createDataTableColumnHelper<OrderListRow>();

const columns = col.columns([
  col.accessor("number", {
    header: "Order",
    cell: (info) => (
      <Link href={`/inventory/orders/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
        {orderLabel(info.getValue())}
      </Link>
    ),
  }),
  col.accessor("supplier", { header: "Supplier" }),
  col.accessor("status", { header: "Status", cell: (info) => <OrderStatusBadge status={info.getValue()} /> }),
  col.accessor("lineCount", { header: "Lines", meta: { align: "end" }, cell: (info) => <Num value={info.getValue()} /> }),
  col.accessor("total", { header: "Total", meta: { align: "end" }, cell: (info) => <span className="tabular-nums"><Money amount={info.getValue()} /></span> }),
  col.accessor("createdAt", { header: "Created", cell: (info) => <span className="whitespace-nowrap"><DateTime value={info.getValue()} /></span> }),
]);

type Props = Omit<ServerListState<OrderListRow>, "sort" | "dir">;

export function OrdersTable({ rows, total, page, pageSize }: Props) {
  return (
    <DataTable
      caption="Purchase orders"
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      searchable={false}
      getRowHref={(r) => `/inventory/orders/${r.id}`}
      toolbar={<FilterSelect param="status" label="Status" allLabel="All statuses" options={ORDER_STATUSES.map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s] }))} />}
      emptyState={
        <EmptyState
          icon={<ClipboardList aria-hidden="true" />}
          title="No purchase orders yet"
          description="Select items below their reorder threshold on the inventory list and choose “Generate purchase order”."
          action={<Link href="/inventory?stock=low" className={buttonVariants({ variant: "outline" })}>Show low-stock items</Link>}
        />
      }
    />
  );
}
