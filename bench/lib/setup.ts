// What every benchmark does before importing server code: stand in for `server-only` (it throws
// outside React Server Components; vitest.config.ts replaces it the same way), run from the repository
// root, and use DATABASE_URL or else a throw-away embedded PostgreSQL, migrated (or, with `dataDir`, a
// persistent one kept between runs, for benchmarks whose seed is too slow to repeat every time).
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { freePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/migrate";

export type BenchDatabase = {
  stop?: () => Promise<void>;
  /** The throw-away folder of the embedded cluster: the caller removes it after stop(). */
  dataDir?: string;
  /** The persistent embedded cluster's folder (opts.dataDir), when one was started. */
  persistentDir?: string;
};

export type BenchDbOptions = {
  /** Without DATABASE_URL: a persistent embedded cluster in this folder (created on first use) instead of a throw-away one. */
  dataDir?: string;
  /** Extra PostgreSQL server flags for the embedded cluster, e.g. ["-c", "shared_buffers=512MB"]. */
  postgresFlags?: string[];
};

export async function setUpBench(name: string, opts: BenchDbOptions = {}): Promise<BenchDatabase> {
  const require = createRequire(import.meta.url);
  const id = require.resolve("server-only");
  require.cache[id] = { id, filename: id, loaded: true, exports: {} } as NodeJS.Module;
  process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."));

  const result: BenchDatabase = {};
  if (!process.env.DATABASE_URL && opts.dataDir) {
    const db = await startEmbeddedDb({ dataDir: opts.dataDir, port: await freePort(), persistent: true, quiet: true, postgresFlags: opts.postgresFlags });
    await db.ensureDatabase("bench");
    process.env.DATABASE_URL = db.urlFor("bench");
    migrateDeploy(process.env.DATABASE_URL, { quiet: true });
    result.stop = db.stop;
    result.persistentDir = path.resolve(opts.dataDir);
  } else if (!process.env.DATABASE_URL) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `ritiko-bench-${name}-db-`));
    // The database server reads files the benchmarks hand it (COPY): it must be able to enter here.
    fs.chmodSync(tmp, 0o755);
    const db = await startEmbeddedDb({ dataDir: path.join(tmp, "data"), port: await freePort(), persistent: false, quiet: true, postgresFlags: opts.postgresFlags });
    await db.ensureDatabase("bench");
    process.env.DATABASE_URL = db.urlFor("bench");
    migrateDeploy(process.env.DATABASE_URL, { quiet: true });
    result.stop = db.stop;
    result.dataDir = tmp;
  }
  process.env.LOG_LEVEL ??= "error";
  process.env.RITIKO_OUTBOX_DISPATCHER = "off";
  return result;
}
