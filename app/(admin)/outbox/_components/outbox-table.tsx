"use client";
// The Outbox list: the organization's e-mail, newest first, with its delivery status.
import Link from "next/link";
import { Mail } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import type { ServerListState } from "@/components/data-table/list-state";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { MailRow } from "@/core/mail/queries";
import { isMailStatus, MAIL_STATUS_HELP, MAIL_STATUS_LABELS, MAIL_STATUSES, mailStatusLabel, mailStatusVariant } from "@/core/mail/status";
import { DateTime } from "@/components/format/formatted";

const col = createDataTableColumnHelper<MailRow>();

const columns = col.columns([
  col.accessor("createdAt", {
    header: "Created",
    enableSorting: true,
    cell: (info) => <span className="whitespace-nowrap tabular-nums"><DateTime value={info.getValue()} /></span>,
  }),
  col.accessor("status", {
    header: "Status",
    cell: (info) => {
      const s = info.getValue();
      return (
        <Badge variant={mailStatusVariant(s)} title={isMailStatus(s) ? MAIL_STATUS_HELP[s] : undefined}>
          {mailStatusLabel(s)}
        </Badge>
      );
    },
  }),
  col.accessor("to", { header: "Recipient", cell: (info) => <span className="break-all">{info.getValue()}</span> }),
  col.accessor("subject", {
    header: "Subject",
    cell: (info) => (
      <Link href={`/outbox/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("source", { header: "Source", cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
]);

type Props = ServerListState<MailRow>;

export function OutboxTable({ rows, total, page, pageSize, sort, dir }: Props) {
  return (
    <DataTable
      caption="E-mail of this organization"
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder="Search recipient or subject"
      getRowHref={(r) => `/outbox/${r.id}`}
      toolbar={<FilterSelect param="status" label="Status" allLabel="All statuses" options={MAIL_STATUSES.map((s) => ({ value: s, label: MAIL_STATUS_LABELS[s] }))} />}
      emptyState={
        <EmptyState
          icon={<Mail aria-hidden="true" />}
          title="No e-mail yet"
          description="Messages this organization sends — low-stock alerts, nightly summaries and other notifications — appear here with their delivery status."
        />
      }
    />
  );
}
