// Every day of the range with its adjustments: the chart's data as a table (its accessible fallback),
// in a scroll box so two years of days do not stretch the page.
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AdjustmentsReport } from "../../reports/adjustments-over-time";
import { longDay } from "./days";

const num = new Intl.NumberFormat("en-US");
const signed = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });

export function AdjustmentsTable({ report }: { report: AdjustmentsReport }) {
  return (
    // Focusable so keyboard users can scroll it; labelled so the stop is announced.
    <div className="max-h-80 overflow-y-auto rounded-md border border-border" tabIndex={0} role="group" aria-label="Adjustments per day, scrollable">
      <Table aria-label="Adjustments per day" containerClassName="overflow-visible">
        <THead className="sticky top-0 bg-muted">
          <TR>
            <TH>Date</TH>
            <TH className="text-right">Net change</TH>
            <TH className="text-right">Added</TH>
            <TH className="text-right">Removed</TH>
            <TH className="text-right">Adjustments</TH>
          </TR>
        </THead>
        <TBody>
          {report.days.map((d) => (
            <TR key={d.day} data-day={d.day} className={d.count === 0 ? "text-muted-foreground" : undefined}>
              <TH scope="row" className="h-auto py-2 text-sm font-normal tracking-normal text-inherit normal-case">
                <time dateTime={d.day}>{longDay(d.day)}</time>
              </TH>
              <TD className="py-2 text-right tabular-nums">{signed.format(d.net)}</TD>
              <TD className="py-2 text-right tabular-nums">{num.format(d.added)}</TD>
              <TD className="py-2 text-right tabular-nums">{num.format(d.removed)}</TD>
              <TD className="py-2 text-right tabular-nums">{num.format(d.count)}</TD>
            </TR>
          ))}
        </TBody>
        <tfoot>
          <TR className="border-t-2 font-semibold">
            <TH scope="row" className="h-auto py-2 text-sm tracking-normal text-foreground normal-case">
              Total
            </TH>
            <TD className="py-2 text-right tabular-nums">{signed.format(report.total.net)}</TD>
            <TD className="py-2 text-right tabular-nums">{num.format(report.total.added)}</TD>
            <TD className="py-2 text-right tabular-nums">{num.format(report.total.removed)}</TD>
            <TD className="py-2 text-right tabular-nums">{num.format(report.total.count)}</TD>
          </TR>
        </tfoot>
      </Table>
    </div>
  );
}
