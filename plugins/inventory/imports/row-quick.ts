// The import's fast path for plainly valid inventory rows (ImportResource.quickRow): the same values
// itemImportRow (row-schema.ts) gives, without running zod, for the rows almost every file is made of —
// and undefined for anything it is not sure about (a sign, spaces inside a number, a leading
// apostrophe, a long text, an unusual yes/no...), which the zod schema then decides with its messages.
// It never refuses a row, so it cannot change what is accepted or what a refusal says; the test
// (tests/import-row-quick.test.ts) checks it gives exactly the schema's output on every row it takes.
//
// Why our own code beside zod: measured on this machine kind, 100,000 rows of bench:import's file,
// parsing + validation in one process: 2.9–3.1 s wall (3.9–4.2 s CPU with the collector's threads)
// through the schema (nested zod schemas per cell, ~20 µs a row), 0.5–0.7 s this way — the schema was
// most of the preview's app CPU.
import { regexes } from "zod/v4/core";
import { itemFields, MAX_QUANTITY, PRICE_PATTERN, SKU_PATTERN } from "../items/schema";
import { categoryName, type ItemImportRow } from "./row-schema";

// itemFields.sku's pattern and length: it starts with a letter or digit, so the cell has no
// surrounding spaces and no apostrophe to unescape.
const SKU_MAX = itemFields.sku.maxLength ?? 64;
// Whole numbers below MAX_QUANTITY: digits only, one fewer than the largest has.
const SMALL_WHOLE = new RegExp(`^\\d{1,${String(MAX_QUANTITY).length - 1}}$`);
const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);
const NAME_MAX = itemFields.name.maxLength ?? 200;
const UNIT_MAX = itemFields.unit.maxLength ?? 32;
const CATEGORY_MAX = categoryName.maxLength ?? 200;

/** A trimmed text the schema would keep as it is: not empty, short enough, no leading apostrophe (formula unescaping). */
const plainText = (t: string, max: number) => t.length >= 1 && t.length <= max && t.charCodeAt(0) !== 39;

/** Sets `key` from the cell (trimmed; blank = undefined, as the schema), or returns false when unsure. */
function optional(out: Record<string, unknown>, key: string, cell: string | undefined, read: (t: string) => unknown): boolean {
  if (cell === undefined) return true;
  const t = cell.trim();
  if (t === "") {
    out[key] = undefined;
    return true;
  }
  const v = read(t);
  if (v === undefined) return false;
  out[key] = v;
  return true;
}

export function quickItemRow(input: Record<string, string>): ItemImportRow | undefined {
  const sku = input.sku;
  if (sku === undefined || sku.length > SKU_MAX || !SKU_PATTERN.test(sku)) return undefined;
  const name = input.name?.trim();
  if (name === undefined || !plainText(name, NAME_MAX)) return undefined;
  const out: Record<string, unknown> = { sku, name };
  const ok =
    optional(out, "category", input.category, (t) => (plainText(t, CATEGORY_MAX) ? t : undefined)) &&
    optional(out, "quantity", input.quantity, (t) => (SMALL_WHOLE.test(t) ? Number(t) : undefined)) &&
    optional(out, "unit", input.unit, (t) => (plainText(t, UNIT_MAX) ? t : undefined)) &&
    optional(out, "price", input.price, (t) => (PRICE_PATTERN.test(t) ? Number(t).toFixed(2) : undefined)) &&
    optional(out, "reorderThreshold", input.reorderThreshold, (t) => (SMALL_WHOLE.test(t) ? Number(t) : undefined)) &&
    optional(out, "inStock", input.inStock, (t) => {
      const v = t.toLowerCase();
      return YES.has(v) ? true : NO.has(v) ? false : undefined;
    }) &&
    // z.iso.date's own pattern (zod's regexes.date), as isoDate in row-schema.ts.
    optional(out, "expiresOn", input.expiresOn, (t) => (regexes.date.test(t) ? t : undefined));
  return ok ? (out as ItemImportRow) : undefined;
}
