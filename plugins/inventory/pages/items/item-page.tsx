// /inventory/items/:id — the item: details and status, the open low-stock alert, the stock chart over
// 30 or 90 days (?days=), the adjustment history (?page=) and, for members who may adjust stock, the
// adjust-stock form, and the record.history zone (e.g. the audit log's history of the item, when a
// plugin contributes one — inventory knows none). Another organization's item id is a 404, exactly like one that does not exist.
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TriangleAlert } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { first } from "@/core/lists/list-params";
import { hasPermission } from "@/core/plugins/permissions";
import type { PageProps } from "@/core/plugins/types";
import { utcToZonedLocal } from "@/core/time/zoned";
import { StockChart } from "../../components/stock-chart";
import { adjustmentHistory, parseChartRange, stockSeries, type ChartRange } from "../../items/history";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { AdjustStockForm } from "./adjust-stock-form";
import { AdjustmentHistory } from "./adjustment-history";
import { ChartRangeToggle } from "./chart-range-toggle";
import { DeleteItemButton } from "./delete-item-button";
import { ItemDetails } from "./item-details";
import { textTranslator } from "@/core/i18n/texts/for-language";
import { LiveQuantityProvider } from "./live-quantity";
import { getItemDetail, getOpenAlert } from "./item-reads";
import { formatQuantity } from "../../components/quantity";
import { orgFormat } from "@/core/format/org-format";

const HISTORY_PAGE_SIZE = 20;

export default async function ItemPage({ ctx, params, searchParams, WidgetZone }: PageProps & { params: Record<string, string> }) {
  const fmt = orgFormat(ctx.organization);
  const id = params.id ?? "";
  const item = await getItemDetail(ctx.db, id);
  if (!item) notFound();
  const days = parseChartRange(searchParams.days);
  const page = Math.max(1, Number.parseInt(first(searchParams.page) ?? "1", 10) || 1);
  const { id: orgId, timezone: tz } = ctx.organization;
  const [alert, points, history, canManage, canAdjust, canDelete] = await Promise.all([
    getOpenAlert(ctx.db, item.id),
    stockSeries(orgId, item.id, { days, timeZone: tz }),
    adjustmentHistory(orgId, item.id, { page, pageSize: HISTORY_PAGE_SIZE }),
    hasPermission(ctx, P.manage),
    hasPermission(ctx, P.adjust),
    hasPermission(ctx, P.delete),
  ]);
  const href = (next: { days?: ChartRange; page?: number }) => {
    const q = new URLSearchParams();
    const d = next.days ?? days;
    const p = next.page ?? history.page;
    if (d !== 30) q.set("days", String(d));
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return `/inventory/items/${item.id}${s ? `?${s}` : ""}`;
  };

  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  return (
    <LiveQuantityProvider quantity={item.quantity}>
      <div className="grid gap-6">
        <PageHeader
          eyebrow={<Link href="/inventory" className="hover:underline">{t("pages.inventory")}</Link>}
          title={item.name}
          description={
            item.categoryName
              ? t("pages.itemDescriptionInCategory", { sku: item.sku, category: item.categoryName, date: fmt.date(item.createdAt) })
              : t("pages.itemDescription", { sku: item.sku, date: fmt.date(item.createdAt) })
          }
          actions={
            canManage || canDelete ? (
              <div className="flex gap-2">
                {canManage ? (
                  <Link href={`/inventory/items/${item.id}/edit`} className={buttonVariants({ variant: "outline" })}>
                    {t("item.edit")}
                  </Link>
                ) : null}
                {canDelete ? <DeleteItemButton id={item.id} label={item.name} adjustments={history.total} /> : null}
              </div>
            ) : null
          }
        />
        {alert ? (
          <div role="status" className="flex items-start gap-3 rounded-lg border border-warning-border bg-warning-soft px-4 py-3 text-sm text-warning-text">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <p>
              {t.rich("item.alert", {
                b: (chunks) => <span className="font-semibold">{chunks}</span>,
                since: fmt.dateTime(alert.openedAt),
                quantity: formatQuantity(alert.quantity, item.unit, { locale: fmt.locale }),
                threshold: formatQuantity(alert.threshold, item.unit, { locale: fmt.locale }),
              })}
            </p>
          </div>
        ) : null}
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Card>
            <CardHeader>
              <CardTitle>{t("item.details")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ItemDetails item={item} fmt={fmt} t={t} text={textTranslator(ctx)} today={utcToZonedLocal(new Date(), tz).slice(0, 10)} />
            </CardContent>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle>{t("item.stockHistory")}</CardTitle>
              <ChartRangeToggle current={days} hrefFor={(d) => href({ days: d, page: 1 })} label={t("item.chartRange")} daysLabel={(d) => t("item.days", { days: d })} />
            </CardHeader>
            <CardContent>
              {points ? <StockChart points={points} unit={item.unit} threshold={item.reorderThreshold} title={t("item.chartTitle", { days })} locale={fmt.locale} words={(key, values) => t(`chart.${key}`, values)} /> : null}
            </CardContent>
          </Card>
        </div>
        <div className="grid items-start gap-6 lg:grid-cols-3">
          {canAdjust ? (
            <Card id="adjust" className="scroll-mt-20">
              <CardHeader>
                <CardTitle>{t("item.adjust")}</CardTitle>
              </CardHeader>
              <CardContent>
                <AdjustStockForm itemId={item.id} unit={item.unit} />
              </CardContent>
            </Card>
          ) : null}
          <Card className={canAdjust ? "lg:col-span-2" : "lg:col-span-3"}>
            <CardHeader>
              <CardTitle>{t("item.adjustments", { count: fmt.number(history.total) })}</CardTitle>
            </CardHeader>
            <CardContent className="px-0 sm:px-0">
              <AdjustmentHistory history={history} fmt={fmt} t={t} hrefFor={(p) => href({ page: p })} />
            </CardContent>
          </Card>
        </div>
        <WidgetZone name="record.history" record={{ type: "inventory.item", id: item.id }} as="section" label={t("item.history")} />
      </div>
    </LiveQuantityProvider>
  );
}
