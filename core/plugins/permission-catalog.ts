// The permissions and permission groups the installed plugins declare, indexed and checked for
// mistakes. Pure (no database, no request): the permission checks, the members page, menus and widgets
// all read declarations through it, so a typo in a manifest fails the same way everywhere.
import type { Role } from "@/core/auth/roles";
import type { DefaultableRole, PermissionDefinition, PermissionGroupDefinition, PluginManifest } from "./types";

export type DeclaredPermission = PermissionDefinition & { pluginId: string };

export type DeclaredGroup = Omit<PermissionGroupDefinition, "key" | "roles"> & {
  /** The roles that have this group by default (none: only members granted it). */
  roles: readonly DefaultableRole[];
  /** Stored in MemberGroup.groupKey: "<plugin id>.<group key>", so "viewer" of two plugins never collide. */
  key: string;
  /** The key as the manifest spells it ("viewer"). */
  localKey: string;
  pluginId: string;
};

export type PluginPermissions = { permissions: DeclaredPermission[]; groups: DeclaredGroup[] };

export type PermissionCatalog = {
  permissions: ReadonlyMap<string, DeclaredPermission>;
  groups: ReadonlyMap<string, DeclaredGroup>;
  /** Declarations per plugin id, in manifest order (plugins without any are absent). */
  byPlugin: ReadonlyMap<string, PluginPermissions>;
  /** Each role's default groups (a group's `roles`), computed once with the catalog: read per request. */
  byRole: ReadonlyMap<DefaultableRole, readonly string[]>;
};

/** A manifest declares permissions wrongly: a bug in the plugin, not a user error. */
export class PermissionDeclarationError extends Error {
  override name = "PermissionDeclarationError";
}

const LOCAL_NAME = /^[a-z][a-z0-9_]*$/;
const DEFAULTABLE_ROLES: readonly string[] = ["admin", "staff", "viewer"] satisfies DefaultableRole[];

/** "viewer" → "inventory.viewer"; an already qualified "inventory.viewer" is kept. */
export function qualifiedGroupKey(pluginId: string, key: string): string {
  return key.startsWith(`${pluginId}.`) ? key : `${pluginId}.${key}`;
}

function checkPermissionKey(plugin: PluginManifest, key: string) {
  const prefix = `${plugin.id}.`;
  if (!key.startsWith(prefix) || !LOCAL_NAME.test(key.slice(prefix.length))) {
    throw new PermissionDeclarationError(
      `Plugin "${plugin.id}" declares the permission "${key}": permission keys must be "${plugin.id}.<snake_case>", e.g. "${plugin.id}.view_items".`,
    );
  }
}

function buildCatalog(plugins: readonly PluginManifest[]): PermissionCatalog {
  const permissions = new Map<string, DeclaredPermission>();
  const groups = new Map<string, DeclaredGroup>();
  const byPlugin = new Map<string, PluginPermissions>();

  for (const plugin of plugins) {
    const own: PluginPermissions = { permissions: [], groups: [] };
    for (const def of plugin.permissions ?? []) {
      checkPermissionKey(plugin, def.key);
      if (permissions.has(def.key)) throw new PermissionDeclarationError(`Plugin "${plugin.id}" declares the permission "${def.key}" twice.`);
      const declared = { ...def, pluginId: plugin.id };
      permissions.set(def.key, declared);
      own.permissions.push(declared);
    }
    for (const def of plugin.groups ?? []) {
      const key = qualifiedGroupKey(plugin.id, def.key);
      if (!LOCAL_NAME.test(key.slice(plugin.id.length + 1))) {
        throw new PermissionDeclarationError(`Plugin "${plugin.id}" declares the group "${def.key}": group keys are snake_case, e.g. "viewer" or "manager".`);
      }
      if (groups.has(key)) throw new PermissionDeclarationError(`Plugin "${plugin.id}" declares the group "${def.key}" twice.`);
      const stray = (def.roles ?? []).filter((r) => !DEFAULTABLE_ROLES.includes(r));
      if (stray.length) {
        throw new PermissionDeclarationError(
          `Plugin "${plugin.id}" makes the group "${def.key}" the default of "${stray.join('", "')}": only ${DEFAULTABLE_ROLES.join(", ")} can have default groups (owners have every permission).`,
        );
      }
      const declared: DeclaredGroup = { ...def, key, localKey: def.key, pluginId: plugin.id, permissions: [...new Set(def.permissions)], roles: [...new Set(def.roles ?? [])] };
      groups.set(key, declared);
      own.groups.push(declared);
    }
    for (const key of Object.keys(plugin.checkers ?? {})) {
      // A checker for someone else's permission would silently never run: say so instead.
      if (!own.permissions.some((p) => p.key === key)) {
        throw new PermissionDeclarationError(`Plugin "${plugin.id}" has a checker for "${key}", which it does not declare under permissions.`);
      }
    }
    if (own.permissions.length || own.groups.length) byPlugin.set(plugin.id, own);
  }

  // Groups may bundle permissions of other plugins (a dependency's), but only declared ones.
  for (const group of groups.values()) {
    for (const key of group.permissions) {
      if (!permissions.has(key)) {
        throw new PermissionDeclarationError(`Group "${group.key}" of plugin "${group.pluginId}" includes "${key}", which no installed plugin declares.`);
      }
    }
  }
  const byRole = new Map<DefaultableRole, string[]>();
  for (const group of groups.values()) for (const role of group.roles) byRole.set(role, [...(byRole.get(role) ?? []), group.key]);
  return { permissions, groups, byPlugin, byRole };
}

/** The groups a role has by default (declared with `roles` by the installed plugins), in catalog order. */
export function roleGroups(catalog: PermissionCatalog, role: Role): readonly string[] {
  return role === "owner" ? [] : (catalog.byRole.get(role) ?? []);
}

/**
 * What direct grants, group memberships and the role's default groups amount to: only permissions
 * declared by enabled plugins, and only groups of enabled plugins count (a disabled plugin's grants are
 * void, not deleted).
 */
export function effectivePermissions(
  catalog: PermissionCatalog,
  enabledPluginIds: ReadonlySet<string>,
  grants: { role?: Role; permissions: Iterable<string>; groups: Iterable<string> },
): Set<string> {
  const live = (key: string) => {
    const declared = catalog.permissions.get(key);
    return declared !== undefined && enabledPluginIds.has(declared.pluginId);
  };
  const out = new Set<string>();
  for (const key of grants.permissions) if (live(key)) out.add(key);
  const groups = grants.role ? [...grants.groups, ...roleGroups(catalog, grants.role)] : grants.groups;
  for (const groupKey of groups) {
    const group = catalog.groups.get(groupKey);
    // A group of a disabled plugin grants nothing, not even permissions of enabled ones it bundles.
    if (!group || !enabledPluginIds.has(group.pluginId)) continue;
    for (const key of group.permissions) if (live(key)) out.add(key);
  }
  return out;
}

/** Every permission of the enabled plugins: what an owner has. */
export function allEnabledPermissions(catalog: PermissionCatalog, enabledPluginIds: ReadonlySet<string>): Set<string> {
  return new Set([...catalog.permissions.values()].filter((p) => enabledPluginIds.has(p.pluginId)).map((p) => p.key));
}

let memo: { plugins: readonly PluginManifest[]; catalog: PermissionCatalog } | undefined;

/**
 * The catalog of the given manifests. Manifests are loaded once per process, so the same objects come
 * back on every request: the last catalog is reused while they are the same (no re-validation per check).
 */
export function permissionCatalog(plugins: readonly PluginManifest[]): PermissionCatalog {
  if (memo && memo.plugins.length === plugins.length && memo.plugins.every((p, i) => p === plugins[i])) return memo.catalog;
  const catalog = buildCatalog(plugins);
  memo = { plugins: [...plugins], catalog };
  return catalog;
}

/** The developer error for a check of a permission nobody declares, with the likely intended keys. */
export function unknownPermissionError(catalog: PermissionCatalog, key: string): Error {
  const pluginId = key.split(".")[0] ?? "";
  const siblings = catalog.byPlugin.get(pluginId)?.permissions.map((p) => p.key) ?? [];
  const hint = siblings.length
    ? ` Plugin "${pluginId}" declares: ${siblings.join(", ")}.`
    : ` No installed plugin has the id "${pluginId}" with permissions; declare the key under \`permissions\` in plugins/${pluginId || "<id>"}/plugin.ts.`;
  return new PermissionDeclarationError(`Unknown permission "${key}": no installed plugin declares it.${hint}`);
}
