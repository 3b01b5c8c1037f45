// /inventory/orders/:id: one purchase order — its supplier (editable until received), its lines and
// totals in the organization's currency, quantities editable while a draft, the status transitions
// (draft -> sent -> received), "E-mail to supplier" and a printable view: printed, the page is the
// order alone (print CSS hides the admin's sidebar, header and buttons, and shows the supplier and
// the draft's quantities as text rather than form fields).
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TD } from "@/components/ui/table";
import type { PageProps } from "@/core/plugins/types";
import { getOrder } from "../../orders/queries";
import { orderLabel, toCents } from "../../orders/schema";
import { LinesTable } from "./lines-table";
import { OrderActions } from "./order-actions";
import { OrderLinesForm } from "./order-lines-form";
import { OrderStatusBadge } from "./order-status-badge";
import { SupplierForm } from "./supplier-form";
import { orgFormat } from "@/core/format/org-format";
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";

export default async function OrderPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const fmt = orgFormat(ctx.organization);
  const order = await getOrder(ctx.organization.id, params.id ?? "");
  if (!order) notFound();
  const { currency } = ctx.organization;
  const label = orderLabel(order.number);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  const history = [
    t("orders.createdAt", { at: fmt.dateTime(order.createdAt) }),
    order.sentAt ? t("orders.sentAt", { at: fmt.dateTime(order.sentAt) }) : null,
    order.receivedAt ? t("orders.receivedAt", { at: fmt.dateTime(order.receivedAt) }) : null,
  ].filter(Boolean);
  return (
    <div className="grid gap-6 print:gap-4">
      <PageHeader
        eyebrow={
          <>
            <Link href="/inventory/orders" className="hover:underline print:hidden">
              {t("orders.caption")}
            </Link>
            <span className="hidden print:inline">{ctx.organization.name}</span>
          </>
        }
        title={
          <span className="flex items-center gap-3">
            {t("orders.title", { label })} <OrderStatusBadge status={order.status} />
          </span>
        }
        description={history.join(" · ")}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <OrderActions orderId={order.id} label={label} status={order.status} lineCount={order.lines.length} supplierEmail={order.supplierEmail} />
          </div>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("orders.supplier")}</CardTitle>
        </CardHeader>
        <CardContent>
          {order.status === "received" ? null : (
            <div className="print:hidden">
              <SupplierForm key={order.updatedAt} orderId={order.id} supplier={order.supplier} supplierEmail={order.supplierEmail} />
            </div>
          )}
          <dl className={order.status === "received" ? "grid gap-1 text-sm sm:grid-cols-2" : "hidden gap-1 text-sm print:grid print:grid-cols-2"} aria-label={t("orders.supplierDetails")}>
            <div>
              <dt className="text-muted-foreground">{t("orders.supplier")}</dt>
              <dd className="font-medium">{order.supplier}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("orders.email")}</dt>
              <dd className="font-medium break-all">{order.supplierEmail ?? "—"}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row items-baseline justify-between">
          <CardTitle>
            {t("orders.lineCount", { count: order.lines.length })}
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            {t.rich("orders.totalAmount", { amount: fmt.money(order.total), b: (chunks) => <span className="font-semibold text-foreground tabular-nums">{chunks}</span> })}
          </p>
        </CardHeader>
        <CardContent className="px-0 pb-0 sm:px-0">
          {order.status === "draft" ? (
            <OrderLinesForm orderId={order.id} lines={order.lines} currency={currency} />
          ) : (
            <LinesTable lines={order.lines} currency={currency} locale={fmt.locale} totalCents={toCents(order.total)}>
              {(l) => (
                <>
                  <TD className="text-right tabular-nums">{fmt.number(l.quantity)}</TD>
                  <TD className="text-right tabular-nums">{fmt.money(l.unitPrice)}</TD>
                  <TD className="text-right tabular-nums">{fmt.money(l.lineTotal)}</TD>
                </>
              )}
            </LinesTable>
          )}
        </CardContent>
      </Card>
      {order.status === "received" ? (
        <p className="text-sm text-muted-foreground print:hidden">{t("orders.receivedNote")}</p>
      ) : null}
    </div>
  );
}
