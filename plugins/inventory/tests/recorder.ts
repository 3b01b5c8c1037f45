// For inventory tests: installs the Inventory plugin together with a "recorder" plugin whose
// in-transaction handlers keep every inventory event (payload and actor), so a test can assert exactly
// which events a write emitted. Call installWithRecorder() in beforeAll, enable both for the test's
// organization (enableRecorder), and read `seen`.
import { rootDb } from "@/core/db/client";
import type { EventDefinition } from "@/core/events/define-event";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, onEvent, type Actor } from "@/core/plugins/types";
import { inventoryEvents } from "../events";
import inventory from "../plugin";

export type SeenEvent = { event: string; payload: Record<string, unknown>; actor: Actor };
export const seen: SeenEvent[] = [];

const record = (event: EventDefinition) =>
  onEvent({
    event,
    handle: (payload, { actor }) => void seen.push({ event: event.name, payload: payload as Record<string, unknown>, actor }),
    handleMany: (batch, { actor }) => void seen.push(...batch.map(({ payload }) => ({ event: event.name, payload: payload as Record<string, unknown>, actor }))),
  });

const recorder = definePlugin({
  id: "recorder",
  name: "Recorder",
  version: "1.0.0",
  description: "Records inventory events for tests.",
  author: "tests",
  handlers: { inTransaction: Object.values(inventoryEvents).map(record) },
});

export function installWithRecorder() {
  registerPluginRegistry({ inventory: async () => ({ default: inventory }), recorder: async () => ({ default: recorder }) });
}

export async function enableRecorder(organizationId: string) {
  await rootDb().pluginInstallation.upsert({
    where: { organizationId_pluginId: { organizationId, pluginId: "recorder" } },
    create: { organizationId, pluginId: "recorder", enabled: true, version: "1.0.0" },
    update: { enabled: true },
  });
}

/** The recorded events of that name (clear `seen` in beforeEach: test files run one process each). */
export const eventsOf = (name: string) => seen.filter((s) => s.event === name);
