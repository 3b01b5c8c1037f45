// /exports: the organization's background exports (of resources the member may export), newest first.
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { Download } from "lucide-react";
import { ExportStatusBadge, scopeLabel } from "@/components/data-transfer/export-status";
import { formatBytes } from "@/core/format/bytes";
import { AutoRefresh } from "@/components/data-transfer/auto-refresh";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireOrgContext } from "@/core/auth/context";
import { listExports } from "@/core/imports/export/service";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("exports.title");

export default async function ExportsPage() {
  const ctx = await requireOrgContext();
  const exports = await listExports(ctx);
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "exports");
  const scopes = translatorFor(ctx, "dataTransfer");
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <AutoRefresh active={exports.some((e) => e.status === "queued" || e.status === "running")} ms={2_000} />
      {exports.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyText")} />
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>{t("started")}</TH>
              <TH>{t("what")}</TH>
              <TH>{t("rows")}</TH>
              <TH>{t("status")}</TH>
              <TH>{t("by")}</TH>
              <TH>{t("file")}</TH>
            </TR>
          </THead>
          <TBody>
            {exports.map((e) => (
              <TR key={e.id}>
                <TD>
                  <Link href={`/exports/${e.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
                    {fmt.dateTime(e.createdAt)}
                  </Link>
                </TD>
                <TD>
                  {e.resourceLabel} · {scopeLabel(e.query, fmt.locale, scopes)}
                </TD>
                <TD className="tabular-nums">
                  {fmt.number(e.rowsDone)}
                  {e.totalRows !== null && e.status !== "completed" ? ` / ${fmt.number(e.totalRows)}` : ""}
                </TD>
                <TD>
                  <ExportStatusBadge status={e.status} />
                </TD>
                <TD>{e.createdBy ?? "—"}</TD>
                <TD>
                  {e.download ? (
                    <a href={e.download.href} className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline" download>
                      <Download aria-hidden="true" className="size-4" /> {formatBytes(e.download.size)}
                    </a>
                  ) : (
                    "—"
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
