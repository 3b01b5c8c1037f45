// What the inventory REST API returns, as zod schemas (the OpenAPI document is generated from them and
// the tests parse real responses with them) and the functions that build it. One naming convention
// throughout: camelCase, the same field names as the request bodies and the events.
import { z } from "zod";
import { STOCK_STATUS_API, stockStatus } from "../components/stock-status";
import { priceString, type ItemRowWithCategory } from "../items/records";

export const itemJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sku: z.string(),
    categoryId: z.uuid().nullable(),
    categoryName: z.string().nullable(),
    quantity: z.number().int(),
    unit: z.string(),
    price: z.string().meta({ description: "Decimal with two places, in `currency`.", examples: ["12.50"] }),
    currency: z.string().meta({ description: "The organization's currency (ISO 4217).", examples: ["USD"] }),
    reorderThreshold: z.number().int(),
    lowStock: z.boolean().meta({ description: "quantity is below reorderThreshold." }),
    inStock: z.boolean().meta({ description: "false: marked out of stock (by hand or a bulk action), whatever the quantity." }),
    status: z.enum(["marked_out_of_stock", "out_of_stock", "low_stock", "in_stock"]).meta({
      description: "The one status the admin shows: marked_out_of_stock when inStock is false; else out_of_stock at 0, low_stock below reorderThreshold, in_stock.",
    }),
    expiresOn: z.iso.date().nullable(),
    shopifyInventoryItemId: z.string().nullable(),
    shopifyLocationId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "InventoryItem", description: "An inventory item." });
export type ItemJson = z.output<typeof itemJson>;

export const categoryJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    itemCount: z.number().int().meta({ description: "Items in this category." }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "InventoryCategory", description: "An item category." });
export type CategoryJson = z.output<typeof categoryJson>;

export const adjustmentJson = z
  .object({
    itemId: z.uuid(),
    adjustmentId: z.uuid().meta({ description: "The stock adjustment recorded in the item's history." }),
    amount: z.number().int().meta({ description: "The change applied (as requested)." }),
    oldQuantity: z.number().int(),
    newQuantity: z.number().int(),
    lowStock: z.boolean().meta({ description: "newQuantity is below the item's reorder threshold." }),
  })
  .meta({ id: "InventoryStockAdjustment" });

const nextCursor = z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page." });

export const one = <T extends z.ZodType>(data: T) => z.object({ data });
export const page = <T extends z.ZodType>(data: T) => z.object({ data: z.array(data), nextCursor });

export function toItemJson(r: ItemRowWithCategory, currency: string): ItemJson {
  return {
    id: r.id,
    name: r.name,
    sku: r.sku,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    quantity: r.quantity,
    unit: r.unit,
    price: priceString(r.price),
    currency,
    reorderThreshold: r.reorderThreshold,
    lowStock: r.quantity < r.reorderThreshold,
    inStock: r.inStock,
    status: STOCK_STATUS_API[stockStatus(r.quantity, r.reorderThreshold, r.inStock).kind],
    // A DATE column comes back as UTC midnight: the calendar date is its first ten characters.
    expiresOn: r.expiresOn ? r.expiresOn.toISOString().slice(0, 10) : null,
    shopifyInventoryItemId: r.shopifyInventoryItemId,
    shopifyLocationId: r.shopifyLocationId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
