"use server";
// Enable/disable a plugin for the active organization from the Plugins page (owners and admins).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { requestOrigin } from "@/core/http/request-origin";
import { disablePlugin, enablePlugin } from "./lifecycle";

const input = z.object({ pluginId: z.string().min(1).max(60), enable: z.boolean() });

export async function setPluginEnabledAction(pluginId: string, enable: boolean) {
  return orgAction("organization.manage", input, { pluginId, enable }, async (ctx, v) => {
    const actor = { type: "user" as const, id: ctx.user.id, name: ctx.user.name };
    const origin = await requestOrigin("form");
    const res = v.enable ? await enablePlugin(ctx.organization.id, v.pluginId, actor, origin) : await disablePlugin(ctx.organization.id, v.pluginId, actor, origin);
    // The whole admin changes with a plugin (menus, widgets, pages): refresh every page.
    revalidatePath("/", "layout");
    return res.ok ? { ok: true, data: undefined, message: res.message } : { ok: false, error: res.error };
  });
}
