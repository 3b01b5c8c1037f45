"use server";
// Enable/disable a plugin for the active organization from the Plugins page (owners and admins).
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { requestOrigin } from "@/core/http/request-origin";
import { disablePlugin, enablePlugin } from "./lifecycle";

const input = z.object({
  pluginId: z.string().min(1).max(60),
  enable: z.boolean(),
  // For a protected plugin (core/plugins/protected.ts): the typed name and the reason.
  confirmation: z.string().max(200).optional(),
  reason: z.string().max(500).optional(),
});

export async function setPluginEnabledAction(pluginId: string, enable: boolean, consent: { confirmation?: string; reason?: string } = {}) {
  return orgAction("organization.manage", input, { pluginId, enable, ...consent }, async (ctx, v) => {
    const actor = { type: "user" as const, id: ctx.user.id, name: ctx.user.name };
    const origin = await requestOrigin("form");
    const res = v.enable
      ? await enablePlugin(ctx.organization.id, v.pluginId, actor, origin)
      : await disablePlugin(ctx.organization.id, v.pluginId, actor, origin, { role: ctx.role, confirmation: v.confirmation, reason: v.reason });
    // The whole admin changes with a plugin (menus, widgets, pages): refresh every page.
    revalidatePath("/", "layout");
    return res.ok ? { ok: true, data: undefined, message: res.message } : { ok: false, error: res.error };
  });
}
