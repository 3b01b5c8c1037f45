// The lines of a purchase order as a table (server and client alike: the draft form renders its
// editable cells through `children`).
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatCurrency } from "../../components";
import type { OrderLine } from "../../orders/queries";
import { fromCents } from "../../orders/schema";
import { formatQuantity } from "../../components/quantity";
import { numberFormat } from "@/core/format/numbers";

/** The lines table; `children` renders the quantity, unit price and line total cells of a line. */
export function LinesTable({
  lines,
  currency,
  locale,
  totalCents,
  children,
}: {
  lines: OrderLine[];
  currency: string;
  /** The organization's locale (orgFormat / useOrgFormat). */
  locale: string;
  totalCents: bigint | null;
  children: (line: OrderLine) => ReactNode;
}) {
  const t = useTranslations("plugins.inventory.orders");
  return (
    <Table>
      <caption className="sr-only">{t("linesCaption")}</caption>
      <THead>
        <TR>
          <TH>{t("item")}</TH>
          <TH className="text-right">{t("onHand")}</TH>
          <TH className="text-right">{t("threshold")}</TH>
          <TH className="text-right">{t("quantity")}</TH>
          <TH className="text-right">{t("unitPrice")}</TH>
          <TH className="text-right">{t("lineTotal")}</TH>
        </TR>
      </THead>
      <TBody>
        {lines.map((l) => (
          <TR key={l.id}>
            <th scope="row" className="px-4 py-3 text-left align-middle font-normal">
              <Link href={`/inventory/items/${l.itemId}`} className="font-medium hover:underline">
                {l.name}
              </Link>
              <span className="block font-mono text-xs text-muted-foreground">{l.sku}</span>
            </th>
            <TD className="text-right tabular-nums">
              {formatQuantity(l.onHand, l.unit, { locale })}
            </TD>
            <TD className="text-right tabular-nums">{numberFormat(locale)!.format(l.reorderThreshold)}</TD>
            {children(l)}
          </TR>
        ))}
      </TBody>
      <tfoot>
        <TR className="border-t border-border">
          <th scope="row" colSpan={5} className="px-4 py-3 text-right font-semibold">
            {t("total")}
          </th>
          <TD className="text-right font-semibold tabular-nums" data-testid="order-total">
            {totalCents === null ? "—" : formatCurrency(fromCents(totalCents), currency, locale)}
          </TD>
        </TR>
      </tfoot>
    </Table>
  );
}
