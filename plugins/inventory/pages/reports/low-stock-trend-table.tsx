// Every day of the range with the items low at its end: the low-stock chart's data as a table (its
// accessible fallback), in a scroll box so two years of days do not stretch the page.
import type { ReportText } from "./days";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { LowStockTrend } from "../../reports/low-stock-trend";
import { longDay } from "./days";
import type { OrgFormat } from "@/core/format/org-format";


export function LowStockTrendTable({ report, fmt, t }: { report: LowStockTrend; fmt: OrgFormat; t: ReportText }) {
  return (
    <div className="max-h-80 overflow-y-auto rounded-md border border-border" tabIndex={0} role="group" aria-label={t("reports.lowPerDayScrollable")}>
      <Table aria-label={t("reports.lowPerDay")} containerClassName="overflow-visible">
        <THead className="sticky top-0 bg-muted">
          <TR>
            <TH>{t("reports.date")}</TH>
            <TH className="text-right">{t("reports.lowAtEnd")}</TH>
            <TH className="text-right">{t("reports.fellBelow")}</TH>
            <TH className="text-right">{t("reports.restocked")}</TH>
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
