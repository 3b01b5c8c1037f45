// A short fingerprint of an item's VALUES (not its timestamps), kept in the undo journal's `after`
// stamp. Undo compares it with the item as it is now: a different fingerprint means someone changed
// the item since the import. updatedAt cannot serve for this: undoing a later import restores the
// values but sets updatedAt = now(), so the earlier import could never be undone after it.
// One function for commit and undo, computed in JS from the event record (itemRecord), so both sides
// see the same canonical text (price with two decimals, expiry as a calendar date).
import { createHash } from "node:crypto";
import type { ItemRecord } from "../events";

type ItemValues = Omit<ItemRecord, "createdAt" | "updatedAt">;

export function itemFingerprint(r: ItemValues): string {
  // JSON of the values in a fixed order: unambiguous whatever the text holds, null distinct from "".
  const text = JSON.stringify([r.id, r.organizationId, r.categoryId, r.name, r.sku, r.quantity, r.unit, r.price, r.reorderThreshold, r.inStock, r.expiresOn, r.shopifyInventoryItemId, r.shopifyLocationId]);
  return createHash("sha1").update(text).digest("hex");
}
