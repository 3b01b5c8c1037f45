// The adjust-stock form: the same rule as the API's adjustInput (a non-zero whole number within
// ±1,000,000,000, an optional reason), worded for people rather than API clients.
import { z } from "zod";
import { wholeNumberInput } from "@/core/validation/whole-number";
import { MAX_QUANTITY } from "../../items/schema";

export const adjustFormSchema = z.object({
  // Typed as text and read as decimal digits with a sign only: a number input would take "1e3" as 1000.
  amount: wholeNumberInput("Enter a whole number: 10 adds ten, -3 removes three").pipe(
    z
      .number()
      .refine((n) => n !== 0, "Enter a change other than zero")
      .refine((n) => Math.abs(n) <= MAX_QUANTITY, `At most ${MAX_QUANTITY.toLocaleString("en-US")} at a time`),
  ),
  reason: z.string().trim().max(500, "At most 500 characters").optional().transform((v) => v || null),
});
export type AdjustFormInput = z.input<typeof adjustFormSchema>;
