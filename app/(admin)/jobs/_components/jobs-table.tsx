"use client";
// The Jobs list: this organization's background-job runs, as the app recorded them (core/jobs/runs.ts).
import Link from "next/link";
import { ClipboardList } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { memoizeByKey, type ServerListState } from "@/components/data-table/list-state";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import { EmptyState } from "@/components/ui/empty-state";
import type { JobRunRow } from "@/core/jobs/runs";
import { formatDuration, JOB_STATUSES } from "@/core/jobs/status";
import { useLocale, useTranslations } from "next-intl";
import { DateTime } from "@/components/format/formatted";
import { RunStatus } from "./run-status";

const col = createDataTableColumnHelper<JobRunRow>();

type Text = ReturnType<typeof useTranslations<"jobs.table">>;

/** key: "<language>|<time zone>"; `t` is that language's words (the key decides them). */
function columnsFor(key: string, t: Text) {
  const timeZone = key.slice(key.indexOf("|") + 1);
  return col.columns([
    col.accessor("functionName", {
      id: "function",
      header: t("function"),
      cell: (info) => (
        <Link href={`/jobs/${encodeURIComponent(info.row.original.id)}`} className="font-medium text-foreground hover:underline">
          {info.getValue()}
        </Link>
      ),
    }),
    col.accessor("subject", {
      header: t("workedOn"),
      cell: (info) => {
        const subject = info.getValue();
        return subject ? (
          <Link href={subject.href} className="hover:underline">
            {subject.label}
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        );
      },
    }),
    col.accessor("status", {
      header: t("status"),
      cell: (info) => <RunStatus run={info.row.original} timeZone={timeZone} />,
    }),
    col.accessor("startedAt", {
      header: t("started"),
      enableSorting: true,
      cell: (info) => <span className="tabular-nums"><DateTime value={info.getValue()} /></span>,
    }),
    col.accessor("durationMs", {
      id: "duration",
      header: t("duration"),
      enableSorting: true,
      meta: { align: "end" },
      cell: (info) => <span className="tabular-nums">{formatDuration(info.getValue())}</span>,
    }),
    col.accessor("attempts", {
      header: t("attempts"),
      meta: { align: "end" },
      cell: (info) => (
        <span className="tabular-nums">
          {info.getValue()} / {info.row.original.maxAttempts}
        </span>
      ),
    }),
  ]);
}

const columnsForZone = memoizeByKey(columnsFor);

type Props = ServerListState<JobRunRow> & {
  timeZone: string;
  functions: Array<{ id: string; name: string }>;
};

export function JobsTable({ rows, total, page, pageSize, sort, dir, timeZone, functions }: Props) {
  const t = useTranslations("jobs.table");
  const statuses = useTranslations("jobs.status");
  const language = useLocale();
  return (
    <DataTable
      caption={t("caption")}
      columns={columnsForZone(`${language}|${timeZone}`, t)}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder={t("search")}
      getRowHref={(r) => `/jobs/${encodeURIComponent(r.id)}`}
      toolbar={
        <>
          <FilterSelect param="status" label={t("status")} allLabel={t("allStatuses")} options={JOB_STATUSES.map((s) => ({ value: s, label: statuses(s) }))} />
          <FilterSelect param="function" label={t("function")} allLabel={t("allFunctions")} options={functions.map((f) => ({ value: f.id, label: f.name }))} />
        </>
      }
      emptyState={
        <EmptyState
          icon={<ClipboardList aria-hidden="true" />}
          title={t("emptyTitle")}
          description={t("emptyText")}
        />
      }
    />
  );
}
