// Item reads for the admin list: keyset pages (core/lists/keyset.ts) over items/reads.ts, forwards
// and backwards, with a count that is exact up to core's limit and estimated above it — so a page of
// a million items costs an index seek and a LIMITed count, never a count or OFFSET of every row.
// Sorts are backed by (organizationId, <column>, id) indexes; id breaks ties so pages never overlap
// or skip rows.
import { rootDb } from "@/core/db/client";
import { countMatching, type MatchCount } from "@/core/lists/count";
import { keysetPage, parseKeysetRequest, type KeysetRequest, type KeysetView } from "@/core/lists/keyset";
import type { RawSearchParams } from "@/core/lists/list-params";
import { itemWhereSql, type ItemFilter } from "./filters";
import { cursorValueType, itemKey, itemRows } from "./reads";
import { itemRecord, type ItemRowWithCategory } from "./records";

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

export type ItemPage = { rows: ItemListRow[]; paging: KeysetView };

/** The cursor ordering's name for a sort, e.g. "name" or "-quantity" (the REST API's spelling). */
const orderingKey = (sort: ItemSort, dir: "asc" | "desc") => `${dir === "desc" ? "-" : ""}${sort}`;

/** Where in the list the URL asks to be (`after`, `before`, `last`); see core/lists/keyset.ts. */
export function itemPageRequest(raw: RawSearchParams, sort: ItemSort, dir: "asc" | "desc"): KeysetRequest {
  return parseKeysetRequest(raw, orderingKey(sort, dir), cursorValueType(sort));
}

/** Exact count of the filter's items (the low-stock widget's number). */
export async function countItems(organizationId: string, filter: ItemFilter): Promise<number> {
  const [row] = await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_items i WHERE ${itemWhereSql(organizationId, filter)}`;
  return row?.n ?? 0;
}

/** The filter's items for the pager: exact up to core's limit, else the planner's estimate. */
export function countItemsForPager(organizationId: string, filter: ItemFilter): Promise<MatchCount> {
  return countMatching({ table: "inventory_items", alias: "i", where: itemWhereSql(organizationId, filter) });
}

/**
 * One page of the admin list. The organization id is bound from the caller's context (never from
 * input): pass ctx.organization.id.
 */
export async function listItems(
  organizationId: string,
  filter: ItemFilter,
  opts: { request: KeysetRequest; pageSize: number; sort: ItemSort; dir: "asc" | "desc" },
): Promise<ItemPage> {
  const desc = opts.dir === "desc";
  const { rows, view } = await keysetPage<ItemRowWithCategory>(
    {
      ordering: orderingKey(opts.sort, opts.dir),
      // Backwards is the same walk in the reverse order, from the same cursor.
      rows: (direction, from, limit) => itemRows(organizationId, filter, { sort: opts.sort, desc: direction === "backward" ? !desc : desc }, { limit, after: from }),
      key: (row) => itemKey(opts.sort, row),
      count: () => countItemsForPager(organizationId, filter),
    },
    opts.request,
    opts.pageSize,
  );
  return { paging: view, rows: rows.map(listRow) };
}

/** The list's columns of an item: its event record's (records.ts: price, dates as strings) and its category's name. */
function listRow(r: ItemRowWithCategory): ItemListRow {
  const { id, name, sku, categoryId, quantity, unit, price, reorderThreshold, inStock, expiresOn, updatedAt } = itemRecord(r);
  return { id, name, sku, categoryId, categoryName: r.categoryName, quantity, unit, price, reorderThreshold, inStock, expiresOn, updatedAt };
}
