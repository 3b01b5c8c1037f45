// Inventory items as rows (what SQL returns) and as event records (JSON, itemRecordSchema): price as a
// decimal string with two places, expiry as a calendar date, timestamps as ISO strings.
import type { ItemRecord } from "../events";

export type ItemRow = {
  id: string;
  organizationId: string;
  categoryId: string | null;
  name: string;
  sku: string;
  quantity: number;
  unit: string;
  price: { toFixed(n: number): string } | string | number;
  reorderThreshold: number;
  inStock: boolean;
  expiresOn: Date | null;
  shopifyInventoryItemId: string | null;
  shopifyLocationId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** An item with its category's name, as the lists read it. */
export type ItemRowWithCategory = ItemRow & { categoryName: string | null };

/** Columns of ItemRow for raw SQL, optionally qualified by a table alias. */
export function itemColumns(alias = "inventory_items"): string {
  return ITEM_COLUMNS.map((c) => `${alias}."${c}"`).join(", ");
}

export const ITEM_COLUMNS = [
  "id", "organizationId", "categoryId", "name", "sku", "quantity", "unit", "price", "reorderThreshold", "inStock",
  "expiresOn", "shopifyInventoryItemId", "shopifyLocationId", "createdAt", "updatedAt",
] as const;

export function priceString(price: ItemRow["price"]): string {
  if (typeof price === "string") return Number(price).toFixed(2);
  if (typeof price === "number") return price.toFixed(2);
  return price.toFixed(2);
}

export function itemRecord(r: ItemRow): ItemRecord {
  return {
    id: r.id,
    organizationId: r.organizationId,
    categoryId: r.categoryId,
    name: r.name,
    sku: r.sku,
    quantity: r.quantity,
    unit: r.unit,
    price: priceString(r.price),
    reorderThreshold: r.reorderThreshold,
    inStock: r.inStock,
    // A DATE column comes back as UTC midnight: the calendar date is its first ten characters.
    expiresOn: r.expiresOn ? r.expiresOn.toISOString().slice(0, 10) : null,
    shopifyInventoryItemId: r.shopifyInventoryItemId,
    shopifyLocationId: r.shopifyLocationId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** "Nitrile gloves (GLV-100)": how an item is named in messages, alerts and the audit log. */
export function itemLabel(r: { name: string; sku: string }): string {
  return `${r.name} (${r.sku})`;
}
