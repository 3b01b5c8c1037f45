// A purchase order as the documents a supplier receives: a CSV of its lines (machine formats: plain
// decimals, the currency in its own column, so a supplier's system can read it) and a printable HTML
// page (the organization's currency formatting, print CSS, no script and no external resource, so it
// renders the same in any mail client or browser). Both are built from OrderDetail, which the page
// shows, so the documents say what the member saw.
import { csvLine } from "@/core/imports/csv/write";
import { formatDateTime } from "@/core/time/zoned";
import { formatCurrency } from "../components/format-currency";
import { formatQuantity } from "../components/quantity";
import type { OrderDetail } from "./queries";
import { ORDER_STATUS_LABELS, orderLabel } from "./schema";

/** Who the documents are from, and how they write money and dates (the organization's locale; the CSV keeps machine formats). */
export type OrderDocumentContext = { organizationName: string; currency: string; timezone: string; locale: string };

export const ORDER_CSV_HEADER = ["SKU", "Item", "Unit", "Quantity", "Unit price", "Line total", "Currency"];

export function orderCsv(order: OrderDetail, ctx: OrderDocumentContext): string {
  let out = "\uFEFF" + csvLine(ORDER_CSV_HEADER);
  for (const l of order.lines) out += csvLine([l.sku, l.name, l.unit, l.quantity, l.unitPrice, l.lineTotal, ctx.currency]);
  return out;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text as HTML text or attribute value: every value in the page goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function orderHtml(order: OrderDetail, ctx: OrderDocumentContext): string {
  const label = orderLabel(order.number);
  const e = escapeHtml;
  const money = (amount: string) => e(formatCurrency(amount, ctx.currency, ctx.locale));
  const rows = order.lines
    .map(
      (l) =>
        `<tr><td>${e(l.sku)}</td><td>${e(l.name)}</td><td class="n">${e(formatQuantity(l.quantity, l.unit, { locale: ctx.locale }))}</td><td class="n">${money(l.unitPrice)}</td><td class="n">${money(l.lineTotal)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(`Purchase order ${label} — ${ctx.organizationName}`)}</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .meta { color: #444; margin: 0 0 1.5rem; }
  .parties { display: flex; gap: 3rem; margin-bottom: 1.5rem; }
  .parties h2 { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: #555; margin: 0 0 .25rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ccc; padding: .4rem .5rem; text-align: left; vertical-align: top; }
  th { font-size: .8rem; color: #444; }
  .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tfoot td { font-weight: 600; border-bottom: none; }
  @page { margin: 15mm; }
  @media print { body { margin: 0; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Purchase order ${e(label)}</h1>
<p class="meta">${e(ORDER_STATUS_LABELS[order.status])} · created ${e(formatDateTime(order.createdAt, ctx.timezone, {}, ctx.locale))}</p>
<div class="parties">
  <div><h2>From</h2><div>${e(ctx.organizationName)}</div></div>
  <div><h2>Supplier</h2><div>${e(order.supplier)}</div>${order.supplierEmail ? `<div>${e(order.supplierEmail)}</div>` : ""}</div>
</div>
<table>
<thead><tr><th>SKU</th><th>Item</th><th class="n">Quantity</th><th class="n">Unit price</th><th class="n">Line total</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="4">Total</td><td class="n">${money(order.total)}</td></tr></tfoot>
</table>
</body>
</html>
`;
}
