// Stock value by category: items, units and value per category, "No category" included, with the total.
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatCurrency } from "../../components/format-currency";
import type { StockValueReport } from "../../reports/stock-value";

const num = new Intl.NumberFormat("en-US");

export function StockValueTable({ report, currency }: { report: StockValueReport; currency: string }) {
  if (report.rows.length === 0) return <p className="text-sm text-muted-foreground">No items yet.</p>;
  return (
    <Table aria-label="Stock value by category">
      <THead>
        <TR>
          <TH>Category</TH>
          <TH className="text-right">Items</TH>
          <TH className="text-right">Units</TH>
          <TH className="text-right">Value</TH>
        </TR>
      </THead>
      <TBody>
        {report.rows.map((r) => (
          <TR key={r.categoryId ?? "none"}>
            <TH scope="row" className="h-auto py-3 text-sm font-medium tracking-normal text-foreground normal-case">
              {r.category}
            </TH>
            <TD className="text-right tabular-nums">{num.format(r.items)}</TD>
            <TD className="text-right tabular-nums">{num.format(r.units)}</TD>
            <TD className="text-right tabular-nums">{formatCurrency(r.value, currency)}</TD>
          </TR>
        ))}
      </TBody>
      <tfoot>
        <TR className="border-t-2 font-semibold">
          <TH scope="row" className="h-auto py-3 text-sm tracking-normal text-foreground normal-case">
            Total
          </TH>
          <TD className="text-right tabular-nums">{num.format(report.total.items)}</TD>
          <TD className="text-right tabular-nums">{num.format(report.total.units)}</TD>
          <TD className="text-right tabular-nums" data-testid="stock-value-report-total">
            {formatCurrency(report.total.value, currency)}
          </TD>
        </TR>
      </tfoot>
    </Table>
  );
}
