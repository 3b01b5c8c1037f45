// Top movers: the items with the most units added plus removed in the range.
import type { ReportText } from "./days";
import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TopMoverRow } from "../../reports/top-movers";
import { formatQuantity } from "../../components/quantity";
import type { OrgFormat } from "@/core/format/org-format";


export function TopMoversTable({ rows, fmt, t }: { rows: TopMoverRow[]; fmt: OrgFormat; t: ReportText }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t("reports.noMoves")}</p>;
  return (
    <Table aria-label={t("reports.topMovers")}>
      <THead>
        <TR>
          <TH className="w-10">#</TH>
          <TH>{t("reports.item")}</TH>
          <TH>{t("reports.sku")}</TH>
          <TH className="text-right">{t("reports.unitsMoved")}</TH>
          <TH className="text-right">{t("reports.netChange")}</TH>
          <TH className="text-right">{t("reports.adjustments")}</TH>
          <TH className="text-right">{t("reports.now")}</TH>
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
