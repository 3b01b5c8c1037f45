// CSV export of inventory items: all, the list's current filter (the list's own WHERE clause,
// items/filters.ts, so the file holds exactly what the table shows) or selected ids — always pinned to
// the caller's organization. Headers are the import field labels and values are written the way the
// import reads them (category by name, price "12.50", in stock yes/no, dates YYYY-MM-DD), so an
// exported file imports again with no change. Pages are keyset-paginated by id: a page is one query
// served by the primary key, however deep in a million items it is.
import { Prisma } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";
import type { ExportDefinition, ExportQuery } from "@/core/imports/types";
import { itemFilterSchema, itemWhereSql, parseItemFilter } from "../items/filters";
import { priceString } from "../items/records";
import { INVENTORY_PERMISSIONS } from "../permissions";
import { itemImportFields } from "./row-schema";

function whereOf(organizationId: string, query: ExportQuery): Prisma.Sql {
  if (query.scope === "filtered") return itemWhereSql(organizationId, parseItemFilter(query.filter));
  if (query.scope === "selected") {
    const ids = [...new Set(query.ids.filter(isUuid))];
    return Prisma.sql`i."organizationId" = ${organizationId}::uuid AND i.id = ANY(${ids}::uuid[])`;
  }
  return Prisma.sql`i."organizationId" = ${organizationId}::uuid`;
}

type ExportRow = {
  id: string; sku: string; name: string; category: string | null; quantity: number; unit: string; price: string;
  reorderThreshold: number; inStock: boolean; expiresOn: string | null;
};

export const itemsExport: ExportDefinition = {
  columns: itemImportFields.map((f) => ({ key: f.key, header: f.label })),
  // Whoever may see the items list may take it away as a file.
  permission: INVENTORY_PERMISSIONS.view,
  // parseItemFilter (the list page's lenient parse) drops a bad value; an export must refuse it.
  checkFilter(filter) {
    for (const key of ["q", "category", "stock"] as const) {
      const value = filter[key];
      if (value === undefined || value === "") continue;
      const parsed = itemFilterSchema.shape[key].safeParse(value);
      if (!parsed.success) return `"${key}": ${key === "category" ? "must be a category id or none" : key === "stock" ? "must be in_stock, out_of_stock or low" : parsed.error.issues[0]!.message}`;
    }
    return null;
  },
  async count({ organizationId, tx }, query) {
    const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_items i WHERE ${whereOf(organizationId, query)}`;
    return row?.n ?? 0;
  },
  async page({ organizationId, tx }, query, after, limit) {
    const keyset = after && isUuid(after) ? Prisma.sql`AND i.id > ${after}::uuid` : Prisma.empty;
    const rows = await tx.$queryRaw<ExportRow[]>`
      SELECT i.id::text AS id, i.sku, i.name, c.name AS category, i.quantity, i.unit, i.price::text AS price, i."reorderThreshold",
             i."inStock", to_char(i."expiresOn", 'YYYY-MM-DD') AS "expiresOn"
      FROM inventory_items i
      LEFT JOIN inventory_categories c ON c."organizationId" = i."organizationId" AND c.id = i."categoryId"
      WHERE ${whereOf(organizationId, query)} ${keyset}
      ORDER BY i.id LIMIT ${limit}`;
    return {
      rows: rows.map((r) => ({
        sku: r.sku,
        name: r.name,
        category: r.category ?? "",
        quantity: String(r.quantity),
        unit: r.unit,
        price: priceString(r.price),
        reorderThreshold: String(r.reorderThreshold),
        inStock: r.inStock ? "yes" : "no",
        expiresOn: r.expiresOn ?? "",
      })),
      cursor: rows.at(-1)?.id ?? null,
    };
  },
};
