// Issue 15.5: the app's database role cannot switch off the audit log's protection. Connected as the
// app role (created and granted exactly as the run command does, scripts/lib/db-roles.ts), the
// bypasses that worked as the superuser the app used to be are refused — session_replication_role,
// disabling the triggers, altering the tables, rewriting or deleting entries and chain heads — while
// the app's own work (rows of every table, the audit chain's appends) still goes through.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { APP_ROLE, ensureAppRole, grantAppRole, urlAs } from "@/scripts/lib/db-roles";

const ownerUrl = process.env.DATABASE_URL!;
let app: pg.Client;
let orgId: string;

beforeAll(async () => {
  const password = crypto.randomBytes(12).toString("hex");
  await ensureAppRole(ownerUrl, APP_ROLE, password);
  await grantAppRole(ownerUrl, APP_ROLE);
  app = new pg.Client({ connectionString: urlAs(ownerUrl, APP_ROLE, password) });
  await app.connect();
  const org = await createTestOrganization("Roles Clinic");
  await enablePluginFor(org, "inventory");
  orgId = org.org.id;
  // Two audit entries through the app role itself: the append path needs nothing more than rows.
  await app.query(`SELECT audit_append($1::uuid, $2::jsonb, '{}'::jsonb)`, [
    orgId,
    JSON.stringify([1, 2].map((n) => ({ actorType: "system", actorLabel: "test", action: "created", targetType: "plugin", targetId: String(n), changes: [] }))),
  ]);
});
afterAll(async () => {
  await app?.end();
});

const refused = async (sql: string, params: unknown[] = []) => {
  const err = await app.query(sql, params).then(() => null, (e: Error & { code?: string }) => e);
  expect(err, `${sql} was allowed`).not.toBeNull();
  return err!;
};

describe("the app's database role", () => {
  it("is no superuser and owns no table", async () => {
    const { rows } = await app.query<{ rolsuper: boolean; owned: number }>(
      `SELECT r.rolsuper, (SELECT count(*)::int FROM pg_tables t WHERE t.tableowner = r.rolname) AS owned FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows).toEqual([{ rolsuper: false, owned: 0 }]);
  });

  it("cannot set session_replication_role = replica, disable or drop the triggers, or alter the tables", async () => {
    expect((await refused("SET session_replication_role = replica")).message).toMatch(/permission denied/);
    expect((await refused("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete")).message).toMatch(/must be owner/);
    expect((await refused("ALTER TABLE audit_chain_heads DISABLE TRIGGER ALL")).message).toMatch(/must be owner/);
    expect((await refused("DROP TRIGGER audit_entries_no_update_delete ON audit_entries")).message).toMatch(/must be owner/);
    expect((await refused("ALTER TABLE inventory_items ADD COLUMN x int")).message).toMatch(/must be owner/);
    expect((await refused("CREATE TABLE sneaky (x int)")).message).toMatch(/permission denied/);
  });

  it("cannot rewrite, delete or truncate audit entries, nor move or delete a chain head", async () => {
    expect((await refused(`UPDATE audit_entries SET "actorLabel" = 'forged' WHERE "organizationId" = $1`, [orgId])).code).toBe("42501");
    expect((await refused(`DELETE FROM audit_entries WHERE "organizationId" = $1`, [orgId])).code).toBe("42501");
    expect((await refused("TRUNCATE audit_entries")).code).toBe("42501");
    expect((await refused(`DELETE FROM audit_chain_heads WHERE "organizationId" = $1`, [orgId])).code).toBe("42501");
    expect((await refused(`UPDATE audit_chain_heads SET seq = 0, hash = '' WHERE "organizationId" = $1`, [orgId])).message).toMatch(/only moves forward/);
    expect((await refused(`UPDATE audit_chain_heads SET seq = 99, hash = 'x' WHERE "organizationId" = $1`, [orgId])).message).toMatch(/must name the last entry/);
    expect((await refused("UPDATE app_role_restrictions SET privileges = '{}'")).code).toBe("42501");
    const entries = await rootDb().$queryRaw<Array<{ seq: bigint; actorLabel: string }>>`
      SELECT seq, "actorLabel" FROM audit_entries WHERE "organizationId" = ${orgId}::uuid ORDER BY seq`;
    expect(entries).toEqual([{ seq: 1n, actorLabel: "test" }, { seq: 2n, actorLabel: "test" }]);
    const [head] = await rootDb().$queryRaw<Array<{ seq: bigint }>>`SELECT seq FROM audit_chain_heads WHERE "organizationId" = ${orgId}::uuid`;
    expect(head!.seq).toBe(2n);
  });

  it("still reads and writes the rows of the app's tables", async () => {
    const { rows } = await app.query<{ id: string }>(
      `INSERT INTO inventory_items (id, "organizationId", name, sku, "updatedAt") VALUES (gen_random_uuid(), $1, 'Gauze', 'ROLE-1', now()) RETURNING id`,
      [orgId],
    );
    await app.query(`UPDATE inventory_items SET quantity = 5 WHERE id = $1`, [rows[0]!.id]);
    expect((await app.query(`SELECT quantity FROM inventory_items WHERE id = $1`, [rows[0]!.id])).rows).toEqual([{ quantity: 5 }]);
    await app.query(`DELETE FROM inventory_items WHERE id = $1`, [rows[0]!.id]);
    // A sequence-backed table too.
    await app.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES ('roles@test', '127.0.0.1', false)`);
  });

  it("is refused as the app role by grantAppRole when it is a superuser", async () => {
    await expect(grantAppRole(ownerUrl, new URL(ownerUrl).username)).rejects.toThrow(/is a superuser: it could switch off the audit log's protection/);
  });
});
