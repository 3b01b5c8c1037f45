// Readiness (GET /api/health/ready): ready only when the database has every migration the build ships;
// pending or failed migrations answer 503 with their names; migrations this build does not know (the
// database is ahead, as during a rolling deploy) do not stop it.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/ready/route";
import { rootDb } from "@/core/db/client";
import { migrationStatus, readMigrations, shippedMigrations } from "@/core/db/migration-status";

const fakeName = `29991231000000_readiness_probe_${crypto.randomBytes(3).toString("hex")}`;

afterAll(async () => {
  await rootDb().$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${fakeName}`;
});

describe("readiness", () => {
  it("is ready on a fully migrated database, and knows every shipped migration", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready" });
    expect(shippedMigrations()).toContain("20261207130000_job_run_records");
    expect(shippedMigrations()[0]).toMatch(/^\d{14}_/);
  });

  it("reports migrations of a newer build as pending, and a failed one as failed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-migrations-"));
    for (const m of [...shippedMigrations(), fakeName]) {
      fs.mkdirSync(path.join(dir, m));
      fs.writeFileSync(path.join(dir, m, "migration.sql"), "SELECT 1;");
    }
    expect(await migrationStatus(readMigrations(dir))).toMatchObject({ pending: [fakeName], failed: [] });
    // Started and never finished: what a crashed `migrate deploy` leaves.
    await rootDb().$executeRaw`
      INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${crypto.randomUUID()}, 'x', ${fakeName}, now(), 0)`;
    expect(await migrationStatus(readMigrations(dir))).toMatchObject({ pending: [fakeName], failed: [fakeName] });
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "not_ready", reason: "a migration failed", failed: [fakeName] });
    // Finished: the database is now ahead of this build, which stays ready.
    await rootDb().$executeRaw`UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE migration_name = ${fakeName}`;
    const ahead = await GET();
    expect(ahead.status).toBe(200);
    expect(await ahead.json()).toMatchObject({ status: "ready", unknownMigrations: 1 });
  });
});
