// Whole numbers from strings — form fields, query strings, CSV cells — read as decimal digits only.
// Not z.coerce.number(): it runs Number(), which reads "0x10" as 16, "1e3" as 1000, "0b11" as 3,
// " " and "" as 0 and "1.000" as 1, so a typo or a crafted value becomes a quantity nobody typed.
import { z } from "zod";

export const DIGITS_ONLY = "Whole numbers only (digits, no decimal point or separator)";

/**
 * A JSON integer, or a string of decimal digits with an optional sign, as a number. Range and other
 * rules go in a `.pipe(z.number()…)` after it, so a too-large value says so rather than "not whole".
 */
export function wholeNumberInput(message = DIGITS_ONLY) {
  const schema = z.union([z.number().int(message), z.string().trim().regex(/^[+-]?\d+$/, message).transform(Number)], { error: message });
  WHOLE_NUMBER_INPUTS.add(schema);
  return schema;
}

/**
 * The schemas wholeNumberInput made: the OpenAPI document (core/openapi/json-schema.ts) documents
 * `wholeNumberInput().pipe(<number rules>)` as the integer with those rules that a client sends,
 * rather than as "an integer or a string of digits" without them.
 */
export const WHOLE_NUMBER_INPUTS = new WeakSet<z.ZodType>();
