// Which plugin widgets a widget zone shows, and in what order: the enabled plugins' widgets for the
// zone that the member may see, highest priority first (ties: plugin id, then widget id, so the order
// never depends on load order). Rendering lives in app/_plugins/widget-zone.tsx; this part is plain
// data so it can be tested without React.
import "server-only";
import type { OrgContext } from "@/core/auth/context";
import { log } from "@/core/log";
import { enabledPluginsForRequest } from "./enabled-for-request";
import { hasPermission } from "./permissions";
import type { PermissionKey, PluginManifest, WidgetContribution, WidgetZoneName } from "./types";

export type ZoneWidget = { pluginId: string; pluginName: string; widget: WidgetContribution };

/**
 * The widgets of `plugins` in `zone` for which `allowed(permission)` holds (widgets without a
 * permission are always allowed), sorted. `plugins` should already be the enabled ones.
 */
export async function selectWidgets(
  plugins: readonly PluginManifest[],
  zone: WidgetZoneName,
  allowed: (permission: PermissionKey, entry: ZoneWidget) => boolean | Promise<boolean>,
): Promise<ZoneWidget[]> {
  const candidates = plugins.flatMap((plugin) => (plugin.widgets ?? []).filter((w) => w.zone === zone).map((widget) => ({ pluginId: plugin.id, pluginName: plugin.name, widget })));
  const visible = await Promise.all(candidates.map(async (entry) => (!entry.widget.permission || (await allowed(entry.widget.permission, entry)) ? entry : null)));
  return visible
    .filter((entry) => entry !== null)
    .sort(
      (a, b) =>
        (b.widget.priority ?? 0) - (a.widget.priority ?? 0) || a.pluginId.localeCompare(b.pluginId) || a.widget.id.localeCompare(b.widget.id),
    );
}

/** The widgets the member sees in `zone` of the active organization. */
export async function widgetsForZone(ctx: OrgContext, zone: WidgetZoneName): Promise<ZoneWidget[]> {
  const plugins = await enabledPluginsForRequest(ctx.organization.id);
  return selectWidgets(plugins, zone, async (permission, { pluginId, widget }) => {
    try {
      return await hasPermission(ctx, permission);
    } catch (err) {
      // An undeclared key is a plugin bug: hide the widget (fail closed), keep the page.
      log.error("widget.permission_invalid", { err, pluginId, widget: widget.id, permission, requestId: ctx.requestId });
      return false;
    }
  });
}
