// Registers the generated plugin registry with core. Every server entry point (root layout, route
// handlers, instrumentation, CLI, tests) imports this module first.
import { registerPluginRegistry } from "@/core/plugins/registry";
import { pluginRegistry } from "./registry.generated";

registerPluginRegistry(pluginRegistry);

export { pluginRegistry };
