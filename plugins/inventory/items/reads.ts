// Item reads for the REST API and the admin table, in PostgreSQL: the shared item filter (filters.ts,
// the same WHERE as bulk actions), an ordering backed by the (organizationId, <column>, id) indexes,
// and keyset pagination. The organization id always comes from the caller's context, never input.
import { Prisma } from "@/core/db/client";
import { hotQuery } from "@/core/db/pg";
import { isUuid } from "@/core/db/ids";
import { itemWhereSql, type ItemFilter } from "./filters";
import type { ItemSort } from "./queries";
import { searchedIdsSql, searchNeedsProbe } from "./search-order";
import { itemColumns, priceString, type ItemRowWithCategory } from "./records";
import { encodeCursor, type Cursor, type CursorValueType } from "@/core/lists/cursor";

/** Column, SQL type of the cursor value, and the row's value, per sort key. */
const SORTS: Record<ItemSort, { column: string; type: CursorValueType; value: (r: ItemRowWithCategory) => string | number }> = {
  name: { column: `i.name`, type: "text", value: (r) => r.name },
  sku: { column: `i.sku`, type: "text", value: (r) => r.sku },
  quantity: { column: `i.quantity`, type: "int", value: (r) => r.quantity },
  price: { column: `i.price`, type: "numeric", value: (r) => priceString(r.price) },
  updatedAt: { column: `i."updatedAt"`, type: "timestamptz", value: (r) => r.updatedAt.toISOString() },
};

/** The type a cursor's value must have for an ordering by `sort` (core/lists/cursor.ts checks it). */
export const cursorValueType = (sort: ItemSort): CursorValueType => SORTS[sort].type;

const SELECT = Prisma.raw(`SELECT ${itemColumns("i")}, c.name AS "categoryName"
  FROM inventory_items i
  LEFT JOIN inventory_categories c ON c."organizationId" = i."organizationId" AND c.id = i."categoryId"`);

export type ItemOrdering = { sort: ItemSort; desc: boolean; key: string };

/** The row's sort value and id, as a cursor of an ordering by `sort` holds them. */
export const itemKey = (sort: ItemSort, row: ItemRowWithCategory) => ({ v: SORTS[sort].value(row), id: row.id });

export async function listItemsPage(
  organizationId: string,
  filter: ItemFilter,
  ordering: ItemOrdering,
  opts: { limit: number; after?: Cursor },
): Promise<{ rows: ItemRowWithCategory[]; nextCursor: string | null }> {
  const rows = await itemRows(organizationId, filter, ordering, { limit: opts.limit + 1, after: opts.after });
  const more = rows.length > opts.limit;
  const pageRows = more ? rows.slice(0, opts.limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, nextCursor: more && last ? encodeCursor({ o: ordering.key, ...itemKey(ordering.sort, last) }) : null };
}

/**
 * Up to `limit` items of the filter in the ordering, strictly after the cursor's row when given. The
 * REST API's pages and the admin table's (which walks backwards by reversing `desc`).
 */
export async function itemRows(
  organizationId: string,
  filter: ItemFilter,
  ordering: { sort: ItemSort; desc: boolean },
  opts: { limit: number; after?: Cursor },
): Promise<ItemRowWithCategory[]> {
  const sort = SORTS[ordering.sort];
  const dir = ordering.desc ? "DESC" : "ASC";
  const orderBy = Prisma.raw(`${sort.column} ${dir}, i.id ${dir}`);
  // Row comparison: the index on (organizationId, column, id) seeks straight to the next row.
  const after = opts.after
    ? Prisma.sql`(${Prisma.raw(sort.column)}, i.id) ${Prisma.raw(ordering.desc ? "<" : ">")} (${opts.after.v}::${Prisma.raw(sort.type)}, ${opts.after.id}::uuid)`
    : null;
  // On the hot pg pool (core/db/pg.ts), where a 100-row page costs a fraction of Prisma's row
  // decoding. Low stock (no search) is a range of the partial low-stock index (migration
  // 20261205120000_inventory_api_speed) in the default ordering.
  return searchNeedsProbe(filter, ordering.sort)
    ? // Searched and sorted by name or SKU: items/search-order.ts, joined to the rows.
      await hotQuery<ItemRowWithCategory>(Prisma.sql`
        ${SELECT}
        JOIN (${searchedIdsSql(organizationId, filter, { column: sort.column, desc: ordering.desc }, { limit: opts.limit, after: after ?? undefined })}) p ON p.id = i.id
        WHERE i."organizationId" = ${organizationId}::uuid
        ORDER BY ${orderBy}`)
    : await hotQuery<ItemRowWithCategory>(Prisma.sql`
        ${SELECT}
        WHERE ${itemWhereSql(organizationId, filter)}${after ? Prisma.sql` AND ${after}` : Prisma.empty}
        ORDER BY ${orderBy}
        LIMIT ${opts.limit}`);
}

export async function getItemRow(organizationId: string, id: string): Promise<ItemRowWithCategory | null> {
  if (!isUuid(id)) return null;
  const rows = await hotQuery<ItemRowWithCategory>(Prisma.sql`${SELECT} WHERE i."organizationId" = ${organizationId}::uuid AND i.id = ${id}::uuid`);
  return rows[0] ?? null;
}
