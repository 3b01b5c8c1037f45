// The protected plugins (manifest `protected`) that are switched off in an organization, with who
// switched them off, when and why: the dashboard tells owners while one is off.
import { rootDb } from "@/core/db/client";
import { allPlugins } from "./registry";

export type ProtectedOff = { pluginId: string; name: string; warning: string; since: Date; by: string | null; reason: string | null };

export async function protectedPluginsOff(organizationId: string): Promise<ProtectedOff[]> {
  const manifests = (await allPlugins()).filter((p) => p.protected);
  if (!manifests.length) return [];
  const rows = await rootDb().pluginInstallation.findMany({
    where: { organizationId, enabled: false, disabledAt: { not: null }, pluginId: { in: manifests.map((p) => p.id) } },
    select: { pluginId: true, disabledAt: true, disabledBy: true, disabledReason: true },
  });
  return rows.map((r) => {
    const m = manifests.find((p) => p.id === r.pluginId)!;
    return { pluginId: r.pluginId, name: m.name, warning: m.protected!.warning, since: r.disabledAt!, by: r.disabledBy, reason: r.disabledReason };
  });
}
