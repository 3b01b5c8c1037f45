// What a bulk action looks like on the listed rows before the server has answered (React's
// useOptimistic): marked rows flip their in-stock flag, deleted rows leave the page. Pure, so it is
// tested without a browser. "all" is "select all matching": every listed row matches the filter sent.
import type { BulkAction } from "../../items/bulk";
import type { ItemListRow } from "../../items/queries";

export type OptimisticBulk = { action: BulkAction; ids: readonly string[] | "all" };

export function applyBulkOptimistically(rows: ItemListRow[], change: OptimisticBulk): ItemListRow[] {
  const ids = change.ids === "all" ? null : new Set(change.ids);
  const hit = (row: ItemListRow) => ids === null || ids.has(row.id);
  if (change.action === "delete") return rows.filter((row) => !hit(row));
  const inStock = change.action === "mark_in_stock";
  return rows.map((row) => (hit(row) && row.inStock !== inStock ? { ...row, inStock } : row));
}
