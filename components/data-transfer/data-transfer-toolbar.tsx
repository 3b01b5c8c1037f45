// The list pages' server-side entry: decides what the member may do with the resource (import needs
// the resource's permission, export the export's; the plugin must be enabled) and renders the toolbar.
import type { OrgContext } from "@/core/auth/context";
import { mayExport } from "@/core/imports/export/access";
import { importResource, mayImport } from "@/core/imports/registry";
import { ImportExportToolbar } from "./import-export-toolbar";
import { filterParams } from "./export-links";

export async function DataTransferToolbar({ ctx, resourceId, filter }: { ctx: OrgContext; resourceId: string; filter: Record<string, string | undefined | null> }) {
  const resource = await importResource(resourceId);
  if (!resource) return null;
  const [canImport, canExport] = await Promise.all([mayImport(ctx, resource), mayExport(ctx, resource)]);
  return <ImportExportToolbar resourceId={resourceId} canImport={canImport} canExport={canExport} filter={filterParams(filter)} locale={ctx.organization.locale} />;
}
