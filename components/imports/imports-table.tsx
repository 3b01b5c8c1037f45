// The organization's imports, newest first: what, which file, status, counts, who and when. The page
// is a slice the database cut (LIMIT/OFFSET on an index of organizationId, createdAt), not a filter of
// everything in the browser.
import Link from "next/link";
import { FileUp } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageLink } from "@/components/ui/page-link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DateTime, Num } from "@/components/format/formatted";
import { statusLabel, statusVariant } from "./labels";

export type ImportListRow = {
  id: string;
  resourceLabel: string;
  fileName: string;
  status: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  totalRows: number | null;
  createdByName: string | null;
  /** ISO timestamp. */
  createdAt: string;
};

type Props = { rows: ImportListRow[]; page: number; pageCount: number; total: number; hrefFor: (page: number) => string };

export function ImportsTable({ rows, page, pageCount, total, hrefFor }: Props) {
  if (total === 0) {
    return (
      <EmptyState
        icon={<FileUp aria-hidden="true" />}
        title="No imports yet"
        description="Import patients or inventory items from a CSV file: you check the columns and see a preview before anything is written, and can undo it afterwards."
        action={
          <Link href="/imports/new" className={buttonVariants()}>
            New import
          </Link>
        }
      />
    );
  }
  return (
    <div className="grid gap-3">
      <Table aria-label="Imports">
        <THead>
          <TR>
            <TH>File</TH>
            <TH>Records</TH>
            <TH>Status</TH>
            <TH className="text-right">Created</TH>
            <TH className="text-right">Updated</TH>
            <TH className="text-right">Unchanged</TH>
            <TH className="text-right">Rejected</TH>
            <TH>By</TH>
            <TH>When</TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR key={r.id}>
              <TD className="max-w-72 truncate font-medium">
                <Link href={`/imports/${r.id}`} className="hover:underline" title={r.fileName}>
                  {r.fileName}
                </Link>
              </TD>
              <TD>{r.resourceLabel}</TD>
              <TD>
                <Badge variant={statusVariant(r.status)}>{statusLabel(r.status)}</Badge>
              </TD>
              <TD className="text-right tabular-nums"><Num value={r.created} /></TD>
              <TD className="text-right tabular-nums"><Num value={r.updated} /></TD>
              <TD className="text-right tabular-nums"><Num value={r.unchanged} /></TD>
              <TD className="text-right tabular-nums"><Num value={r.rejected} /></TD>
              <TD>{r.createdByName ?? "—"}</TD>
              <TD className="whitespace-nowrap tabular-nums"><DateTime value={r.createdAt} /></TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {pageCount > 1 ? (
        <nav aria-label="Pages of imports" className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground">
            Page {page} of {pageCount}
          </span>
          <PageLink href={page > 1 ? hrefFor(page - 1) : null}>Previous</PageLink>
          <PageLink href={page < pageCount ? hrefFor(page + 1) : null}>Next</PageLink>
        </nav>
      ) : null}
    </div>
  );
}
