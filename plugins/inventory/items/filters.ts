// The item filter every list-shaped read shares — the admin table, "select all N matching" bulk actions,
// exports, the REST API and reports — as one SQL WHERE clause, so "what the table shows" and "what a
// bulk action touches" can never disagree. Search: every word must appear in the name or the SKU
// (case-insensitive substring, served by one pg_trgm GIN index; see searchWordSql for words with
// punctuation, such as SKU fragments).
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

/** The words of a search, as the filter matches them (at most five). */
export function searchWords(q: string): string[] {
  return q.split(/\s+/).filter(Boolean).slice(0, 5);
}

/**
 * Whether the trigram index can find the search's matches: some word has three letters or digits in
 * a row (pg_trgm extracts no trigram from shorter words, so "5 ml" can only be searched by a scan).
 */
export function hasIndexableSearch(q: string): boolean {
  return searchWords(q).some((w) => /[\p{L}\p{N}]{3}/u.test(w));
}

/**
 * The longest run of letters and digits of a search word that has other characters too (e.g.
 * "0012345" of "BN-0012345"), when it is at least three characters long: null otherwise.
 */
export function trigramCore(word: string): string | null {
  const runs = word.match(/[\p{L}\p{N}]+/gu) ?? [];
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), "");
  return longest.length >= 3 && longest.length < word.length ? longest : null;
}

/**
 * The text a search word is looked for in: the name and the SKU joined by a space — exactly the
 * expression of the trigram index inventory_items_search_trgm (one GIN index instead of one per column
 * costs a bulk write of 100,000 items 1.1 s less; bench:import:indexes). A word never holds whitespace
 * (searchWords splits on it), so it is found in this text exactly when it is found in the name or in
 * the SKU: it cannot straddle the two.
 */
const SEARCH_TEXT = Prisma.raw(`(i.name || ' ' || i.sku)`);
/** The same text written so the planner cannot match it to the index (see searchWordSql). */
const SEARCH_TEXT_UNINDEXED = Prisma.raw(`(i.name || ' ' || i.sku || '')`);

/**
 * One search word: its pattern must be found in the name or the SKU.
 *
 * A word with punctuation is a different case for the trigram index. pg_trgm splits "BN-0012345" at
 * the hyphen and pads the pieces at the word boundaries, which yields trigrams such as "bn " and " 00"
 * that every SKU of a catalog with one SKU scheme contains: the GIN scan then reads those trigrams'
 * whole posting trees (928 pages, 36 ms for 10 matches at 1,450,000 items), although the rarer
 * trigrams alone decide. So the index is given the word's longest run of letters and digits instead
 * ("%0012345%": no padded trigrams, 60 pages, 2 ms) — every row containing the word contains that run,
 * so it only ever admits more rows — and the exact pattern is checked on the rows it admits, written
 * with a trailing `|| ''`, which has the very same ILIKE semantics but which the planner cannot match
 * to the index (given both, it intersects both bitmaps and reads the big posting trees again).
 */
function searchWordSql(word: string): Prisma.Sql {
  const p = likePattern(word);
  const core = trigramCore(word);
  if (!core) return Prisma.sql`${SEARCH_TEXT} ILIKE ${p}`;
  const c = `%${core}%`; // letters and digits only: nothing to escape
  return Prisma.sql`${SEARCH_TEXT} ILIKE ${c} AND ${SEARCH_TEXT_UNINDEXED} ILIKE ${p}`;
}

/** WHERE clause over inventory_items (alias `i`) for one organization. */
export function itemWhereSql(organizationId: string, filter: ItemFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`i."organizationId" = ${organizationId}::uuid`];
  for (const w of searchWords(filter.q)) parts.push(searchWordSql(w));
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
