// Whether the database has every migration this build ships (prisma/migrations), for the readiness
// check (app/api/health/ready). During a rolling deploy the new version's replicas are not ready until
// `npm start` (or the deploy's migrate step) has applied its migrations; the old version keeps serving,
// which is why migrations must stay compatible with the version before them (docs/deploy.md). A database
// ahead of this build (migrations it does not know) is still ready: that is the old version during a
// deploy.
import fs from "node:fs";
import path from "node:path";
import { rootDb } from "./client";

export type MigrationStatus = { pending: string[]; failed: string[]; unknown: number };

let shipped: string[] | undefined;

/** The migration folders of this build (read once: they cannot change while the process runs). */
export function shippedMigrations(): string[] {
  shipped ??= readMigrations(path.join(process.cwd(), "prisma", "migrations"));
  return shipped;
}

/** The migrations in a migrations folder (each a folder with a migration.sql), in order. */
export function readMigrations(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** Compares the shipped migrations with Prisma's `_prisma_migrations` table. */
export async function migrationStatus(expected: string[] = shippedMigrations()): Promise<MigrationStatus> {
  const rows = await rootDb().$queryRaw<Array<{ name: string; finished: boolean; rolledBack: boolean }>>`
    SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
    FROM _prisma_migrations`;
  const applied = new Set(rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name));
  const failed = rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name).sort();
  const known = new Set(expected);
  return {
    pending: expected.filter((m) => !applied.has(m)),
    failed,
    unknown: [...applied].filter((m) => !known.has(m)).length,
  };
}
