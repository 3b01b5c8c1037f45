// Keyset pagination cursors: the last row's sort value and id, so the next page starts right after it
// with an index seek (no OFFSET scan; page 5,000 of a million items costs what page 1 does) and rows
// inserted or deleted meanwhile neither repeat nor skip rows. Opaque to clients (base64url JSON); it
// names its ordering, so a cursor cannot be replayed under a different one.
import { z } from "zod";

export type Cursor = { o: string; v: string | number; id: string };

const cursorShape = z.object({ o: z.string(), v: z.union([z.string().max(300), z.number()]), id: z.uuid() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, ordering: string): { ok: true; cursor: Cursor } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return { ok: false, message: "Not a cursor of this API: pass `nextCursor` of the previous page as it was" };
  }
  const parsed = cursorShape.safeParse(value);
  if (!parsed.success) return { ok: false, message: "Not a cursor of this API: pass `nextCursor` of the previous page as it was" };
  if (parsed.data.o !== ordering) return { ok: false, message: `This cursor belongs to ordering=${parsed.data.o}; keep the ordering while paging` };
  return { ok: true, cursor: parsed.data };
}

/** limit + cursor, shared by every list endpoint. */
export const pageQuery = {
  limit: z.coerce.number().int("Whole numbers only").min(1, "At least 1").max(200, "At most 200").default(50).meta({ description: "Page size, 1–200." }),
  cursor: z.string().max(1000).optional().meta({ description: "`nextCursor` of the previous page." }),
};
