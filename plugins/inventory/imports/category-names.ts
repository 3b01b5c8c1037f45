// A CSV names categories, the database links them by id: the names of a batch resolved in ONE query,
// case-insensitively, within the organization only (the organization id comes from the import, never
// from the file). Names are not unique (only slugs are): two categories with the same name make the
// cell ambiguous, and the row is rejected rather than guessing.
import type { EventTx } from "@/core/events/emit";
import type { RowError } from "@/core/imports/types";

export type CategoryLookup = Map<string, { id: string } | { ambiguous: true }>;

const fold = (name: string) => name.trim().toLowerCase();

export async function lookupCategories(tx: EventTx, organizationId: string, names: Iterable<string>): Promise<CategoryLookup> {
  const wanted = [...new Set([...names].map(fold))];
  const out: CategoryLookup = new Map();
  if (wanted.length === 0) return out;
  const rows = await tx.$queryRawUnsafe<Array<{ key: string; ids: string[] }>>(
    `SELECT lower(name) AS key, array_agg(id::text ORDER BY id) AS ids FROM inventory_categories
     WHERE "organizationId" = $1::uuid AND lower(name) = ANY($2::text[]) GROUP BY lower(name)`,
    organizationId,
    wanted,
  );
  for (const r of rows) out.set(r.key, r.ids.length === 1 ? { id: r.ids[0]! } : { ambiguous: true });
  return out;
}

/** The category id of a row's cell (null = no category), or the row's error. */
export function categoryIdOf(
  lookup: CategoryLookup,
  name: string | null | undefined,
  where: { row: number; line?: number },
): { ok: true; id: string | null | undefined } | { ok: false; error: RowError } {
  if (name === undefined) return { ok: true, id: undefined };
  if (name === null) return { ok: true, id: null };
  const hit = lookup.get(fold(name));
  if (!hit) return { ok: false, error: { ...where, field: "category", reason: `No category named '${name}' — create it on the Categories page or leave the cell empty` } };
  if ("ambiguous" in hit) return { ok: false, error: { ...where, field: "category", reason: `Several categories are named '${name}' — rename one of them on the Categories page` } };
  return { ok: true, id: hit.id };
}
