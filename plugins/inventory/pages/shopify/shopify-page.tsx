// /inventory/shopify — the Shopify sync: whether it is set up (the shop URL, and only whether a token
// is set), "Sync now", the organization's recent sync runs with their counts or error, and the items
// whose last sync failed with Shopify's reason, a page at a time (?page=).
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { PageLink } from "@/components/ui/page-link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDuration, jobStatusLabel, jobStatusVariant } from "@/core/jobs/status";
import { first } from "@/core/lists/list-params";
import type { PageProps } from "@/core/plugins/types";
import { failedItems, recentSyncRuns, shopifyStatus, syncInProgress, type SyncRun } from "./queries";
import { SyncNowButton } from "./sync-now-button";
import { orgFormat, type OrgFormat } from "@/core/format/org-format";


export default async function ShopifyPage({ ctx, searchParams }: PageProps) {
  const page = Math.max(1, Number.parseInt(first(searchParams.page) ?? "1", 10) || 1);
  const [status, runs, failed, busy] = await Promise.all([shopifyStatus(ctx), recentSyncRuns(ctx), failedItems(ctx, page), syncInProgress(ctx)]);
  const fmt = orgFormat(ctx.organization);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  const admin = ctx.can("organization.manage");
  const missing = [!status.shopUrl && "the shop URL", !status.tokenSet && "the access token"].filter(Boolean).join(" and ");
  const blocked = missing ? `Enter ${missing} in the Inventory settings first.` : status.shopUrlProblem ? `The shop URL is not usable: ${status.shopUrlProblem}.` : busy ? "A sync is already waiting or running." : undefined;

  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("pages.shopify")}
        description={t("pages.shopifyDescription")}
        actions={<SyncNowButton disabled={Boolean(blocked)} reason={blocked} />}
      />

      <Card>
        <CardHeader>
          <CardTitle>Connection</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">Shop URL</dt>
              <dd className="font-medium break-all">{status.shopUrl || <Badge variant="warning">Not set</Badge>}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Access token</dt>
              <dd>{status.tokenSet ? <Badge variant="success">Set</Badge> : <Badge variant="warning">Not set</Badge>}</dd>
            </div>
          </dl>
          {blocked && !busy ? (
            <p className="text-sm text-muted-foreground">
              {blocked}{" "}
              {admin ? (
                <Link href="/plugins/inventory/settings" className="font-medium text-foreground underline">
                  Open the Inventory settings
                </Link>
              ) : (
                "Ask an owner or admin to set it up."
              )}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Recent syncs</CardTitle>
        </CardHeader>
        <CardContent>{runs.length === 0 ? <EmptyState title="No sync has run yet" description="Runs appear here once someone presses Sync now." /> : <RunsTable runs={runs} fmt={fmt} linkRuns={admin} />}</CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Items that failed to sync{failed.total ? ` (${fmt.number(failed.total)})` : ""}</CardTitle>
        </CardHeader>
        <CardContent>
          {failed.total === 0 ? (
            <EmptyState title="No failures" description="Items whose last sync failed are listed here with Shopify's reason, until a later sync succeeds." />
          ) : (
            <div>
              <Table aria-label="Items that failed to sync">
                <THead>
                  <TR>
                    <TH>Item</TH>
                    <TH>Shopify ids</TH>
                    <TH>Error</TH>
                    <TH>Last synced</TH>
                  </TR>
                </THead>
                <TBody>
                  {failed.rows.map((r) => (
                    <TR key={r.id}>
                      <TD>
                        <Link href={`/inventory/items/${r.id}`} className="font-medium hover:underline">
                          {r.name}
                        </Link>
                        <span className="block text-xs text-muted-foreground">{r.sku}</span>
                      </TD>
                      <TD className="text-xs break-all">
                        item {r.shopifyInventoryItemId ?? "—"}
                        <span className="block">location {r.shopifyLocationId ?? "—"}</span>
                      </TD>
                      <TD className="max-w-md text-sm break-words">{r.error}</TD>
                      <TD className="whitespace-nowrap tabular-nums">{r.lastSyncedAt ? fmt.dateTime(r.lastSyncedAt) : "Never"}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-sm">
                <p className="text-muted-foreground">
                  Page {fmt.number(failed.page)} of {fmt.number(failed.pageCount)}
                </p>
                <nav aria-label="Failed item pages" className="flex gap-2">
                  <PageLink href={failed.page > 1 ? `/inventory/shopify?page=${failed.page - 1}` : null}>
                    <ChevronLeft aria-hidden="true" /> Previous
                  </PageLink>
                  <PageLink href={failed.page < failed.pageCount ? `/inventory/shopify?page=${failed.page + 1}` : null}>
                    Next <ChevronRight aria-hidden="true" />
                  </PageLink>
                </nav>
              </div>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function RunsTable({ runs, fmt, linkRuns }: { runs: SyncRun[]; fmt: OrgFormat; linkRuns: boolean }) {
  return (
    <Table aria-label="Recent syncs">
      <THead>
        <TR>
          <TH>Started</TH>
          <TH>Status</TH>
          <TH className="text-right">Synced</TH>
          <TH className="text-right">Failed</TH>
          <TH>Duration</TH>
          <TH>Details</TH>
        </TR>
      </THead>
      <TBody>
        {runs.map((r) => {
          const when = fmt.dateTime(r.startedAt ?? r.createdAt);
          const duration = r.startedAt && r.endedAt ? Date.parse(r.endedAt) - Date.parse(r.startedAt) : null;
          return (
            <TR key={r.id}>
              <TD className="whitespace-nowrap tabular-nums">{linkRuns ? <Link href={`/jobs/${r.id}`} className="hover:underline">{when}</Link> : when}</TD>
              <TD>
                <Badge variant={jobStatusVariant(r.status)}>{jobStatusLabel(r.status)}</Badge>
              </TD>
              <TD className="text-right tabular-nums">{r.synced === null ? "—" : fmt.number(r.synced)}</TD>
              <TD className="text-right tabular-nums">{r.failed === null ? "—" : fmt.number(r.failed)}</TD>
              <TD className="tabular-nums">{formatDuration(duration)}</TD>
              <TD className="max-w-md text-sm break-words">{r.error ?? (r.continued ? "Continued in a follow-up run." : "")}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
