"use client";
// The appointment list's columns and filters; times are shown on the organization's clock.
import Link from "next/link";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { CalendarDays } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { ServerListState } from "@/components/data-table/list-state";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { AppointmentRow } from "@/core/appointments/queries";
import { APPOINTMENT_STATUSES } from "@/core/appointments/schema";
import { DateTime, TimeOfDay } from "@/components/format/formatted";
import { DateRangeFilter } from "./date-range-filter";
import { statusVariant } from "./status";

const col = createDataTableColumnHelper<AppointmentRow>();
type Text = ReturnType<typeof useTranslations<"appointments">>;

// Built per language: headers and status names are the reader's (sorting and the URL use column ids).
const columnsIn = (t: Text) => col.columns([
  col.accessor("startsAt", {
    header: t("table.when"),
    enableSorting: true,
    cell: (info) => (
      <Link href={`/appointments/${info.row.original.id}`} className="font-medium tabular-nums text-foreground hover:underline">
        <DateTime value={info.getValue()} /> – <TimeOfDay value={info.row.original.endsAt} />
      </Link>
    ),
  }),
  col.accessor("patientName", {
    id: "patient",
    header: t("table.patient"),
    enableSorting: true,
    cell: (info) => (
      <Link href={`/patients/${info.row.original.patientId}`} className="hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("provider", { header: t("table.provider"), enableSorting: true }),
  col.accessor("status", {
    header: t("table.status"),
    enableSorting: true,
    cell: (info) => <Badge variant={statusVariant(info.getValue())}>{t(`status.${info.getValue()}`)}</Badge>,
  }),
]);

type Props = ServerListState<AppointmentRow> & {
  providers: string[];
};

export function AppointmentsTable({ rows, total, page, pageSize, sort, dir, providers }: Props) {
  const t = useTranslations("appointments");
  const columns = useMemo(() => columnsIn(t), [t]);
  return (
    <DataTable
      caption={t("table.caption")}
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder={t("table.search")}
      getRowHref={(r) => `/appointments/${r.id}`}
      toolbar={
        <>
          <FilterSelect param="status" label={t("table.status")} allLabel={t("table.allStatuses")} options={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <FilterSelect param="provider" label={t("table.provider")} allLabel={t("table.allProviders")} options={providers.map((p) => ({ value: p, label: p }))} />
          <DateRangeFilter />
        </>
      }
      emptyState={<EmptyState icon={<CalendarDays aria-hidden="true" />} title={t("table.emptyTitle")} description={t("table.emptyText")} />}
    />
  );
}
