// /exports/<id>: one background export — its progress (kept in the database, so it survives a reload),
// then the download link, or why it failed.
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

export const metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireOrgContext();
  const view = await getExportView(ctx, (await params).id);
  if (!view) notFound();
  const fmt = orgFormat(ctx.organization);
  const active = view.status === "queued" || view.status === "running";
  const total = view.totalRows ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((view.rowsDone / total) * 100)) : active ? 0 : 100;
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/exports" className="hover:underline">← Exports</Link>}
        title={`Export of ${view.resourceLabel.toLowerCase()}`}
        description={`${scopeLabel(view.query, fmt.locale)} · started ${fmt.dateTime(view.createdAt)}${view.createdBy ? ` by ${view.createdBy}` : ""}`}
      />
      <AutoRefresh active={active} />
      <Card>
        <CardContent className="grid gap-4 pt-6" data-export-status={view.status}>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <ExportStatusBadge status={view.status} />
            <span className="tabular-nums text-muted-foreground">
              {fmt.number(view.rowsDone)} of {fmt.number(total)} rows
            </span>
          </div>
          <div className="h-2 overflow-hidden rounded-full bg-muted" role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          {view.status === "failed" ? <p className="text-sm text-danger-text">{view.error ?? "The export failed."} Start it again from the list page.</p> : null}
          {view.download ? (
            <div className="flex flex-wrap items-center gap-3">
              <a href={view.download.href} download className={buttonVariants()}>
                <Download aria-hidden="true" /> Download {view.download.name}
              </a>
              <span className="text-sm text-muted-foreground">
                {formatBytes(view.download.size)} · kept until {fmt.dateTime(view.download.expiresAt)}
              </span>
            </div>
          ) : view.status === "completed" ? (
            <p className="text-sm text-muted-foreground">The file was removed after the retention period. Export again from the list page.</p>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
