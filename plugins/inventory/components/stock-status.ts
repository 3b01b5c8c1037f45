// The one stock status of an item (the seed's `inventory_status` tag), derived here and nowhere else:
// the badge, the list, the item page and the REST API's `status` all read it, so an item marked out of
// stock never shows "In stock (50)" beside "Marked out of stock". Data, not markup: exports and e-mails
// can use the same words.
export type StockStatusKind = "marked_out" | "out" | "low" | "in";

export type StockStatus = { kind: StockStatusKind; label: string };

/** The REST API's spelling of each kind. */
export const STOCK_STATUS_API = { marked_out: "marked_out_of_stock", out: "out_of_stock", low: "low_stock", in: "in_stock" } as const satisfies Record<StockStatusKind, string>;

/**
 * Marked out of stock (someone took it off the shelf, whatever the count) wins; then out of stock at
 * zero; low below the threshold (the same rule as the alerts); in stock otherwise.
 */
export function stockStatus(quantity: number, threshold: number, inStock = true): StockStatus {
  if (!inStock) return { kind: "marked_out", label: "Marked out of stock" };
  if (quantity <= 0) return { kind: "out", label: "Out of stock" };
  if (quantity < threshold) return { kind: "low", label: `Low (${quantity})` };
  return { kind: "in", label: `In stock (${quantity})` };
}
