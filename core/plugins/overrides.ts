// Which plugin's component replaces a core page. Precedence (docs/plugins.md): among the enabled
// plugins overriding the page, the highest `priority` wins, then the plugin id that sorts first.
import type { PageOverride, PluginManifest } from "./types";

export function selectPageOverride(enabled: readonly PluginManifest[], page: PageOverride["page"]): { pluginId: string; override: PageOverride } | null {
  const candidates = enabled
    .flatMap((p) => (p.overrides ?? []).filter((o) => o.page === page).map((override) => ({ pluginId: p.id, override })))
    .sort((a, b) => (b.override.priority ?? 0) - (a.override.priority ?? 0) || a.pluginId.localeCompare(b.pluginId));
  return candidates[0] ?? null;
}
