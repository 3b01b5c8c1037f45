// /audit: the audit log of the organization (audit.view). Filters, sort and page come from the URL
// and are applied in PostgreSQL (queries/); export (audit.export) streams the same filter as CSV;
// "Verify chain" (audit.verify) walks the whole hash chain.
import { pluginTranslator } from "@/core/i18n/translate";
import type { AuditMessages } from "../messages";
import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { parseListParams } from "@/core/lists/list-params";
import { hasPermission } from "@/core/plugins/permissions";
import type { PageProps } from "@/core/plugins/types";
import { EntriesTable } from "../components/entries-table";
import { VerifyButton } from "../components/verify-button";
import { AUDIT_PERMISSIONS as P } from "../permissions";
import { entryPageRequest, listEntries } from "../queries/entries";
import { auditGaps } from "../queries/gaps";
import { filterToParams, parseAuditFilter } from "../queries/filters";
import { orgFormat } from "@/core/format/org-format";

export default async function AuditPage({ ctx, searchParams }: PageProps) {
  const params = parseListParams(searchParams, ["at"] as const, { sort: "at", dir: "desc", pageSize: 50 });
  const { filter, errors } = parseAuditFilter(searchParams);
  const [canExport, canVerify, list, gaps] = await Promise.all([
    hasPermission(ctx, P.export),
    hasPermission(ctx, P.verify),
    listEntries(ctx.organization.id, ctx.organization.timezone, filter, { request: entryPageRequest(searchParams, params.dir), pageSize: params.pageSize, dir: params.dir }),
    auditGaps(ctx.organization.id),
  ]);
  const fmt = orgFormat(ctx.organization);
  const t = pluginTranslator<AuditMessages>(ctx, "audit");
  const exportHref = `/api/v1/audit/entries.csv?${filterToParams(filter).toString()}`;
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("pages.title")}
        description={t("pages.description", { organization: ctx.organization.name })}
        actions={
          <div className="flex items-start gap-3">
            {canExport ? (
              <a href={exportHref} download className={buttonVariants({ variant: "outline" })}>
                <Download aria-hidden="true" /> Export CSV
              </a>
            ) : null}
            {canVerify ? <VerifyButton /> : null}
          </div>
        }
      />
      {gaps.length ? (
        <section aria-label="Gaps in the audit trail" className="rounded-lg border border-warning-border bg-warning-soft p-4 text-sm text-warning-text">
          <h2 className="font-semibold">Gaps in the audit trail</h2>
          <p className="mt-1">Nothing done while auditing was off was recorded.</p>
          <ul className="mt-2 grid gap-1">
            {gaps.map((g) => (
              <li key={g.from}>
                Auditing was off from {fmt.dateTime(new Date(g.from))} to {g.to ? fmt.dateTime(new Date(g.to)) : "now"} by {g.by}
                {g.reason ? <>: “{g.reason}”</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <EntriesTable rows={list.rows} paging={list.paging} pageSize={params.pageSize} sort="at" dir={params.dir} errors={errors} />
    </div>
  );
}
