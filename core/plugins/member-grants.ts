// Who was granted which plugin permissions in the active organization: what the members pages show,
// and the one write that changes it (replace a member's grants for one plugin). Organization
// administration: callers check "organization.manage" (the server actions do, through orgAction).
import { memberLanguage } from "@/core/i18n/languages";
import { pluginLabel } from "@/core/i18n/messages";
import "server-only";
import type { ActionResult } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import type { Role } from "@/core/auth/roles";
import { AUDITED_TX } from "@/core/db/tx";
import { permissionsChanged } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { kickOutbox } from "@/core/events/outbox-signal";
import { requestOrigin } from "@/core/http/request-origin";
import { log } from "@/core/log";
import { enabledPlugins } from "./enabled";
import { allEnabledPermissions, effectivePermissions, permissionCatalog, roleGroups, type PermissionCatalog } from "./permission-catalog";
import { allPlugins } from "./registry";
import type { PluginManifest } from "./types";

export type MemberSummary = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  /** Effective plugin permissions (owners: all of them). */
  permissionCount: number;
};

export type GrantOption = { key: string; label: string; description?: string };
export type GroupOption = GrantOption & { permissions: string[] };

export type PluginGrants = {
  pluginId: string;
  pluginName: string;
  groups: GroupOption[];
  permissions: GrantOption[];
  grantedGroups: string[];
  grantedPermissions: string[];
  /** Groups of this plugin the member has by their role (declared with `roles`): not removable here. */
  roleGroups: string[];
  /** Permissions of this plugin the member has through groups of other plugins: key → group labels. */
  viaOtherPlugins: Record<string, string[]>;
};

export type MemberGrants = {
  member: { userId: string; name: string; email: string; role: Role };
  /** Enabled plugins that declare permissions or groups, by name. */
  plugins: PluginGrants[];
  /** Number of permissions the enabled plugins declare (what an owner has). */
  totalPermissions: number;
};

async function loadCatalog(organizationId: string): Promise<{ catalog: PermissionCatalog; enabled: PluginManifest[]; enabledIds: Set<string> }> {
  const [installed, enabled] = await Promise.all([allPlugins(), enabledPlugins(organizationId)]);
  return { catalog: permissionCatalog(installed), enabled, enabledIds: new Set(enabled.map((p) => p.id)) };
}

async function grantRows(ctx: OrgContext, userId?: string) {
  const where = userId ? { userId } : {};
  const [permissions, groups] = await Promise.all([
    ctx.db.memberPermission.findMany({ where, select: { userId: true, permission: true } }),
    ctx.db.memberGroup.findMany({ where, select: { userId: true, groupKey: true } }),
  ]);
  return { permissions, groups };
}

/** The organization's members, owners first, each with how many plugin permissions they have. */
export async function listMembers(ctx: OrgContext): Promise<{ members: MemberSummary[]; totalPermissions: number }> {
  const [memberships, rows, { catalog, enabledIds }] = await Promise.all([
    ctx.db.membership.findMany({ select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } } }),
    grantRows(ctx),
    loadCatalog(ctx.organization.id),
  ]);
  const total = allEnabledPermissions(catalog, enabledIds).size;
  const roleRank: Record<Role, number> = { owner: 0, admin: 1, staff: 2, viewer: 3 };
  const members = memberships.map(({ role, createdAt, user }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    role,
    joinedAt: createdAt,
    permissionCount:
      role === "owner"
        ? total
        : effectivePermissions(catalog, enabledIds, {
            role,
            permissions: rows.permissions.filter((r) => r.userId === user.id).map((r) => r.permission),
            groups: rows.groups.filter((r) => r.userId === user.id).map((r) => r.groupKey),
          }).size,
  }));
  members.sort((a, b) => roleRank[a.role] - roleRank[b.role] || a.name.localeCompare(b.name, "en"));
  return { members, totalPermissions: total };
}

/** One member's grants per enabled plugin, or null when the user is not a member of this organization. */
export async function getMemberGrants(ctx: OrgContext, userId: string): Promise<MemberGrants | null> {
  const [membership, rows, { catalog, enabled, enabledIds }] = await Promise.all([
    ctx.db.membership.findFirst({ where: { userId }, select: { role: true, user: { select: { id: true, name: true, email: true } } } }),
    grantRows(ctx, userId),
    loadCatalog(ctx.organization.id),
  ]);
  if (!membership) return null;
  const grantedGroups = new Set([...rows.groups.map((r) => r.groupKey), ...roleGroups(catalog, membership.role)]);
  const byRole = new Set(roleGroups(catalog, membership.role));
  const grantedPermissions = new Set(rows.permissions.map((r) => r.permission));
  // Labels in the reading member's language (each plugin's labels table); keys stay as declared.
  const language = memberLanguage(ctx);
  const shown = (pluginId: string, label: string) => pluginLabel(pluginId, language, label);

  const plugins = enabled
    .filter((p) => catalog.byPlugin.has(p.id))
    .map((p): PluginGrants => {
      const own = catalog.byPlugin.get(p.id)!;
      const ownKeys = new Set(own.permissions.map((d) => d.key));
      const viaOtherPlugins: Record<string, string[]> = {};
      for (const group of catalog.groups.values()) {
        if (group.pluginId === p.id || !enabledIds.has(group.pluginId) || !grantedGroups.has(group.key)) continue;
        for (const key of group.permissions) if (ownKeys.has(key)) (viaOtherPlugins[key] ??= []).push(shown(group.pluginId, group.label));
      }
      return {
        pluginId: p.id,
        pluginName: p.name,
        groups: own.groups.map((g) => ({ key: g.key, label: shown(p.id, g.label), description: g.description, permissions: g.permissions })),
        permissions: own.permissions.map((d) => ({ key: d.key, label: shown(p.id, d.label), description: d.description })),
        grantedGroups: own.groups.filter((g) => rows.groups.some((r) => r.groupKey === g.key)).map((g) => g.key),
        roleGroups: own.groups.filter((g) => byRole.has(g.key)).map((g) => g.key),
        grantedPermissions: own.permissions.filter((d) => grantedPermissions.has(d.key)).map((d) => d.key),
        viaOtherPlugins,
      };
    })
    .sort((a, b) => a.pluginName.localeCompare(b.pluginName, "en"));

  return {
    member: { userId: membership.user.id, name: membership.user.name, email: membership.user.email, role: membership.role },
    plugins,
    totalPermissions: allEnabledPermissions(catalog, enabledIds).size,
  };
}

export type GrantsInput = { userId: string; pluginId: string; groups: string[]; permissions: string[] };

function listOf(keys: string[]): string {
  return keys.map((k) => `"${k}"`).join(", ");
}

/**
 * Replaces the member's groups and direct permissions of one plugin with the given ones, in one
 * transaction (other plugins' grants are untouched). Every key must belong to that plugin; a user who
 * is not a member of the active organization is "not found", exactly like one that does not exist.
 */
export async function replaceMemberPluginGrants(ctx: OrgContext, input: GrantsInput): Promise<ActionResult<{ groups: number; permissions: number }>> {
  const { catalog, enabled } = await loadCatalog(ctx.organization.id);
  const plugin = enabled.find((p) => p.id === input.pluginId);
  if (!plugin) return { ok: false, error: "This plugin is not enabled for your organization. Enable it on the Plugins page first." };
  const own = catalog.byPlugin.get(plugin.id) ?? { permissions: [], groups: [] };
  const groups = [...new Set(input.groups)];
  const permissions = [...new Set(input.permissions)];
  const strayGroups = groups.filter((k) => !own.groups.some((g) => g.key === k));
  const strayPermissions = permissions.filter((k) => !own.permissions.some((d) => d.key === k));
  if (strayGroups.length || strayPermissions.length) {
    const parts = [strayGroups.length ? `groups ${listOf(strayGroups)}` : null, strayPermissions.length ? `permissions ${listOf(strayPermissions)}` : null];
    return { ok: false, error: `${plugin.name} has no ${parts.filter(Boolean).join(" and no ")}. Reload the page and try again.` };
  }

  // Nobody widens their own rights: another owner or admin has to grant them.
  if (input.userId === ctx.user.id) return { ok: false, error: "You cannot change your own permissions; ask another owner or admin." };
  const prefix = `${plugin.id}.`;
  const meta = eventMeta(ctx, await requestOrigin("form"));
  const outcome = await ctx.db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { userId: input.userId }, select: { role: true, user: { select: { email: true } } } });
    if (!membership) return "not_found" as const;
    if (membership.role === "owner") return "owner" as const;
    // Everything of this plugin goes, including rows for keys a newer plugin version no longer
    // declares: otherwise they would come back to life if the key were ever declared again.
    const [oldPermissions, oldGroups] = await Promise.all([
      tx.memberPermission.findMany({ where: { userId: input.userId }, select: { permission: true } }),
      tx.memberGroup.findMany({ where: { userId: input.userId }, select: { groupKey: true } }),
    ]);
    await tx.memberPermission.deleteMany({
      where: { userId: input.userId, permission: { in: oldPermissions.map((r) => r.permission).filter((k) => k.startsWith(prefix)) } },
    });
    await tx.memberGroup.deleteMany({
      where: { userId: input.userId, groupKey: { in: oldGroups.map((r) => r.groupKey).filter((k) => k.startsWith(prefix)) } },
    });
    // Prisma's input types want organizationId; the scoped client overwrites it with ours anyway.
    if (permissions.length) {
      await tx.memberPermission.createMany({
        data: permissions.map((permission) => ({ userId: input.userId, permission, organizationId: ctx.organization.id })),
        skipDuplicates: true,
      });
    }
    if (groups.length) {
      await tx.memberGroup.createMany({
        data: groups.map((groupKey) => ({ userId: input.userId, groupKey, organizationId: ctx.organization.id })),
        skipDuplicates: true,
      });
    }
    // core.permissions.changed, in this transaction (an audit log records who changed whose rights;
    // a handler that throws undoes the change). Nothing is emitted for a save that changed nothing.
    const had = new Set(oldPermissions.map((r) => r.permission).filter((k) => k.startsWith(prefix)));
    const hadGroups = new Set(oldGroups.map((r) => r.groupKey).filter((k) => k.startsWith(prefix)));
    const change = {
      granted: permissions.filter((k) => !had.has(k)),
      revoked: [...had].filter((k) => !permissions.includes(k)),
      groupsAdded: groups.filter((k) => !hadGroups.has(k)),
      groupsRemoved: [...hadGroups].filter((k) => !groups.includes(k)),
    };
    if (Object.values(change).some((keys) => keys.length > 0)) {
      await emit(tx, meta, permissionsChanged, {
        organizationId: ctx.organization.id,
        memberUserId: input.userId,
        memberEmail: membership.user.email,
        pluginId: plugin.id,
        ...change,
        permissions,
        groups,
      });
    }
    return "saved" as const;
  }, AUDITED_TX);
  kickOutbox();
  if (outcome === "not_found") return { ok: false, error: "This member was not found in your organization." };
  if (outcome === "owner") return { ok: false, error: "Owners have every permission; there is nothing to grant." };

  log.info("permissions.member_grants_replaced", {
    organizationId: ctx.organization.id,
    actorId: ctx.user.id,
    userId: input.userId,
    pluginId: plugin.id,
    groups,
    permissions,
    requestId: ctx.requestId,
  });
  return { ok: true, data: { groups: groups.length, permissions: permissions.length }, message: `${plugin.name} permissions saved.` };
}
