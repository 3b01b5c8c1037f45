"use server";
// Purchase-order server actions (inventory.manage_purchase_orders, checked in orders/service.ts):
// mark a draft as sent, receive a sent order (adds the stock), save a draft's line quantities, edit
// the supplier, e-mail the order to the supplier.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { emailOrder, receiveOrderAsMember, saveLineQuantities, saveSupplier, sendOrder } from "../../orders/service";

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

export async function saveSupplierAction(input: unknown) {
  return orgAction("records.read", z.unknown(), input, async (ctx, v) => {
    const res = await saveSupplier(ctx, v);
    if (res.ok) revalidatePath("/inventory/orders");
    return res;
  });
}

export async function emailOrderAction(orderId: string) {
  return orgAction("records.read", id, orderId, async (ctx, v) => {
    const res = await emailOrder(ctx, v);
    if (res.ok) revalidatePath("/inventory/orders");
    return res;
  });
}
