// Who an order goes to: its supplier's name and e-mail, filled from the settings when generated and
// editable on the order until it is received (a received order is a record of what came in). Saved
// under the order's row lock, so an edit never lands on an order that was received meanwhile.
import type { ScopedDb } from "@/core/db/scoped";
import type { TxClient } from "@/core/db/tx";
import { orderLabel, supplierInput } from "./schema";
import { GONE, lockOrder, wrongStatus, type TransitionResult } from "./transitions";

export async function updateSupplier(db: ScopedDb, organizationId: string, input: unknown): Promise<TransitionResult> {
  const parsed = supplierInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= issue.message;
    if (fieldErrors.orderId) return GONE;
    return { ok: false, status: 400, error: "Please correct the supplier's details.", fieldErrors };
  }
  const { orderId, supplier, supplierEmail } = parsed.data;
  return db.$transaction(async (tx) => {
    const order = await lockOrder(tx, organizationId, orderId);
    if (!order) return GONE;
    if (order.status === "received") return wrongStatus(order, "its supplier can no longer change");
    await (tx as TxClient).$executeRaw`
      UPDATE inventory_purchase_orders SET supplier = ${supplier}, "supplierEmail" = ${supplierEmail}, "updatedAt" = now()
      WHERE "organizationId" = ${organizationId}::uuid AND id = ${orderId}::uuid`;
    return { ok: true, message: `${orderLabel(order.number)}: supplier saved.` };
  });
}
