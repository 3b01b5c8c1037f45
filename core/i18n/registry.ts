// Every plugin's messages (plugins/<id>/messages.ts), registered by the generated glue the way the
// plugin registry is (app/_plugins/runtime.ts → app/_plugins/messages.generated.ts): core never
// imports a plugin.
import type { PluginCatalogues } from "./catalogue";

export type PluginMessageRegistry = Record<string, PluginCatalogues<Record<string, unknown>>>;

let registered: PluginMessageRegistry = {};

export function registerPluginMessages(messages: PluginMessageRegistry): void {
  registered = messages;
}

export function pluginMessages(): PluginMessageRegistry {
  return registered;
}
