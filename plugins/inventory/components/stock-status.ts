// The inventory status of a quantity against its reorder threshold (the seed's `inventory_status` tag),
// as data: the badge renders it, and lists, exports and e-mails can use the same words.
export type StockStatusKind = "out" | "low" | "in";

export type StockStatus = { kind: StockStatusKind; label: string };

/** Out of stock at zero; low below the threshold (the same rule as the alerts); in stock otherwise. */
export function stockStatus(quantity: number, threshold: number): StockStatus {
  if (quantity <= 0) return { kind: "out", label: "Out of stock" };
  if (quantity < threshold) return { kind: "low", label: `Low (${quantity})` };
  return { kind: "in", label: `In stock (${quantity})` };
}
