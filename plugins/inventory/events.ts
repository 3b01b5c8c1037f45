// Inventory's typed events, exported for other plugins (the audit plugin subscribes to them). Emitted
// in the transaction of the change; durable handlers run after commit through the outbox.
import { z } from "zod";
import { defineEvent } from "@/core/events/define-event";

// Item events have the shape of core's record events (core/events/core-events.ts): { organizationId,
// id, before, after, changes } with JSON records (price as a decimal string, dates as ISO strings),
// plus `source`: form | api | bulk | import | job.
export const itemRecordSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  categoryId: z.uuid().nullable(),
  name: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  price: z.string(),
  reorderThreshold: z.number().int(),
  inStock: z.boolean(),
  expiresOn: z.iso.date().nullable(),
  shopifyInventoryItemId: z.string().nullable(),
  shopifyLocationId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ItemRecord = z.output<typeof itemRecordSchema>;

const base = { organizationId: z.uuid(), id: z.uuid(), changes: z.array(z.string()), source: z.string() };
export const itemCreated = defineEvent("inventory.item.created", z.object({ ...base, before: z.null(), after: itemRecordSchema }));
export const itemUpdated = defineEvent("inventory.item.updated", z.object({ ...base, before: itemRecordSchema, after: itemRecordSchema }));
export const itemDeleted = defineEvent("inventory.item.deleted", z.object({ ...base, before: itemRecordSchema, after: z.null() }));
export const stockAdjusted = defineEvent(
  "inventory.stock.adjusted",
  z.object({
    itemId: z.uuid(),
    label: z.string(),
    adjustmentId: z.uuid(),
    oldQuantity: z.number().int(),
    newQuantity: z.number().int(),
    delta: z.number().int(),
    reason: z.string().nullable(),
    source: z.string(),
  }),
);
/** Only when the quantity crosses from at/above the threshold to below it. */
export const lowStockDetected = defineEvent(
  "inventory.stock.low_detected",
  z.object({ itemId: z.uuid(), label: z.string(), quantity: z.number().int(), threshold: z.number().int(), alertId: z.uuid() }),
);
/** The quantity crossed back up to the threshold or above: the open alert was resolved. */
export const itemRestocked = defineEvent(
  "inventory.stock.restocked",
  z.object({ itemId: z.uuid(), label: z.string(), oldQuantity: z.number().int(), newQuantity: z.number().int(), alertId: z.uuid().nullable() }),
);
export const reorderSuggested = defineEvent(
  "inventory.reorder.suggested",
  z.object({ purchaseOrderId: z.uuid(), number: z.number().int(), itemIds: z.array(z.uuid()), supplier: z.string() }),
);

/**
 * The plugin was enabled / disabled for the organization (emitted by the lifecycle hooks, so only
 * when the transition commits). Their after-commit handlers hand over to background jobs: the initial
 * import on enable; on disable, the event that cancels the organization's queued and running
 * inventory jobs (every inventory job declares cancelOn for it).
 */
export const pluginEnabled = defineEvent("inventory.plugin.enabled", z.object({ organizationId: z.uuid() }));
export const pluginDisabled = defineEvent("inventory.plugin.disabled", z.object({ organizationId: z.uuid() }));

export const inventoryEvents = { itemCreated, itemUpdated, itemDeleted, stockAdjusted, lowStockDetected, itemRestocked, reorderSuggested, pluginEnabled, pluginDisabled };
