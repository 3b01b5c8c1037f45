// "E-mail to supplier": the order goes to the supplier's address through the mail outbox (core/mail),
// with the order as CSV and as a printable HTML page attached (documents.ts), and a draft becomes
// sent. The mail is sent first: if the mail server refuses it, the order stays as it was (a draft is
// not marked sent) and the Outbox lists the failed message with the server's answer. A double click
// sends one message (the dedupe key is the order's version and address); after an edit, or once it
// was marked sent, sending again sends the order as it is now.
import { sendMail } from "@/core/mail/send";
import type { ScopedDb } from "@/core/db/scoped";
import { orderCsv, orderHtml, type OrderDocumentContext } from "./documents";
import { getOrder, type OrderDetail } from "./queries";
import { orderLabel } from "./schema";
import { GONE, markOrderSent, type TransitionResult } from "./transitions";
import { formatCurrency } from "../components/format-currency";
import { formatQuantity } from "../components/quantity";

export const PURCHASE_ORDER_MAIL_SOURCE = "inventory.purchase-order";

function mailText(order: OrderDetail, ctx: OrderDocumentContext): string {
  const label = orderLabel(order.number);
  const lines = order.lines.map((l) => `- ${formatQuantity(l.quantity, l.unit, { locale: ctx.locale })} ${l.name} (SKU ${l.sku}) at ${formatCurrency(l.unitPrice, ctx.currency, ctx.locale)}`);
  return [
    `Hello ${order.supplier},`,
    "",
    `please supply purchase order ${label} from ${ctx.organizationName}:`,
    "",
    ...lines,
    "",
    `Total: ${formatCurrency(order.total, ctx.currency, ctx.locale)}`,
    "",
    `The order is attached as a CSV file (${label}.csv) and as a printable page (${label}.html).`,
    "",
    ctx.organizationName,
  ].join("\n");
}

export async function emailOrderToSupplier(
  db: ScopedDb,
  doc: OrderDocumentContext & { organizationId: string },
  id: string,
): Promise<TransitionResult & { mailId?: string }> {
  const order = await getOrder(doc.organizationId, id);
  if (!order) return GONE;
  const label = orderLabel(order.number);
  if (order.status === "received") return { ok: false, status: 409, error: `${label} was already received; there is nothing left to order.` };
  if (!order.supplierEmail) {
    return { ok: false, status: 400, error: `${label} has no supplier e-mail address: add it under Supplier first.`, fieldErrors: { supplierEmail: "Needed to e-mail the order" } };
  }
  if (order.lines.length === 0) return { ok: false, status: 409, error: `${label} has no lines left (their items were deleted); there is nothing to send.` };

  // One rendering of the printable page: it is both the HTML body and the attached file.
  const html = orderHtml(order, doc);
  let mail;
  try {
    mail = await sendMail({
      organizationId: doc.organizationId,
      to: order.supplierEmail,
      subject: `Purchase order ${label} from ${doc.organizationName}`,
      text: mailText(order, doc),
      html,
      attachments: [
        { filename: `${label}.csv`, contentType: "text/csv; charset=utf-8", content: orderCsv(order, doc) },
        { filename: `${label}.html`, contentType: "text/html; charset=utf-8", content: html },
      ],
      source: PURCHASE_ORDER_MAIL_SOURCE,
      dedupeKey: `${PURCHASE_ORDER_MAIL_SOURCE}:${order.id}:${order.updatedAt}:${order.supplierEmail}`,
    });
  } catch (err) {
    // sendMail stored the message as failed, with the server's answer, before throwing.
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, status: 502, error: `${reason}. ${label} was not marked as sent; the Outbox lists the failed message.` };
  }

  let sentNote = "";
  if (order.status === "draft") {
    const sent = await markOrderSent(db, doc.organizationId, order.id);
    // Marked sent by someone else meanwhile (or its last line deleted): the mail went out all the same.
    sentNote = sent.ok ? " and marked as sent" : ` (${sent.error})`;
  }
  const where = mail.status === "caught" ? `is in the Outbox for ${order.supplierEmail} (no mail server is configured, so nobody was mailed)` : `was e-mailed to ${order.supplierEmail}`;
  const message = mail.duplicate ? `${label} was already e-mailed to ${order.supplierEmail} as it is now; nothing was sent again.` : `${label} ${where}${sentNote}.`;
  return { ok: true, message, mailId: mail.id };
}
