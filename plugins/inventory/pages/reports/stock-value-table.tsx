// Stock value by category: items, units and value per category, "No category" included, with the total.
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { StockValueReport } from "../../reports/stock-value";
import type { OrgFormat } from "@/core/format/org-format";


export function StockValueTable({ report, fmt }: { report: StockValueReport; fmt: OrgFormat }) {
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
            <TD className="text-right tabular-nums">{fmt.number(r.items)}</TD>
            <TD className="text-right tabular-nums">{fmt.number(r.units)}</TD>
            <TD className="text-right tabular-nums">{fmt.money(r.value)}</TD>
          </TR>
        ))}
      </TBody>
      <tfoot>
        <TR className="border-t-2 font-semibold">
          <TH scope="row" className="h-auto py-3 text-sm tracking-normal text-foreground normal-case">
            Total
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
