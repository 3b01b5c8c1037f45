// Which plugins are enabled for an organization: one indexed query. Request-scoped code should use
// enabledPluginsForRequest (core/plugins/enabled-for-request.ts), which caches it per request.
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import { allPlugins } from "./registry";
import type { PluginManifest } from "./types";

export async function enabledPluginIds(organizationId: string, db: TxClient | ReturnType<typeof rootDb> = rootDb()): Promise<Set<string>> {
  const rows = await db.pluginInstallation.findMany({ where: { organizationId, enabled: true }, select: { pluginId: true } });
  return new Set(rows.map((r) => r.pluginId));
}

/** Manifests of the installed plugins enabled for the organization (uninstalled ids are ignored). */
export async function enabledPlugins(organizationId: string, db?: TxClient): Promise<PluginManifest[]> {
  const ids = await enabledPluginIds(organizationId, db);
  return (await allPlugins()).filter((p) => ids.has(p.id));
}
