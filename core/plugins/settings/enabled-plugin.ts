// The plugin whose settings page or save action was asked for, if the organization may use it:
// installed on this server and enabled for the organization. Anything else is "not found" to the caller.
import "server-only";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { getPlugin, installedPluginIds } from "@/core/plugins/registry";
import type { PluginManifest } from "@/core/plugins/types";

export async function findEnabledPlugin(pluginId: string, organizationId: string): Promise<PluginManifest | null> {
  // The id comes from a URL or a browser: only look up ids that really are installed plugins (an id
  // such as "constructor" must not reach a property lookup on the registry object).
  if (!installedPluginIds().includes(pluginId)) return null;
  if (!(await enabledPluginIds(organizationId)).has(pluginId)) return null;
  return getPlugin(pluginId);
}
