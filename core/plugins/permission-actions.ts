"use server";
// Server actions of the member permissions page (owners and admins): replace what one member was
// granted by one plugin. Input is untrusted; replaceMemberPluginGrants re-checks every key and the
// membership against the active organization.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { replaceMemberPluginGrants } from "./member-grants";

const keyList = z.array(z.string().trim().min(1).max(200)).max(500);

const grantsInput = z.object({
  userId: z.uuid("Unknown member"),
  pluginId: z.string().trim().min(1, "Choose a plugin").max(100),
  groups: keyList,
  permissions: keyList,
});

export async function saveMemberPluginGrantsAction(input: unknown) {
  return orgAction("organization.manage", grantsInput, input, async (ctx, data) => {
    const res = await replaceMemberPluginGrants(ctx, data);
    if (res.ok) {
      revalidatePath(`/settings/members/${data.userId}`);
      revalidatePath("/settings/members");
    }
    return res;
  });
}
