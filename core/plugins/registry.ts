// Access to the installed plugins. The app registers the generated registry (lazy imports of each
// plugin's manifest) once at start-up; core code asks this module, and so never imports a plugin.
import type { PluginManifest } from "./types";

export type PluginRegistry = Readonly<Record<string, () => Promise<{ default: PluginManifest }>>>;

const state = globalThis as unknown as { __ritikoPluginRegistry?: PluginRegistry; __ritikoPluginCache?: Map<string, Promise<PluginManifest>> };

export function registerPluginRegistry(registry: PluginRegistry): void {
  state.__ritikoPluginRegistry = registry;
  state.__ritikoPluginCache = new Map();
}

function registry(): PluginRegistry {
  const r = state.__ritikoPluginRegistry;
  if (!r) throw new Error("No plugin registry registered: import '@/app/_plugins/runtime' from the entry point (layout, route handler, CLI, test).");
  return r;
}

export function installedPluginIds(): string[] {
  return Object.keys(registry()).sort();
}

/** The manifest of an installed plugin (loaded once per process), or null for an unknown id. */
export function getPlugin(id: string): Promise<PluginManifest | null> {
  // Own properties only: an id like "constructor" must not reach Object.prototype.
  const r = registry();
  const loader = Object.hasOwn(r, id) ? r[id] : undefined;
  if (!loader) return Promise.resolve(null);
  const cache = state.__ritikoPluginCache!;
  let p = cache.get(id);
  if (!p) {
    p = loader().then((m) => {
      if (m.default.id !== id) throw new Error(`plugins/${id}/plugin.ts declares id "${m.default.id}"; the folder name and the id must match`);
      return m.default;
    });
    cache.set(id, p);
  }
  return p;
}

export async function allPlugins(): Promise<PluginManifest[]> {
  return Promise.all(installedPluginIds().map((id) => getPlugin(id) as Promise<PluginManifest>));
}
