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

export default async function OrderPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const fmt = orgFormat(ctx.organization);
  const order = await getOrder(ctx.organization.id, params.id ?? "");
  if (!order) notFound();
  const { currency } = ctx.organization;
  const label = orderLabel(order.number);
  const history = [
    `Created ${fmt.dateTime(order.createdAt)}`,
    order.sentAt ? `sent ${fmt.dateTime(order.sentAt)}` : null,
    order.receivedAt ? `received ${fmt.dateTime(order.receivedAt)}` : null,
  ].filter(Boolean);
  return (
    <div className="grid gap-6 print:gap-4">
      <PageHeader
        eyebrow={
          <>
            <Link href="/inventory/orders" className="hover:underline print:hidden">
              Purchase orders
            </Link>
            <span className="hidden print:inline">{ctx.organization.name}</span>
          </>
        }
        title={
          <span className="flex items-center gap-3">
            Purchase order {label} <OrderStatusBadge status={order.status} />
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
          <CardTitle>Supplier</CardTitle>
        </CardHeader>
        <CardContent>
          {order.status === "received" ? null : (
            <div className="print:hidden">
              <SupplierForm key={order.updatedAt} orderId={order.id} supplier={order.supplier} supplierEmail={order.supplierEmail} />
            </div>
          )}
          <dl className={order.status === "received" ? "grid gap-1 text-sm sm:grid-cols-2" : "hidden gap-1 text-sm print:grid print:grid-cols-2"} aria-label="Supplier details">
            <div>
              <dt className="text-muted-foreground">Supplier</dt>
              <dd className="font-medium">{order.supplier}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">E-mail</dt>
              <dd className="font-medium break-all">{order.supplierEmail ?? "—"}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row items-baseline justify-between">
          <CardTitle>
            {order.lines.length} {order.lines.length === 1 ? "line" : "lines"}
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            Total <span className="font-semibold text-foreground tabular-nums">{fmt.money(order.total)}</span>
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
        <p className="text-sm text-muted-foreground print:hidden">The ordered quantities were added to stock when the order was received; each item&apos;s history lists the adjustment.</p>
      ) : null}
    </div>
  );
}
