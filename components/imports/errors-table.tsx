"use client";
// The first rejected rows of an import — row number, column, reason — and the link to all of them as
// a CSV (original columns plus an "error" column) that can be fixed and uploaded again.
import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { RowError } from "@/core/imports/types";
import { useTranslations } from "next-intl";
import { count } from "./labels";
import { useOrgFormat } from "@/components/format/org-format";
import { useServerText } from "@/components/ui/field-text";

export function ErrorsTable({ importId, errors, total }: { importId: string; errors: RowError[]; total: number }) {
  const { locale } = useOrgFormat();
  const t = useTranslations("imports");
  // The reasons are the resource's English messages (the errors CSV and the API keep them so); the member reads them in their language.
  const text = useServerText();
  if (total === 0 && errors.length === 0) return null;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          {errors.length < total ? t("errors.firstOf", { shown: count(errors.length, locale), total: count(total, locale) }) : t("errors.all", { total: count(total, locale), n: total })}
        </p>
        <a href={`/api/v1/imports/${importId}/errors.csv`} download className={buttonVariants({ variant: "outline", size: "sm" })}>
          <Download aria-hidden="true" /> {t("errors.download")}
        </a>
      </div>
      <Table aria-label={t("errors.label")}>
        <THead>
          <TR>
            <TH className="text-right">{t("errors.row")}</TH>
            <TH>{t("errors.column")}</TH>
            <TH>{t("errors.reason")}</TH>
          </TR>
        </THead>
        <TBody>
          {errors.map((e, i) => (
            <TR key={`${e.row}:${e.column ?? e.field ?? ""}:${i}`}>
              <TD className="text-right tabular-nums" title={e.line && e.line !== e.row + 1 ? t("errors.lineOfFile", { line: e.line }) : undefined}>
                {e.row}
              </TD>
              <TD>{e.column ?? e.field ?? "—"}</TD>
              <TD className="whitespace-pre-wrap break-words">{text(e.reason)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <p className="text-xs text-muted-foreground">{t("errors.help")}</p>
    </div>
  );
}
