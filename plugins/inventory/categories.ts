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

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
