"use server";
// Saving a plugin's settings from its settings page (owners and admins). The input is untrusted and
// validated again on the server with the same rules as the form, plus the checks that only the
// server can run (each field's validate, cross-field validate, nested JSON schemas).
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import type { ActionResult } from "@/core/actions/result";
import { rootDb } from "@/core/db/client";
import { requestOrigin } from "@/core/http/request-origin";
import { findEnabledPlugin } from "./enabled-plugin";
import { saveSettings } from "./store";

const formValues = z.record(z.string(), z.unknown(), "The settings form sent no values.");

export async function savePluginSettingsAction(pluginId: string, input: unknown): Promise<ActionResult<{ changed: string[] }>> {
  return orgAction("organization.manage", formValues, input, async (ctx, values) => {
    const manifest = typeof pluginId === "string" ? await findEnabledPlugin(pluginId, ctx.organization.id) : null;
    if (!manifest) return { ok: false, error: "This plugin is not installed or not enabled for your organization." };
    // onChange handlers may call out (a webhook, a sync): allow them more than Prisma's 5 s default.
    const actor = { type: "user" as const, id: ctx.user.id, name: ctx.user.name };
    const origin = await requestOrigin("form");
    const res = await rootDb().$transaction(
      (tx) => saveSettings(tx, { manifest, org: ctx.organization, input: values, actorUserId: ctx.user.id, actor, origin }),
      { timeout: 30_000, maxWait: 10_000 },
    );
    if (!res.ok) return { ok: false, error: res.error, fieldErrors: res.fieldErrors };
    if (res.changed.length) revalidatePath(`/plugins/${manifest.id}/settings`);
    return {
      ok: true,
      data: { changed: res.changed },
      message: res.changed.length ? `${manifest.name} settings saved.` : "Nothing changed.",
    };
  });
}
