// Applies the committed Prisma Migrate migrations (prisma/migrations) to a database.
import { spawnSync } from "node:child_process";
import path from "node:path";

export function migrateDeploy(databaseUrl: string, opts: { quiet?: boolean } = {}): void {
  const res = spawnSync(process.execPath, [path.resolve("scripts/prisma.mjs"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (res.status !== 0) {
    if (opts.quiet) process.stderr.write(`${res.stdout ?? ""}${res.stderr ?? ""}`);
    throw new Error(`Database migration failed (exit code ${res.status}). The database was left at the last migration that succeeded.`);
  }
}
