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
import { longDay, shortDay, summarizeAdjustments, summarizeLowStock, type ReportText } from "./days";
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


function Loading({ t }: { t: ReportText }) {
  return (
    <div aria-busy="true" className="grid gap-3">
      <Skeleton className="h-5 w-1/3" />
      <Skeleton className="h-24" />
      <span className="sr-only">{t("reports.loading")}</span>
    </div>
  );
}

async function StockValueBody({ org, fmt, t }: { org: Org; fmt: OrgFormat; t: ReportText }) {
  const report = await stockValueByCategory(org.id);
  const top = report.rows.reduce<(typeof report.rows)[number] | null>((a, r) => (!a || Number(r.value) > Number(a.value) ? r : a), null);
  return (
    <div className="grid gap-4">
      {report.rows.length > 0 ? (
        <StockValueChart
          rows={report.rows.map((r) => ({ category: r.category, value: Number(r.value) }))}
          summary={t("reports.stockValueSummary", { total: fmt.money(report.total.value), count: report.rows.length, top: top ? top.category : "none", topValue: top ? fmt.money(top.value) : "" })}
        />
      ) : null}
      <StockValueTable report={report} fmt={fmt} t={t} />
    </div>
  );
}

async function BelowThresholdBody({ org, fmt, t }: { org: Org; fmt: OrgFormat; t: ReportText }) {
  return <BelowThresholdTable report={await itemsBelowThreshold(org.id)} fmt={fmt} t={t} />;
}

async function AdjustmentsBody({ org, range, fmt, t }: { org: Org; range: ReportRange; fmt: OrgFormat; t: ReportText }) {
  const report = await adjustmentsOverTime(org, range);
  return (
    <div className="grid gap-4">
      <p className="text-sm" data-testid="adjustments-summary">
        {t.rich("reports.netSummary", {
          net: fmt.signed(report.total.net),
          added: fmt.number(report.total.added),
          removed: fmt.number(report.total.removed),
          count: fmt.number(report.total.count),
          adjustments: report.total.count,
          b: (chunks) => <strong className="tabular-nums">{chunks}</strong>,
          n: (chunks) => <span className="tabular-nums">{chunks}</span>,
        })}
      </p>
      <AdjustmentsInOutChart days={report.days.map((d) => ({ day: d.day, label: shortDay(fmt, d.day), added: d.added, removed: d.removed }))} summary={summarizeAdjustments(report.days, fmt, t)} />
      <AdjustmentsTable report={report} fmt={fmt} t={t} />
    </div>
  );
}

async function LowStockTrendBody({ org, range, fmt, t }: { org: Org; range: ReportRange; fmt: OrgFormat; t: ReportText }) {
  const report = await lowStockTrend(org, range);
  return (
    <div className="grid gap-4">
      <LowStockTrendChart days={report.days.map((d) => ({ day: d.day, label: shortDay(fmt, d.day), low: d.low }))} summary={summarizeLowStock(report.days, fmt, t)} />
      <LowStockTrendTable report={report} fmt={fmt} t={t} />
    </div>
  );
}

async function TopMoversBody({ org, range, fmt, t }: { org: Org; range: ReportRange; fmt: OrgFormat; t: ReportText }) {
  const rows = await topMovers(org, range, TOP_MOVERS_PAGE);
  return (
    <div className="grid gap-4">
      {rows.length > 0 ? (
        <TopMoversChart
          // moved = added + removed and net = added − removed, so each half is exact.
          rows={rows.map((r) => ({ name: r.name, added: (r.moved + r.net) / 2, removed: (r.moved - r.net) / 2 }))}
          summary={t("reports.topMoversSummary", { count: rows.length, name: rows[0]!.name, moved: fmt.number(rows[0]!.moved) })}
        />
      ) : null}
      <TopMoversTable rows={rows} fmt={fmt} t={t} />
    </div>
  );
}

// async although it awaits nothing itself: the test kit's renderPage resolves async components only
// (it cannot tell a server component from a client one), and the report bodies below are async.
export default async function ReportsPage({ ctx, searchParams }: PageProps) {
  const org = ctx.organization;
  const fmt = orgFormat(org);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  const now = new Date();
  const parsed = parseReportRange({ from: searchParams.from, to: searchParams.to }, org.timezone, now);
  const range = parsed.ok ? parsed.range : null;
  const period = range ? t("reports.periodText", { from: longDay(fmt, range.from), to: longDay(fmt, range.to), days: range.days }) : null;
  // An invalid range still shows the current-state reports; only the range-based ones wait for a fix.
  const section = (id: string, title: string) => ({ id, title, downloadLabel: t("reports.downloadCsv", { title }) });
  const fixRange = <p className="text-sm text-muted-foreground">{t("reports.fixRange")}</p>;

  return (
    <div className="grid gap-6">
      <PageHeader title={t("pages.reports")} description={t("pages.reportsDescription", { organization: org.name, timezone: org.timezone })} />
      <RangeForm
        from={parsed.ok ? parsed.range.from : parsed.input.from}
        to={parsed.ok ? parsed.range.to : parsed.input.to}
        today={todayIn(org.timezone, now)}
        errors={parsed.ok ? undefined : parsed.errors}
        timeZone={org.timezone}
        t={t}
      />
      <div className="grid gap-6 2xl:grid-cols-2">
        <ReportSection {...section("stock-value", t("reports.stockValue"))} description={t("reports.stockValueText")} csvHref={csvHref("stock-value", null)}>
          <Suspense fallback={<Loading t={t} />}>
            <StockValueBody org={org} fmt={fmt} t={t} />
          </Suspense>
        </ReportSection>
        <ReportSection {...section("below-threshold", t("reports.belowThreshold"))} description={t("reports.belowThresholdText")} csvHref={csvHref("below-threshold", null)}>
          <Suspense fallback={<Loading t={t} />}>
            <BelowThresholdBody org={org} fmt={fmt} t={t} />
          </Suspense>
        </ReportSection>
      </div>
      <ReportSection
        {...section("adjustments", t("reports.adjustments"))}
        description={period ? t("reports.adjustmentsTextPeriod", { period }) : t("reports.adjustmentsText")}
        csvHref={range ? csvHref("adjustments", range) : undefined}
      >
        {range ? (
          <Suspense key={rangeQuery(range)} fallback={<Loading t={t} />}>
            <AdjustmentsBody org={org} range={range} fmt={fmt} t={t} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
      <ReportSection
        {...section("low-stock-trend", t("reports.lowStockTrend"))}
        description={t("reports.lowStockTrendText", { period: period ? `, ${period}` : "" })}
        csvHref={range ? csvHref("low-stock-trend", range) : undefined}
      >
        {range ? (
          <Suspense key={rangeQuery(range)} fallback={<Loading t={t} />}>
            <LowStockTrendBody org={org} range={range} fmt={fmt} t={t} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
      <ReportSection
        {...section("top-movers", t("reports.topMovers"))}
        description={t("reports.topMoversText", { period: period ? `, ${period}` : "", top: fmt.number(TOP_MOVERS_CSV) })}
        csvHref={range ? csvHref("top-movers", range) : undefined}
      >
        {range ? (
          <Suspense key={rangeQuery(range)} fallback={<Loading t={t} />}>
            <TopMoversBody org={org} range={range} fmt={fmt} t={t} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
    </div>
  );
}
