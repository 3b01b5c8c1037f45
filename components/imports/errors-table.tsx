"use client";
// The first rejected rows of an import — row number, column, reason — and the link to all of them as
// a CSV (original columns plus an "error" column) that can be fixed and uploaded again.
import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { RowError } from "@/core/imports/types";
import { count } from "./labels";
import { useOrgFormat } from "@/components/format/org-format";

export function ErrorsTable({ importId, errors, total }: { importId: string; errors: RowError[]; total: number }) {
  const { locale } = useOrgFormat();
  if (total === 0 && errors.length === 0) return null;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          {errors.length < total ? `The first ${count(errors.length, locale)} of ${count(total, locale)} problems:` : `${count(total, locale)} ${total === 1 ? "problem" : "problems"}:`}
        </p>
        <a href={`/api/v1/imports/${importId}/errors.csv`} download className={buttonVariants({ variant: "outline", size: "sm" })}>
          <Download aria-hidden="true" /> Download rejected rows (CSV)
        </a>
      </div>
      <Table aria-label="Rejected rows">
        <THead>
          <TR>
            <TH className="text-right">Row</TH>
            <TH>Column</TH>
            <TH>Reason</TH>
          </TR>
        </THead>
        <TBody>
          {errors.map((e, i) => (
            <TR key={`${e.row}:${e.column ?? e.field ?? ""}:${i}`}>
              <TD className="text-right tabular-nums" title={e.line && e.line !== e.row + 1 ? `line ${e.line} of the file` : undefined}>
                {e.row}
              </TD>
              <TD>{e.column ?? e.field ?? "—"}</TD>
              <TD className="whitespace-pre-wrap break-words">{e.reason}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <p className="text-xs text-muted-foreground">Row 1 is the first row after the header. Fix the rows in the downloaded file and import it again.</p>
    </div>
  );
}
