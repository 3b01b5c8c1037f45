// Item reads for lists (the admin table, the REST API): filtered, sorted and paginated in PostgreSQL,
// never in memory. Sorts are backed by (organizationId, <column>, id) indexes; id breaks ties so pages
// never overlap or skip rows.
import { Prisma, rootDb } from "@/core/db/client";
import { clampPage } from "@/core/lists/list-params";
import { itemWhereSql, type ItemFilter } from "./filters";
import { searchedIdsSql, searchNeedsProbe } from "./search-order";

export const ITEM_SORTS = ["name", "sku", "quantity", "price", "updatedAt"] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export type ItemListRow = {
  id: string;
  name: string;
  sku: string;
  categoryId: string | null;
  categoryName: string | null;
  quantity: number;
  unit: string;
  /** Decimal string, two places, in the organization's currency. */
  price: string;
  reorderThreshold: number;
  inStock: boolean;
  expiresOn: string | null;
  updatedAt: string;
};

const SORT_SQL: Record<ItemSort, string> = {
  name: `i.name`,
  sku: `i.sku`,
  quantity: `i.quantity`,
  price: `i.price`,
  updatedAt: `i."updatedAt"`,
};

export type ItemPage = { total: number; page: number; pageSize: number; rows: ItemListRow[] };

export async function countItems(organizationId: string, filter: ItemFilter): Promise<number> {
  const [row] = await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_items i WHERE ${itemWhereSql(organizationId, filter)}`;
  return row?.n ?? 0;
}

/**
 * One page of items. Raw SQL with the organization id bound from the caller's context (never from
 * input): pass ctx.organization.id.
 */
export async function listItems(
  organizationId: string,
  filter: ItemFilter,
  opts: { page: number; pageSize: number; sort: ItemSort; dir: "asc" | "desc" },
): Promise<ItemPage> {
  const total = await countItems(organizationId, filter);
  const page = clampPage(opts.page, opts.pageSize, total);
  const dir = opts.dir === "desc" ? "DESC" : "ASC";
  const order = Prisma.raw(`${SORT_SQL[opts.sort]} ${dir}, i.id ${dir}`);
  const offset = (page - 1) * opts.pageSize;
  // Searched and sorted by name or SKU: items/search-order.ts (the walk alone can read most of the
  // table before its first match); otherwise the planner's plan with OFFSET.
  const rowsOf = searchNeedsProbe(filter, opts.sort)
    ? Prisma.sql`JOIN (${searchedIdsSql(organizationId, filter, { column: SORT_SQL[opts.sort], desc: opts.dir === "desc" }, { limit: opts.pageSize, offset })}) p ON p.id = i.id
      WHERE i."organizationId" = ${organizationId}::uuid
      ORDER BY ${order}`
    : Prisma.sql`WHERE ${itemWhereSql(organizationId, filter)}
      ORDER BY ${order}
      LIMIT ${opts.pageSize} OFFSET ${offset}`;
  const rows = await rootDb().$queryRaw<Array<Omit<ItemListRow, "price" | "expiresOn" | "updatedAt"> & { price: Prisma.Decimal; expiresOn: Date | null; updatedAt: Date }>>`
    SELECT i.id::text AS id, i.name, i.sku, i."categoryId"::text AS "categoryId", c.name AS "categoryName", i.quantity, i.unit, i.price,
           i."reorderThreshold", i."inStock", i."expiresOn", i."updatedAt"
    FROM inventory_items i
    LEFT JOIN inventory_categories c ON c."organizationId" = i."organizationId" AND c.id = i."categoryId"
    ${rowsOf}`;
  return {
    total,
    page,
    pageSize: opts.pageSize,
    rows: rows.map((r) => ({
      ...r,
      price: r.price.toFixed(2),
      expiresOn: r.expiresOn ? r.expiresOn.toISOString().slice(0, 10) : null,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
