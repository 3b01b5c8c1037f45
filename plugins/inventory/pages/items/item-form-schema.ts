// The item form's values (what the inputs hold: strings, a checkbox) and their parse into the item
// input of items/schema.ts — the same rules as the REST API, so the browser, the server action and the
// API can never disagree. Blank optional fields (no category, no expiry, no Shopify ids) become null.
import { z } from "zod";
import { itemFields, itemInput, itemPatch } from "../../items/schema";

const blankToNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);
// Number inputs hold text: a blank or "abc" is reported as such (coercion would make "" a silent 0);
// numbers then meet the item rules ("1.5": whole numbers only, "-2": cannot be negative).
const numberText = (v: unknown, ctx: z.RefinementCtx) => {
  if (typeof v === "string" && !/^\s*-?\d+(\.\d+)?\s*$/.test(v)) {
    ctx.addIssue({ code: "custom", message: "Enter a whole number" });
    return z.NEVER;
  }
  return v;
};

export type ItemFormValues = {
  name: string;
  sku: string;
  categoryId: string;
  quantity: string;
  unit: string;
  price: string;
  reorderThreshold: string;
  inStock: boolean;
  expiresOn: string;
  shopifyInventoryItemId: string;
  shopifyLocationId: string;
};

export const itemFormSchema = itemInput.extend({
  categoryId: z.preprocess(blankToNull, itemInput.shape.categoryId),
  quantity: z.preprocess(numberText, itemInput.shape.quantity),
  reorderThreshold: z.preprocess(numberText, itemInput.shape.reorderThreshold),
  expiresOn: z.preprocess(blankToNull, itemInput.shape.expiresOn),
  shopifyInventoryItemId: z.preprocess(blankToNull, itemInput.shape.shopifyInventoryItemId),
  shopifyLocationId: z.preprocess(blankToNull, itemInput.shape.shopifyLocationId),
});

/**
 * An edit sends only the fields the person changed, so saving does not write back what others
 * changed meanwhile in the fields left alone — above all the quantity, which stock adjustments,
 * orders and the API change all the time: a stale form value would silently undo them.
 */
// Built on itemPatch (no defaults): a partial of itemFormSchema would fill the omitted unit, price and
// in-stock flag with their defaults and so reset them on every edit of another field.
// No quantity: the edit form shows it read-only (stock changes are adjustments, with a reason).
export const itemFormPatchSchema = itemPatch.omit({ quantity: true }).extend({
  categoryId: z.preprocess(blankToNull, itemFields.categoryId).optional(),
  reorderThreshold: z.preprocess(numberText, itemFields.reorderThreshold).optional(),
  expiresOn: z.preprocess(blankToNull, itemFields.expiresOn).optional(),
  shopifyInventoryItemId: z.preprocess(blankToNull, itemFields.shopifyInventoryItemId).optional(),
  shopifyLocationId: z.preprocess(blankToNull, itemFields.shopifyLocationId).optional(),
});
