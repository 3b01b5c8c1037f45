"use client";
// The patient list's columns; data, sorting and paging come from the server page via the URL.
import Link from "next/link";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import type { ServerListState } from "@/components/data-table/list-state";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import { EmptyState } from "@/components/ui/empty-state";
import type { PatientRow } from "@/core/patients/queries";
import { VISIT_FILTERS, type VisitFilter } from "@/core/patients/schema";
import { Day, Num } from "@/components/format/formatted";

const col = createDataTableColumnHelper<PatientRow>();
type Text = ReturnType<typeof useTranslations<"patients.table">>;

// Built per language: the headers are the reader's (sorting and the URL use the column ids).
const columnsIn = (t: Text) => col.columns([
  col.accessor("name", {
    header: t("name"),
    enableSorting: true,
    cell: (info) => (
      <Link href={`/patients/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("medicalRecordNumber", { header: t("recordNumber"), enableSorting: true, cell: (info) => <span className="font-mono text-[13px]">{info.getValue()}</span> }),
  col.accessor("dateOfBirth", { header: t("dateOfBirth"), enableSorting: true, cell: (info) => <Day value={info.getValue()} /> }),
  col.accessor("phone", { header: t("phone"), cell: (info) => info.getValue() ?? "—" }),
  col.accessor("email", { header: t("email"), cell: (info) => info.getValue() ?? "—" }),
  col.accessor("appointmentCount", { header: t("appointments"), meta: { align: "end" }, cell: (info) => <Num value={info.getValue()} /> }),
]);

const VISIT_FILTER_KEYS = Object.keys(VISIT_FILTERS) as VisitFilter[];

type Props = ServerListState<PatientRow> & { canCreate: boolean };

export function PatientsTable({ rows, total, page, pageSize, sort, dir, canCreate }: Props) {
  const t = useTranslations("patients.table");
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
      getRowHref={(r) => `/patients/${r.id}`}
      toolbar={<FilterSelect param="visits" label={t("visits")} allLabel={t("allPatients")} options={VISIT_FILTER_KEYS.map((value) => ({ value, label: t(value) }))} />}
      emptyState={
        <EmptyState
          icon={<Users aria-hidden="true" />}
          title={t("emptyTitle")}
          description={t("emptyText")}
          action={canCreate ? <Link href="/patients/new" className={buttonVariants()}>{t("add")}</Link> : undefined}
        />
      }
    />
  );
}
