// Top movers: the items with the most units added plus removed in the range.
import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TopMoverRow } from "../../reports/top-movers";
import { formatQuantity } from "../../components/quantity";
import type { OrgFormat } from "@/core/format/org-format";


export function TopMoversTable({ rows, fmt }: { rows: TopMoverRow[]; fmt: OrgFormat }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No stock moved in this period.</p>;
  return (
    <Table aria-label="Top movers">
      <THead>
        <TR>
          <TH className="w-10">#</TH>
          <TH>Item</TH>
          <TH>SKU</TH>
          <TH className="text-right">Units moved</TH>
          <TH className="text-right">Net change</TH>
          <TH className="text-right">Adjustments</TH>
          <TH className="text-right">Now</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          <TR key={r.id}>
            <TD className="text-muted-foreground tabular-nums">{i + 1}</TD>
            <TD>
              <Link href={`/inventory/items/${r.id}`} className="font-medium hover:underline">
                {r.name}
              </Link>
            </TD>
            <TD className="font-mono text-[13px]">{r.sku}</TD>
            <TD className="text-right font-semibold tabular-nums">{fmt.number(r.moved)}</TD>
            <TD className="text-right tabular-nums">{fmt.signed(r.net)}</TD>
            <TD className="text-right tabular-nums">{fmt.number(r.adjustments)}</TD>
            <TD className="text-right tabular-nums">
              {formatQuantity(r.quantity, r.unit, { locale: fmt.locale })}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
