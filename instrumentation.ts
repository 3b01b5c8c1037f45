// Next.js calls register() once per server instance before it serves requests (both runtimes; we only
// act in Node.js). It registers the plugin registry, runs plugin start-up work, and starts the outbox dispatcher, which delivers
// durable event handlers after commit (core/events/outbox-dispatcher.ts). RITIKO_OUTBOX_DISPATCHER=off
// leaves delivery to someone else (tests call deliverOutboxBatch directly; a dedicated worker).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/app/_plugins/runtime");
  // Plugins' onReady hooks (once per process), then pending per-organization upgrades (settings
  // migrations + onUpgrade; idempotent across processes). A failure is logged and recorded, not fatal.
  const { runReadyHooks, syncPluginUpgrades } = await import("@/core/plugins/lifecycle");
  await runReadyHooks();
  await syncPluginUpgrades().catch(async (err) => (await import("@/core/log")).log.error("plugin.upgrade_sync_failed", { err }));
  if (process.env.RITIKO_OUTBOX_DISPATCHER === "off") return;
  const { startOutboxDispatcher } = await import("@/core/events/outbox-dispatcher");
  startOutboxDispatcher();
}
