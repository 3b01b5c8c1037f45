// The item form / API body, validated at the edge. Quantities are whole numbers; the price is a decimal
// with at most two places, given as a string or a number (stored exactly as NUMERIC(12,2)).
import { z } from "zod";
import { DIGITS_ONLY } from "@/core/validation/whole-number";

export const MAX_QUANTITY = 1_000_000_000;

/** A price: up to 10 digits, at most two decimals, no sign (also the import's fast path, imports/row-quick.ts). */
export const PRICE_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;
/** A SKU: letters, digits and . _ - /, starting with a letter or digit (also imports/row-quick.ts). */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

export const priceSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => PRICE_PATTERN.test(v), { message: "Enter a price such as 12.50 (at most two decimals, not negative)" });

const LARGEST = `More than the largest allowed, ${MAX_QUANTITY.toLocaleString("en-US")}`;

/**
 * A whole number from the form (a string) or the API (a number): digits only, with an optional sign.
 * Not z.coerce: it reads "1.000" as 1, "0x10" as 16, "1e3" as 1000 and a missing value as NaN.
 */
export const wholeNumber = (what: string) =>
  z
    .union([z.number().int(), z.string().trim().regex(/^[+-]?\d+$/, DIGITS_ONLY).transform(Number)], {
      error: (issue) => (issue.input === undefined ? `Enter ${what}` : DIGITS_ONLY),
    })
    // The range first: 99999999999999999999 is "more than the largest allowed", not "not whole".
    .pipe(z.number().min(0, "Cannot be negative").max(MAX_QUANTITY, LARGEST).int("Whole numbers only"))
    .meta({ description: `A whole number from 0 to ${MAX_QUANTITY.toLocaleString("en-US")} (a JSON number, or a string of digits).`, examples: [10] });

const shopifyId = z.string().trim().max(64).regex(/^\d*$/, "Shopify ids are digits").nullable().transform((v) => v || null);

/** Each field's rules, without defaults (shared by the full input and the partial updates). */
export const itemFields = {
  name: z.string().trim().min(1, "Enter a name").max(200, "At most 200 characters"),
  sku: z
    .string()
    .trim()
    .min(1, "Enter a SKU")
    .max(64, "At most 64 characters")
    .regex(SKU_PATTERN, "Letters, digits and . _ - / only, starting with a letter or digit"),
  categoryId: z.uuid("Choose a category").nullable(),
  quantity: wholeNumber("a quantity"),
  unit: z.string().trim().min(1, "Enter a unit").max(32, "At most 32 characters"),
  price: priceSchema,
  reorderThreshold: wholeNumber("a reorder threshold"),
  inStock: z.boolean(),
  expiresOn: z.iso.date("Use YYYY-MM-DD").nullable(),
  shopifyInventoryItemId: shopifyId,
  shopifyLocationId: shopifyId,
};

/** A new (or fully replaced) item: name, SKU and threshold required, the rest defaulted. */
export const itemInput = z.object({
  ...itemFields,
  categoryId: itemFields.categoryId.default(null),
  quantity: itemFields.quantity.default(0),
  unit: itemFields.unit.default("each"),
  price: itemFields.price.default("0"),
  inStock: itemFields.inStock.default(true),
  expiresOn: itemFields.expiresOn.default(null),
  shopifyInventoryItemId: z.string().trim().max(64).regex(/^\d*$/, "Shopify ids are digits").nullable().default(null).transform((v) => v || null),
  shopifyLocationId: z.string().trim().max(64).regex(/^\d*$/, "Shopify ids are digits").nullable().default(null).transform((v) => v || null),
});
export type ItemInput = z.input<typeof itemInput>;
export type ItemData = z.output<typeof itemInput>;

/**
 * A partial update (PATCH): any subset of the fields and ONLY those — no defaults, so `{ name }`
 * changes the name and leaves quantity, price, unit... as they are.
 */
export const itemPatch = z.object(itemFields).partial();
export type ItemPatch = z.output<typeof itemPatch>;

/** A stock adjustment: a non-zero whole number within ±1,000,000,000. */
export const adjustInput = z.object({
  amount: z
    // A missing amount is "required", not "must be a whole number": say what is actually wrong.
    .number({ error: (issue) => (issue.input === undefined ? "amount is required" : "amount must be a whole number") })
    .int("amount must be a whole number")
    .refine((n) => n !== 0, "amount must not be zero")
    .refine((n) => Math.abs(n) <= MAX_QUANTITY, `amount must be between -${MAX_QUANTITY} and ${MAX_QUANTITY}`),
  reason: z.string().trim().max(500, "At most 500 characters").optional().transform((v) => v || null),
});
export type AdjustInput = z.output<typeof adjustInput>;
