// /inventory/reports (the seed's reports/ admin view): stock value by category and items below
// threshold (the current state), adjustments over time, the low-stock trend and top movers (the chosen days, in the
// organization's time zone). Each report is one statement (plugins/inventory/reports/*) and streams
// into its own card as soon as it is ready, so a long range over a big history delays only its own
// section; each has its CSV download with the same range.
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { orgFormat, type OrgFormat } from "@/core/format/org-format";
import type { PageProps } from "@/core/plugins/types";
import { adjustmentsOverTime } from "../../reports/adjustments-over-time";
import { itemsBelowThreshold } from "../../reports/below-threshold";
import { lowStockTrend } from "../../reports/low-stock-trend";
import { parseReportRange, rangeQuery, todayIn, type ReportRange } from "../../reports/range";
import type { ReportSection as Section } from "../../reports/report-csv";
import { stockValueByCategory } from "../../reports/stock-value";
import { TOP_MOVERS_CSV, TOP_MOVERS_PAGE, topMovers } from "../../reports/top-movers";
import { AdjustmentsInOutChart, LowStockTrendChart, StockValueChart, TopMoversChart } from "./charts";
import { longDay, shortDay, summarizeAdjustments, summarizeLowStock } from "./days";
import { LowStockTrendTable } from "./low-stock-trend-table";
import { AdjustmentsTable } from "./adjustments-table";
import { BelowThresholdTable } from "./below-threshold-table";
import { RangeForm } from "./range-form";
import { ReportSection } from "./report-section";
import { StockValueTable } from "./stock-value-table";
import { TopMoversTable } from "./top-movers-table";

type Org = PageProps["ctx"]["organization"];

const csvHref = (section: Section, range: ReportRange | null) =>
  `/api/v1/inventory/reports/${section}.csv${range ? `?${rangeQuery(range)}` : ""}`;


function Loading() {
  return (
    <div aria-busy="true" className="grid gap-3">
      <Skeleton className="h-5 w-1/3" />
      <Skeleton className="h-24" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

async function StockValueBody({ org, fmt }: { org: Org; fmt: OrgFormat }) {
  const report = await stockValueByCategory(org.id);
  const top = report.rows.reduce<(typeof report.rows)[number] | null>((a, r) => (!a || Number(r.value) > Number(a.value) ? r : a), null);
  return (
    <div className="grid gap-4">
      {report.rows.length > 0 ? (
        <StockValueChart
          rows={report.rows.map((r) => ({ category: r.category, value: Number(r.value) }))}
          summary={`${fmt.money(report.total.value)} in ${report.rows.length} categor${report.rows.length === 1 ? "y" : "ies"}${top ? `; the most in ${top.category}, ${fmt.money(top.value)}` : ""}.`}
        />
      ) : null}
      <StockValueTable report={report} fmt={fmt} />
    </div>
  );
}

async function BelowThresholdBody({ org, fmt }: { org: Org; fmt: OrgFormat }) {
  return <BelowThresholdTable report={await itemsBelowThreshold(org.id)} fmt={fmt} />;
}

async function AdjustmentsBody({ org, range, fmt }: { org: Org; range: ReportRange; fmt: OrgFormat }) {
  const report = await adjustmentsOverTime(org, range);
  return (
    <div className="grid gap-4">
      <p className="text-sm" data-testid="adjustments-summary">
        Net change <strong className="tabular-nums">{fmt.signed(report.total.net)}</strong> · <span className="tabular-nums">{fmt.number(report.total.added)}</span> added ·{" "}
        <span className="tabular-nums">{fmt.number(report.total.removed)}</span> removed · <span className="tabular-nums">{fmt.number(report.total.count)}</span> adjustment
        {report.total.count === 1 ? "" : "s"}
      </p>
      <AdjustmentsInOutChart days={report.days.map((d) => ({ day: d.day, label: shortDay(fmt, d.day), added: d.added, removed: d.removed }))} summary={summarizeAdjustments(report.days, fmt)} />
      <AdjustmentsTable report={report} fmt={fmt} />
    </div>
  );
}

async function LowStockTrendBody({ org, range, fmt }: { org: Org; range: ReportRange; fmt: OrgFormat }) {
  const report = await lowStockTrend(org, range);
  return (
    <div className="grid gap-4">
      <LowStockTrendChart days={report.days.map((d) => ({ day: d.day, label: shortDay(fmt, d.day), low: d.low }))} summary={summarizeLowStock(report.days, fmt)} />
      <LowStockTrendTable report={report} fmt={fmt} />
    </div>
  );
}

async function TopMoversBody({ org, range, fmt }: { org: Org; range: ReportRange; fmt: OrgFormat }) {
  const rows = await topMovers(org, range, TOP_MOVERS_PAGE);
  return (
    <div className="grid gap-4">
      {rows.length > 0 ? (
        <TopMoversChart
          // moved = added + removed and net = added − removed, so each half is exact.
          rows={rows.map((r) => ({ name: r.name, added: (r.moved + r.net) / 2, removed: (r.moved - r.net) / 2 }))}
          summary={`The ${rows.length} item${rows.length === 1 ? "" : "s"} with the most units moved; most: ${rows[0]!.name}, ${fmt.number(rows[0]!.moved)} units.`}
        />
      ) : null}
      <TopMoversTable rows={rows} fmt={fmt} />
    </div>
  );
}

export default function ReportsPage({ ctx, searchParams }: PageProps) {
  const org = ctx.organization;
  const fmt = orgFormat(org);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  const now = new Date();
  const parsed = parseReportRange({ from: searchParams.from, to: searchParams.to }, org.timezone, now);
  const range = parsed.ok ? parsed.range : null;
  const period = range ? `${longDay(fmt, range.from)} – ${longDay(fmt, range.to)} (${range.days} day${range.days === 1 ? "" : "s"})` : null;
  // An invalid range still shows the current-state reports; only the range-based ones wait for a fix.
  const fixRange = <p className="text-sm text-muted-foreground">Correct the dates above to see this report.</p>;

  return (
    <div className="grid gap-6">
      <PageHeader title={t("pages.reports")} description={t("pages.reportsDescription", { organization: org.name, timezone: org.timezone })} />
      <RangeForm
        from={parsed.ok ? parsed.range.from : parsed.input.from}
        to={parsed.ok ? parsed.range.to : parsed.input.to}
        today={todayIn(org.timezone, now)}
        errors={parsed.ok ? undefined : parsed.errors}
        timeZone={org.timezone}
      />
      <div className="grid gap-6 2xl:grid-cols-2">
        <ReportSection id="stock-value" title="Stock value by category" description="Quantity on hand × price, now." csvHref={csvHref("stock-value", null)}>
          <Suspense fallback={<Loading />}>
            <StockValueBody org={org} fmt={fmt} />
          </Suspense>
        </ReportSection>
        <ReportSection id="below-threshold" title="Items below threshold" description="Largest shortfalls first, now. The CSV lists every one." csvHref={csvHref("below-threshold", null)}>
          <Suspense fallback={<Loading />}>
            <BelowThresholdBody org={org} fmt={fmt} />
          </Suspense>
        </ReportSection>
      </div>
      <ReportSection
        id="adjustments"
        title="Adjustments over time"
        description={period ? `Net change in stock per day, ${period}.` : "Net change in stock per day."}
        csvHref={range ? csvHref("adjustments", range) : undefined}
      >
        {range ? (
          <Suspense key={rangeQuery(range)} fallback={<Loading />}>
            <AdjustmentsBody org={org} range={range} fmt={fmt} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
      <ReportSection
        id="low-stock-trend"
        title="Low-stock trend"
        description={`Items below their reorder threshold at the end of each day${period ? `, ${period}` : ""}, from the low-stock alerts: an item counts from the adjustment that took it below its threshold until one restocked it.`}
        csvHref={range ? csvHref("low-stock-trend", range) : undefined}
      >
        {range ? (
          <Suspense key={rangeQuery(range)} fallback={<Loading />}>
            <LowStockTrendBody org={org} range={range} fmt={fmt} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
      <ReportSection
        id="top-movers"
        title="Top movers"
        description={`Most units added and removed${period ? `, ${period}` : ""}. The CSV has the top ${TOP_MOVERS_CSV}.`}
        csvHref={range ? csvHref("top-movers", range) : undefined}
      >
        {range ? (
          <Suspense key={rangeQuery(range)} fallback={<Loading />}>
            <TopMoversBody org={org} range={range} fmt={fmt} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
    </div>
  );
}
