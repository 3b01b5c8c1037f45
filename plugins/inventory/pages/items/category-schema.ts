// A category's name, as typed in the categories page (and reusable by the API). Its slug is derived
// (categories.ts slugify), so the name must contain at least one letter or digit.
import { z } from "zod";
import { slugify } from "../../categories";

export const categoryInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name")
    .max(100, "At most 100 characters")
    .refine((name) => slugify(name) !== "", "Use at least one letter or digit"),
});
export type CategoryInput = z.input<typeof categoryInput>;
