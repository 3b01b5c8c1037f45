"use server";
// The inventory list's server actions: bulk actions (inventory.manage_items), generating a purchase
// order from the selection (inventory.manage_purchase_orders), and the background operation's
// progress and retry. Permission checks and validation happen in the domain functions they call, so
// the rules are the same for every caller; orgAction adds the session and the error reporting.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { hasPermission } from "@/core/plugins/permissions";
import { retryBulkOperation, runBulkAction } from "../../items/bulk";
import { getOperation } from "../../jobs/bulk-operations";
import { generateOrderForSelection } from "../../orders/service";
import { INVENTORY_PERMISSIONS } from "../../permissions";

const anything = z.unknown();

export async function bulkItemsAction(input: unknown) {
  return orgAction("records.read", anything, input, async (ctx, data) => {
    const res = await runBulkAction(ctx, data);
    if (res.ok) revalidatePath("/inventory");
    return res;
  });
}

export async function generateOrderAction(selection: unknown) {
  return orgAction("records.read", anything, selection, async (ctx, data) => {
    const res = await generateOrderForSelection(ctx, data);
    if (res.ok && res.data.kind === "created") revalidatePath("/inventory/orders");
    return res;
  });
}

export async function retryBulkOperationAction(id: string) {
  return orgAction("records.read", z.string().max(64), id, async (ctx, operationId) => {
    const res = await retryBulkOperation(ctx, operationId);
    if (res.ok) revalidatePath("/inventory");
    return res;
  });
}

/** The progress bar's poll. */
export async function bulkOperationProgressAction(id: string) {
  return orgAction("records.read", z.uuid(), id, async (ctx, operationId) => {
    if (!(await hasPermission(ctx, INVENTORY_PERMISSIONS.view))) return { ok: false, error: "You do not have permission to view inventory." };
    const op = await getOperation(ctx.organization.id, operationId);
    return op ? { ok: true, data: op } : { ok: false, error: "No such operation." };
  });
}
