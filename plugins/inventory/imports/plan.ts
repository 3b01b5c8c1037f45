// The preview of a batch, read-only: one SELECT of the batch's SKUs in the organization, then each
// valid row is "create" (new SKU), "update" (existing SKU whose given fields differ, and update existing
// is on) or "unchanged" (same values, or an existing SKU while update existing is off).
import type { PlanAlso } from "@/core/imports/types";
import type { BatchContext, ParsedRow, RowError, RowPlan } from "@/core/imports/types";
import type { TxClient } from "@/core/db/tx";
import { itemRecord, type ItemRow, ITEM_COLUMNS } from "../items/records";
import { mergedValues, prepareRows, type PreparedRow } from "./prepare";
import type { ItemImportRow } from "./row-schema";

const SELECT_COLUMNS = ITEM_COLUMNS.map((c) => `i."${c}"`).join(", ");

/** The organization's items with these SKUs, by SKU. */
export async function itemsBySku(tx: TxClient, organizationId: string, skus: string[]): Promise<Map<string, ItemRow>> {
  if (skus.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<ItemRow[]>(
    `SELECT ${SELECT_COLUMNS} FROM inventory_items i WHERE i."organizationId" = $1::uuid AND i.sku = ANY($2::text[])`,
    organizationId,
    skus,
  );
  return new Map(rows.map((r) => [r.sku, r]));
}

/** Whether applying the row to the existing item would change a stored value. */
export function wouldChange(p: PreparedRow, current: ItemRow): boolean {
  const rec = itemRecord(current);
  const cur = { name: rec.name, categoryId: rec.categoryId, quantity: rec.quantity, unit: rec.unit, price: rec.price, reorderThreshold: rec.reorderThreshold, inStock: rec.inStock, expiresOn: rec.expiresOn };
  const next = mergedValues(p, cur);
  return (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== cur[k]);
}

export async function planItems(tx: TxClient, ctx: BatchContext, rows: ParsedRow<ItemImportRow>[]): Promise<{ plans: (RowPlan | RowError)[]; also?: PlanAlso }> {
  const organizationId = ctx.organization.id;
  const { prepared, errors, newCategories } = await prepareRows(tx, organizationId, rows, { create: ctx.resourceOptions.createCategories === true, dryRun: true });
  const existing = await itemsBySku(tx, organizationId, prepared.map((p) => p.sku));
  const plans: (RowPlan | RowError)[] = rows.map((_, i) => errors.get(i) ?? "unchanged");
  for (const p of prepared) {
    const current = existing.get(p.sku);
    if (!current) plans[p.index] = "create";
    else plans[p.index] = ctx.options.updateExisting && wouldChange(p, current) ? "update" : "unchanged";
  }
  return newCategories.length ? { plans, also: { categories: newCategories } } : { plans };
}
