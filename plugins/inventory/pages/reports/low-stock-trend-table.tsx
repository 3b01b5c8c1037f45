// Every day of the range with the items low at its end: the low-stock chart's data as a table (its
// accessible fallback), in a scroll box so two years of days do not stretch the page.
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { LowStockTrend } from "../../reports/low-stock-trend";
import { longDay } from "./days";
import type { OrgFormat } from "@/core/format/org-format";


export function LowStockTrendTable({ report, fmt }: { report: LowStockTrend; fmt: OrgFormat }) {
  return (
    <div className="max-h-80 overflow-y-auto rounded-md border border-border" tabIndex={0} role="group" aria-label="Low stock per day, scrollable">
      <Table aria-label="Low stock per day" containerClassName="overflow-visible">
        <THead className="sticky top-0 bg-muted">
          <TR>
            <TH>Date</TH>
            <TH className="text-right">Low at day&apos;s end</TH>
            <TH className="text-right">Fell below</TH>
            <TH className="text-right">Restocked</TH>
          </TR>
        </THead>
        <TBody>
          {report.days.map((d) => (
            <TR key={d.day} data-day={d.day}>
              <TH scope="row" className="h-auto py-2 text-sm font-normal tracking-normal text-inherit normal-case">
                <time dateTime={d.day}>{longDay(fmt, d.day)}</time>
              </TH>
              <TD className="py-2 text-right tabular-nums">{fmt.number(d.low)}</TD>
              <TD className="py-2 text-right tabular-nums">{fmt.number(d.fell)}</TD>
              <TD className="py-2 text-right tabular-nums">{fmt.number(d.restocked)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
