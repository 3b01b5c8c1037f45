// Report: items below their reorder threshold — how many, and the most urgent ones (largest shortfall
// first). "Below threshold" is the shared item filter's `stock: "low"` (items/filters.ts), so the count
// here, the dashboard widget, the menu badge and /inventory?stock=low always agree.
//
// Page: ONE statement. `quantity < "reorderThreshold"` compares two columns of the row, which no
// B-tree can seek, so PostgreSQL reads the organization's items once (linear in the items: 0.25 s for
// 1,000,000 with 56,000 low, on the shared 2-core development machine under load), counting the
// matches with a window and keeping only the top N in a bounded heap sort; the categories are joined
// to those N rows only.
// CSV: every item below threshold, streamed in keyset pages along the (organizationId, name, id)
// index, so a download of 500,000 rows never holds them all in memory and each page starts where the
// previous one stopped instead of re-counting an OFFSET. Pages are separate statements: an item that
// changes during a long download may be missed or listed with its newer quantity (no long transaction
// is held open for a slow client).
// Measured: all 56,000 low items of a 1,000,000-item organization stream in about 2.6 s (2.4 MB).
import { Prisma, rootDb } from "@/core/db/client";
import { itemWhereSql } from "../items/filters";

export const BELOW_THRESHOLD_TOP = 10;
export const CSV_PAGE_SIZE = 2000;

export type BelowThresholdRow = {
  id: string;
  name: string;
  sku: string;
  category: string | null;
  quantity: number;
  threshold: number;
  shortfall: number;
  unit: string;
};

export type BelowThresholdReport = { count: number; top: BelowThresholdRow[] };

const LOW = { q: "", stock: "low" } as const;

export async function itemsBelowThreshold(organizationId: string, limit = BELOW_THRESHOLD_TOP): Promise<BelowThresholdReport> {
  const rows = await rootDb().$queryRaw<Array<BelowThresholdRow & { total: number }>>(Prisma.sql`
    WITH low AS (
      SELECT i.id, i.name, i.sku, i."categoryId", i."organizationId", i.quantity, i."reorderThreshold", i.unit,
             count(*) OVER ()::int AS total
      FROM inventory_items i
      WHERE ${itemWhereSql(organizationId, LOW)}
      ORDER BY (i."reorderThreshold" - i.quantity) DESC, i.name, i.id
      LIMIT ${limit}
    )
    SELECT low.id::text AS id, low.name, low.sku, c.name AS category, low.quantity, low."reorderThreshold" AS threshold,
           (low."reorderThreshold" - low.quantity) AS shortfall, low.unit, low.total
    FROM low
    LEFT JOIN inventory_categories c ON c."organizationId" = low."organizationId" AND c.id = low."categoryId"
    ORDER BY shortfall DESC, low.name, low.id`);
  return { count: rows[0]?.total ?? 0, top: rows.map(({ total: _total, ...r }) => r) };
}

/** Every item below threshold, by name, one keyset page at a time (for the CSV download). */
export async function* allItemsBelowThreshold(organizationId: string, pageSize = CSV_PAGE_SIZE): AsyncGenerator<BelowThresholdRow[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after ? Prisma.sql`AND (i.name, i.id) > (${after.name}, ${after.id}::uuid)` : Prisma.empty;
    const rows: BelowThresholdRow[] = await rootDb().$queryRaw<BelowThresholdRow[]>(Prisma.sql`
      SELECT i.id::text AS id, i.name, i.sku, c.name AS category, i.quantity, i."reorderThreshold" AS threshold,
             (i."reorderThreshold" - i.quantity) AS shortfall, i.unit
      FROM inventory_items i
      LEFT JOIN inventory_categories c ON c."organizationId" = i."organizationId" AND c.id = i."categoryId"
      WHERE ${itemWhereSql(organizationId, LOW)} ${cursor}
      ORDER BY i.name, i.id
      LIMIT ${pageSize}`);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { name: last.name, id: last.id };
  }
}
