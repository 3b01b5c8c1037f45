// What one CSV row of inventory items is: the importable fields (labels = the export's headers, so an
// exported file imports again unchanged) and the zod schema turning the row's cells into values,
// reusing the item form's rules (items/schema.ts itemFields) so a CSV accepts exactly what the form does.
//
// Cells arrive as strings, and only for MAPPED columns with something in them: the engine leaves out a
// blank cell of an optional field (core/imports/csv/rows.ts rowInput), exactly like an unmapped column.
// So on an update of an existing SKU a field the row does not give stays as it is — a blank quantity
// never overwrites the stock with 0 — and a new item gets what the form gives it: no category,
// quantity 0, unit "each", price 0.00, reorder threshold 10, in stock, no expiry.
// Whole numbers are digits only (a sign where the field allows negatives): "1.000" (a thousand in much
// of Europe), "12.0", "1e3", "0x10" and "1,000" are refused with the value, never read as something else.
import { z } from "zod";
import { unescapeFormulaCell } from "@/core/imports/csv/write";
import type { ImportField } from "@/core/imports/types";
import { itemFields } from "../items/schema";
import { INVENTORY_PERMISSIONS } from "../permissions";

/** What a new item gets for a field the file leaves empty or does not have (the database defaults). */
export const ITEM_DEFAULTS = { categoryId: null, quantity: 0, unit: "each", price: "0.00", reorderThreshold: 10, inStock: true, expiresOn: null } as const;

export const itemImportFields: ImportField[] = [
  { key: "sku", label: "SKU", required: true, aliases: ["item code", "code", "product code", "sku code", "article number"] },
  { key: "name", label: "Name", required: true, aliases: ["item", "item name", "product", "product name", "title"] },
  { key: "category", label: "Category", aliases: ["category name", "group", "type"], hint: "A category name" },
  // Quantities change only as recorded adjustments by members who may adjust stock (as in the form and the API).
  { key: "quantity", label: "Quantity", permission: INVENTORY_PERMISSIONS.adjust, aliases: ["qty", "stock", "on hand", "quantity on hand", "qty on hand", "count", "stock level", "quantity in stock", "stock quantity", "stock qty"], hint: "12" },
  { key: "unit", label: "Unit", aliases: ["uom", "unit of measure", "units"], hint: "each, box, ml" },
  { key: "price", label: "Price", aliases: ["unit price", "cost", "unit cost", "price per unit", "selling price", "sale price", "retail price", "list price"], hint: "12.50" },
  { key: "reorderThreshold", label: "Reorder threshold", aliases: ["reorder level", "reorder point", "min stock", "minimum stock", "threshold", "min level", "minimum level", "par level", "safety stock", "low stock threshold"], hint: "10" },
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

/**
 * An optional field: absent (not mapped, or blank) = leave as is on update, the default on create
 * (undefined); else the rule's value.
 */
function optionalCell<T>(parse: (cell: string, ctx: z.RefinementCtx) => T) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T | undefined => {
      if (v === undefined) return undefined;
      const t = v.trim();
      return t === "" ? undefined : parse(t, ctx);
    });
}

const wholeNumber = (rule: z.ZodType<number>) => (cell: string, ctx: z.RefinementCtx) => {
  if (!WHOLE.test(cell)) {
    const why = /^[+-]?\d+[.,]\d+$/.test(cell) ? " (no decimal point or thousands separator)" : "";
    ctx.addIssue({ code: "custom", message: `"${cell.slice(0, 40)}" is not a whole number${why}: enter digits only, such as 12` });
    return z.NEVER;
  }
  // The digits as text: the rule parses them, and a huge number is "more than the largest", not a float.
  return apply(rule, cell, ctx);
};
const WHOLE = /^[+-]?\d+$/;

// Built once: a schema constructed per cell would cost more than the check itself (1M rows).
export const categoryName = z.string().max(200, "At most 200 characters");
const isoDate = z.iso.date("Use a date such as 2027-03-31 (YYYY-MM-DD)");

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

export const itemImportRow = z.object({
  sku: requiredText(itemFields.sku),
  name: requiredText(itemFields.name),
  /** A category NAME, matched case-insensitively against the organization's categories at plan/commit. */
  category: optionalCell<string | null>((c, ctx) => apply(categoryName, unescapeFormula(c), ctx)),
  quantity: optionalCell<number>(wholeNumber(itemFields.quantity)),
  unit: optionalCell<string>((c, ctx) => apply(itemFields.unit, unescapeFormula(c), ctx)),
  price: optionalCell<string>((c, ctx) => Number(apply(itemFields.price, c, ctx)).toFixed(2)),
  reorderThreshold: optionalCell<number>(wholeNumber(itemFields.reorderThreshold)),
  inStock: optionalCell<boolean>((c, ctx) => {
    const v = c.toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    ctx.addIssue({ code: "custom", message: `"${c.slice(0, 40)}" is not yes or no: use yes/no, true/false, y/n or 1/0` });
    return z.NEVER;
  }),
  expiresOn: optionalCell<string | null>((c, ctx) => apply(isoDate, c, ctx)),
});

export type ItemImportRow = z.output<typeof itemImportRow>;
