// bench/import/http.ts's SQL, on one `pg` client (no server code runs in the benchmark's process):
// a fresh organization as bench/import/run.ts makes it (Inventory enabled, its default categories,
// an owner) with an API token, the checks of what an import left, and the raw baseline.
import type pg from "pg";
import { DEFAULT_CATEGORIES } from "../../plugins/inventory/categories";
import { createBenchToken } from "../api/seed";

export type BenchOrg = { id: string; userId: string; token: string };

/**
 * A new organization with Inventory enabled the way the lifecycle leaves it (without its hooks: the
 * only other effect is the starter-catalog job, which would add items while we measure), the four
 * default categories, an owner, and an API token of that owner (valid for a day).
 */
export async function newImportOrganization(db: pg.Client, label: string, inventoryVersion: string): Promise<BenchOrg> {
  const slug = `bench-imp-http-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const org = await db.query<{ id: string }>(
    `INSERT INTO organizations (id, name, slug, timezone, currency, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'UTC', 'USD', now()) RETURNING id`,
    [`Bench Import HTTP ${label}`, slug],
  );
  const id = org.rows[0]!.id;
  const user = await db.query<{ id: string }>(
    `INSERT INTO users (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bench', 'x', now()) RETURNING id`,
    [`${slug}@bench.local`],
  );
  const userId = user.rows[0]!.id;
  await db.query(`INSERT INTO memberships (id, "organizationId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'owner')`, [id, userId]);
  await db.query(
    `INSERT INTO plugin_installations ("organizationId", "pluginId", enabled, version, "enabledAt", "updatedAt") VALUES ($1, 'inventory', true, $2, now(), now())`,
    [id, inventoryVersion],
  );
  for (const c of DEFAULT_CATEGORIES) {
    await db.query(
      `INSERT INTO inventory_categories (id, "organizationId", name, slug, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) ON CONFLICT ("organizationId", slug) DO NOTHING`,
      [id, c.name, c.slug],
    );
  }
  const token = await createBenchToken(db, id, userId);
  return { id, userId, token };
}

/** The organization's items: how many, and the sum of their quantities. */
export async function itemTotals(db: pg.Client, organizationId: string): Promise<{ count: number; quantitySum: number }> {
  const { rows } = await db.query<{ n: string; q: string | null }>(`SELECT count(*) AS n, sum(quantity) AS q FROM inventory_items WHERE "organizationId" = $1`, [organizationId]);
  return { count: Number(rows[0]!.n), quantitySum: Number(rows[0]!.q ?? 0) };
}

/**
 * The floor for getting the file's rows into inventory_items (copied from bench/import/run.ts): a
 * server-side COPY of the file into an UNLOGGED staging table, then ONE INSERT … SELECT … ON CONFLICT
 * DO UPDATE (categories joined by name). No validation, no events, no journal. The database server
 * reads the file itself: it must be on this machine and readable by it.
 */
export async function rawBaseline(db: pg.Client, organizationId: string, file: string): Promise<{ copy_s: number; upsert_s: number }> {
  const secs = (t0: number) => (performance.now() - t0) / 1000;
  const staging = `bench_import_http_staging_${Date.now().toString(36)}`;
  await db.query(`CREATE UNLOGGED TABLE ${staging} (sku text, name text, category text, quantity int, unit text, price numeric, threshold int, in_stock text, expires_on date)`);
  try {
    let t0 = performance.now();
    await db.query(`COPY ${staging} FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`);
    const copy_s = secs(t0);
    t0 = performance.now();
    await db.query(
      `INSERT INTO inventory_items (id, "organizationId", sku, name, "categoryId", quantity, unit, price, "reorderThreshold", "inStock", "expiresOn", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, s.sku, s.name, c.id, s.quantity, s.unit, s.price, s.threshold, s.in_stock = 'yes', s.expires_on, now()
       FROM ${staging} s LEFT JOIN inventory_categories c ON c."organizationId" = $1::uuid AND lower(c.name) = lower(s.category)
       ON CONFLICT ("organizationId", sku) DO UPDATE SET name = EXCLUDED.name, "categoryId" = EXCLUDED."categoryId", quantity = EXCLUDED.quantity,
         unit = EXCLUDED.unit, price = EXCLUDED.price, "reorderThreshold" = EXCLUDED."reorderThreshold", "inStock" = EXCLUDED."inStock",
         "expiresOn" = EXCLUDED."expiresOn", "updatedAt" = now()`,
      [organizationId],
    );
    return { copy_s, upsert_s: secs(t0) };
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${staging}`);
  }
}
