// Items below their reorder threshold: the count, and the largest shortfalls with links to the items.
import type { ReportText } from "./days";
import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { BelowThresholdReport } from "../../reports/below-threshold";
import { formatQuantity } from "../../components/quantity";
import type { OrgFormat } from "@/core/format/org-format";


export function BelowThresholdTable({ report, fmt, t }: { report: BelowThresholdReport; fmt: OrgFormat; t: ReportText }) {
  return (
    <div className="grid gap-4">
      <p className="text-sm">
        <span className="text-2xl font-semibold tabular-nums" data-testid="below-threshold-count">
          {fmt.number(report.count)}
        </span>{" "}
        {t("reports.belowCount", { count: report.count })}
        {report.count > 0 ? (
          <>
            {" "}
            <Link href="/inventory?stock=low" className="text-primary hover:underline">
              {t("reports.seeInList", { count: report.count, n: fmt.number(report.count) })}
            </Link>
          </>
        ) : null}
      </p>
      {report.top.length > 0 ? (
        <Table aria-label={t("reports.belowThreshold")}>
          <THead>
            <TR>
              <TH>{t("reports.item")}</TH>
              <TH>{t("reports.category")}</TH>
              <TH className="text-right">{t("reports.quantity")}</TH>
              <TH className="text-right">{t("reports.threshold")}</TH>
              <TH className="text-right">{t("reports.shortBy")}</TH>
            </TR>
          </THead>
          <TBody>
            {report.top.map((r) => (
              <TR key={r.id}>
                <TD>
                  <Link href={`/inventory/items/${r.id}`} className="font-medium hover:underline">
                    {r.name}
                  </Link>
                  <span className="block font-mono text-xs text-muted-foreground">{r.sku}</span>
                </TD>
                <TD className="text-muted-foreground">{r.category ?? t("reports.noCategory")}</TD>
                <TD className="text-right tabular-nums">
                  {formatQuantity(r.quantity, r.unit, { locale: fmt.locale })}
                </TD>
                <TD className="text-right tabular-nums">{fmt.number(r.threshold)}</TD>
                <TD className="text-right font-semibold tabular-nums">{fmt.number(r.shortfall)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : null}
    </div>
  );
}
