// The importable resources: core's own (patients) and every installed plugin manifest's `imports`.
// Core never imports a plugin: plugin resources come from the generated registry through allPlugins().
import type { OrgContext } from "@/core/auth/context";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { hasPermission } from "@/core/plugins/permissions";
import { allPlugins } from "@/core/plugins/registry";
import { patientImportResource } from "@/core/patients/import-resource";
import type { ImportResource } from "./types";

type AnyResource = ImportResource<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each resource has its own row type

const CORE_RESOURCES: AnyResource[] = [patientImportResource];

/** Every resource: core's, then the plugins' (whether or not enabled for any organization). */
export async function importResources(): Promise<AnyResource[]> {
  const plugins = await allPlugins();
  return [...CORE_RESOURCES, ...plugins.flatMap((p) => p.imports ?? [])];
}

/** The resource with this id, or null. */
export async function importResource(id: string): Promise<AnyResource | null> {
  return (await importResources()).find((r) => r.id === id) ?? null;
}

/** The plugin id of a plugin resource ("inventory.items" -> "inventory"); null for core's. */
export function resourcePluginId(id: string): string | null {
  const owner = id.split(".")[0]!;
  return owner === "core" ? null : owner;
}

/**
 * Whether the member may import into (and undo imports of) the resource in the active organization:
 * the plugin must be enabled, and both the resource's permission and its `allowed` check must pass.
 */
export async function mayImport(ctx: OrgContext, resource: AnyResource, organizationPlugins?: ReadonlySet<string>): Promise<boolean> {
  const pluginId = resourcePluginId(resource.id);
  if (pluginId) {
    const enabled = organizationPlugins ?? (await enabledPluginIds(ctx.organization.id));
    if (!enabled.has(pluginId)) return false;
  }
  if (resource.permission && !(await hasPermission(ctx, resource.permission))) return false;
  if (resource.allowed && !(await resource.allowed(ctx))) return false;
  return true;
}

/** The resources the member may import into (for the "new import" page). */
export async function importableResources(ctx: OrgContext): Promise<AnyResource[]> {
  const enabled = await enabledPluginIds(ctx.organization.id);
  const out: AnyResource[] = [];
  for (const r of await importResources()) if (await mayImport(ctx, r, enabled)) out.push(r);
  return out;
}
