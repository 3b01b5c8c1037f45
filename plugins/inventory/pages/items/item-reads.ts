// Reads for the item and category pages: one item with its category and open alert (through ctx.db,
// so another organization's item does not exist: null -> 404), the form's category choices, and the
// categories with their item counts.
import { rootDb } from "@/core/db/client";
import type { ScopedDb } from "@/core/db/scoped";
import { isUuid } from "@/core/db/ids";

export type ItemDetail = {
  id: string;
  name: string;
  sku: string;
  categoryId: string | null;
  categoryName: string | null;
  quantity: number;
  unit: string;
  /** Two decimals, in the organization's currency. */
  price: string;
  reorderThreshold: number;
  inStock: boolean;
  expiresOn: string | null;
  shopifyInventoryItemId: string | null;
  shopifyLocationId: string | null;
  shopifySyncedAt: Date | null;
  shopifySyncError: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type OpenAlert = { id: string; quantity: number; threshold: number; openedAt: Date };

export async function getItemDetail(db: ScopedDb, id: string): Promise<ItemDetail | null> {
  if (!isUuid(id)) return null;
  const row = await db.inventoryItem.findFirst({ where: { id }, include: { category: { select: { name: true } } } });
  if (!row) return null;
  const { category, price, expiresOn, organizationId: _org, ...rest } = row;
  void _org;
  return {
    ...rest,
    categoryName: category?.name ?? null,
    price: price.toFixed(2),
    // A DATE column comes back as UTC midnight: the calendar date is its first ten characters.
    expiresOn: expiresOn ? expiresOn.toISOString().slice(0, 10) : null,
  };
}

export async function getOpenAlert(db: ScopedDb, itemId: string): Promise<OpenAlert | null> {
  if (!isUuid(itemId)) return null;
  return db.inventoryStockAlert.findFirst({ where: { openItemId: itemId }, select: { id: true, quantity: true, threshold: true, openedAt: true } });
}

export type CategoryOption = { id: string; name: string };

/** Every category of the organization, by name, for the item form's select. */
export async function categoryOptions(db: ScopedDb): Promise<CategoryOption[]> {
  return db.inventoryCategory.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

export type CategoryWithCount = { id: string; name: string; slug: string; items: number };

/**
 * The organization's categories with how many items use each: one grouped count over the
 * (organizationId, categoryId, name) index, joined to the (few) categories.
 */
export async function categoriesWithCounts(organizationId: string): Promise<CategoryWithCount[]> {
  return rootDb().$queryRaw<CategoryWithCount[]>`
    SELECT c.id::text AS id, c.name, c.slug, coalesce(n.items, 0)::int AS items
    FROM inventory_categories c
    LEFT JOIN (
      SELECT "categoryId", count(*) AS items FROM inventory_items
      WHERE "organizationId" = ${organizationId}::uuid AND "categoryId" IS NOT NULL GROUP BY "categoryId"
    ) n ON n."categoryId" = c.id
    WHERE c."organizationId" = ${organizationId}::uuid
    ORDER BY c.name, c.id`;
}
