// One page of a SEARCHED item list sorted by name or SKU: the REST API's keyset pages
// (items/reads.ts) and the admin table's keyset pages, forwards and backwards (items/queries.ts).
//
// Without a search, an ordering is a walk of its (organizationId, <column>, id) index that stops after
// a page. With one, PostgreSQL chooses between two plans and cannot tell which is cheap:
//   - walk the ordering's index and test every row against the search until a page is full: cheap
//     when the matches are spread over the ordering. Sorted by name (the default) they rarely are: a
//     product word's items are one block of the alphabet ("Gauze swabs #1" ... "#999999"). At
//     1,000,000 items "gauze" matches 5 % of them, the planner expects a page after ~2,000 rows, and
//     the walk reads 300,000 rows before the first "Gauze": 0.6-1.5 s, for every page 1;
//   - find every match through the trigram index and top-N sort them: the cost grows with the
//     number of matches (gauze: 50,000 rows, ~140 ms), small for narrow terms.
// So such a page is asked for in two parts, in one statement:
//   A. the matches among the next PROBE_ROWS_PER_ROW x (offset + limit) rows of the walk (3,030 rows
//      for a 100-row page): enough whenever at least one row in 30 matches;
//   B. the matches after the probe's last row, found through the index and top-N sorted — only
//      when A has not filled the page: the UNION ALL under the LIMIT never starts B otherwise (B's
//      subquery is fenced with OFFSET 0 so the planner cannot turn it back into the walk).
// Both parts are in the list's order and B starts where the probe ends, so their concatenation is
// exactly the ordered list of matches: the same rows in the same order as ORDER BY ... LIMIT.
// Measured (EXPLAIN ANALYZE, warm cache, 1,000,000 + 450,000 items, on a 2-core machine shared with
// other work, so times vary by 2x): "gauze" page 1 158,733 -> 25,719 buffers, 0.6-1.5 s -> 0.14-0.27 s
// (B: a bitmap over the whole organization); its page 2 62 -> 466 buffers, 0.4 -> 1 ms (A); SKU
// fragment "BN-0012345" 999 -> 1,822 buffers, 30 -> 10-14 ms (the probe, 1,600 buffers, plus a 2 ms
// bitmap: the bitmap's own 30 -> 2 ms is filters.ts's). That is still far above the server-speed
// issue's 15 ms for a broad term: sorted by name, page 1 of a clustered word must find all its
// matches (or walk to them), which no index spares; an ordering in which the matches are spread
// (id, or "updatedAt" on the benchmark data) is answered by a walk in 4-9 ms.
import { Prisma } from "@/core/db/client";
import { hasIndexableSearch, itemWhereSql, type ItemFilter } from "./filters";

/**
 * Whether a list page goes through searchedIdsSql: a search the trigram index can answer (see
 * hasIndexableSearch), sorted by a column the search itself tests — name or SKU, where the matches of
 * a word cluster by construction — or by "updatedAt", the REST API's default for searches
 * (api/items.ts), where a broad term is found by the probe's walk and a narrow one (a SKU fragment)
 * by the index path instead of a walk of the whole organization. Sorted by quantity or price the
 * planner's walk-or-bitmap choice stands (measured: "gloves" by -quantity, whose
 * first match is 19,000 rows into the walk, takes 77 ms walking and 260 ms through the index path).
 */
export function searchNeedsProbe(filter: ItemFilter, sort: string): boolean {
  return (sort === "name" || sort === "sku" || sort === "updatedAt") && hasIndexableSearch(filter.q);
}

/** Rows of the ordering's walk tried per row of the page before the index path takes over. */
export const PROBE_ROWS_PER_ROW = 30;
/** Deep pages (offset + limit beyond this) skip the walk: it would cost more than the index path. */
const MAX_PROBED_ROWS = 2_000;

export type SearchOrder = {
  /** The sort column on alias `i`, e.g. `i.name`. */
  column: string;
  desc: boolean;
};

/**
 * SQL of a subquery with one column, `id`: the ids of the page — rows offset+1 .. offset+limit of the
 * items matching `filter` (which has a search term), in `order` then id. `after` (optional) is a
 * keyset condition on alias `i` that every row must also meet. The caller joins the ids to the rows
 * and orders them again (a join does not keep an order).
 */
export function searchedIdsSql(
  organizationId: string,
  filter: ItemFilter,
  order: SearchOrder,
  page: { limit: number; offset?: number; after?: Prisma.Sql },
): Prisma.Sql {
  const dir = order.desc ? "DESC" : "ASC";
  const col = Prisma.raw(order.column);
  const byOrder = Prisma.raw(`${order.column} ${dir}, i.id ${dir}`);
  const offset = page.offset ?? 0;
  const org = Prisma.sql`i."organizationId" = ${organizationId}::uuid`;
  const after = page.after ? Prisma.sql` AND ${page.after}` : Prisma.empty;
  const where = itemWhereSql(organizationId, filter);
  const matches = Prisma.sql`SELECT i.id, ${col} AS v FROM inventory_items i WHERE ${where}${after} OFFSET 0`;
  const byValue = Prisma.raw(`m.v ${dir}, m.id ${dir}`);
  if (offset + page.limit > MAX_PROBED_ROWS) {
    return Prisma.sql`SELECT m.id FROM (${matches}) m ORDER BY ${byValue} LIMIT ${page.limit} OFFSET ${offset}`;
  }
  const probe = PROBE_ROWS_PER_ROW * (offset + page.limit);
  // A: the walk's first `probe` rows (all columns, for the filter), tested against the filter.
  // B: the matches after the probe's last row (none when the walk has fewer rows: NULL compares false).
  return Prisma.sql`SELECT u.id FROM (
      (SELECT i.id FROM (SELECT i.* FROM inventory_items i WHERE ${org}${after} ORDER BY ${byOrder} LIMIT ${probe}) i
       WHERE ${where} ORDER BY ${byOrder})
      UNION ALL
      (SELECT m.id FROM (${matches}) m
       WHERE (m.v, m.id) ${Prisma.raw(order.desc ? "<" : ">")} (SELECT ${col}, i.id FROM inventory_items i WHERE ${org}${after} ORDER BY ${byOrder} OFFSET ${probe - 1} LIMIT 1)
       ORDER BY ${byValue})
    ) u LIMIT ${page.limit} OFFSET ${offset}`;
}
