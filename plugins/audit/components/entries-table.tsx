"use client";
// The audit viewer's table: one server page of entries (filtered, sorted and keyset-paged in
// PostgreSQL from the URL), filters in the toolbar, each row opening the entry's detail page.
import { ScrollText } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import type { KeysetListState } from "@/components/data-table/list-state";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/format/formatted";
import type { AuditEntryView } from "../queries/entries";
import { ACTION_LABELS, changeSummary, TARGET_LABELS } from "./labels";
import { TextFilter } from "./text-filter";

const col = createDataTableColumnHelper<AuditEntryView>();

const MEDIUM_TIME: Intl.DateTimeFormatOptions = { timeStyle: "medium" };

const columns = col.columns([
  col.accessor("at", {
    header: "Time",
    enableSorting: true,
    meta: { rowHeader: true },
    cell: (info) => <span className="whitespace-nowrap tabular-nums"><DateTime value={info.getValue()} opts={MEDIUM_TIME} /></span>,
  }),
  col.accessor("seq", { header: "#", meta: { align: "end" }, cell: (info) => <span className="font-mono text-xs text-muted-foreground">{info.getValue()}</span> }),
  col.accessor("actorLabel", {
    header: "Actor",
    cell: (info) => (
      <span className="grid">
        <span>{info.getValue()}</span>
        <span className="text-xs text-muted-foreground">{info.row.original.actorType.replace("_", " ")}</span>
      </span>
    ),
  }),
  col.accessor("action", { header: "Action", cell: (info) => <Badge variant={info.getValue() === "deleted" ? "danger" : "neutral"}>{ACTION_LABELS[info.getValue()] ?? info.getValue()}</Badge> }),
  col.accessor("targetLabel", {
    header: "Target",
    cell: (info) => (
      <span className="grid">
        <span>{info.getValue() ?? info.row.original.targetId ?? "—"}</span>
        <span className="text-xs text-muted-foreground">{TARGET_LABELS[info.row.original.targetType] ?? info.row.original.targetType}</span>
      </span>
    ),
  }),
  col.accessor("changes", { header: "Changed fields", cell: (info) => <span className="text-sm">{changeSummary(info.getValue())}</span> }),
  col.accessor("source", { header: "Source", cell: (info) => info.getValue() ?? "—" }),
]);

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));
const TARGET_OPTIONS = Object.entries(TARGET_LABELS).map(([value, label]) => ({ value, label }));

export function EntriesTable({ rows, paging, pageSize, sort, dir, errors }: KeysetListState<AuditEntryView> & { errors: Record<string, string> }) {
  return (
    <DataTable
      caption="Audit entries"
      columns={columns}
      rows={rows}
      paging={paging}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchable={false}
      getRowHref={(row) => `/audit/entries/${row.id}`}
      toolbar={
        <div className="flex flex-wrap items-center gap-3">
          <TextFilter param="actor" label="Actor" placeholder="Name or id" error={errors.actor} />
          <TextFilter param="target" label="Target" placeholder="Label or id" error={errors.target} />
          <FilterSelect param="targetType" label="Target type" allLabel="All types" options={TARGET_OPTIONS} />
          <FilterSelect param="action" label="Action" allLabel="All actions" options={ACTION_OPTIONS} />
          <TextFilter param="from" label="From" type="date" error={errors.from} />
          <TextFilter param="to" label="To" type="date" error={errors.to} />
        </div>
      }
      emptyState={<EmptyState icon={<ScrollText aria-hidden="true" />} title="No entries yet" description="Changes made while the audit log is enabled appear here." />}
    />
  );
}
