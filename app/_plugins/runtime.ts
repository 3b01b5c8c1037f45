// Registers the generated plugin registry with core. Every server entry point (root layout, route
// handlers, instrumentation, CLI, tests) imports this module first.
import { registerPluginMessages } from "@/core/i18n/registry";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { pluginMessages } from "./messages.generated";
import { pluginRegistry } from "./registry.generated";

registerPluginRegistry(pluginRegistry);
registerPluginMessages(pluginMessages);

export { pluginRegistry };
