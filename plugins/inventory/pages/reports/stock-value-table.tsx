// Stock value by category: items, units and value per category, "No category" included, with the total.
import type { ReportText } from "./days";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { StockValueReport } from "../../reports/stock-value";
import type { OrgFormat } from "@/core/format/org-format";


export function StockValueTable({ report, fmt, t }: { report: StockValueReport; fmt: OrgFormat; t: ReportText }) {
  if (report.rows.length === 0) return <p className="text-sm text-muted-foreground">{t("reports.noItems")}</p>;
  return (
    <Table aria-label={t("reports.stockValue")}>
      <THead>
        <TR>
          <TH>{t("reports.category")}</TH>
          <TH className="text-right">{t("reports.items")}</TH>
          <TH className="text-right">{t("reports.units")}</TH>
          <TH className="text-right">{t("reports.value")}</TH>
        </TR>
      </THead>
      <TBody>
        {report.rows.map((r) => (
          <TR key={r.categoryId ?? "none"}>
            <TH scope="row" className="h-auto py-3 text-sm font-medium tracking-normal text-foreground normal-case">
              {r.category}
            </TH>
            <TD className="text-right tabular-nums">{fmt.number(r.items)}</TD>
            <TD className="text-right tabular-nums">{fmt.number(r.units)}</TD>
            <TD className="text-right tabular-nums">{fmt.money(r.value)}</TD>
          </TR>
        ))}
      </TBody>
      <tfoot>
        <TR className="border-t-2 font-semibold">
          <TH scope="row" className="h-auto py-3 text-sm tracking-normal text-foreground normal-case">
            {t("reports.total")}
          </TH>
          <TD className="text-right tabular-nums">{fmt.number(report.total.items)}</TD>
          <TD className="text-right tabular-nums">{fmt.number(report.total.units)}</TD>
          <TD className="text-right tabular-nums" data-testid="stock-value-report-total">
            {fmt.money(report.total.value)}
          </TD>
        </TR>
      </tfoot>
    </Table>
  );
}
