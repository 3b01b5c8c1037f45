// /exports/<id>: one background export — its progress (kept in the database, so it survives a reload),
// then the download link, or why it failed.
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download } from "lucide-react";
import { AutoRefresh } from "@/components/data-transfer/auto-refresh";
import { ExportStatusBadge, scopeLabel } from "@/components/data-transfer/export-status";
import { formatBytes } from "@/core/format/bytes";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { getExportView } from "@/core/imports/export/service";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("exports.pageTitle");

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireOrgContext();
  const view = await getExportView(ctx, (await params).id);
  if (!view) notFound();
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "exports");
  const scope = scopeLabel(view.query, fmt.locale, translatorFor(ctx, "dataTransfer"));
  const active = view.status === "queued" || view.status === "running";
  const total = view.totalRows ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((view.rowsDone / total) * 100)) : active ? 0 : 100;
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/exports" className="hover:underline">{t("back")}</Link>}
        title={t("exportOf", { resource: view.resourceLabel.toLowerCase() })}
        description={view.createdBy ? t("startedBy", { scope, at: fmt.dateTime(view.createdAt), name: view.createdBy }) : t("startedAt", { scope, at: fmt.dateTime(view.createdAt) })}
      />
      <AutoRefresh active={active} />
      <Card>
        <CardContent className="grid gap-4 pt-6" data-export-status={view.status}>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <ExportStatusBadge status={view.status} />
            <span className="tabular-nums text-muted-foreground">
              {t("rowsOf", { done: fmt.number(view.rowsDone), total: fmt.number(total) })}
            </span>
          </div>
          <div className="h-2 overflow-hidden rounded-full bg-muted" role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          {view.status === "failed" ? <p className="text-sm text-danger-text">{view.error ?? t("failed")} {t("startAgain")}</p> : null}
          {view.download ? (
            <div className="flex flex-wrap items-center gap-3">
              <a href={view.download.href} download className={buttonVariants()}>
                <Download aria-hidden="true" /> {t("download", { name: view.download.name })}
              </a>
              <span className="text-sm text-muted-foreground">
                {t("keptUntil", { size: formatBytes(view.download.size), at: fmt.dateTime(view.download.expiresAt) })}
              </span>
            </div>
          ) : view.status === "completed" ? (
            <p className="text-sm text-muted-foreground">{t("removed")}</p>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
