// Versioned migrations of stored plugin settings (`{ from: "1.0", to: "2.0", up(store, org) }`).
// The plugin upgrade flow (core/plugins/lifecycle.ts) calls runSettingsMigrations in the transaction
// that also records the organization's new plugin version, so each migration runs exactly once per
// organization: a later call starts from the recorded version and finds nothing left to do.
import "server-only";
import type { TxClient } from "@/core/db/tx";
import { log } from "@/core/log";
import type { PluginManifest, PluginOrganization } from "@/core/plugins/types";
import type { SettingsMigration } from "./schema";
import { dbSettingsStore, lockPluginSettings } from "./store";
import { compareVersions } from "./version";

export { compareVersions };

/**
 * The migrations that take stored values from `fromVersion` to `toVersion`: those whose target lies
 * in (fromVersion, toVersion], ordered by target (then source) version. Empty when the versions are
 * equal or when going backwards (settings migrations have no "down").
 */
export function pendingSettingsMigrations(manifest: PluginManifest, fromVersion: string, toVersion: string): SettingsMigration[] {
  const migrations = manifest.settings?.migrations ?? [];
  for (const m of migrations) {
    if (compareVersions(m.from, m.to) >= 0) {
      throw new Error(`Plugin "${manifest.id}": the settings migration from "${m.from}" to "${m.to}" must go to a later version.`);
    }
  }
  if (compareVersions(fromVersion, toVersion) >= 0) return [];
  return migrations
    .filter((m) => compareVersions(m.to, fromVersion) > 0 && compareVersions(m.to, toVersion) <= 0)
    .sort((a, b) => compareVersions(a.to, b.to) || compareVersions(a.from, b.from));
}

/**
 * Applies the pending migrations in `tx`, in order, under the plugin's per-organization lock. A
 * migration that throws aborts with a message naming it; the caller's transaction then rolls back
 * every migration of this upgrade. Returns what was applied (empty for a no-op call).
 */
export async function runSettingsMigrations(
  tx: TxClient,
  manifest: PluginManifest,
  org: PluginOrganization,
  fromVersion: string,
  toVersion: string,
): Promise<{ from: string; to: string }[]> {
  const pending = pendingSettingsMigrations(manifest, fromVersion, toVersion);
  if (pending.length === 0) return [];
  await lockPluginSettings(tx, org.id, manifest.id);
  const store = dbSettingsStore(tx, manifest, org.id);
  for (const m of pending) {
    try {
      await m.up(store, org);
    } catch (err) {
      throw new Error(`${manifest.name}: the settings migration from ${m.from} to ${m.to} failed for ${org.name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    log.info("plugin.settings.migrated", { pluginId: manifest.id, organizationId: org.id, from: m.from, to: m.to });
  }
  return pending.map((m) => ({ from: m.from, to: m.to }));
}
