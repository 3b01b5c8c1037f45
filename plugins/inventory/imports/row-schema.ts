// What one CSV row of inventory items is: the importable fields (labels = the export's headers, so an
// exported file imports again unchanged) and the zod schema turning the row's cells into values,
// reusing the item form's rules (items/schema.ts itemFields) so a CSV accepts exactly what the form does.
//
// Cells arrive as strings, and only for MAPPED columns. The rule for updates of an existing SKU:
//   - a column that is NOT mapped leaves that field of the item as it is (the key is absent: undefined);
//   - a column that is mapped but whose cell is empty sets the field to what a new item gets: no
//     category, quantity 0, unit "each", price 0.00, reorder threshold 10, in stock, no expiry.
// A new item gets those same defaults for every optional field the file does not give.
import { z } from "zod";
import { unescapeFormulaCell } from "@/core/imports/csv/write";
import type { ImportField } from "@/core/imports/types";
import { itemFields } from "../items/schema";

/** What a new item gets for a field the file leaves empty or does not have (the database defaults). */
export const ITEM_DEFAULTS = { categoryId: null, quantity: 0, unit: "each", price: "0.00", reorderThreshold: 10, inStock: true, expiresOn: null } as const;

export const itemImportFields: ImportField[] = [
  { key: "sku", label: "SKU", required: true, aliases: ["item code", "code", "product code", "sku code", "article number"] },
  { key: "name", label: "Name", required: true, aliases: ["item", "item name", "product", "product name", "title"] },
  { key: "category", label: "Category", aliases: ["category name", "group", "type"], hint: "A category name" },
  { key: "quantity", label: "Quantity", aliases: ["qty", "stock", "on hand", "quantity on hand", "count"], hint: "12" },
  { key: "unit", label: "Unit", aliases: ["uom", "unit of measure", "units"], hint: "each, box, ml" },
  { key: "price", label: "Price", aliases: ["unit price", "cost", "unit cost"], hint: "12.50" },
  { key: "reorderThreshold", label: "Reorder threshold", aliases: ["reorder level", "reorder point", "min stock", "minimum stock", "threshold"], hint: "10" },
  { key: "inStock", label: "In stock", aliases: ["available", "active", "instock"], hint: "yes / no" },
  { key: "expiresOn", label: "Expires on", aliases: ["expiry", "expiry date", "expiration date", "expires", "best before"], hint: "YYYY-MM-DD" },
];

/**
 * Exports escape cells starting with = + - @ TAB CR with a leading apostrophe (formula injection);
 * importing such a text cell drops that apostrophe again (core/imports/csv/write.ts), so
 * "=HYPERLINK(…)" round-trips unchanged.
 */
const unescapeFormula = unescapeFormulaCell;

/** Runs `rule` on the trimmed cell and reports its messages on this field (issue path = the field). */
function apply<T>(rule: z.ZodType<T>, value: unknown, ctx: z.RefinementCtx): T {
  const r = rule.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
  return z.NEVER;
}

/** A required text field: always mapped (the preview refuses otherwise), so always a string. */
const requiredText = (rule: z.ZodType<string>) => z.string().transform((v, ctx) => apply(rule, unescapeFormula(v.trim()), ctx));

/** An optional field: absent = leave as is (undefined), empty = the default, else the rule's value. */
function optionalCell<T>(empty: T, parse: (cell: string, ctx: z.RefinementCtx) => T) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T | undefined => {
      if (v === undefined) return undefined;
      const t = v.trim();
      return t === "" ? empty : parse(t, ctx);
    });
}

const wholeNumber = (rule: z.ZodType<number>) => (cell: string, ctx: z.RefinementCtx) => {
  if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) {
    ctx.addIssue({ code: "custom", message: `"${cell.slice(0, 40)}" is not a number: enter a whole number such as 12` });
    return z.NEVER;
  }
  return apply(rule, Number(cell), ctx);
};

// Built once: a schema constructed per cell would cost more than the check itself (1M rows).
const categoryName = z.string().max(200, "At most 200 characters");
const isoDate = z.iso.date("Use a date such as 2027-03-31 (YYYY-MM-DD)");

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

export const itemImportRow = z.object({
  sku: requiredText(itemFields.sku),
  name: requiredText(itemFields.name),
  /** A category NAME, matched case-insensitively against the organization's categories at plan/commit. */
  category: optionalCell<string | null>(null, (c, ctx) => apply(categoryName, unescapeFormula(c), ctx)),
  quantity: optionalCell<number>(ITEM_DEFAULTS.quantity, wholeNumber(itemFields.quantity)),
  unit: optionalCell<string>(ITEM_DEFAULTS.unit, (c, ctx) => apply(itemFields.unit, unescapeFormula(c), ctx)),
  price: optionalCell<string>(ITEM_DEFAULTS.price, (c, ctx) => Number(apply(itemFields.price, c, ctx)).toFixed(2)),
  reorderThreshold: optionalCell<number>(ITEM_DEFAULTS.reorderThreshold, wholeNumber(itemFields.reorderThreshold)),
  inStock: optionalCell<boolean>(ITEM_DEFAULTS.inStock, (c, ctx) => {
    const v = c.toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    ctx.addIssue({ code: "custom", message: `"${c.slice(0, 40)}" is not yes or no: use yes/no, true/false, y/n or 1/0` });
    return z.NEVER;
  }),
  expiresOn: optionalCell<string | null>(ITEM_DEFAULTS.expiresOn, (c, ctx) => apply(isoDate, c, ctx)),
});

export type ItemImportRow = z.output<typeof itemImportRow>;
