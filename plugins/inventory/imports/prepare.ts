// From validated rows to what the SQL needs: the category name resolved to an id, every value filled
// in (a new item's default where the file has none) and a bit mask of the fields the file GIVES — an
// existing item keeps the fields whose bit is not set (row-schema.ts explains the rule). Shared by
// plan() and commitBatch(), so the preview classifies rows exactly as the commit writes them.
import type { EventTx } from "@/core/events/emit";
import type { ParsedRow, RowError } from "@/core/imports/types";
import { categoryIdOf, createMissingCategories, lookupCategories } from "./category-names";
import { ITEM_DEFAULTS, type ItemImportRow } from "./row-schema";

export const FIELD_BITS = { categoryId: 1, quantity: 2, unit: 4, price: 8, reorderThreshold: 16, inStock: 32, expiresOn: 64 } as const;
export type OptionalField = keyof typeof FIELD_BITS;

export type PreparedRow = {
  index: number;
  row: number;
  line?: number;
  sku: string;
  name: string;
  categoryId: string | null;
  quantity: number;
  unit: string;
  price: string;
  reorderThreshold: number;
  inStock: boolean;
  expiresOn: string | null;
  mask: number;
};

/** Valid rows (in input order) and the errors of the others, by input index. */
export async function prepareRows(
  tx: EventTx,
  organizationId: string,
  rows: ParsedRow<ItemImportRow>[],
  categories: { create: boolean; dryRun: boolean } = { create: false, dryRun: true },
): Promise<{ prepared: PreparedRow[]; errors: Map<number, RowError>; newCategories: string[] }> {
  const errors = new Map<number, RowError>();
  const names = rows.flatMap((r) => (typeof r.data.category === "string" ? [r.data.category] : []));
  const lookup = await lookupCategories(tx, organizationId, names);
  const newCategories = categories.create ? await createMissingCategories(tx, organizationId, lookup, names, categories.dryRun) : [];
  const seen = new Map<string, number>();
  const prepared: PreparedRow[] = [];
  rows.forEach((r, index) => {
    const where = { row: r.row, ...(r.line !== undefined ? { line: r.line } : {}) };
    // The engine rejects duplicate keys across the file; inside one batch they would make the upsert
    // touch a row twice, so the later one is refused here too.
    const first = seen.get(r.data.sku);
    if (first !== undefined) {
      errors.set(index, { ...where, field: "sku", reason: `SKU ${r.data.sku} appears twice in the file (first in row ${first})` });
      return;
    }
    seen.set(r.data.sku, r.row);
    const category = categoryIdOf(lookup, r.data.category, where, { creating: categories.create });
    if (!category.ok) {
      errors.set(index, category.error);
      return;
    }
    const given = { ...r.data, categoryId: category.id };
    let mask = 0;
    for (const [field, bit] of Object.entries(FIELD_BITS) as [OptionalField, number][]) if (given[field] !== undefined) mask |= bit;
    prepared.push({
      index,
      ...where,
      sku: r.data.sku,
      name: r.data.name,
      categoryId: given.categoryId ?? ITEM_DEFAULTS.categoryId,
      quantity: given.quantity ?? ITEM_DEFAULTS.quantity,
      unit: given.unit ?? ITEM_DEFAULTS.unit,
      price: given.price ?? ITEM_DEFAULTS.price,
      reorderThreshold: given.reorderThreshold ?? ITEM_DEFAULTS.reorderThreshold,
      inStock: given.inStock ?? ITEM_DEFAULTS.inStock,
      expiresOn: given.expiresOn ?? ITEM_DEFAULTS.expiresOn,
      mask,
    });
  });
  return { prepared, errors, newCategories };
}

/** The row's values applied over an existing item's (only the fields the file gives). */
export function mergedValues(p: PreparedRow, current: Omit<PreparedRow, "index" | "row" | "line" | "mask" | "sku">) {
  const pick = <K extends OptionalField>(k: K) => ((p.mask & FIELD_BITS[k]) !== 0 ? p[k] : current[k]);
  return {
    name: p.name,
    categoryId: pick("categoryId"),
    quantity: pick("quantity"),
    unit: pick("unit"),
    price: pick("price"),
    reorderThreshold: pick("reorderThreshold"),
    inStock: pick("inStock"),
    expiresOn: pick("expiresOn"),
  };
}
