"use client";
// The appointment list's columns and filters; times are shown on the organization's clock.
import Link from "next/link";
import { CalendarDays } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { ServerListState } from "@/components/data-table/list-state";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { AppointmentRow } from "@/core/appointments/queries";
import { APPOINTMENT_STATUSES, STATUS_LABELS } from "@/core/appointments/schema";
import { DateTime, TimeOfDay } from "@/components/format/formatted";
import { DateRangeFilter } from "./date-range-filter";
import { statusVariant } from "./status";

const col = createDataTableColumnHelper<AppointmentRow>();

const columns = col.columns([
  col.accessor("startsAt", {
    header: "When",
    enableSorting: true,
    cell: (info) => (
      <Link href={`/appointments/${info.row.original.id}`} className="font-medium tabular-nums text-foreground hover:underline">
        <DateTime value={info.getValue()} /> – <TimeOfDay value={info.row.original.endsAt} />
      </Link>
    ),
  }),
  col.accessor("patientName", {
    id: "patient",
    header: "Patient",
    enableSorting: true,
    cell: (info) => (
      <Link href={`/patients/${info.row.original.patientId}`} className="hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("provider", { header: "Provider", enableSorting: true }),
  col.accessor("status", {
    header: "Status",
    enableSorting: true,
    cell: (info) => <Badge variant={statusVariant(info.getValue())}>{STATUS_LABELS[info.getValue()]}</Badge>,
  }),
]);

type Props = ServerListState<AppointmentRow> & {
  providers: string[];
};

export function AppointmentsTable({ rows, total, page, pageSize, sort, dir, providers }: Props) {
  return (
    <DataTable
      caption="Appointments"
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder="Search patient, record number or provider"
      getRowHref={(r) => `/appointments/${r.id}`}
      toolbar={
        <>
          <FilterSelect param="status" label="Status" allLabel="All statuses" options={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          <FilterSelect param="provider" label="Provider" allLabel="All providers" options={providers.map((p) => ({ value: p, label: p }))} />
          <DateRangeFilter />
        </>
      }
      emptyState={<EmptyState icon={<CalendarDays aria-hidden="true" />} title="No appointments yet" description="Appointments you schedule appear here." />}
    />
  );
}
