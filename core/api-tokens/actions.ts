"use server";
// Server actions of the API tokens page. Any member may create and revoke their own tokens (a token
// can never do more than its user); owners and admins may revoke other members' tokens too.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import type { ActionResult } from "@/core/actions/result";
import { createTokenInput } from "./schema";
import { createApiToken, revokeApiToken } from "./tokens";

const PAGE = "/settings/api-tokens";

/** The plaintext token is in this result only: the page shows it once and never again. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ token: string; name: string }>> {
  return orgAction("records.read", createTokenInput, input, async (ctx, data) => {
    const res = await createApiToken(ctx, data);
    if (!res.ok) return res;
    revalidatePath(PAGE);
    return { ok: true, data: { token: res.token, name: res.summary.name }, message: `Token “${res.summary.name}” created.` };
  });
}

export async function revokeApiTokenAction(id: string): Promise<ActionResult> {
  return orgAction("records.read", z.uuid("Unknown token"), id, async (ctx, tokenId) => {
    const res = await revokeApiToken(ctx, tokenId);
    if (!res.ok) return res;
    revalidatePath(PAGE);
    return { ok: true, data: undefined, message: res.alreadyRevoked ? `“${res.name}” was already revoked.` : `Token “${res.name}” revoked. Requests with it now get 401.` };
  });
}
