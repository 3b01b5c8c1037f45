"use server";
// Server actions of the item pages: create, update and delete an item (items/mutations.ts) and adjust
// its stock (items/stock.ts). Input is untrusted: validated again here with the form's schemas. Each
// write is one transaction with its events; when it is refused (duplicate SKU, unknown category,
// withdrawing more than is in stock) nothing is written and the reason comes back for the field.
import { revalidatePath } from "@/core/http/revalidate";
import type { ActionResult } from "@/core/actions/result";
import { kickOutbox } from "@/core/events/outbox-signal";
import { createItem, deleteItem, updateItem, type WriteResult } from "../../items/mutations";
import { adjustStock } from "../../items/stock";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { adjustFormSchema } from "./adjust-schema";
import { formWho, idSchema, inventoryAction } from "./action-guard";
import { itemFormPatchSchema, itemFormSchema } from "./item-form-schema";

const GONE = { ok: false as const, error: "This item no longer exists." };

function toAction(res: WriteResult, message: string): ActionResult<{ id: string }> {
  if (!res.ok) return { ok: false, error: res.error, fieldErrors: res.fieldErrors };
  revalidatePath("/inventory", "layout");
  return { ok: true, data: { id: res.item.id }, message };
}

export async function createItemAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return inventoryAction(P.manage, itemFormSchema, input, async (ctx, data) => toAction(await createItem(ctx.db, await formWho(ctx), data), `Item “${data.name}” created.`));
}

const QUANTITY_BY_ADJUSTMENT = "The quantity changes only through Adjust stock, which records why.";

export async function updateItemAction(id: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return inventoryAction(P.manage, itemFormPatchSchema, input, async (ctx, data) => {
    if (!idSchema.safeParse(id).success) return GONE;
    // The edit form has no quantity input; a request that sends one anyway is refused, nothing saved.
    if (input && typeof input === "object" && "quantity" in input) return { ok: false, error: QUANTITY_BY_ADJUSTMENT, fieldErrors: { quantity: QUANTITY_BY_ADJUSTMENT } };
    return toAction(await updateItem(ctx.db, await formWho(ctx), id, data), "Changes saved.");
  });
}

export async function deleteItemAction(id: string): Promise<ActionResult<{ id: string }>> {
  return inventoryAction(P.delete, idSchema, id, async (ctx, itemId) => {
    const res = await deleteItem(ctx.db, await formWho(ctx), itemId);
    return res.ok ? toAction(res, `Item “${res.item.name}” deleted.`) : GONE;
  });
}

export type AdjustResultData = { oldQuantity: number; newQuantity: number };

/** Adds (positive amount) or removes (negative) stock; the quantity never goes below zero. */
export async function adjustStockAction(itemId: string, input: unknown): Promise<ActionResult<AdjustResultData>> {
  return inventoryAction(P.adjust, adjustFormSchema, input, async (ctx, data) => {
    if (!idSchema.safeParse(itemId).success) return GONE;
    const who = await formWho(ctx);
    // One transaction: the guarded UPDATE, the adjustment row, the alert crossing and the events.
    const res = await ctx.db.$transaction((tx) => adjustStock(tx, who.meta, itemId, { delta: data.amount, reason: data.reason, source: "form", userId: ctx.user.id }));
    if (!res.ok) {
      if (res.reason === "not_found") return GONE;
      return { ok: false, error: res.message, fieldErrors: { amount: res.message } };
    }
    kickOutbox();
    revalidatePath("/inventory", "layout");
    const verb = res.delta > 0 ? `Added ${res.delta}` : `Removed ${-res.delta}`;
    return { ok: true, data: { oldQuantity: res.oldQuantity, newQuantity: res.newQuantity }, message: `${verb}: ${res.oldQuantity} → ${res.newQuantity}.` };
  });
}
