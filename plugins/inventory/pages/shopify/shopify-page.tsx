// /inventory/shopify — the Shopify sync: whether it is set up (the shop URL, and only whether a token
// is set), "Sync now", the organization's recent sync runs with their counts or error, and the items
// whose last sync failed with Shopify's reason, a page at a time (?page=).
import { pluginTranslator, translatorFor, type PluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { PageLink } from "@/components/ui/page-link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDuration, jobStatusLabel, jobStatusVariant, type JobWords } from "@/core/jobs/status";
import { first } from "@/core/lists/list-params";
import type { PageProps } from "@/core/plugins/types";
import { failedItems, recentSyncRuns, shopifyStatus, syncInProgress, type SyncRun } from "./queries";
import { SyncNowButton } from "./sync-now-button";
import { orgFormat, type OrgFormat } from "@/core/format/org-format";
import { textTranslator } from "@/core/i18n/texts/for-language";


export default async function ShopifyPage({ ctx, searchParams }: PageProps) {
  const page = Math.max(1, Number.parseInt(first(searchParams.page) ?? "1", 10) || 1);
  const [status, runs, failed, busy] = await Promise.all([shopifyStatus(ctx), recentSyncRuns(ctx), failedItems(ctx, page), syncInProgress(ctx)]);
  const fmt = orgFormat(ctx.organization);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  // Sync failures are stored as Shopify and our client said them, in English; shown in the member's language.
  const text = textTranslator(ctx);
  const admin = ctx.can("organization.manage");
  const missing = !status.shopUrl && !status.tokenSet ? "missingBoth" : !status.shopUrl ? "missingUrl" : !status.tokenSet ? "missingToken" : null;
  const blocked = missing
    ? t(`shopify.${missing}`)
    : status.shopUrlProblem
      ? t("shopify.badUrl", { problem: text(status.shopUrlProblem) })
      : busy
        ? t("shopify.busy")
        : undefined;

  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("pages.shopify")}
        description={t("pages.shopifyDescription")}
        actions={<SyncNowButton disabled={Boolean(blocked)} reason={blocked} label={t("shopify.syncNow")} started={t("shopify.syncStarted")} />}
      />

      <Card>
        <CardHeader>
          <CardTitle>{t("shopify.connection")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">{t("shopify.shopUrl")}</dt>
              <dd className="font-medium break-all">{status.shopUrl || <Badge variant="warning">{t("shopify.notSet")}</Badge>}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("shopify.accessToken")}</dt>
              <dd>{status.tokenSet ? <Badge variant="success">{t("shopify.set")}</Badge> : <Badge variant="warning">{t("shopify.notSet")}</Badge>}</dd>
            </div>
          </dl>
          {blocked && !busy ? (
            <p className="text-sm text-muted-foreground">
              {blocked}{" "}
              {admin ? (
                <Link href="/plugins/inventory/settings" className="font-medium text-foreground underline">
                  {t("shopify.openSettings")}
                </Link>
              ) : (
                t("shopify.askAdmin")
              )}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("shopify.recent")}</CardTitle>
        </CardHeader>
        <CardContent>{runs.length === 0 ? <EmptyState title={t("shopify.noRuns")} description={t("shopify.noRunsText")} /> : <RunsTable text={text} runs={runs} fmt={fmt} t={t} jobWords={translatorFor(ctx, "jobs")} linkRuns={admin} />}</CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{failed.total ? t("shopify.failedCount", { count: fmt.number(failed.total) }) : t("shopify.failedTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          {failed.total === 0 ? (
            <EmptyState title={t("shopify.noFailures")} description={t("shopify.noFailuresText")} />
          ) : (
            <div>
              <Table aria-label={t("shopify.failedTitle")}>
                <THead>
                  <TR>
                    <TH>{t("shopify.item")}</TH>
                    <TH>{t("shopify.ids")}</TH>
                    <TH>{t("shopify.error")}</TH>
                    <TH>{t("shopify.lastSynced")}</TH>
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
                        {t("shopify.itemId", { id: r.shopifyInventoryItemId ?? "—" })}
                        <span className="block">{t("shopify.locationId", { id: r.shopifyLocationId ?? "—" })}</span>
                      </TD>
                      <TD className="max-w-md text-sm break-words">{text(r.error)}</TD>
                      <TD className="whitespace-nowrap tabular-nums">{r.lastSyncedAt ? fmt.dateTime(r.lastSyncedAt) : t("shopify.never")}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-sm">
                <p className="text-muted-foreground">
                  {t("shopify.pageOf", { page: fmt.number(failed.page), pageCount: fmt.number(failed.pageCount) })}
                </p>
                <nav aria-label={t("shopify.pages")} className="flex gap-2">
                  <PageLink href={failed.page > 1 ? `/inventory/shopify?page=${failed.page - 1}` : null}>
                    <ChevronLeft aria-hidden="true" /> {t("shopify.previous")}
                  </PageLink>
                  <PageLink href={failed.page < failed.pageCount ? `/inventory/shopify?page=${failed.page + 1}` : null}>
                    {t("shopify.next")} <ChevronRight aria-hidden="true" />
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

function RunsTable({ runs, fmt, t, text, jobWords, linkRuns }: { runs: SyncRun[]; fmt: OrgFormat; t: PluginTranslator<InventoryMessages>; text: (message: string) => string; jobWords: JobWords; linkRuns: boolean }) {
  return (
    <Table aria-label={t("shopify.recent")}>
      <THead>
        <TR>
          <TH>{t("shopify.started")}</TH>
          <TH>{t("shopify.status")}</TH>
          <TH className="text-right">{t("shopify.synced")}</TH>
          <TH className="text-right">{t("shopify.failed")}</TH>
          <TH>{t("shopify.duration")}</TH>
          <TH>{t("shopify.details")}</TH>
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
                <Badge variant={jobStatusVariant(r.status)}>{jobStatusLabel(r.status, jobWords)}</Badge>
              </TD>
              <TD className="text-right tabular-nums">{r.synced === null ? "—" : fmt.number(r.synced)}</TD>
              <TD className="text-right tabular-nums">{r.failed === null ? "—" : fmt.number(r.failed)}</TD>
              <TD className="tabular-nums">{formatDuration(duration)}</TD>
              <TD className="max-w-md text-sm break-words">{r.error !== null ? text(r.error) : (r.continued ? t("shopify.continued") : "")}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
