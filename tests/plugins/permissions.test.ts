// Plugin permissions on the real database: who has what (owners, groups, direct grants), enabled
// plugins only, custom and object-level checkers, the three ways to deny, declaration mistakes, and
// replacing a member's grants from the members page.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { replaceMemberPluginGrants, getMemberGrants, listMembers } from "@/core/plugins/member-grants";
import { permissionCatalog, PermissionDeclarationError } from "@/core/plugins/permission-catalog";
import { assertPermission, getPermissions, hasPermission, permissionDeniedResponse, requirePermission } from "@/core/plugins/permissions";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, type PermissionGroupDefinition, type PluginManifest } from "@/core/plugins/types";
import { createOrganization } from "../helpers/fixtures";

const checkerCalls: unknown[] = [];

const stock = definePlugin({
  id: "stock",
  name: "Stock",
  version: "1.0.0",
  description: "Inventory fixture",
  author: "test",
  permissions: [
    { key: "stock.view_items", label: "View items" },
    { key: "stock.edit_items", label: "Edit items" },
    { key: "stock.delete_items", label: "Delete items" },
    { key: "stock.export", label: "Export" },
  ],
  groups: [
    { key: "viewer", label: "Stock viewer", permissions: ["stock.view_items"] },
    { key: "stock.manager", label: "Stock manager", permissions: ["stock.view_items", "stock.edit_items"] },
  ],
  checkers: {
    // Object-level: locked items cannot be edited by anyone, owners included.
    "stock.edit_items": (_ctx, item) => {
      checkerCalls.push(item);
      return !(item as { locked?: boolean } | undefined)?.locked;
    },
    // Custom rule that crashes: must deny, not allow.
    "stock.export": () => {
      throw new Error("rule exploded");
    },
  },
});

const billing = definePlugin({
  id: "billing",
  name: "Billing",
  version: "1.0.0",
  description: "Second fixture, disabled in most tests",
  author: "test",
  permissions: [{ key: "billing.view_invoices", label: "View invoices" }],
  // Bundles a permission of another plugin: void while billing itself is disabled.
  groups: [{ key: "clerk", label: "Billing clerk", permissions: ["billing.view_invoices", "stock.view_items"] }],
});

// Role defaults: every staff member and viewer reads the rota, staff also edit it; nobody is granted.
const rota = definePlugin({
  id: "rota",
  name: "Rota",
  version: "1.0.0",
  description: "Fixture with groups that are roles' defaults",
  author: "test",
  permissions: [
    { key: "rota.view_shifts", label: "View shifts" },
    { key: "rota.edit_shifts", label: "Edit shifts" },
    { key: "rota.publish", label: "Publish the rota" },
  ],
  groups: [
    { key: "reader", label: "Rota reader", permissions: ["rota.view_shifts"], roles: ["viewer", "staff"] },
    { key: "editor", label: "Rota editor", permissions: ["rota.view_shifts", "rota.edit_shifts"], roles: ["staff"] },
    { key: "publisher", label: "Rota publisher", permissions: ["rota.publish"] },
  ],
});

beforeAll(() => {
  const all: PluginManifest[] = [stock, billing, rota];
  registerPluginRegistry(Object.fromEntries(all.map((p) => [p.id, async () => ({ default: p })])));
});

async function enable(organizationId: string, pluginId: string, enabled = true) {
  await rootDb().pluginInstallation.upsert({
    where: { organizationId_pluginId: { organizationId, pluginId } },
    create: { organizationId, pluginId, enabled, version: "1.0.0", enabledAt: enabled ? new Date() : null },
    update: { enabled },
  });
}

async function grant(organizationId: string, userId: string, { permissions = [], groups = [] }: { permissions?: string[]; groups?: string[] }) {
  if (permissions.length) await rootDb().memberPermission.createMany({ data: permissions.map((permission) => ({ organizationId, userId, permission })) });
  if (groups.length) await rootDb().memberGroup.createMany({ data: groups.map((groupKey) => ({ organizationId, userId, groupKey })) });
}

const sorted = (s: Set<string>) => [...s].sort();

describe("who has which permission", () => {
  it("gives owners every permission of the enabled plugins, and nothing of disabled ones", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await enable(a.org.id, "billing", false);
    const owner = await a.as("owner");
    expect(sorted(await getPermissions(owner))).toEqual(["stock.delete_items", "stock.edit_items", "stock.export", "stock.view_items"]);
    expect(await hasPermission(owner, "stock.delete_items")).toBe(true);
    expect(await hasPermission(owner, "billing.view_invoices")).toBe(false);
  });

  it("gives a member exactly the permissions of their group", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await grant(a.org.id, a.members.staff.id, { groups: ["stock.manager"] });
    const staff = await a.as("staff");
    expect(sorted(await getPermissions(staff))).toEqual(["stock.edit_items", "stock.view_items"]);
    expect(await hasPermission(staff, "stock.view_items")).toBe(true);
    expect(await hasPermission(staff, "stock.delete_items")).toBe(false);
    // Admins are members like any other: no grant, no permission.
    expect(await getPermissions(await a.as("admin"))).toEqual(new Set());
  });

  it("adds direct grants to group permissions, per organization", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    await enable(a.org.id, "stock");
    await enable(b.org.id, "stock");
    // A short group key ("viewer") is stored qualified with the plugin id.
    await grant(a.org.id, a.members.viewer.id, { groups: ["stock.viewer"], permissions: ["stock.delete_items"] });
    const viewer = await a.as("viewer");
    expect(sorted(await getPermissions(viewer))).toEqual(["stock.delete_items", "stock.view_items"]);
    // The same user id granted nothing in another organization has nothing there.
    await rootDb().membership.create({ data: { organizationId: b.org.id, userId: a.members.viewer.id, role: "viewer" } });
    const { loadOrgContext } = await import("@/core/auth/context");
    const inB = await loadOrgContext(a.members.viewer.id, b.org.id);
    expect(inB?.organization.id).toBe(b.org.id);
    expect(await getPermissions(inB!)).toEqual(new Set());
  });

  it("voids a disabled plugin's grants, and its groups even for permissions of enabled plugins", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await enable(a.org.id, "billing");
    await grant(a.org.id, a.members.staff.id, { groups: ["billing.clerk"], permissions: ["billing.view_invoices"] });
    const staff = await a.as("staff");
    expect(sorted(await getPermissions(staff))).toEqual(["billing.view_invoices", "stock.view_items"]);

    await enable(a.org.id, "billing", false);
    expect(await getPermissions(staff)).toEqual(new Set());
    expect(await hasPermission(staff, "billing.view_invoices")).toBe(false);
    // Disabling keeps the rows: re-enabling restores the grants.
    expect(await rootDb().memberGroup.count({ where: { organizationId: a.org.id, userId: a.members.staff.id } })).toBe(1);
    await enable(a.org.id, "billing");
    expect(await hasPermission(staff, "billing.view_invoices")).toBe(true);
  });

  it("ignores grant rows of keys no installed plugin declares", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await grant(a.org.id, a.members.staff.id, { permissions: ["stock.retired_permission", "ghost.view"], groups: ["stock.retired_group"] });
    expect(await getPermissions(await a.as("staff"))).toEqual(new Set());
  });
});

describe("the groups a role has by default", () => {
  it("gives every member of a role its groups while the plugin is enabled, with their grants on top; nothing once disabled", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "rota");
    expect(sorted(await getPermissions(await a.as("viewer")))).toEqual(["rota.view_shifts"]);
    expect(sorted(await getPermissions(await a.as("staff")))).toEqual(["rota.edit_shifts", "rota.view_shifts"]);
    // Admins get no rota group by default here: only what they are granted.
    expect(await getPermissions(await a.as("admin"))).toEqual(new Set());
    expect(sorted(await getPermissions(await a.as("owner")))).toEqual(["rota.edit_shifts", "rota.publish", "rota.view_shifts"]);

    await grant(a.org.id, a.members.viewer.id, { groups: ["rota.publisher"] });
    expect(sorted(await getPermissions(await a.as("viewer")))).toEqual(["rota.publish", "rota.view_shifts"]);

    await enable(a.org.id, "rota", false);
    expect(await getPermissions(await a.as("staff"))).toEqual(new Set());
    expect(await hasPermission(await a.as("viewer"), "rota.view_shifts")).toBe(false);
  });

  it("shows on the members page which groups come with the role (not saved as grants), and counts them", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "rota");
    const admin = await a.as("admin");
    const rotaOf = async (userId: string) => (await getMemberGrants(admin, userId))!.plugins.find((p) => p.pluginId === "rota")!;
    expect(await rotaOf(a.members.staff.id)).toMatchObject({ roleGroups: ["rota.reader", "rota.editor"], grantedGroups: [] });
    expect(await rotaOf(a.members.viewer.id)).toMatchObject({ roleGroups: ["rota.reader"], grantedGroups: [] });
    expect((await listMembers(admin)).members.map((m) => [m.role, m.permissionCount])).toEqual([
      ["owner", 3],
      ["admin", 0],
      ["staff", 2],
      ["viewer", 1],
    ]);
    // Saving the form with no groups ticked keeps what the role gives: role groups are not grants.
    expect((await replaceMemberPluginGrants(admin, { userId: a.members.staff.id, pluginId: "rota", groups: [], permissions: [] })).ok).toBe(true);
    expect(sorted(await getPermissions(await a.as("staff")))).toEqual(["rota.edit_shifts", "rota.view_shifts"]);
    expect(await rootDb().memberGroup.count({ where: { organizationId: a.org.id } })).toBe(0);
  });
});

describe("custom and object-level checkers", () => {
  it("lets the checker deny on the object, for owners too", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await grant(a.org.id, a.members.staff.id, { groups: ["stock.manager"] });
    const owner = await a.as("owner");
    const staff = await a.as("staff");
    const locked = { id: "i1", locked: true };
    expect(await hasPermission(owner, "stock.edit_items", { id: "i0" })).toBe(true);
    expect(await hasPermission(owner, "stock.edit_items", locked)).toBe(false);
    expect(await hasPermission(staff, "stock.edit_items", locked)).toBe(false);
    expect(await hasPermission(staff, "stock.edit_items", { id: "i2" })).toBe(true);
    expect(checkerCalls).toContainEqual(locked);
  });

  it("does not run the checker when the permission is not granted", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    const before = checkerCalls.length;
    expect(await hasPermission(await a.as("viewer"), "stock.edit_items", { id: "x" })).toBe(false);
    expect(checkerCalls.length).toBe(before);
  });

  it("denies when a checker throws (fail closed), and logs which rule broke", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    expect(await hasPermission(await a.as("owner"), "stock.export")).toBe(false);
    expect(logged).toHaveBeenCalledWith("permission.checker_failed", expect.objectContaining({ permission: "stock.export", pluginId: "stock" }));
    logged.mockRestore();
  });
});

describe("denying in pages, actions and route handlers", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("requirePermission renders the 403 page through forbidden()", async () => {
    // What next.config's experimental.authInterrupts sets in the app.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await expect(requirePermission(await a.as("owner"), "stock.view_items")).resolves.toBeUndefined();
    await expect(requirePermission(await a.as("viewer"), "stock.view_items")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  });

  it("assertPermission returns an ActionResult error naming the permission, or null", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    expect(await assertPermission(await a.as("owner"), "stock.view_items")).toBeNull();
    expect(await assertPermission(await a.as("viewer"), "stock.edit_items")).toEqual({
      ok: false,
      error: 'You need the "Edit items" permission to do this. Ask an owner or admin of your organization.',
    });
    expect(await assertPermission(await a.as("owner"), "stock.edit_items", { locked: true })).toEqual({ ok: false, error: "You do not have permission to do this." });
  });

  it("permissionDeniedResponse is the API's JSON 403", async () => {
    const res = permissionDeniedResponse();
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "You do not have permission to do this." } });
    expect(await permissionDeniedResponse("Needs stock.view_items", "req-1").json()).toEqual({
      error: { code: "forbidden", message: "Needs stock.view_items", requestId: "req-1" },
    });
  });

  it("throws a developer error for a key no installed plugin declares", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    const owner = await a.as("owner");
    await expect(hasPermission(owner, "stock.view_itemz")).rejects.toThrow(
      'Unknown permission "stock.view_itemz": no installed plugin declares it. Plugin "stock" declares: stock.view_items, stock.edit_items, stock.delete_items, stock.export.',
    );
    await expect(hasPermission(owner, "nowhere.view")).rejects.toThrow(PermissionDeclarationError);
  });
});

describe("declaration mistakes", () => {
  const base = { name: "X", version: "1.0.0", description: "x", author: "t" };
  it("reports keys outside the plugin's namespace, duplicate keys and stray group members or checkers", () => {
    expect(() => permissionCatalog([definePlugin({ ...base, id: "x", permissions: [{ key: "y.view", label: "V" }] })])).toThrow(
      'Plugin "x" declares the permission "y.view": permission keys must be "x.<snake_case>", e.g. "x.view_items".',
    );
    expect(() => permissionCatalog([definePlugin({ ...base, id: "x", permissions: [{ key: "x.View-Items", label: "V" }] })])).toThrow(/must be "x.<snake_case>"/);
    expect(() =>
      permissionCatalog([definePlugin({ ...base, id: "x", permissions: [{ key: "x.view", label: "V" }, { key: "x.view", label: "W" }] })]),
    ).toThrow('Plugin "x" declares the permission "x.view" twice.');
    expect(() =>
      permissionCatalog([definePlugin({ ...base, id: "x", permissions: [{ key: "x.view", label: "V" }], groups: [{ key: "all", label: "All", permissions: ["x.edit"] }] })]),
    ).toThrow('Group "x.all" of plugin "x" includes "x.edit", which no installed plugin declares.');
    expect(() => permissionCatalog([definePlugin({ ...base, id: "x", checkers: { "x.view": () => true } })])).toThrow(
      'Plugin "x" has a checker for "x.view", which it does not declare under permissions.',
    );
    // A plugin written without the types: owners cannot have default groups (they have everything).
    const ownerDefault = { key: "all", label: "All", permissions: ["x.view"], roles: ["owner"] } as unknown as PermissionGroupDefinition;
    expect(() => permissionCatalog([definePlugin({ ...base, id: "x", permissions: [{ key: "x.view", label: "V" }], groups: [ownerDefault] })])).toThrow(
      'Plugin "x" makes the group "all" the default of "owner": only admin, staff, viewer can have default groups (owners have every permission).',
    );
  });
});

describe("member grants (members page)", () => {
  it("replaces one plugin's grants in one go and leaves other plugins' grants alone", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await enable(a.org.id, "billing");
    const staffId = a.members.staff.id;
    await grant(a.org.id, staffId, { permissions: ["billing.view_invoices", "stock.retired_permission"], groups: ["stock.viewer"] });
    const admin = await a.as("admin");

    const res = await replaceMemberPluginGrants(admin, { userId: staffId, pluginId: "stock", groups: ["stock.manager"], permissions: ["stock.delete_items", "stock.delete_items"] });
    expect(res).toEqual({ ok: true, data: { groups: 1, permissions: 1 }, message: "Stock permissions saved." });
    const rows = await rootDb().memberPermission.findMany({ where: { organizationId: a.org.id, userId: staffId }, orderBy: { permission: "asc" } });
    // The stale stock row is gone with the replaced ones; billing's grant is untouched.
    expect(rows.map((r) => r.permission)).toEqual(["billing.view_invoices", "stock.delete_items"]);
    expect((await rootDb().memberGroup.findMany({ where: { organizationId: a.org.id, userId: staffId } })).map((r) => r.groupKey)).toEqual(["stock.manager"]);
    expect(sorted(await getPermissions(await a.as("staff")))).toEqual(["billing.view_invoices", "stock.delete_items", "stock.edit_items", "stock.view_items"]);

    const view = await getMemberGrants(admin, staffId);
    const stockView = view!.plugins.find((p) => p.pluginId === "stock")!;
    expect(stockView).toMatchObject({ grantedGroups: ["stock.manager"], grantedPermissions: ["stock.delete_items"] });
    expect(stockView.groups.map((g) => g.key)).toEqual(["stock.viewer", "stock.manager"]);
    expect(view!.plugins.map((p) => p.pluginName)).toEqual(["Billing", "Stock"]);

    const cleared = await replaceMemberPluginGrants(admin, { userId: staffId, pluginId: "stock", groups: [], permissions: [] });
    expect(cleared.ok).toBe(true);
    expect(sorted(await getPermissions(await a.as("staff")))).toEqual(["billing.view_invoices"]);
  });

  it("refuses keys of another plugin, unknown members, other organizations' users, owners and disabled plugins", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    await enable(a.org.id, "stock");
    await enable(a.org.id, "billing", false);
    const admin = await a.as("admin");
    const staffId = a.members.staff.id;

    expect(await replaceMemberPluginGrants(admin, { userId: staffId, pluginId: "stock", groups: ["billing.clerk"], permissions: ["billing.view_invoices"] })).toEqual({
      ok: false,
      error: 'Stock has no groups "billing.clerk" and no permissions "billing.view_invoices". Reload the page and try again.',
    });
    const notFound = { ok: false, error: "This member was not found in your organization." };
    expect(await replaceMemberPluginGrants(admin, { userId: b.members.staff.id, pluginId: "stock", groups: [], permissions: ["stock.view_items"] })).toEqual(notFound);
    expect(await replaceMemberPluginGrants(admin, { userId: crypto.randomUUID(), pluginId: "stock", groups: [], permissions: [] })).toEqual(notFound);
    expect(await replaceMemberPluginGrants(admin, { userId: a.members.owner.id, pluginId: "stock", groups: [], permissions: ["stock.view_items"] })).toEqual({
      ok: false,
      error: "Owners have every permission; there is nothing to grant.",
    });
    // Nobody grants themselves anything.
    expect(await replaceMemberPluginGrants(admin, { userId: a.members.admin.id, pluginId: "stock", groups: [], permissions: ["stock.view_items"] })).toEqual({
      ok: false,
      error: "You cannot change your own permissions; ask another owner or admin.",
    });
    expect(await rootDb().memberPermission.count({ where: { organizationId: a.org.id, userId: a.members.admin.id } })).toBe(0);
    expect(await replaceMemberPluginGrants(admin, { userId: staffId, pluginId: "billing", groups: [], permissions: ["billing.view_invoices"] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not enabled/),
    });
    // Nothing was written anywhere.
    expect(await rootDb().memberPermission.count({ where: { organizationId: { in: [a.org.id, b.org.id] } } })).toBe(0);
    expect(await getMemberGrants(admin, b.members.staff.id)).toBeNull();
  });

  it("lists members with their effective permission counts", async () => {
    const a = await createOrganization();
    await enable(a.org.id, "stock");
    await grant(a.org.id, a.members.staff.id, { groups: ["stock.manager"], permissions: ["stock.view_items"] });
    const { members, totalPermissions } = await listMembers(await a.as("admin"));
    expect(totalPermissions).toBe(4);
    expect(members.map((m) => [m.role, m.permissionCount])).toEqual([
      ["owner", 4],
      ["admin", 0],
      ["staff", 2],
      ["viewer", 0],
    ]);
  });
});
