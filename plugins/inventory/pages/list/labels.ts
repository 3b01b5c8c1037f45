// Words of the list's bulk actions, for buttons, confirmations and the progress bar (client-safe).
import { formatCount } from "@/components/data-table/count-format";
import { numberFormat } from "@/core/format/numbers";
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

// Numbers in the organization's locale: components pass useOrgFormat().locale.
export const count = (n: number, locale = "en-US") => numberFormat(locale)!.format(n);
export const items = (n: number, locale = "en-US") => `${count(n, locale)} ${n === 1 ? "item" : "items"}`;

/** "25 items", or "about 1,000,000 items" when the list's count is an estimate. */
export const itemsCounted = (c: MatchCount, locale = "en-US") => (c.exact ? items(c.value, locale) : `${formatCount(c, locale)} items`);
