// bench/api's data: one organization with 1,000,000 inventory items ("Bench Clinic", slug bench-api) and
// nine noise organizations with 50,000 each, so that every query has to pick one tenant's rows out of
// a shared table. Set-based (100,000 rows per INSERT … SELECT generate_series), like bench/inventory.
// Plain SQL on one `pg` client: no server code runs here, the server under test does that.
import type pg from "pg";
import { generateToken } from "../../core/api-tokens/format";
import { DEFAULT_CATEGORIES } from "../../plugins/inventory/categories";

export const BENCH_SLUG = "bench-api";
export const BENCH_ITEMS = 1_000_000;
const NOISE_ORGS = 9;
const NOISE_ITEMS = 50_000;
const CHUNK = 100_000;
const BENCH_EMAIL = "bench-api@bench.local";
/** What the token's user is granted (member_permissions rows): exactly what the benchmarked routes check. */
const GRANTED = ["inventory.view_items", "inventory.adjust_stock"];

// 20 product words: a search for "gauze" matches 1 in 20 items (5%).
const WORDS = ["Nitrile gloves", "Gauze swabs", "Syringe 5 ml", "Alcohol pads", "Bandages", "Saline 500 ml", "Paracetamol", "Ibuprofen", "Printer paper", "Thermometer", "Face masks", "Cotton rolls", "Lidocaine", "Sharps box", "Pens", "Specimen cups", "Tongue depressors", "Ear tips", "ECG electrodes", "Ice packs"];

type Log = (line: string) => void;

/** The bench organization's id when it is seeded completely (BENCH_ITEMS items), else null. */
export async function seededOrganization(db: pg.Client): Promise<string | null> {
  const { rows } = await db.query<{ id: string; items: string }>(
    `SELECT o.id, (SELECT count(*) FROM inventory_items i WHERE i."organizationId" = o.id) AS items FROM organizations o WHERE o.slug = $1`,
    [BENCH_SLUG],
  );
  return rows[0] && Number(rows[0].items) === BENCH_ITEMS ? rows[0].id : null;
}

/**
 * Deletes the bench organizations and everything they own: every table with an "organizationId"
 * column (plugin tables have no foreign key to organizations, so nothing cascades there), retried in
 * passes so that children go before their parents whatever the schema is by now. audit_* is left
 * alone: audit entries are append-only by design (a trigger refuses DELETE).
 */
export async function dropBenchOrganizations(db: pg.Client, log: Log): Promise<void> {
  const { rows: orgs } = await db.query<{ id: string }>(`SELECT id FROM organizations WHERE slug = $1 OR slug LIKE $2`, [BENCH_SLUG, `${BENCH_SLUG}-noise-%`]);
  if (orgs.length) {
    const ids = orgs.map((o) => o.id);
    const { rows } = await db.query<{ table_name: string; data_type: string }>(
      `SELECT table_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'organizationId' AND table_name NOT LIKE 'audit\\_%'`,
    );
    // Some tables keep the id as text (jobs), most as uuid: compare in the column's own type (indexes).
    const typeOf = new Map(rows.map((r) => [r.table_name, r.data_type === "uuid" ? "uuid" : "text"]));
    let pending = [...typeOf.keys()];
    for (let pass = 0; pending.length && pass <= rows.length; pass++) {
      const failed: string[] = [];
      for (const table of pending) {
        try {
          await db.query(`DELETE FROM "${table}" WHERE "organizationId" = ANY($1::${typeOf.get(table)}[])`, [ids]);
        } catch (err) {
          // Only "still referenced" (foreign_key_violation, restrict_violation) is retried.
          if (!["23503", "23001"].includes((err as { code?: string }).code ?? "")) throw err;
          failed.push(table);
        }
      }
      pending = failed;
    }
    await db.query(`DELETE FROM organizations WHERE id = ANY($1::uuid[])`, [ids]);
    log(`dropped ${orgs.length} bench organizations`);
  }
  await db.query(`DELETE FROM users WHERE email = $1`, [BENCH_EMAIL]);
}

/** Creates the ten organizations (inventory enabled, default categories) and their items, then VACUUM ANALYZE. */
export async function seedBenchData(db: pg.Client, inventoryVersion: string, log: Log): Promise<string> {
  const started = performance.now();
  const orgs: Array<{ slug: string; name: string; items: number }> = [
    { slug: BENCH_SLUG, name: "Bench Clinic", items: BENCH_ITEMS },
    ...Array.from({ length: NOISE_ORGS }, (_, i) => ({ slug: `${BENCH_SLUG}-noise-${i + 1}`, name: `Noise Clinic ${i + 1}`, items: NOISE_ITEMS })),
  ];
  const ids: string[] = [];
  for (const o of orgs) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organizations (id, name, slug, timezone, currency, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'UTC', 'USD', now()) RETURNING id`,
      [o.name, o.slug],
    );
    const id = rows[0]!.id;
    ids.push(id);
    // Enabled the way the lifecycle leaves it, without its hooks: the hook's only other effect is the
    // starter-catalog job, which would add items in the background while we measure.
    await db.query(
      `INSERT INTO plugin_installations ("organizationId", "pluginId", enabled, version, "enabledAt", "updatedAt") VALUES ($1, 'inventory', true, $2, now(), now())`,
      [id, inventoryVersion],
    );
    for (const c of DEFAULT_CATEGORIES) {
      await db.query(`INSERT INTO inventory_categories (id, "organizationId", name, slug, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`, [id, c.name, c.slug]);
    }
  }
  // The bench organization alone, then the nine noise organizations in one series (org k = (g-1) / 50,000).
  await insertItems(db, [ids[0]!], BENCH_ITEMS, log);
  await insertItems(db, ids.slice(1), NOISE_ITEMS, log);
  process.stdout.write("\n");
  // VACUUM as well as ANALYZE: sets the visibility map and hint bits now, so the first measured run
  // does not pay for them (and a fresh seed measures like a reused one).
  await db.query(`VACUUM (ANALYZE) inventory_items`);
  await db.query(`ANALYZE inventory_categories`);
  log(`seeded ${(BENCH_ITEMS + NOISE_ORGS * NOISE_ITEMS).toLocaleString("en-US")} items in ${Math.round((performance.now() - started) / 1000)} s`);
  return ids[0]!;
}

async function insertItems(db: pg.Client, orgIds: string[], perOrg: number, log: Log): Promise<void> {
  const { rows } = await db.query<{ organizationId: string; id: string }>(
    `SELECT "organizationId", id FROM inventory_categories WHERE "organizationId" = ANY($1::uuid[]) ORDER BY slug`,
    [orgIds],
  );
  // Four categories per organization, in the order of orgIds: item n of org k gets cats[k*4 + n%4].
  const cats = orgIds.flatMap((o) => rows.filter((r) => r.organizationId === o).map((r) => r.id));
  if (cats.length !== orgIds.length * DEFAULT_CATEGORIES.length) throw new Error("bench seed: the default categories are missing");
  const total = orgIds.length * perOrg;
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    // quantity 0..999 against a threshold of 10..49: about 3% of the items are below it (low stock).
    await db.query(
      `INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
       SELECT gen_random_uuid(), ($1::uuid[])[k + 1], ($2::uuid[])[k * 4 + 1 + n % 4], ($3::text[])[1 + n % 20] || ' #' || n, 'BN-' || lpad(n::text, 7, '0'),
              (n::bigint * 7919 % 1000)::int, 'each', ((n * 31) % 10000) / 100.0, 10 + n % 40, n % 17 <> 0, now() - (n % 1000) * interval '1 minute'
       FROM generate_series($4::int, $5::int) AS g, LATERAL (SELECT (g - 1) / $6::int AS k, (g - 1) % $6::int + 1 AS n) AS x`,
      [orgIds, cats, WORDS, from, to, perOrg],
    );
    process.stdout.write(`\rseeded ${to.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} items (${orgIds.length} organization${orgIds.length > 1 ? "s" : ""})`);
  }
  log("");
}

/**
 * The token's user: an admin (not owner) member of the bench organization, granted the two inventory
 * permissions directly, so every request goes through the real grant lookup. Idempotent.
 */
export async function ensureBenchMember(db: pg.Client, organizationId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bench API', 'x', now())
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [BENCH_EMAIL],
  );
  const userId = rows[0]!.id;
  await db.query(
    `INSERT INTO memberships (id, "organizationId", "userId", role) VALUES (gen_random_uuid(), $1, $2, 'admin')
     ON CONFLICT ("organizationId", "userId") DO UPDATE SET role = 'admin'`,
    [organizationId, userId],
  );
  for (const permission of GRANTED) {
    await db.query(`INSERT INTO member_permissions ("organizationId", "userId", permission) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [organizationId, userId, permission]);
  }
  return userId;
}

/** A new API token row (SHA-256 only, as core/api-tokens/tokens.ts stores it), valid for a day; returns the plaintext. */
export async function createBenchToken(db: pg.Client, organizationId: string, userId: string): Promise<string> {
  const { token, tokenHash, prefix } = generateToken();
  await db.query(
    `INSERT INTO api_tokens (id, "organizationId", "userId", name, "tokenHash", prefix, "expiresAt") VALUES (gen_random_uuid(), $1, $2, 'bench:api', $3, $4, now() + interval '1 day')`,
    [organizationId, userId, tokenHash, prefix],
  );
  return token;
}
