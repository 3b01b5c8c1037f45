// Every day of the range with its adjustments: the chart's data as a table (its accessible fallback),
// in a scroll box so two years of days do not stretch the page.
import type { ReportText } from "./days";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AdjustmentsReport } from "../../reports/adjustments-over-time";
import { longDay } from "./days";
import type { OrgFormat } from "@/core/format/org-format";


export function AdjustmentsTable({ report, fmt, t }: { report: AdjustmentsReport; fmt: OrgFormat; t: ReportText }) {
  return (
    // Focusable so keyboard users can scroll it; labelled so the stop is announced.
    <div className="max-h-80 overflow-y-auto rounded-md border border-border" tabIndex={0} role="group" aria-label={t("reports.perDayScrollable")}>
      <Table aria-label={t("reports.perDay")} containerClassName="overflow-visible">
        <THead className="sticky top-0 bg-muted">
          <TR>
            <TH>{t("reports.date")}</TH>
            <TH className="text-right">{t("reports.netChange")}</TH>
            <TH className="text-right">{t("reports.added")}</TH>
            <TH className="text-right">{t("reports.removed")}</TH>
            <TH className="text-right">{t("reports.adjustments")}</TH>
          </TR>
        </THead>
        <TBody>
          {report.days.map((d) => (
            <TR key={d.day} data-day={d.day} className={d.count === 0 ? "text-muted-foreground" : undefined}>
              <TH scope="row" className="h-auto py-2 text-sm font-normal tracking-normal text-inherit normal-case">
                <time dateTime={d.day}>{longDay(fmt, d.day)}</time>
              </TH>
              <TD className="py-2 text-right tabular-nums">{fmt.signed(d.net)}</TD>
              <TD className="py-2 text-right tabular-nums">{fmt.number(d.added)}</TD>
              <TD className="py-2 text-right tabular-nums">{fmt.number(d.removed)}</TD>
              <TD className="py-2 text-right tabular-nums">{fmt.number(d.count)}</TD>
            </TR>
          ))}
        </TBody>
        <tfoot>
          <TR className="border-t-2 font-semibold">
            <TH scope="row" className="h-auto py-2 text-sm tracking-normal text-foreground normal-case">
              {t("reports.total")}
            </TH>
            <TD className="py-2 text-right tabular-nums">{fmt.signed(report.total.net)}</TD>
            <TD className="py-2 text-right tabular-nums">{fmt.number(report.total.added)}</TD>
            <TD className="py-2 text-right tabular-nums">{fmt.number(report.total.removed)}</TD>
            <TD className="py-2 text-right tabular-nums">{fmt.number(report.total.count)}</TD>
          </TR>
        </tfoot>
      </Table>
    </div>
  );
}
