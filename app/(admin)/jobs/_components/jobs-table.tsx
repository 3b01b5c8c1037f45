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
import { formatDuration, JOB_STATUSES, JOB_STATUS_LABELS } from "@/core/jobs/status";
import { DateTime } from "@/components/format/formatted";
import { RunStatus } from "./run-status";

const col = createDataTableColumnHelper<JobRunRow>();

function columnsFor(timeZone: string) {
  return col.columns([
    col.accessor("functionName", {
      id: "function",
      header: "Function",
      cell: (info) => (
        <Link href={`/jobs/${encodeURIComponent(info.row.original.id)}`} className="font-medium text-foreground hover:underline">
          {info.getValue()}
        </Link>
      ),
    }),
    col.accessor("subject", {
      header: "Worked on",
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
      header: "Status",
      cell: (info) => <RunStatus run={info.row.original} timeZone={timeZone} />,
    }),
    col.accessor("startedAt", {
      header: "Started",
      enableSorting: true,
      cell: (info) => <span className="tabular-nums"><DateTime value={info.getValue()} /></span>,
    }),
    col.accessor("durationMs", {
      id: "duration",
      header: "Duration",
      enableSorting: true,
      meta: { align: "end" },
      cell: (info) => <span className="tabular-nums">{formatDuration(info.getValue())}</span>,
    }),
    col.accessor("attempts", {
      header: "Attempts",
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
  return (
    <DataTable
      caption="Background job runs"
      columns={columnsForZone(timeZone)}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={sort}
      dir={dir}
      searchPlaceholder="Search function"
      getRowHref={(r) => `/jobs/${encodeURIComponent(r.id)}`}
      toolbar={
        <>
          <FilterSelect param="status" label="Status" allLabel="All statuses" options={JOB_STATUSES.map((s) => ({ value: s, label: JOB_STATUS_LABELS[s] }))} />
          <FilterSelect param="function" label="Function" allLabel="All functions" options={functions.map((f) => ({ value: f.id, label: f.name }))} />
        </>
      }
      emptyState={
        <EmptyState
          icon={<ClipboardList aria-hidden="true" />}
          title="No background jobs yet"
          description="Background jobs — reminders, exports, plugin work and other tasks that run outside a request — appear here with their status, once something in this organization starts one."
        />
      }
    />
  );
}
