// Plugin menus and widget zones on the real database: entries filtered by permission, sorted,
// submenus and separators, badges computed per request (a failing or slow badge is left out), and
// which widgets a zone shows in which order.
import type { ReactElement, ReactNode } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { rootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { pluginNavigation } from "@/core/plugins/menus";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, type PluginManifest, type WidgetContribution } from "@/core/plugins/types";
import { selectWidgets, widgetsForZone } from "@/core/plugins/widgets";
import { createOrganization } from "../helpers/fixtures";

const never = () => new Promise<number>(() => {});
const widget = (id: string, zone: WidgetContribution["zone"], extra: Partial<WidgetContribution> = {}): WidgetContribution => ({
  id,
  zone,
  component: async () => ({ default: () => null }),
  ...extra,
});

const stock = definePlugin({
  id: "stock",
  name: "Stock",
  version: "1.0.0",
  description: "Inventory fixture",
  author: "test",
  permissions: [
    { key: "stock.view_items", label: "View items" },
    { key: "stock.view_reports", label: "View reports" },
    { key: "stock.admin", label: "Administer" },
  ],
  groups: [{ key: "viewer", label: "Viewer", permissions: ["stock.view_items"] }],
  menu: [
    {
      label: "Stock",
      icon: "Package",
      href: "/stock",
      order: 20,
      permission: "stock.view_items",
      badge: async (ctx) => (ctx.role === "owner" ? 7 : 3),
      children: [
        { label: "Suppliers", href: "/stock/suppliers", permission: "stock.view_items", order: 2 },
        { label: "Items", href: "/stock/items", permission: "stock.view_items", order: 2, badge: async () => 0 },
        { label: "Low stock", href: "/stock/low", permission: "stock.view_items", order: 1, badge: async () => 12 },
        { label: "Admin only", href: "/stock/admin", permission: "stock.admin", order: 9, separator: true },
      ],
    },
    {
      // No href: exists only for its children, all needing a permission the viewer group lacks.
      label: "Reports",
      order: 30,
      children: [
        { label: "Monthly", href: "/stock/reports/monthly", permission: "stock.view_reports" },
        { label: "Slow report", href: "/stock/reports/slow", permission: "stock.view_reports", badge: never },
        { label: "Broken report", href: "/stock/reports/broken", permission: "stock.view_reports", badge: async () => { throw new Error("badge query failed"); } },
      ],
    },
    { label: "Warehouse", separator: true, order: 10 },
    { label: "Aardvark", href: "/stock/aardvark", order: 20 },
    { label: "Typo", href: "/stock/typo", order: 40, permission: "stock.view_itemz" },
  ],
  widgets: [
    widget("broken", "patients.list.top", {
      component: async () => ({
        default: async () => {
          throw new Error("widget query failed");
        },
      }),
    }),
    widget("fine", "patients.list.top", { priority: -1, component: async () => ({ default: async ({ ctx }) => `Hello ${ctx.organization.name}` }) }),
    widget("summary", "dashboard.main", { priority: 5, permission: "stock.view_items" }),
    widget("reports", "dashboard.main", { priority: 50, permission: "stock.view_reports" }),
    widget("plain", "dashboard.main"),
    widget("side", "dashboard.side", { priority: 100 }),
  ],
});

const alpha = definePlugin({
  id: "alpha",
  name: "Alpha",
  version: "1.0.0",
  description: "Second fixture",
  author: "test",
  menu: [{ label: "Alpha", href: "/alpha", order: 20 }],
  widgets: [widget("first", "dashboard.main", { priority: 5 })],
});

const off = definePlugin({
  id: "off",
  name: "Off",
  version: "1.0.0",
  description: "Installed, never enabled",
  author: "test",
  menu: [{ label: "Off", href: "/off" }],
  widgets: [widget("hidden", "dashboard.main", { priority: 1000 })],
});

beforeAll(() => {
  const all: PluginManifest[] = [stock, alpha, off];
  registerPluginRegistry(Object.fromEntries(all.map((p) => [p.id, async () => ({ default: p })])));
});

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const a = await createOrganization();
  await rootDb().pluginInstallation.createMany({
    data: ["stock", "alpha"].map((pluginId) => ({ organizationId: a.org.id, pluginId, enabled: true, version: "1.0.0" })),
  });
  await rootDb().memberGroup.create({ data: { organizationId: a.org.id, userId: a.members.staff.id, groupKey: "stock.viewer" } });
  return a;
}

function quietLogs() {
  return { warn: vi.spyOn(log, "warn").mockImplementation(() => {}), error: vi.spyOn(log, "error").mockImplementation(() => {}) };
}

describe("plugin menus", () => {
  it("shows a member only what they may open, sorted, with submenus, separators and badges", async () => {
    const a = await setup();
    const logs = quietLogs();
    const nav = await pluginNavigation(await a.as("staff"), { badgeTimeoutMs: 100 });
    expect(nav).toEqual([
      { separator: true, label: "Warehouse" },
      { label: "Aardvark", href: "/stock/aardvark", icon: "Puzzle" },
      { label: "Alpha", href: "/alpha", icon: "Puzzle" },
      {
        label: "Stock",
        href: "/stock",
        icon: "Package",
        badge: 3,
        children: [
          { label: "Low stock", href: "/stock/low", badge: 12 },
          // A zero badge shows nothing; the trailing separator went with the hidden admin entry.
          { label: "Items", href: "/stock/items" },
          { label: "Suppliers", href: "/stock/suppliers" },
        ],
      },
      // "Reports" (no href, no visible child) is gone, and so is the entry with the undeclared key.
    ]);
    expect(logs.error).toHaveBeenCalledWith("menu.permission_invalid", expect.objectContaining({ pluginId: "stock", permission: "stock.view_itemz" }));
  });

  it("gives owners everything, computing badges per member and leaving out failing and slow ones", async () => {
    const a = await setup();
    const logs = quietLogs();
    // One badge never settles: the menu comes anyway (waiting for it would hang until the guard fails).
    const nav = await Promise.race([
      pluginNavigation(await a.as("owner"), { badgeTimeoutMs: 150 }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the menu waited for the badge that never settles")), 20_000)),
    ]);

    const stockEntry = nav.find((n) => !n.separator && n.label === "Stock");
    expect(stockEntry).toMatchObject({ badge: 7 });
    expect(!stockEntry?.separator && stockEntry?.children?.map((c) => (c.separator ? "---" : c.label))).toEqual(["Low stock", "Items", "Suppliers", "---", "Admin only"]);

    const reports = nav.find((n) => !n.separator && n.label === "Reports");
    expect(reports).toEqual({
      label: "Reports",
      icon: "Puzzle",
      children: [
        { label: "Broken report", href: "/stock/reports/broken" },
        { label: "Monthly", href: "/stock/reports/monthly" },
        { label: "Slow report", href: "/stock/reports/slow" },
      ],
    });
    expect(logs.warn).toHaveBeenCalledWith("menu.badge_timeout", expect.objectContaining({ label: "Slow report", pluginId: "stock" }));
    expect(logs.error).toHaveBeenCalledWith("menu.badge_failed", expect.objectContaining({ label: "Broken report" }));
  });

  it("has nothing for an organization without enabled plugins", async () => {
    const a = await createOrganization();
    expect(await pluginNavigation(await a.as("owner"))).toEqual([]);
  });
});

describe("widget zones", () => {
  it("selects a zone's widgets the member may see, highest priority first, then by plugin id", async () => {
    const a = await setup();
    const ids = (list: { pluginId: string; widget: { id: string } }[]) => list.map((w) => `${w.pluginId}.${w.widget.id}`);
    expect(ids(await widgetsForZone(await a.as("owner"), "dashboard.main"))).toEqual(["stock.reports", "alpha.first", "stock.summary", "stock.plain"]);
    expect(ids(await widgetsForZone(await a.as("staff"), "dashboard.main"))).toEqual(["alpha.first", "stock.summary", "stock.plain"]);
    expect(ids(await widgetsForZone(await a.as("viewer"), "dashboard.main"))).toEqual(["alpha.first", "stock.plain"]);
    expect(ids(await widgetsForZone(await a.as("viewer"), "dashboard.side"))).toEqual(["stock.side"]);
    expect(await widgetsForZone(await a.as("owner"), "appointments.list.top")).toEqual([]);
  });

  it("renders nothing for an empty zone, and an inline notice instead of a failing widget", async () => {
    const a = await setup();
    const ctx = { ...(await a.as("viewer")), requestId: "req-42" };
    const logs = quietLogs();
    expect(await WidgetZone({ name: "appointments.list.top", ctx })).toBeNull();

    // Walk the zone's element tree down to each widget wrapper and render it as React would.
    type El = ReactElement<{ children?: unknown; fallback?: ReactElement }>;
    const zone = (await WidgetZone({ name: "patients.list.top", ctx })) as El;
    expect(zone.props).toMatchObject({ "data-widget-zone": "patients.list.top" });
    const rendered = await Promise.all(
      (zone.props.children as El[]).map(async (boundary) => {
        const safe = (boundary.props.children as El).props.children as ReactElement<object, (p: object) => Promise<ReactNode>>;
        return safe.type(safe.props);
      }),
    );
    const [failed, fine] = rendered as [ReactElement<{ entry: { widget: { id: string } }; requestId: string }>, string];
    expect(failed.props).toMatchObject({ entry: { widget: { id: "broken" } }, requestId: "req-42" });
    expect(fine).toBe(`Hello ${a.org.name}`);
    expect(logs.error).toHaveBeenCalledWith("widget.failed", expect.objectContaining({ pluginId: "stock", widget: "broken", zone: "patients.list.top", requestId: "req-42" }));
  });

  it("selectWidgets is plain data in, plain data out", async () => {
    const allowed = vi.fn((permission: string) => permission === "stock.view_items");
    const picked = await selectWidgets([stock, off], "dashboard.main", allowed);
    expect(picked.map((w) => w.widget.id)).toEqual(["hidden", "summary", "plain"]);
    expect(picked[0]).toMatchObject({ pluginId: "off", pluginName: "Off" });
    // Asked once per widget that declares a permission.
    expect(allowed.mock.calls.map(([p]) => p).sort()).toEqual(["stock.view_items", "stock.view_reports"]);
  });
});
