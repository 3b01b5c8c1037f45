// Words of the list's bulk actions, for buttons, confirmations and the progress bar (client-safe).
import { formatCount } from "@/components/data-table/count-format";
import type { MatchCount } from "@/core/lists/count";
import type { BulkAction } from "../../items/bulk";

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  mark_in_stock: "Mark in stock",
  mark_out_of_stock: "Mark out of stock",
  delete: "Delete",
};

/** "Marking 12,000 items out of stock" */
export const BULK_ACTION_PROGRESS: Record<BulkAction, string> = {
  mark_in_stock: "Marking items as in stock",
  mark_out_of_stock: "Marking items as out of stock",
  delete: "Deleting items",
};

export const count = (n: number) => n.toLocaleString("en-US");
export const items = (n: number) => `${count(n)} ${n === 1 ? "item" : "items"}`;

/** "25 items", or "about 1,000,000 items" when the list's count is an estimate. */
export const itemsCounted = (c: MatchCount) => (c.exact ? items(c.value) : `${formatCount(c)} items`);
