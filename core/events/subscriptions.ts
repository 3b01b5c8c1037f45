// Which installed plugins' handlers listen to an event. Read from the manifests on every emit: that is
// a walk over a few in-memory arrays (manifests are loaded once per process by the registry), and it
// always reflects the registry that is registered right now. Whether a plugin is *enabled* for the
// organization is a separate, per-transaction question (see emit.ts).
import { allPlugins } from "@/core/plugins/registry";
import type { DurableHandler, InTransactionHandler } from "@/core/plugins/types";

export type Subscribed<H> = { pluginId: string; handler: H };
export type Subscribers = {
  inTransaction: Subscribed<InTransactionHandler>[];
  durable: Subscribed<DurableHandler>[];
};

/** The outbox key of a durable handler: "<plugin id>:<handler id>". */
export const handlerKey = (pluginId: string, handlerId: string) => `${pluginId}:${handlerId}`;

/**
 * Handlers of every installed plugin subscribed to `eventName`, in plugin-id order and, within a
 * plugin, in declaration order. Throws when no plugin registry is registered (an entry point forgot
 * `import "@/app/_plugins/runtime"`): silently treating that as "no plugins" would drop durable
 * deliveries without a trace.
 */
export async function subscribersOf(eventName: string): Promise<Subscribers> {
  const plugins = (await allPlugins()).toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Subscribers = { inTransaction: [], durable: [] };
  for (const plugin of plugins) {
    for (const handler of plugin.handlers?.inTransaction ?? []) {
      if (handler.event.name === eventName) out.inTransaction.push({ pluginId: plugin.id, handler });
    }
    for (const handler of plugin.handlers?.durable ?? []) {
      if (handler.event.name === eventName) out.durable.push({ pluginId: plugin.id, handler });
    }
  }
  return out;
}
