// bench/import: how fast is a CSV import of inventory items through the real path, against the
// fastest thing PostgreSQL can do with the same file? Prints a table and a one-line JSON summary.
//
//   npm run bench:import                                     throw-away embedded PostgreSQL, 100,000 rows
//   DATABASE_URL=postgresql://… npm run bench:import -- --rows 100000,1000000 [--keep]
//
// For each size N:
//   1. a CSV of N new items is generated on disk (streamed: never the whole file in memory);
//   2. import: storeFile (the upload path's storage, streamed from disk) -> createImport (detection,
//      automatic mapping) -> runPreview (the dry run over the whole file) -> runCommit until done
//      (batches of set-based upserts with events, adjustments and the undo journal), for a fresh
//      organization with Inventory enabled; timed per phase, with the process's peak RSS sampled
//      every 100 ms (process.memoryUsage().rss);
//   3. baseline, same database, another fresh organization: server-side COPY of the same file into an
//      UNLOGGED staging table, then ONE INSERT ... SELECT ... ON CONFLICT (organization, sku) DO UPDATE
//      into inventory_items (category names resolved by a join). No validation, events or journal.
//   ratio = import total (preview + commit; storage and detection listed separately) / baseline.
// Targets (the issue): 1,000,000 rows in at most 2x the baseline, peak RSS under 300 MB.
// Database: DATABASE_URL (migrated; the benchmark's organizations are deleted afterwards unless
// --keep), else a throw-away embedded PostgreSQL. COPY FROM a file needs a superuser role and the
// server on this machine (true for the embedded database and the dev setup).
import { setUpBench } from "../lib/setup";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { round } from "../jobs/lib";
import { writeItemsCsv } from "./csv-file";
import { rawBaseline } from "./http-db";



const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (opt("rows") ?? "100000").split(",").map((s) => Number(s.replace(/_/g, ""))).filter((n) => Number.isInteger(n) && n > 0);
const keep = args.includes("--keep");
// --pg-stats: load pg_stat_statements in the throw-away database and print where its time went.
const pgStats = args.includes("--pg-stats");
if (SIZES.length === 0) throw new Error("--rows takes a comma-separated list of row counts, e.g. --rows 100000,1000000");

// shared_buffers as the measurements (PostgreSQL 15, 512MB); the default 128MB evicts the index pages mid-import.
const bench = await setUpBench("import", {
  postgresFlags: ["-c", "shared_buffers=512MB", ...(process.env.BENCH_PG_FLAGS ? process.env.BENCH_PG_FLAGS.split(" ") : []), ...(pgStats ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all"] : [])],
});
const stopDb = bench.stop;

const { rootDb } = await import("../../core/db/client");
await import("../../app/_plugins/runtime");
const { ensureDefaultCategories } = await import("../../plugins/inventory/categories");
const { storeFile, MAX_IMPORT_BYTES } = await import("../../core/imports/storage");
const { createImport } = await import("../../core/imports/create");
const { runPreview } = await import("../../core/imports/engine/preview");
const { runCommit } = await import("../../core/imports/engine/commit");
// The job's own step length: each step resumes from the checkpoint (re-reading the file up to it).
const { COMMIT_STEP_MS } = await import("../../core/imports/jobs");
const db = rootDb();

const log = (s: string) => process.stdout.write(`${s}\n`);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-bench-import-"));
// The database server reads the baseline's file itself: it must be able to enter the directory.
fs.chmodSync(workDir, 0o755);

// ---- the file: bench/import/csv-file.ts (the same file bench:import:http imports) ----
const writeCsv = async (file: string, rows: number, categories: string[]) => (await writeItemsCsv(file, rows, categories, "new")).bytes;

// ---- organizations ----
type BenchOrg = { id: string; userId: string };
const created: BenchOrg[] = [];

async function newOrganization(label: string): Promise<BenchOrg> {
  const slug = `bench-imp-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const org = await db.organization.create({ data: { name: `Bench Import ${label}`, slug, timezone: "UTC", currency: "USD" } });
  const user = await db.user.create({ data: { email: `${slug}@bench.local`, name: "Bench", passwordHash: "x" } });
  await db.membership.create({ data: { organizationId: org.id, userId: user.id, role: "owner" } });
  await db.pluginInstallation.create({ data: { organizationId: org.id, pluginId: "inventory", enabled: true, version: "2.0.0" } });
  await db.$transaction((tx) => ensureDefaultCategories(tx, org.id));
  const o = { id: org.id, userId: user.id };
  created.push(o);
  return o;
}

async function cleanup() {
  if (keep) return;
  for (const o of created) {
    for (const table of ["inventory_stock_alerts", "inventory_stock_adjustments", "inventory_items", "inventory_categories"]) {
      await db.$executeRawUnsafe(`DELETE FROM ${table} WHERE "organizationId" = $1::uuid`, o.id);
    }
    await db.organization.delete({ where: { id: o.id } }).catch(() => undefined);
    await db.user.delete({ where: { id: o.userId } }).catch(() => undefined);
  }
}

// ---- memory ----
function rssSampler() {
  let peak = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return { rss: Math.max(peak, process.memoryUsage().rss), heap };
    },
  };
}

/** With node --expose-gc: the live heap after a full collection (what is really retained). */
function heapNote(): string {
  if (!global.gc) return "";
  global.gc();
  return `, live heap after GC ${mb(process.memoryUsage().heapUsed)} MB`;
}

const secs = (t0: number) => (performance.now() - t0) / 1000;
const mb = (b: number) => round(b / 1024 / 1024, 0);

type Result = {
  rows: number; fileMB: number; store_s: number; create_s: number; preview_s: number; commit_s: number; import_s: number;
  import_rows_per_s: number; peak_rss_mb: number; rss_before_mb: number; peak_heap_mb: number; copy_s: number; upsert_s: number; raw_s: number; ratio: number;
  created: number; rejected: number;
};

async function benchSize(rows: number): Promise<Result> {
  const org = await newOrganization("engine");
  const categories = (await db.inventoryCategory.findMany({ where: { organizationId: org.id }, select: { name: true } })).map((c) => c.name);
  const file = path.join(workDir, `items-${rows}.csv`);
  const t = performance.now();
  const size = await writeCsv(file, rows, categories);
  fs.chmodSync(file, 0o644);
  log(`\n${rows.toLocaleString("en-US")} rows: generated ${mb(size)} MB in ${round(secs(t))} s`);

  // ---- the import, the real path ----
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const sampler = rssSampler();
  let t0 = performance.now();
  const stored = await storeFile({
    organizationId: org.id, purpose: "import", name: path.basename(file), createdById: org.userId,
    source: fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, maxBytes: MAX_IMPORT_BYTES * 10,
  });
  const store_s = secs(t0);
  t0 = performance.now();
  const { id } = await createImport({ organizationId: org.id, userId: org.userId }, "inventory.items", stored.fileId, path.basename(file));
  const create_s = secs(t0);
  t0 = performance.now();
  await runPreview(id);
  const preview_s = secs(t0);
  const previewed = await db.dataImport.findUniqueOrThrow({ where: { id } });
  if (previewed.status !== "previewed") throw new Error(`preview ended ${previewed.status}: ${previewed.error}`);
  log(`  preview ${round(preview_s)} s: ${JSON.stringify(previewed.preview)}${heapNote()}`);
  t0 = performance.now();
  let steps = 0;
  for (;;) {
    steps++;
    const res = await runCommit(id, { deadline: Date.now() + COMMIT_STEP_MS });
    const p = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { rowsDone: true, status: true } });
    process.stdout.write(`\r  commit ${p.rowsDone.toLocaleString("en-US")} / ${rows.toLocaleString("en-US")} rows (${round(secs(t0))} s, step ${steps})`);
    if (res.done) break;
  }
  const commit_s = secs(t0);
  const peak = sampler.stop();
  const done = await db.dataImport.findUniqueOrThrow({ where: { id } });
  log(`\n  commit ${round(commit_s)} s: ${done.status}, created ${done.createdCount}, updated ${done.updatedCount}, rejected ${done.rejectedCount}${heapNote()}`);
  if (done.status !== "completed") throw new Error(`commit ended ${done.status}: ${done.error}`);
  const itemCount = await db.inventoryItem.count({ where: { organizationId: org.id } });
  if (itemCount !== rows) throw new Error(`expected ${rows} items after the import, found ${itemCount}`);

  // ---- the baseline: COPY + one upsert, same file, fresh organization ----
  const raw = await newOrganization("raw");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { copy_s, upsert_s } = await rawBaseline(client, raw.id, file);
    const import_s = preview_s + commit_s;
    const raw_s = copy_s + upsert_s;
    return {
      rows, fileMB: mb(size), store_s, create_s, preview_s, commit_s, import_s, import_rows_per_s: rows / import_s, peak_rss_mb: mb(peak.rss), rss_before_mb: mb(rssBefore), peak_heap_mb: mb(peak.heap),
      copy_s, upsert_s, raw_s, ratio: import_s / raw_s, created: done.createdCount, rejected: done.rejectedCount,
    };
  } finally {
    await client.end();
    fs.rmSync(file, { force: true });
  }
}

/** The statements that took the most database time (top-level and nested, e.g. trigger and CTE bodies). */
async function printPgStats() {
  const top = await db.$queryRawUnsafe<Array<{ calls: bigint; ms: number; rows: bigint; query: string }>>(
    `SELECT calls, round(total_exec_time::numeric, 0)::float8 AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS query
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
  );
  log("\npg_stat_statements, top 15 by total time (ms, calls, rows, query):");
  for (const t of top) log(`${String(t.ms).padStart(8)} ${String(t.calls).padStart(7)} ${String(t.rows).padStart(8)}  ${t.query}`);
}

const results: Result[] = [];
try {
  if (pgStats) await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  for (const n of SIZES) results.push(await benchSize(n));
  if (pgStats) await printPgStats();
  log("\nrows        file MB  store s  preview s  commit s  import s  rows/s    peak RSS MB (before)  peak heap MB  COPY s  upsert s  raw s   ratio");
  for (const r of results) {
    log(
      [
        r.rows.toLocaleString("en-US").padEnd(11),
        String(r.fileMB).padStart(7),
        String(round(r.store_s)).padStart(8),
        String(round(r.preview_s)).padStart(10),
        String(round(r.commit_s)).padStart(9),
        String(round(r.import_s)).padStart(9),
        String(Math.round(r.import_rows_per_s)).padStart(8),
        `${r.peak_rss_mb} (${r.rss_before_mb})`.padStart(21),
        String(r.peak_heap_mb).padStart(13),
        String(round(r.copy_s)).padStart(7),
        String(round(r.upsert_s)).padStart(9),
        String(round(r.raw_s)).padStart(6),
        `${round(r.ratio, 2)}x`.padStart(7),
      ].join(" "),
    );
  }
  log("targets: 1,000,000 rows at most 2x raw, peak RSS < 300 MB (RSS of the whole process, baseline before the import included)");
  log(JSON.stringify({ bench: "import", results: results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? round(v, 2) : v]))) }));
} finally {
  await cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
  await db.$disconnect();
  await stopDb?.();
}
