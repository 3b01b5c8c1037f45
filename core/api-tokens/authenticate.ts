// Who is calling the REST API: a Bearer API token, or else the browser session. A token request runs
// as the token's user in the token's organization (never the organization the browser happens to have
// selected), with the membership re-checked in the database on every request: a removed member's
// tokens stop working at once, and so do tokens of a deactivated organization. The token check loads
// the member's plugin access in the same query, so the request's permission checks cost no query.
import "server-only";
import { getOrgContext, orgContextOf, type OrgContext } from "@/core/auth/context";
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
  const { id, userId } = verified.token;
  const { user, organization, membership, access } = verified.caller;
  // A token acts only in the organization it was issued for: never in another membership of its user.
  if (!membership) {
    return unauthorized("The owner of this API token is no longer a member of its organization, or the organization is inactive.", requestId, true);
  }
  // The token's context carries only this membership (the organization switcher is a browser thing).
  const ctx = orgContextOf(user, organization, membership.role, [{ organization, role: membership.role }], requestId, access);
  return { ok: true, ctx, actor: { type: "api_token", id, userId }, apiTokenId: id };
}
