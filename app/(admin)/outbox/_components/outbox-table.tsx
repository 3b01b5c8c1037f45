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
import { isMailStatus, MAIL_STATUSES, mailStatusVariant } from "@/core/mail/status";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DateTime } from "@/components/format/formatted";

const col = createDataTableColumnHelper<MailRow>();

type Text = ReturnType<typeof useTranslations<"outbox">>;

// Built per language: the headers and the status words are the reader's.
const columnsIn = (t: Text) => col.columns([
  col.accessor("createdAt", {
    header: t("created"),
    enableSorting: true,
    cell: (info) => <span className="whitespace-nowrap tabular-nums"><DateTime value={info.getValue()} /></span>,
  }),
  col.accessor("status", {
    header: t("status"),
    cell: (info) => {
      const s = info.getValue();
      return (
        <Badge variant={mailStatusVariant(s)} title={isMailStatus(s) ? t(`help.${s}`) : undefined}>
          {isMailStatus(s) ? t(s) : s}
        </Badge>
      );
    },
  }),
  col.accessor("to", { header: t("recipient"), cell: (info) => <span className="break-all">{info.getValue()}</span> }),
  col.accessor("subject", {
    header: t("subject"),
    cell: (info) => (
      <Link href={`/outbox/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("source", { header: t("source"), cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
]);

type Props = ServerListState<MailRow>;

export function OutboxTable({ rows, total, page, pageSize, sort, dir }: Props) {
  const t = useTranslations("outbox");
  const columns = useMemo(() => columnsIn(t), [t]);
  return (
    <DataTable
      caption={t("caption")}
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder={t("search")}
      getRowHref={(r) => `/outbox/${r.id}`}
      toolbar={<FilterSelect param="status" label={t("status")} allLabel={t("allStatuses")} options={MAIL_STATUSES.map((s) => ({ value: s, label: t(s) }))} />}
      emptyState={
        <EmptyState
          icon={<Mail aria-hidden="true" />}
          title={t("emptyTitle")}
          description={t("emptyText")}
        />
      }
    />
  );
}
