// Categories: the four defaults every organization starts with (the seed's organization_created hook),
// and slugs derived from names.
import type { EventTx } from "@/core/events/emit";

export const DEFAULT_CATEGORIES = [
  { name: "Medical Supplies", slug: "medical-supplies" },
  { name: "Office Supplies", slug: "office-supplies" },
  { name: "Medications", slug: "medications" },
  { name: "Equipment", slug: "equipment" },
] as const;

/** Creates the default categories that are missing (by slug). Idempotent: safe on every enable. */
export async function ensureDefaultCategories(tx: EventTx, organizationId: string): Promise<number> {
  let created = 0;
  for (const c of DEFAULT_CATEGORIES) {
    created += await tx.$executeRaw`
      INSERT INTO inventory_categories (id, "organizationId", name, slug, "updatedAt")
      VALUES (gen_random_uuid(), ${organizationId}::uuid, ${c.name}, ${c.slug}, now())
      ON CONFLICT ("organizationId", slug) DO NOTHING`;
  }
  return created;
}

/**
 * The URL slug of a category name: Latin letters (accents dropped) and digits, dashes between words —
 * "Médical Supplies" -> "medical-supplies". A name with letters or digits of other scripts (Chinese,
 * Japanese, Arabic, Hebrew, Cyrillic...) that this cannot spell gets a stable short id of the whole
 * name appended — "医疗用品" -> "c-3f2a9b1c", "Vitamins 维生素" -> "vitamins-5d0e7c12" — so every
 * nameable category has a slug, and two names that differ only in such letters do not collide.
 * "" only for a name without any letter or digit (the schemas refuse it). Pure: the browser uses it too.
 */
export function slugify(name: string): string {
  const folded = name.normalize("NFKD").replace(/\p{M}+/gu, "");
  const ascii = folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const otherScripts = /[^\p{Script=Latin}\p{N}\P{L}]/u.test(folded) || /[\p{N}]/u.test(folded.replace(/[0-9]/g, ""));
  if (!otherScripts) return ascii;
  const id = fnv1a(name.trim().toLowerCase());
  return ascii ? `${ascii.slice(0, 50)}-${id}` : `c-${id}`;
}

/** 32-bit FNV-1a of the text's UTF-16 code units, as 8 hex digits: short, stable, no dependency. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}
