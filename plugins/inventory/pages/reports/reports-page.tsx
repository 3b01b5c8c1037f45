// /inventory/reports (the seed's reports/ admin view): stock value by category and items below
// threshold (the current state), adjustments over time and top movers (the chosen days, in the
// organization's time zone). Each report is one statement (plugins/inventory/reports/*) and streams
// into its own card as soon as it is ready, so a long range over a big history delays only its own
// section; each has its CSV download with the same range.
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { PageProps } from "@/core/plugins/types";
import { adjustmentsOverTime } from "../../reports/adjustments-over-time";
import { itemsBelowThreshold } from "../../reports/below-threshold";
import { parseReportRange, rangeQuery, todayIn, type ReportRange } from "../../reports/range";
import type { ReportSection as Section } from "../../reports/report-csv";
import { stockValueByCategory } from "../../reports/stock-value";
import { TOP_MOVERS_CSV, TOP_MOVERS_PAGE, topMovers } from "../../reports/top-movers";
import { AdjustmentsChart, longDay } from "./adjustments-chart";
import { AdjustmentsTable } from "./adjustments-table";
import { BelowThresholdTable } from "./below-threshold-table";
import { RangeForm } from "./range-form";
import { ReportSection } from "./report-section";
import { StockValueTable } from "./stock-value-table";
import { TopMoversTable } from "./top-movers-table";

type Org = PageProps["ctx"]["organization"];

const csvHref = (section: Section, range: ReportRange | null) =>
  `/api/v1/inventory/reports/${section}.csv${range ? `?${rangeQuery(range)}` : ""}`;

const signed = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });
const num = new Intl.NumberFormat("en-US");

function Loading() {
  return (
    <div aria-busy="true" className="grid gap-3">
      <Skeleton className="h-5 w-1/3" />
      <Skeleton className="h-24" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

async function StockValueBody({ org }: { org: Org }) {
  return <StockValueTable report={await stockValueByCategory(org.id)} currency={org.currency} />;
}

async function BelowThresholdBody({ org }: { org: Org }) {
  return <BelowThresholdTable report={await itemsBelowThreshold(org.id)} />;
}

async function AdjustmentsBody({ org, range }: { org: Org; range: ReportRange }) {
  const report = await adjustmentsOverTime(org, range);
  return (
    <div className="grid gap-4">
      <p className="text-sm" data-testid="adjustments-summary">
        Net change <strong className="tabular-nums">{signed.format(report.total.net)}</strong> · <span className="tabular-nums">{num.format(report.total.added)}</span> added ·{" "}
        <span className="tabular-nums">{num.format(report.total.removed)}</span> removed · <span className="tabular-nums">{num.format(report.total.count)}</span> adjustment
        {report.total.count === 1 ? "" : "s"}
      </p>
      <AdjustmentsChart days={report.days} />
      <AdjustmentsTable report={report} />
    </div>
  );
}

async function TopMoversBody({ org, range }: { org: Org; range: ReportRange }) {
  return <TopMoversTable rows={await topMovers(org, range, TOP_MOVERS_PAGE)} />;
}

export default function ReportsPage({ ctx, searchParams }: PageProps) {
  const org = ctx.organization;
  const now = new Date();
  const parsed = parseReportRange({ from: searchParams.from, to: searchParams.to }, org.timezone, now);
  const range = parsed.ok ? parsed.range : null;
  const period = range ? `${longDay(range.from)} – ${longDay(range.to)} (${range.days} day${range.days === 1 ? "" : "s"})` : null;
  // An invalid range still shows the current-state reports; only the range-based ones wait for a fix.
  const fixRange = <p className="text-sm text-muted-foreground">Correct the dates above to see this report.</p>;

  return (
    <div className="grid gap-6">
      <PageHeader title="Inventory reports" description={`Stock value, low stock and stock movement for ${org.name}. Days are in ${org.timezone}.`} />
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
            <StockValueBody org={org} />
          </Suspense>
        </ReportSection>
        <ReportSection id="below-threshold" title="Items below threshold" description="Largest shortfalls first, now. The CSV lists every one." csvHref={csvHref("below-threshold", null)}>
          <Suspense fallback={<Loading />}>
            <BelowThresholdBody org={org} />
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
            <AdjustmentsBody org={org} range={range} />
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
            <TopMoversBody org={org} range={range} />
          </Suspense>
        ) : (
          fixRange
        )}
      </ReportSection>
    </div>
  );
}
