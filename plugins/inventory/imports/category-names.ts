// A CSV names categories, the database links them by id: the names of a batch resolved in ONE query,
// case-insensitively, within the organization only (the organization id comes from the import, never
// from the file). Names are not unique (only slugs are): two categories with the same name make the
// cell ambiguous, and the row is rejected rather than guessing.
import type { EventTx } from "@/core/events/emit";
import type { RowError } from "@/core/imports/types";
import { slugify } from "../categories";

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

/** A category the preview plans to create: not in the database yet, so no real id. */
export const PLANNED_PREFIX = "planned:";

/**
 * "Create missing categories" (the import's resource option, on by default): the names of a batch that
 * match no category. In the commit they are created in the batch's transaction (kept by its commit,
 * gone with its rollback; an undo of the import leaves them, empty, for reuse) with the first spelling
 * the file uses and a slug made of it; in the preview (`dryRun`) they get a placeholder id and are
 * listed, so the member sees "will create 3 categories: …" before anything is written. A name whose
 * slug another category already has (a different name that spells the same: "Dental-Supplies") is
 * not created; its rows are refused naming the reason. Returns the names created (or to create).
 */
export async function createMissingCategories(tx: EventTx, organizationId: string, lookup: CategoryLookup, names: Iterable<string>, dryRun: boolean): Promise<string[]> {
  const missing = new Map<string, string>();
  for (const name of names) {
    const key = fold(name);
    if (key && !lookup.has(key) && !missing.has(key) && slugify(name.trim())) missing.set(key, name.trim());
  }
  if (missing.size === 0) return [];
  if (dryRun) {
    for (const [key, name] of missing) lookup.set(key, { id: `${PLANNED_PREFIX}${name}` });
    return [...missing.values()];
  }
  const spelled = [...missing.values()];
  const created = await tx.$queryRawUnsafe<Array<{ key: string; id: string }>>(
    `INSERT INTO inventory_categories (id, "organizationId", name, slug, "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, t.name, t.slug, now() FROM unnest($2::text[], $3::text[]) AS t(name, slug)
     ON CONFLICT ("organizationId", slug) DO NOTHING
     RETURNING lower(name) AS key, id::text AS id`,
    organizationId,
    spelled,
    spelled.map(slugify),
  );
  for (const c of created) lookup.set(c.key, { id: c.id });
  return created.map((c) => missing.get(c.key) ?? c.key);
}

/** The category id of a row's cell (null = no category), or the row's error. */
export function categoryIdOf(
  lookup: CategoryLookup,
  name: string | null | undefined,
  where: { row: number; line?: number },
  opts: { creating: boolean } = { creating: false },
): { ok: true; id: string | null | undefined } | { ok: false; error: RowError } {
  if (name === undefined) return { ok: true, id: undefined };
  if (name === null) return { ok: true, id: null };
  const hit = lookup.get(fold(name));
  if (!hit) {
    const reason = !slugify(name.trim())
      ? `'${name}' cannot be a category name: use at least one letter or digit`
      : opts.creating
        ? `Category '${name}' could not be created: another category's name spells the same (compare the Categories page); use that name`
        : `No category named '${name}' — create it on the Categories page, turn on "Create missing categories", or leave the cell empty`;
    return { ok: false, error: { ...where, field: "category", reason } };
  }
  if ("ambiguous" in hit) return { ok: false, error: { ...where, field: "category", reason: `Several categories are named '${name}' — rename one of them on the Categories page` } };
  return { ok: true, id: hit.id };
}
