// The inventory plugin's events as the audit log reads them. Plugins never import each other: the
// audit log declares the part of each payload it relies on, events are matched by name when inventory
// emits them, and the contract test (core/plugins/event-contracts.ts, tests/plugins/event-contracts
// .test.ts) checks these declarations against what inventory exports. Without inventory installed
// they are inert.
import { z } from "zod";
import { subscribedEvent } from "@/core/events/define-event";

/** Any record: the audit log diffs whatever fields the record has; its label needs name and SKU. */
const item = z.looseObject({ name: z.string(), sku: z.string() });
const record = { id: z.uuid(), changes: z.array(z.string()), source: z.string() };

export const itemCreated = subscribedEvent("inventory.item.created", z.object({ ...record, before: z.null(), after: item }));
export const itemUpdated = subscribedEvent("inventory.item.updated", z.object({ ...record, before: item, after: item }));
export const itemDeleted = subscribedEvent("inventory.item.deleted", z.object({ ...record, before: item, after: z.null() }));
export const stockAdjusted = subscribedEvent(
  "inventory.stock.adjusted",
  z.object({
    itemId: z.uuid(),
    label: z.string(),
    oldQuantity: z.number().int(),
    newQuantity: z.number().int(),
    reason: z.string().nullable(),
    source: z.string(),
  }),
);
