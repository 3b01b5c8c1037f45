// The one permission check of Ritiko, for plugin permissions ("inventory.view_items"). Server
// components, server actions, route handlers, menus and widgets all ask here:
//
//   await requirePermission(ctx, "inventory.view_items");              // page: 403 page when denied
//   const denied = await assertPermission(ctx, "inventory.edit_items", item);
//   if (denied) return denied;                                          // server action: ActionResult
//   if (!(await hasPermission(ctx, key))) return permissionDeniedResponse(); // route handler: JSON 403
//
// Who has what: owners have every permission of the plugins enabled for the organization; everyone
// else has the union of their direct grants (MemberPermission), their groups' permissions
// (MemberGroup) and the groups their role has by default (a group's `roles`), counted only for enabled plugins, so disabling a plugin voids its grants without
// deleting them. A manifest's `checkers[key]` then gets the last word (custom or object-level rules),
// for owners too.
import "server-only";
import { cache } from "react";
import { forbidden } from "next/navigation";
import type { ActionResult } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import type { Role } from "@/core/auth/roles";
import { rootDb } from "@/core/db/client";
import { apiError } from "@/core/http/api-errors";
import { log } from "@/core/log";
import { enabledPluginsForRequest } from "./enabled-for-request";
import {
  allEnabledPermissions,
  effectivePermissions,
  permissionCatalog,
  unknownPermissionError,
  type DeclaredPermission,
  type PermissionCatalog,
} from "./permission-catalog";
import { allPlugins } from "./registry";
import type { PermissionKey, PluginManifest } from "./types";

type Access = {
  catalog: PermissionCatalog;
  enabled: ReadonlyMap<string, PluginManifest>;
  granted: ReadonlySet<string>;
};

// Keyed by primitives (not the ctx object) so every caller in one request shares the result.
const loadAccess = cache(async (organizationId: string, userId: string, role: Role): Promise<Access> => {
  const [installed, enabledList] = await Promise.all([allPlugins(), enabledPluginsForRequest(organizationId)]);
  const enabledIds = new Set(enabledList.map((p) => p.id));
  return accessFrom(installed, enabledIds, role, async () => {
    const [direct, groups] = await Promise.all([
      rootDb().memberPermission.findMany({ where: { organizationId, userId }, select: { permission: true } }),
      rootDb().memberGroup.findMany({ where: { organizationId, userId }, select: { groupKey: true } }),
    ]);
    return { permissions: direct.map((r) => r.permission), groups: groups.map((r) => r.groupKey) };
  });
});

async function accessFrom(
  installed: readonly PluginManifest[],
  enabledIds: ReadonlySet<string>,
  role: Role,
  grants: () => Promise<{ permissions: readonly string[]; groups: readonly string[] }>,
): Promise<Access> {
  const isOwner = role === "owner";
  const catalog = permissionCatalog(installed);
  const enabled = new Map(installed.filter((p) => enabledIds.has(p.id)).map((p) => [p.id, p]));
  const everything = allEnabledPermissions(catalog, enabledIds);
  // Owners have it all; and when no enabled plugin declares anything there is nothing to look up.
  if (isOwner || everything.size === 0) return { catalog, enabled, granted: isOwner ? everything : new Set() };
  return { catalog, enabled, granted: effectivePermissions(catalog, enabledIds, { ...(await grants()), role }) };
}

// Access already loaded with the request (API tokens): computed once per context object.
const preloaded = new WeakMap<OrgContext, Promise<Access>>();

function accessOf(ctx: OrgContext): Promise<Access> {
  const access = ctx.access;
  if (!access) return loadAccess(ctx.organization.id, ctx.user.id, ctx.role);
  let p = preloaded.get(ctx);
  if (!p) {
    p = allPlugins().then((installed) => accessFrom(installed, access.enabledPluginIds, ctx.role, async () => access));
    preloaded.set(ctx, p);
  }
  return p;
}

/** Every plugin permission the member has in the active organization (a copy: safe to modify). */
export async function getPermissions(ctx: OrgContext): Promise<Set<string>> {
  return new Set((await accessOf(ctx)).granted);
}

type Decision = { allowed: true } | { allowed: false; reason: "not_granted" | "checker"; permission: DeclaredPermission };

async function decide(ctx: OrgContext, key: PermissionKey, object: unknown): Promise<Decision> {
  const access = await accessOf(ctx);
  const permission = access.catalog.permissions.get(key);
  if (!permission) throw unknownPermissionError(access.catalog, key);
  if (!access.granted.has(key)) return { allowed: false, reason: "not_granted", permission };
  const checker = access.enabled.get(permission.pluginId)?.checkers?.[key];
  if (!checker) return { allowed: true };
  try {
    // Only a literal `true` allows: a checker that forgets to return something denies.
    if ((await checker(ctx, object)) === true) return { allowed: true };
  } catch (err) {
    // Fail closed: a crashing rule must never open access. The log line says which rule broke.
    log.error("permission.checker_failed", { err, permission: key, pluginId: permission.pluginId, organizationId: ctx.organization.id, userId: ctx.user.id, requestId: ctx.requestId });
  }
  return { allowed: false, reason: "checker", permission };
}

/**
 * Whether the member may do `key` (on `object`, when the declaring plugin has an object-level checker).
 * Throws a developer error for a key no installed plugin declares (a typo must not read as "denied").
 */
export async function hasPermission(ctx: OrgContext, key: PermissionKey, object?: unknown): Promise<boolean> {
  return (await decide(ctx, key, object)).allowed;
}

/** For pages and layouts: renders the 403 page (Next's `forbidden()`) when denied. */
export async function requirePermission(ctx: OrgContext, key: PermissionKey, object?: unknown): Promise<void> {
  if (!(await hasPermission(ctx, key, object))) forbidden();
}

/**
 * For server actions: null when allowed, otherwise a failed ActionResult to return as is.
 * `const denied = await assertPermission(ctx, "inventory.edit_items", item); if (denied) return denied;`
 */
export async function assertPermission(ctx: OrgContext, key: PermissionKey, object?: unknown): Promise<Extract<ActionResult<never>, { ok: false }> | null> {
  const decision = await decide(ctx, key, object);
  if (decision.allowed) return null;
  const error =
    decision.reason === "not_granted"
      ? `You need the "${decision.permission.label}" permission to do this. Ask an owner or admin of your organization.`
      : "You do not have permission to do this.";
  return { ok: false, error };
}

/** For route handlers: the JSON 403 of the REST API, `{ error: { code: "forbidden", message } }`. */
export function permissionDeniedResponse(message = "You do not have permission to do this.", requestId?: string): Response {
  return apiError(403, "forbidden", message, requestId ? { requestId } : {});
}
