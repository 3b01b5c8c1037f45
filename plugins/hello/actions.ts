"use server";
// The "Say hello" form on Hello's page.
import { revalidatePath } from "@/core/http/revalidate";
import { orgAction } from "@/core/actions/org-action";
import { hasPermission } from "@/core/plugins/permissions";
import { createGreeting, greetingInput } from "./greetings";
import { HELLO_PERMISSIONS } from "./permissions";

export async function createGreetingAction(input: unknown) {
  return orgAction("records.read", greetingInput, input, async (ctx, data) => {
    if (!(await hasPermission(ctx, HELLO_PERMISSIONS.manage))) return { ok: false, error: "You do not have permission to post greetings." };
    const g = await createGreeting(ctx, data.message);
    revalidatePath("/hello");
    return { ok: true, data: { id: g.id }, message: "Greeting posted." };
  });
}
