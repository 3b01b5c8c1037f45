// Who may export a resource: the resource's plugin must be enabled for the organization, and the
// export's own permission/allowed check must pass — or, when the export declares neither, the
// resource's (import) permission and allowed check.
import type { OrgContext } from "@/core/auth/context";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { hasPermission } from "@/core/plugins/permissions";
import { importResource, importResources, resourcePluginId } from "@/core/imports/registry";
import type { ExportDefinition, ImportResource } from "@/core/imports/types";

type AnyResource = ImportResource<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each resource has its own row type
export type ExportableResource = AnyResource & { export: ExportDefinition };

export async function mayExport(ctx: OrgContext, resource: AnyResource, enabled?: ReadonlySet<string>): Promise<boolean> {
  if (!resource.export) return false;
  const pluginId = resourcePluginId(resource.id);
  if (pluginId && !(enabled ?? (await enabledPluginIds(ctx.organization.id))).has(pluginId)) return false;
  const own = resource.export.permission !== undefined || resource.export.allowed !== undefined;
  const permission = own ? resource.export.permission : resource.permission;
  const allowed = own ? resource.export.allowed : resource.allowed;
  if (permission && !(await hasPermission(ctx, permission))) return false;
  if (allowed && !(await allowed(ctx))) return false;
  return true;
}

/** The exportable resource with this id, when the member may export it; why not otherwise. */
export async function exportableResource(ctx: OrgContext, id: string): Promise<{ ok: true; resource: ExportableResource } | { ok: false; status: 403 | 404; error: string }> {
  const resource = await importResource(id);
  if (!resource?.export) return { ok: false, status: 404, error: `Nothing named "${id.slice(0, 60)}" can be exported.` };
  if (!(await mayExport(ctx, resource))) return { ok: false, status: 403, error: `You do not have permission to export ${resource.label.toLowerCase()}.` };
  return { ok: true, resource: resource as ExportableResource };
}

/** Resources the member may export (to filter the exports list). */
export async function exportableResourceIds(ctx: OrgContext): Promise<Set<string>> {
  const enabled = await enabledPluginIds(ctx.organization.id);
  const out = new Set<string>();
  for (const r of await importResources()) if (await mayExport(ctx, r, enabled)) out.add(r.id);
  return out;
}
