// What the Plugins page and the CLI show: every installed plugin with its status for one organization.
import semver from "semver";
import { rootDb } from "@/core/db/client";
import { allPlugins } from "./registry";

export type DependencyStatus = { id: string; range: string; name: string | null; installedVersion: string | null; satisfied: boolean; enabled: boolean };

export type PluginStatus = {
  id: string;
  name: string;
  version: string;
  description: string;
  author: string;
  enabled: boolean;
  /** The version whose upgrades were applied for this organization (null: never enabled here). */
  appliedVersion: string | null;
  enabledAt: Date | null;
  dependencies: DependencyStatus[];
  dependents: string[];
  hasSettings: boolean;
  /** For a protected plugin: what is lost while it is off (core/plugins/protected.ts). */
  protectedWarning: string | null;
  permissions: { key: string; label: string }[];
  lastRuns: { hook: string; status: string; error: string | null; createdAt: Date }[];
};

export async function pluginStatuses(organizationId: string): Promise<PluginStatus[]> {
  const [plugins, installs, runs] = await Promise.all([
    allPlugins(),
    rootDb().pluginInstallation.findMany({ where: { organizationId } }),
    rootDb().pluginLifecycleRun.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, take: 200 }),
  ]);
  const byId = new Map(plugins.map((p) => [p.id, p]));
  const installed = new Map(installs.map((i) => [i.pluginId, i]));
  return plugins.map((p) => {
    const inst = installed.get(p.id);
    return {
      id: p.id,
      name: p.name,
      version: p.version,
      description: p.description,
      author: p.author,
      enabled: inst?.enabled ?? false,
      appliedVersion: inst?.version ?? null,
      enabledAt: inst?.enabledAt ?? null,
      dependencies: Object.entries(p.dependencies ?? {}).map(([id, range]) => {
        const dep = byId.get(id);
        return { id, range, name: dep?.name ?? null, installedVersion: dep?.version ?? null, satisfied: !!dep && semver.satisfies(dep.version, range), enabled: installed.get(id)?.enabled ?? false };
      }),
      dependents: plugins.filter((o) => o.dependencies && p.id in o.dependencies).map((o) => o.name),
      hasSettings: Object.keys(p.settings?.fields ?? {}).length > 0,
      protectedWarning: p.protected?.warning ?? null,
      permissions: (p.permissions ?? []).map((x) => ({ key: x.key, label: x.label })),
      lastRuns: runs.filter((r) => r.pluginId === p.id).slice(0, 5).map((r) => ({ hook: r.hook, status: r.status, error: r.error, createdAt: r.createdAt })),
    };
  });
}
