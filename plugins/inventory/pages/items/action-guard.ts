// The frame of every inventory server action: signed-in member (orgAction: session, error logging,
// plugin vetoes) -> the plugin permission -> zod validation of the untrusted input -> the body. The
// permission comes before validation, so a member without it learns nothing about the input rules.
// Plugin permissions only count while Inventory is enabled for the organization, so a disabled plugin
// refuses every action too.
import "server-only";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { invalid, type ActionResult } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import type { EmitMeta } from "@/core/events/emit";
import { requestOrigin } from "@/core/http/request-origin";
import { assertPermission } from "@/core/plugins/permissions";
import type { InventoryPermission } from "../../permissions";

export function inventoryAction<S extends z.ZodType, T>(
  permission: InventoryPermission,
  schema: S,
  input: unknown,
  run: (ctx: OrgContext, data: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  return orgAction("records.read", z.unknown(), input, async (ctx) => {
    const denied = await assertPermission(ctx, permission);
    if (denied) return denied;
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return run(ctx, parsed.data);
  });
}

/** Who acts, for events and adjustment rows: the signed-in user, through a form (with the request id and IP). */
export async function formWho(ctx: OrgContext) {
  const meta: EmitMeta = { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, origin: await requestOrigin("form") };
  return { meta, source: "form" as const, userId: ctx.user.id };
}

export const idSchema = z.uuid("Unknown record");
