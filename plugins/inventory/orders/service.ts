// Purchase orders for a signed-in member (the server actions' bodies, and what the tests call): each
// checks inventory.manage_purchase_orders, validates its input and runs the domain function with the
// member's organization and identity. Nothing here trusts an organization id from input.
import type { ActionResult } from "@/core/actions/result";
import { invalid } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import { eventMeta } from "@/core/events/meta";
import { requestOrigin } from "@/core/http/request-origin";
import { assertPermission } from "@/core/plugins/permissions";
import { bulkSelectionSchema, selectionWhere } from "../items/bulk";
import { INVENTORY_PERMISSIONS } from "../permissions";
import { generatePurchaseOrder } from "./generate";
import { emailOrderToSupplier } from "./email";
import { updateSupplier } from "./supplier";
import { markOrderSent, receiveOrder, updateLineQuantities, type TransitionResult } from "./transitions";

export type GenerateOutcome = { kind: "created"; orderId: string; number: number } | { kind: "none" };

/** Generate a purchase order from the list's selection: a warning (kind "none") when no selected item is below its threshold. */
export async function generateOrderForSelection(ctx: OrgContext, selection: unknown): Promise<ActionResult<GenerateOutcome>> {
  const denied = await assertPermission(ctx, INVENTORY_PERMISSIONS.orders);
  if (denied) return denied;
  const parsed = bulkSelectionSchema.safeParse(selection);
  if (!parsed.success) return invalid(parsed.error);
  const res = await generatePurchaseOrder(ctx.db, eventMeta(ctx, await requestOrigin("form")), selectionWhere(ctx.organization.id, parsed.data), ctx.user.id);
  if (res.kind === "refused") return { ok: false, error: res.message };
  if (res.kind === "none") return { ok: true, data: { kind: "none" }, message: res.message };
  return { ok: true, data: { kind: "created", orderId: res.orderId, number: res.number }, message: res.message };
}

function toAction(res: TransitionResult): ActionResult {
  return res.ok ? { ok: true, data: undefined, message: res.message } : { ok: false, error: res.error, fieldErrors: res.fieldErrors };
}

export async function sendOrder(ctx: OrgContext, id: string): Promise<ActionResult> {
  const denied = await assertPermission(ctx, INVENTORY_PERMISSIONS.orders);
  if (denied) return denied;
  return toAction(await markOrderSent(ctx.db, ctx.organization.id, id));
}

export async function receiveOrderAsMember(ctx: OrgContext, id: string): Promise<ActionResult> {
  const denied = await assertPermission(ctx, INVENTORY_PERMISSIONS.orders);
  if (denied) return denied;
  return toAction(await receiveOrder(ctx.db, eventMeta(ctx, await requestOrigin("form")), id, ctx.user.id));
}

export async function saveLineQuantities(ctx: OrgContext, input: unknown): Promise<ActionResult> {
  const denied = await assertPermission(ctx, INVENTORY_PERMISSIONS.orders);
  if (denied) return denied;
  return toAction(await updateLineQuantities(ctx.db, ctx.organization.id, input));
}

export async function saveSupplier(ctx: OrgContext, input: unknown): Promise<ActionResult> {
  const denied = await assertPermission(ctx, INVENTORY_PERMISSIONS.orders);
  if (denied) return denied;
  return toAction(await updateSupplier(ctx.db, ctx.organization.id, input));
}

/** E-mails the order to its supplier with the CSV and printable page attached; a draft becomes sent. */
export async function emailOrder(ctx: OrgContext, id: string): Promise<ActionResult> {
  const denied = await assertPermission(ctx, INVENTORY_PERMISSIONS.orders);
  if (denied) return denied;
  const { id: organizationId, name: organizationName, currency, timezone, locale } = ctx.organization;
  return toAction(await emailOrderToSupplier(ctx.db, { organizationId, organizationName, currency, timezone, locale }, id));
}
