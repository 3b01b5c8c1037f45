// The item filter every list-shaped read shares — the admin table, "select all N matching" bulk actions,
// exports, the REST API and reports — as one SQL WHERE clause, so "what the table shows" and "what a
// bulk action touches" can never disagree. Search: every word must appear in the name or the SKU
// (case-insensitive substring, served by the pg_trgm GIN indexes).
import { z } from "zod";
import { Prisma } from "@/core/db/client";

export const STOCK_FILTERS = ["in_stock", "out_of_stock", "low"] as const;
export type StockFilter = (typeof STOCK_FILTERS)[number];

export const itemFilterSchema = z.object({
  q: z.string().trim().max(200, "At most 200 characters").default(""),
  /** A category id, or "none" for items without a category. */
  category: z.union([z.uuid(), z.literal("none")]).optional(),
  /** in_stock / out_of_stock: the in-stock flag; low: quantity below the item's reorder threshold. */
  stock: z.enum(STOCK_FILTERS).optional(),
});
export type ItemFilter = z.output<typeof itemFilterSchema>;

/** Lenient parse for URLs: an unknown value is dropped rather than failing the page. */
export function parseItemFilter(raw: Record<string, string | string[] | undefined>): ItemFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const q = (one(raw.q) ?? "").trim().slice(0, 200);
  const category = itemFilterSchema.shape.category.safeParse(one(raw.category) || undefined);
  const stock = itemFilterSchema.shape.stock.safeParse(one(raw.stock) || undefined);
  return { q, category: category.success ? category.data : undefined, stock: stock.success ? stock.data : undefined };
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clause over inventory_items (alias `i`) for one organization. */
export function itemWhereSql(organizationId: string, filter: ItemFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`i."organizationId" = ${organizationId}::uuid`];
  for (const w of filter.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    const p = likePattern(w);
    parts.push(Prisma.sql`(i.name ILIKE ${p} OR i.sku ILIKE ${p})`);
  }
  if (filter.category === "none") parts.push(Prisma.sql`i."categoryId" IS NULL`);
  else if (filter.category) parts.push(Prisma.sql`i."categoryId" = ${filter.category}::uuid`);
  if (filter.stock === "in_stock") parts.push(Prisma.sql`i."inStock" = true`);
  if (filter.stock === "out_of_stock") parts.push(Prisma.sql`i."inStock" = false`);
  if (filter.stock === "low") parts.push(Prisma.sql`i.quantity < i."reorderThreshold"`);
  return Prisma.join(parts, " AND ");
}

export function isEmptyFilter(f: ItemFilter): boolean {
  return !f.q && !f.category && !f.stock;
}
