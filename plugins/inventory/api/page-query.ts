// The REST API's page parameters, shared by every list endpoint. The cursor itself (encoding,
// validation per value type) is core/lists/cursor.ts, shared with the admin tables.
import { z } from "zod";
import { wholeNumberInput } from "@/core/validation/whole-number";

const LIMIT_RULE = "limit must be a whole number from 1 to 200";

/** limit + cursor, shared by every list endpoint. */
export const pageQuery = {
  // One message for every wrong limit ("abc", "0", "500"): it says what a right one is.
  limit: wholeNumberInput(LIMIT_RULE).pipe(z.number().int().min(1, LIMIT_RULE).max(200, LIMIT_RULE)).default(50).meta({ description: "Page size, 1–200." }),
  cursor: z.string().max(1000).optional().meta({ description: "`nextCursor` of the previous page." }),
};
