// The hash chain: intact chains verify (also across batch boundaries); a changed column, a row
// rewritten with a recomputed hash, a deleted row and a deleted tail are each named at the right
// entry. Tampering needs a superuser connection with the append-only trigger disabled (in this test
// only): through the app's own connection the trigger refuses UPDATE, DELETE and TRUNCATE.
import "@/app/_plugins/runtime";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createPatient, updatePatient } from "@/core/patients/mutations";
import { patientData } from "@/tests/helpers/fixtures";
import { verifyChain } from "../chain/verify";
import { auditClinic } from "./helpers";

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});
afterAll(() => admin.end());

/** Runs `sql` with the append-only trigger disabled — a deliberate act of a database superuser. */
async function tamper(sql: string, params: unknown[]) {
  await admin.query("BEGIN");
  try {
    await admin.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete");
    await admin.query(sql, params);
    await admin.query("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete");
    await admin.query("COMMIT");
  } catch (err) {
    await admin.query("ROLLBACK");
    throw err;
  }
}

/** An organization with `n` patient updates: entries 1 (plugin enabled), 2 (created), 3.. (updated). */
async function chainOf(n: number) {
  const org = await auditClinic("Chain Clinic");
  const ctx = await org.as("staff");
  const data = patientData();
  const p = await createPatient(ctx, data);
  if (!p.ok) throw new Error(p.error);
  for (let i = 0; i < n; i++) await updatePatient(ctx, p.data.id, { ...data, phone: `+1 555 01${String(i).padStart(2, "0")}` });
  return org;
}

const entryAt = async (organizationId: string, seq: number) =>
  (await rootDb().$queryRaw<Array<{ id: string; at: Date }>>`SELECT id::text AS id, at FROM audit_entries WHERE "organizationId" = ${organizationId}::uuid AND seq = ${seq}`)[0]!;

describe("verify", () => {
  it("accepts an intact chain, read in batches smaller than the chain", async () => {
    const org = await chainOf(6);
    expect(await verifyChain(org.org.id, { batchSize: 3 })).toEqual({ ok: true, entries: 8, headSeq: 8 });
    expect(await verifyChain(org.org.id)).toEqual({ ok: true, entries: 8, headSeq: 8 });
  });

  it("names the entry whose content was changed (content hash mismatch)", async () => {
    const org = await chainOf(4);
    const e = await entryAt(org.org.id, 4);
    await tamper(`UPDATE audit_entries SET "actorLabel" = 'Someone else' WHERE "organizationId" = $1 AND seq = 4`, [org.org.id]);
    expect(await verifyChain(org.org.id, { batchSize: 2 })).toMatchObject({ ok: false, problem: "content_mismatch", seq: 4, entryId: e.id, at: e.at.toISOString(), entries: 3 });
  });

  it("names the next entry when a row was rewritten with a recomputed hash (broken link)", async () => {
    const org = await chainOf(4);
    // Rewrite entry 3 and give it the hash its new content would have (the writer's own function):
    // entry 3 then checks out by itself, but entry 4 no longer links to it.
    await tamper(
      `UPDATE audit_entries SET changes = '[{"field":"phone","before":null,"after":"forged"}]' WHERE "organizationId" = $1 AND seq = 3`,
      [org.org.id],
    );
    await tamper(`UPDATE audit_entries e SET hash = audit_entry_hash(e."prevHash", e) WHERE "organizationId" = $1 AND seq = 3`, [org.org.id]);
    const res = await verifyChain(org.org.id);
    expect(res).toMatchObject({ ok: false, problem: "broken_link", seq: 4 });
    expect(res.ok ? "" : res.message).toContain("Broken link at entry 4");
  });

  it("names a deleted entry (missing seq), also at the end of the chain", async () => {
    const org = await chainOf(4);
    await tamper(`DELETE FROM audit_entries WHERE "organizationId" = $1 AND seq = 3`, [org.org.id]);
    expect(await verifyChain(org.org.id)).toMatchObject({ ok: false, problem: "missing_seq", seq: 3, message: expect.stringContaining("entry 3 is missing") });

    const tail = await chainOf(2);
    await tamper(`DELETE FROM audit_entries WHERE "organizationId" = $1 AND seq = 4`, [tail.org.id]);
    expect(await verifyChain(tail.org.id)).toMatchObject({ ok: false, problem: "missing_seq", seq: 4, message: expect.stringContaining("head says 4 entries") });
  });
});

describe("append-only", () => {
  it("the database refuses UPDATE, DELETE and TRUNCATE of audit entries", async () => {
    const org = await chainOf(1);
    await expect(rootDb().$executeRaw`UPDATE audit_entries SET "actorLabel" = 'x' WHERE "organizationId" = ${org.org.id}::uuid`).rejects.toThrow(/append-only: UPDATE/);
    await expect(rootDb().$executeRaw`DELETE FROM audit_entries WHERE "organizationId" = ${org.org.id}::uuid`).rejects.toThrow(/append-only: DELETE/);
    // In a transaction rolled back whatever happens: were the trigger ever to let it through, the
    // table other test files share would be restored, not emptied under them.
    await admin.query("BEGIN");
    try {
      await admin.query("SET LOCAL lock_timeout = '10s'");
      await expect(admin.query("TRUNCATE audit_entries")).rejects.toThrow(/append-only: TRUNCATE/);
    } finally {
      await admin.query("ROLLBACK");
    }
    expect(await verifyChain(org.org.id)).toMatchObject({ ok: true, entries: 3 });
  });

  it("an audit write that fails aborts the change it records (nothing half-written)", async () => {
    const org = await chainOf(0);
    const ctx = await org.as("staff");
    // Make every audit insert of THIS organization fail (other test files share the database).
    await admin.query(`ALTER TABLE audit_entries ADD CONSTRAINT audit_test_refuse_${org.org.id.slice(0, 8)} CHECK ("organizationId" <> '${org.org.id}') NOT VALID`);
    try {
      await expect(createPatient(ctx, patientData({ firstName: "Unaudited" }))).rejects.toThrow(/audit.*failed handling core\.patient\.created/i);
    } finally {
      await admin.query(`ALTER TABLE audit_entries DROP CONSTRAINT audit_test_refuse_${org.org.id.slice(0, 8)}`);
    }
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id, firstName: "Unaudited" } })).toBe(0);
    expect(await verifyChain(org.org.id)).toMatchObject({ ok: true, entries: 2 });
  });

  it("chains of different organizations are independent", async () => {
    const [a, b] = [await chainOf(1), await chainOf(1)];
    await tamper(`UPDATE audit_entries SET "targetLabel" = 'x' WHERE "organizationId" = $1 AND seq = 2`, [a.org.id]);
    expect(await verifyChain(a.org.id)).toMatchObject({ ok: false, seq: 2 });
    expect(await verifyChain(b.org.id)).toMatchObject({ ok: true, entries: 3 });
  });
});
