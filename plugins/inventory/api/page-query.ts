// The REST API's page parameters, shared by every list endpoint. The cursor itself (encoding,
// validation per value type) is core/lists/cursor.ts, shared with the admin tables.
import { z } from "zod";
import { wholeNumberInput } from "@/core/validation/whole-number";

/** limit + cursor, shared by every list endpoint. */
export const pageQuery = {
  limit: wholeNumberInput().pipe(z.number().int().min(1, "At least 1").max(200, "At most 200")).default(50).meta({ description: "Page size, 1–200." }),
  cursor: z.string().max(1000).optional().meta({ description: "`nextCursor` of the previous page." }),
};
