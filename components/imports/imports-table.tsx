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
import { statusVariant } from "./labels";
import type { translatorFor } from "@/core/i18n/translate";
import type { ImportStatus } from "./types";

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

type Props = {
  rows: ImportListRow[];
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  /** The page's translator (a server component: it gets the member's words from the page). */
  t: ReturnType<typeof translatorFor<"imports">>;
};

export function ImportsTable({ rows, page, pageCount, total, hrefFor, t }: Props) {
  if (total === 0) {
    return (
      <EmptyState
        icon={<FileUp aria-hidden="true" />}
        title={t("list.emptyTitle")}
        description={t("list.emptyText")}
        action={
          <Link href="/imports/new" className={buttonVariants()}>
            {t("newImport")}
          </Link>
        }
      />
    );
  }
  return (
    <div className="grid gap-3">
      <Table aria-label={t("list.label")}>
        <THead>
          <TR>
            <TH>{t("list.file")}</TH>
            <TH>{t("list.records")}</TH>
            <TH>{t("list.status")}</TH>
            <TH className="text-right">{t("list.created")}</TH>
            <TH className="text-right">{t("list.updated")}</TH>
            <TH className="text-right">{t("list.unchanged")}</TH>
            <TH className="text-right">{t("list.rejected")}</TH>
            <TH>{t("list.by")}</TH>
            <TH>{t("list.when")}</TH>
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
                <Badge variant={statusVariant(r.status)}>{t(`status.${r.status as ImportStatus}`)}</Badge>
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
        <nav aria-label={t("list.pages")} className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground">{t("list.pageOf", { page, count: pageCount })}</span>
          <PageLink href={page > 1 ? hrefFor(page - 1) : null}>{t("list.previous")}</PageLink>
          <PageLink href={page < pageCount ? hrefFor(page + 1) : null}>{t("list.next")}</PageLink>
        </nav>
      ) : null}
    </div>
  );
}
