"use client";
// The patient list's columns; data, sorting and paging come from the server page via the URL.
import Link from "next/link";
import { Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { ServerListState } from "@/components/data-table/list-state";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import { EmptyState } from "@/components/ui/empty-state";
import type { PatientRow } from "@/core/patients/queries";
import { VISIT_FILTERS } from "@/core/patients/schema";
import { Day, Num } from "@/components/format/formatted";

const col = createDataTableColumnHelper<PatientRow>();
const columns = col.columns([
  col.accessor("name", {
    header: "Name",
    enableSorting: true,
    cell: (info) => (
      <Link href={`/patients/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("medicalRecordNumber", { header: "Record no.", enableSorting: true, cell: (info) => <span className="font-mono text-[13px]">{info.getValue()}</span> }),
  col.accessor("dateOfBirth", { header: "Date of birth", enableSorting: true, cell: (info) => <Day value={info.getValue()} /> }),
  col.accessor("phone", { header: "Phone", cell: (info) => info.getValue() ?? "—" }),
  col.accessor("email", { header: "Email", cell: (info) => info.getValue() ?? "—" }),
  col.accessor("appointmentCount", { header: "Appointments", meta: { align: "end" }, cell: (info) => <Num value={info.getValue()} /> }),
]);

type Props = ServerListState<PatientRow> & { canCreate: boolean };

export function PatientsTable({ rows, total, page, pageSize, sort, dir, canCreate }: Props) {
  return (
    <DataTable
      caption="Patients"
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder="Search name, record number or email"
      getRowHref={(r) => `/patients/${r.id}`}
      toolbar={<FilterSelect param="visits" label="Visits" allLabel="All patients" options={Object.entries(VISIT_FILTERS).map(([value, label]) => ({ value, label }))} />}
      emptyState={
        <EmptyState
          icon={<Users aria-hidden="true" />}
          title="No patients yet"
          description="Patients you add appear here."
          action={canCreate ? <Link href="/patients/new" className={buttonVariants()}>Add a patient</Link> : undefined}
        />
      }
    />
  );
}
