"use server";
// Server action of /settings/organization: owners and admins (organization.manage) save their own
// organization's settings; the input is validated with the schema the form uses in the browser.
import { revalidatePath } from "@/core/http/revalidate";
import { orgAction } from "@/core/actions/org-action";
import type { ActionResult } from "@/core/actions/result";
import { organizationSettingsInput } from "./schema";
import { saveOrganizationSettings } from "./settings";

export async function saveOrganizationSettingsAction(input: unknown): Promise<ActionResult<{ changed: string[] }>> {
  return orgAction("organization.manage", organizationSettingsInput, input, async (ctx, data) => {
    const res = await saveOrganizationSettings(ctx, data);
    // Every page shows dates, numbers and the organization's name: the whole admin is re-rendered.
    if (res.changed.length > 0) revalidatePath("/", "layout");
    return {
      ok: true,
      data: { changed: res.changed },
      message: res.changed.length > 0 ? "Organization settings saved." : "Nothing changed.",
    };
  });
}
