// Category writes: create, rename (the slug follows the name) and delete. Slugs are unique per
// organization (a unique index: two concurrent creates cannot both win); a category still used by
// items cannot be deleted (the items' foreign key is ON DELETE RESTRICT) and the refusal says how many
// items to move first. A refused write changes nothing. Written against ctx.db so the REST API can use
// the same functions.
import "server-only";
import { isNotFound, isUniqueViolation } from "@/core/db/errors";
import type { ScopedDb } from "@/core/db/scoped";
import { isUuid } from "@/core/db/ids";
import { slugify } from "../../categories";

export type CategoryRow = { id: string; name: string; slug: string };
export type CategoryResult =
  | { ok: true; category: CategoryRow }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; status: 400 | 404 | 409 };

const GONE: CategoryResult = { ok: false, error: "This category no longer exists.", status: 404 };
const SELECT = { id: true, name: true, slug: true } as const;

function duplicate(slug: string): CategoryResult {
  const message = `Another category already has the slug “${slug}”: choose a name that differs in more than case or punctuation.`;
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { name: message }, status: 409 };
}

export async function createCategory(db: ScopedDb, organizationId: string, name: string): Promise<CategoryResult> {
  const slug = slugify(name);
  try {
    const category = await db.inventoryCategory.create({ data: { organizationId, name, slug }, select: SELECT });
    return { ok: true, category };
  } catch (err) {
    if (isUniqueViolation(err)) return duplicate(slug);
    throw err;
  }
}

export async function renameCategory(db: ScopedDb, id: string, name: string): Promise<CategoryResult> {
  if (!isUuid(id)) return GONE;
  const slug = slugify(name);
  try {
    const category = await db.inventoryCategory.update({ where: { id }, data: { name, slug }, select: SELECT });
    return { ok: true, category };
  } catch (err) {
    if (isUniqueViolation(err)) return duplicate(slug);
    if (isNotFound(err)) return GONE;
    throw err;
  }
}

export function stillUsed(n: number): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? "item still uses" : "items still use"} this category. Move ${n === 1 ? "it" : "them"} to another category first.`;
}

export async function deleteCategory(db: ScopedDb, organizationId: string, id: string): Promise<CategoryResult> {
  if (!isUuid(id)) return GONE;
  return db.$transaction(async (tx) => {
    // The row lock waits for items being assigned to the category right now (their foreign-key check
    // holds a key-share lock on it), so the count below cannot miss one of them.
    const locked = await tx.$queryRaw<CategoryRow[]>`
      SELECT id::text AS id, name, slug FROM inventory_categories WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    const category = locked[0];
    if (!category) return GONE;
    const [{ n } = { n: 0 }] = await tx.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM inventory_items WHERE "organizationId" = ${organizationId}::uuid AND "categoryId" = ${id}::uuid`;
    if (n > 0) return { ok: false, error: stillUsed(n), status: 409 };
    await tx.inventoryCategory.delete({ where: { id } });
    return { ok: true, category };
  });
}
