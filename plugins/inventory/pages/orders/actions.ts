"use server";
// Purchase-order server actions (inventory.manage_purchase_orders, checked in orders/service.ts):
// mark a draft as sent, receive a sent order (adds the stock), save a draft's line quantities.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { receiveOrderAsMember, saveLineQuantities, sendOrder } from "../../orders/service";

const id = z.string().max(64);

export async function sendOrderAction(orderId: string) {
  return orgAction("records.read", id, orderId, async (ctx, v) => {
    const res = await sendOrder(ctx, v);
    if (res.ok) revalidatePath("/inventory/orders");
    return res;
  });
}

export async function receiveOrderAction(orderId: string) {
  return orgAction("records.read", id, orderId, async (ctx, v) => {
    const res = await receiveOrderAsMember(ctx, v);
    if (res.ok) revalidatePath("/inventory");
    return res;
  });
}

export async function saveLineQuantitiesAction(input: unknown) {
  return orgAction("records.read", z.unknown(), input, async (ctx, v) => {
    const res = await saveLineQuantities(ctx, v);
    if (res.ok) revalidatePath("/inventory/orders");
    return res;
  });
}
