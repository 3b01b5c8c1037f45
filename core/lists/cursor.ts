// Keyset pagination cursors, for the REST API's `cursor` and the admin tables' `?after=`/`?before=`:
// the sort value and id of the row a page starts after (or before), so the next page starts with an
// index seek (no OFFSET scan; page 5,000 of a million rows costs what page 1 does) and rows inserted or
// deleted meanwhile neither repeat nor skip rows. Opaque to clients (base64url JSON); it names its
// ordering, so a cursor cannot be replayed under a different one.
import { z } from "zod";

export type Cursor = {
  /** The ordering the cursor belongs to, e.g. "name" or "-quantity". */
  o: string;
  v: string | number;
  id: string;
  /** Admin tables: the 1-based position of this row in the list, for the pager's "51–100 of …". */
  n?: number;
};

/** The SQL type the cursor's value is compared as (`$v::<type>`), per ordering column. */
export type CursorValueType = "text" | "int" | "bigint" | "numeric" | "timestamptz";

const NOT_OURS = "Not a cursor of this API: pass `nextCursor` of the previous page as it was";
const cursorShape = z.object({
  o: z.string(),
  v: z.union([z.string().max(300), z.number()]),
  id: z.uuid(),
  n: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

// A cursor is opaque but not trusted: its value reaches SQL as `$v::<type>`, where a value of the wrong
// kind ("abc" for a quantity, 1e300, "2026-13-45") would fail the cast or overflow the column and answer
// 500. Each value is checked against the form encodeCursor gives it for that column.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const VALUE: Record<CursorValueType, z.ZodType<string | number>> = {
  // PostgreSQL text cannot hold NUL.
  text: z.string().max(300).refine((v) => !v.includes("\u0000")),
  // INTEGER (int4) columns, e.g. inventory quantities.
  int: z.number().int().min(-2_147_483_648).max(2_147_483_647),
  // BIGINT sequence numbers (audit seq), as far as a JSON number holds them exactly.
  bigint: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  // prices as priceString writes them: NUMERIC(12,2).
  numeric: z.string().regex(/^-?\d{1,10}(\.\d{1,2})?$/),
  // Date#toISOString, and a real instant ("2026-02-30T..." is not).
  timestamptz: z.string().regex(ISO_INSTANT).refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v),
};

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

/** A cursor of `ordering`, whose value is of `type`: otherwise a message for a 400 naming `cursor`. */
export function decodeCursor(raw: string, ordering: string, type: CursorValueType): { ok: true; cursor: Cursor } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return { ok: false, message: NOT_OURS };
  }
  const parsed = cursorShape.safeParse(value);
  if (!parsed.success) return { ok: false, message: NOT_OURS };
  if (parsed.data.o !== ordering) return { ok: false, message: `This cursor belongs to ordering=${parsed.data.o}; keep the ordering while paging` };
  if (!VALUE[type].safeParse(parsed.data.v).success) return { ok: false, message: NOT_OURS };
  return { ok: true, cursor: parsed.data };
}
