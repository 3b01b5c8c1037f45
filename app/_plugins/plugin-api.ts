// REST handlers for /api/v1/<plugin id>/<path...> (the generated route shims call this). Callers
// authenticate with `Authorization: Bearer rtk_...` (an API token: the token's user in the token's
// organization) or the browser session (core/api-tokens/authenticate.ts); handlers get the actor for
// their events, with the origin (source "api", request id, client IP). Answers: 401 without a session or with an unknown, revoked or expired token, 404 when
// the plugin is disabled for the organization or no route matches, 405 for a known path with another
// method, 403 without the route's permission, 500 (with the request id, details in the logs) when a
// handler throws.
import "./runtime";
import { authenticateApiRequest } from "@/core/api-tokens/authenticate";
import { isEventHandlerError } from "@/core/events/emit";
import { coreApiSection } from "@/core/openapi/core-api";
import { apiError } from "@/core/http/api-errors";
import { REQUEST_ID_HEADER } from "@/core/http/request-id";
import { originFromHeaders } from "@/core/http/request-origin";
import { log } from "@/core/log";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { hasPermission } from "@/core/plugins/permissions";
import { getPlugin } from "@/core/plugins/registry";
import { matchPath } from "@/core/plugins/routing";
import type { ApiMethod, PermissionKey } from "@/core/plugins/types";

type RouteContext = { params: Promise<{ path: string[] }> };

/** The Next route handlers of one plugin's /api/v1/<plugin id>/… (the generated shims call this). */
export function pluginRouteHandlers(pluginId: string) {
  // Next has already decoded each segment; decoding again would turn "%25" into a URIError.
  const handle = (method: ApiMethod) => async (request: Request, context: RouteContext) =>
    handlePluginApiRequest(pluginId, method, request, (await context.params).path);
  return { GET: handle("GET"), POST: handle("POST"), PUT: handle("PUT"), PATCH: handle("PATCH"), DELETE: handle("DELETE") };
}

/**
 * One REST request to a plugin route, given the decoded path segments after /api/v1/<plugin id>/.
 * Shared by the Next route handlers above and the production server's own API router
 * (server/api-router.ts), so both answer exactly alike.
 */
export async function handlePluginApiRequest(pluginId: string, method: ApiMethod, request: Request, segments: string[]): Promise<Response> {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const { ctx, actor } = auth;
  // Core's own sections (/api/v1/imports) are in every organization; a plugin's only where enabled.
  const core = coreApiSection(pluginId);
  const [manifest, enabled] = core ? [core, null] : await Promise.all([getPlugin(pluginId), ctx.access?.enabledPluginIds ?? enabledPluginIds(ctx.organization.id)]);
  if (!manifest || (enabled && !enabled.has(pluginId))) return apiError(404, "not_found", "No such endpoint.", { requestId });
  const routes = manifest.api ?? [];
  const match = matchPath(routes.filter((r) => r.method === method), segments);
  if (!match) {
    const allowed = routes.filter((r) => matchPath([r], segments)).map((r) => r.method);
    if (allowed.length) {
      const res = apiError(405, "method_not_allowed", `Use ${allowed.join(", ")} for this endpoint.`, { requestId });
      res.headers.set("Allow", allowed.join(", "));
      return res;
    }
    return apiError(404, "not_found", "No such endpoint.", { requestId });
  }
  if (match.route.permission && !(await hasPermission(ctx, match.route.permission))) {
    return apiError(403, "forbidden", `This needs the ${match.route.permission} permission.`, { requestId });
  }
  try {
    const can = (permission: PermissionKey) => hasPermission(ctx, permission);
    return await match.route.handler({ ctx, params: match.params, request, actor, origin: originFromHeaders("api", request.headers), can });
  } catch (err) {
    // A plugin's in-transaction handler refused the change: an expected outcome with its reason
    // (the change was rolled back), not a server failure.
    if (isEventHandlerError(err)) {
      log.warn("plugin_api.vetoed_by_plugin", { pluginId: err.pluginId, event: err.eventName, requestId });
      const reason = err.cause instanceof Error ? err.cause.message : String(err.cause);
      return apiError(409, "refused_by_plugin", `The ${err.pluginId} plugin refused this change, so nothing was saved: ${reason}`, { requestId });
    }
    log.error("plugin_api.failed", { err, pluginId, method, path: segments.join("/"), requestId });
    return apiError(500, "internal_error", "The request failed on the server. Details are in the server log under this request id.", { requestId });
  }
}
