// Who is calling the REST API: a Bearer API token, or else the browser session. A token request runs
// as the token's user in the token's organization (never the organization the browser happens to have
// selected), with the membership re-checked in the database on every request: a removed member's
// tokens stop working at once, and so do tokens of a deactivated organization.
import "server-only";
import { getOrgContext, loadOrgContext, type OrgContext } from "@/core/auth/context";
import { apiError } from "@/core/http/api-errors";
import { REQUEST_ID_HEADER } from "@/core/http/request-id";
import type { Actor } from "@/core/plugins/types";
import { readBearer } from "./format";
import { verifyApiToken } from "./verify";

export type ApiAuth =
  | { ok: true; ctx: OrgContext; actor: Actor; apiTokenId: string | null }
  | { ok: false; response: Response };

function unauthorized(message: string, requestId: string | undefined, tokenError: boolean): { ok: false; response: Response } {
  const response = apiError(401, "unauthenticated", message, { requestId });
  // RFC 6750: tell clients the scheme, and whether the token they sent was the problem.
  response.headers.set("WWW-Authenticate", tokenError ? `Bearer realm="ritiko", error="invalid_token"` : `Bearer realm="ritiko"`);
  return { ok: false, response };
}

export async function authenticateApiRequest(request: Request): Promise<ApiAuth> {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const bearer = readBearer(request.headers.get("authorization"));
  if (bearer.kind === "malformed") {
    return unauthorized("Send the API token as `Authorization: Bearer rtk_…`.", requestId, true);
  }
  if (bearer.kind === "none") {
    const ctx = await getOrgContext();
    if (!ctx) return unauthorized("Sign in or send a valid API token.", requestId, false);
    return { ok: true, ctx, actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, apiTokenId: null };
  }
  const verified = await verifyApiToken(bearer.token);
  if (!verified.ok) return unauthorized(verified.message, requestId, true);
  const { id, userId, organizationId } = verified.token;
  const ctx = await loadOrgContext(userId, organizationId, requestId);
  // loadOrgContext falls back to another membership when the preferred one is gone: for a token that
  // would mean acting in an organization it was never issued for.
  if (!ctx || ctx.organization.id !== organizationId) {
    return unauthorized("The owner of this API token is no longer a member of its organization, or the organization is inactive.", requestId, true);
  }
  return { ok: true, ctx, actor: { type: "api_token", id, userId }, apiTokenId: id };
}
