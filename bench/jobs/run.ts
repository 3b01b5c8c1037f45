// `npm run bench:jobs`: throughput and latency of the embedded Inngest executor (inngest/executor),
// end to end through the real SDK: events go in through the event API (POST /e/:key, the SDK client's
// send()), the executor syncs with and calls a real `inngest/node` serve handler on loopback, and every
// state change goes through PostgreSQL. See bench/jobs/README.md for how to read the output.
//
//   node --import tsx bench/jobs/run.ts [--events 1000] [--modes batch,single] [--batch-size 100]
//     [--poll-ms 20] [--claim-batch N] [--concurrency N] [--warmup 10] [--timeout-s 300]
//     [--in-process] [--keep] [--records]
//
// --records: the app's client carries the run-record middleware (inngest/run-records, what the app's
// own client has) and every event names an organization, so each run is recorded for the Jobs page as
// in production: compare runs/s with and without to see what recording costs.
//
// Database: DATABASE_URL when set (a migrated database; the benchmark's rows are deleted afterwards
// unless --keep), otherwise a throw-away embedded PostgreSQL like `npm test` (scripts/test.ts).
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { freePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { processStats, round, summarize, type ProcessStats, type Summary } from "./lib";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
process.chdir(repoRoot); // migrateDeploy and tsx's tsconfig paths resolve from the repository root

const { values: flags } = parseArgs({
  options: {
    events: { type: "string", default: "1000" },
    modes: { type: "string", default: "batch,single" },
    "batch-size": { type: "string", default: "100" },
    "poll-ms": { type: "string", default: "20" },
    "claim-batch": { type: "string" },
    concurrency: { type: "string" },
    warmup: { type: "string", default: "10" },
    "timeout-s": { type: "string", default: "300" },
    "in-process": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    records: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(0, 11).join("\n") + "\n");
  process.exit(0);
}

function intFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got ${value})`);
  return n;
}

type Mode = "batch" | "single";
const events = intFlag("events", flags.events, 1)!;
const batchSize = intFlag("batch-size", flags["batch-size"], 1)!;
const pollMs = intFlag("poll-ms", flags["poll-ms"], 1)!;
const claimBatch = intFlag("claim-batch", flags["claim-batch"], 1);
const concurrency = intFlag("concurrency", flags.concurrency, 1);
const warmup = intFlag("warmup", flags.warmup, 0)!;
const timeoutMs = intFlag("timeout-s", flags["timeout-s"], 1)! * 1000;
const modes = flags.modes.split(",").map((m) => m.trim()) as Mode[];
for (const m of modes) if (m !== "batch" && m !== "single") throw new Error(`--modes: unknown mode "${m}" (use batch, single)`);

const say = (msg: string) => process.stdout.write(`${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The promise's value, or a clear error once `deadline` (epoch ms) passes first. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeoutMs / 1000} s`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------------
// The executor, in its own process (default) or in this one (--in-process).

type ExecutorHandle = {
  url: string;
  /** Tuning options the Executor actually holds (see lib.ts optionsSeen). */
  options: Record<string, unknown>;
  ready: Promise<void>;
  stats(reset?: boolean): Promise<ProcessStats>;
  close(): Promise<void>;
};

async function startExecutorChild(serveUrl: string, executor: Record<string, number>): Promise<ExecutorHandle> {
  const child: ChildProcess = fork(path.join(here, "executor-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  type Msg = { type: string; [k: string]: unknown };
  const waiters: Array<{ type: string; resolve: (m: Msg) => void; reject: (e: Error) => void }> = [];
  let exited: Error | undefined;
  child.on("message", (raw) => {
    const msg = raw as Msg;
    const i = waiters.findIndex((w) => w.type === msg.type || msg.type === "error");
    if (i < 0) return;
    const [w] = waiters.splice(i, 1);
    if (msg.type === "error") w!.reject(new Error(`executor process: ${String(msg.message)}`));
    else w!.resolve(msg);
  });
  child.on("exit", (code, signal) => {
    exited = new Error(`executor process exited (code ${code}, signal ${signal})`);
    for (const w of waiters.splice(0)) w.reject(exited);
  });
  const next = (type: string, ms = 60_000) =>
    new Promise<Msg>((resolve, reject) => {
      if (exited) return reject(exited);
      const timer = setTimeout(() => reject(new Error(`executor process: no "${type}" within ${ms} ms`)), ms);
      waiters.push({
        type,
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  const listening = next("listening");
  const ready = next("ready").then(() => undefined);
  ready.catch(() => undefined); // awaited later; avoid an unhandled rejection meanwhile
  child.send({ type: "start", serveUrl, executor });
  const msg = await listening;
  return {
    url: msg.url as string,
    options: msg.options as Record<string, unknown>,
    ready,
    async stats(reset = false) {
      const reply = next("stats", 10_000);
      child.send({ type: "stats", reset });
      return (await reply).stats as ProcessStats;
    },
    async close() {
      if (exited) return;
      const closed = next("closed", 30_000).catch(() => undefined);
      child.send({ type: "close" });
      await closed;
      if (!exited) await Promise.race([new Promise((r) => child.once("exit", r)), sleep(5_000)]);
      if (!exited) child.kill("SIGKILL");
    },
  };
}

async function startExecutorInProcess(serveUrl: string, executor: Record<string, number>): Promise<ExecutorHandle> {
  const { startExecutorServer } = await import("@/inngest/executor/server");
  const { optionsSeen } = await import("./lib");
  const sampler = processStats();
  const server = await startExecutorServer({ serveUrl, port: 0, syncRetryMs: 50, resyncIntervalMs: 0, executor });
  return {
    url: server.url,
    options: optionsSeen(server),
    ready: server.ready,
    stats: async (reset = false) => sampler.read(reset),
    async close() {
      await server.close();
      sampler.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Database

type Db = { url: string; external: boolean; stop(): Promise<void> };

async function prepareDatabase(): Promise<Db> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, external: true, stop: async () => undefined };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-bench-pg-"));
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to enter this folder.
  fs.chmodSync(tmp, 0o755);
  const cleanupTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const db = await startEmbeddedDb({ dataDir: path.join(tmp, "data"), port: await freePort(), persistent: false, quiet: true });
    const stop = async () => {
      await db.stop().catch(() => undefined);
      cleanupTmp();
    };
    try {
      const name = `ritiko_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: db.urlFor("postgres") });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const url = db.urlFor(name);
      say(`embedded PostgreSQL on port ${db.port}, migrating ${name} ...`);
      migrateDeploy(url, { quiet: true });
      return { url, external: false, stop };
    } catch (err) {
      await stop();
      throw err;
    }
  } catch (err) {
    cleanupTmp();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------
// One measured pass: send `n` events, wait until every run is terminal, read the timings back.

type RunRow = { eventId: string; status: string; createdAt: Date; startedAt: Date | null; endedAt: Date | null; output: { startedAt?: number } | null };
type Sent = { eventId: string; sentAt: number; ackAt: number };

type ModeResult = {
  mode: string;
  events: number;
  batchSize: number;
  sendMs: number;
  wallMs: number;
  observedWallMs: number;
  runsPerSec: number;
  statuses: Record<string, number>;
  callsPerRun: number;
  /** Statements the executor sent to PostgreSQL per run (ingest + claims + processing, idle ticks included). */
  queriesPerRun: number;
  /** 1-minute load average before and after the pass: other work on the machine skews everything. */
  loadAvg: [number, number];
  latency: { sendToAck: Summary; sendToStart: Summary; sendToPickup: Summary; sendToComplete: Summary; startToComplete: Summary };
  executor: ProcessStats;
  bench: ProcessStats;
};

const started = Date.now();
let db: Db | undefined;
let pool: pg.Pool | undefined;
let monitorQueries = 0; // this script's own statements (subtracted from the count when --in-process)
const monitor = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
  monitorQueries++;
  return pool!.query<R>(sql, params);
};
let appServer: http.Server | undefined;
/** --records: the organization the events name. */
let recordsOrg: string | undefined;
let executor: ExecutorHandle | undefined;
const allEventIds: string[] = [];
let cleaning: Promise<void> | undefined;

async function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await executor?.close().catch((err) => say(`! closing the executor failed: ${(err as Error).message}`));
    if (appServer) {
      appServer.closeAllConnections();
      await new Promise((r) => appServer!.close(r));
    }
    if (pool && recordsOrg) {
      const n = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM job_run_records WHERE "organizationId" = $1`, [recordsOrg]).catch(() => null);
      say(`  run records written: ${n?.rows[0]?.n ?? "?"} (--records)`);
      if (!flags.keep) await pool.query(`DELETE FROM organizations WHERE id = $1`, [recordsOrg]).catch((err) => say(`! deleting the bench organization failed: ${err.message}`));
    }
    if (pool && db?.external && !flags.keep && allEventIds.length) {
      // Events cascade to their runs, steps and queue items.
      await pool.query(`DELETE FROM job_events WHERE id = ANY($1::uuid[])`, [allEventIds]).catch((err) => say(`! deleting benchmark rows failed: ${err.message}`));
    }
    await pool?.end().catch(() => undefined);
    await db?.stop();
  })();
  return cleaning;
}

// Hard stop, should anything hang outside the per-pass timeout (sync, cleanup, ...).
const hardLimitMs = (modes.length + 1) * timeoutMs + 120_000;
setTimeout(() => {
  process.stderr.write(`\n✗ bench:jobs: hard time limit of ${Math.round(hardLimitMs / 1000)} s reached, aborting\n`);
  void Promise.race([cleanup(), sleep(10_000)]).finally(() => process.exit(2));
}, hardLimitMs).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n✗ bench:jobs: ${signal}, cleaning up\n`);
    void Promise.race([cleanup(), sleep(10_000)]).finally(() => process.exit(130));
  });
}

let exitCode = 0;
let idleStatementsPerSec: number | undefined;
const results: ModeResult[] = [];
try {
  db = await prepareDatabase();
  process.env.DATABASE_URL = db.url; // before anything creates the Prisma client (core/db/client.ts)
  process.env.LOG_LEVEL ??= "warn"; // core/log reads it at import: keep the executor's info lines out of the output
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  // An idle client losing its connection must fail the pass that uses it, not crash the process.
  pool.on("error", (err) => say(`! monitor connection error: ${err.message}`));
  const backlog = await monitor<{ n: string }>(`SELECT count(*)::text AS n FROM job_queue`);
  if (Number(backlog.rows[0]!.n) > 0) say(`! job_queue already holds ${backlog.rows[0]!.n} items: the executor will work on them too, which skews the numbers`);

  const { Inngest, eventType } = await import("inngest");
  const { serve } = await import("inngest/node");
  const { z } = await import("zod");

  // The app: answers 503 until its handler exists (it needs the executor's URL as its base URL).
  const appId = `bench-jobs-${randomUUID().slice(0, 8)}`;
  const tick = eventType("bench/jobs.tick", { schema: z.object({ tag: z.string(), seq: z.number(), organizationId: z.string().optional() }) });
  // --records: an organization for the events to name (its records go with it at cleanup).
  if (flags.records) {
    const org = await monitor<{ id: string }>(`INSERT INTO organizations (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), 'bench:jobs', $1, now()) RETURNING id::text AS id`, [`bench-jobs-${randomUUID().slice(0, 8)}`]);
    recordsOrg = org.rows[0]!.id;
  }
  const { RunRecorder } = await import("../../inngest/run-records/middleware");
  const calls = new Map<string, number>(); // SDK calls per run, by `${tag}:${seq}`
  const app: { handler?: (req: http.IncomingMessage, res: http.ServerResponse) => void } = {};
  appServer = http.createServer((req, res) => (app.handler ? app.handler(req, res) : void res.writeHead(503).end()));
  appServer.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => appServer!.listen(0, "127.0.0.1", resolve));
  const serveUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/api/inngest`;

  const executorOptions: Record<string, number> = { pollIntervalMs: pollMs };
  if (claimBatch !== undefined) executorOptions.batchSize = claimBatch;
  if (concurrency !== undefined) executorOptions.concurrency = concurrency;
  executor = flags["in-process"] ? await startExecutorInProcess(serveUrl, executorOptions) : await startExecutorChild(serveUrl, executorOptions);

  const inngest = new Inngest({ id: appId, isDev: true, baseUrl: executor.url, middleware: flags.records ? [RunRecorder] : [] });
  const benchFn = inngest.createFunction({ id: "tick", triggers: [tick] }, async ({ event, step }) => {
    const key = `${event.data.tag}:${event.data.seq}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    // The function's first step runs in its first call: this is when the body first executes.
    const startedAt = await step.run("record-start", () => Date.now());
    return { seq: event.data.seq, startedAt };
  });
  const serveHandler = serve({ client: inngest, functions: [benchFn] });
  app.handler = (req, res) => void serveHandler(req, res);
  await Promise.race([executor.ready, sleep(60_000).then(() => Promise.reject(new Error("the executor did not sync with the app within 60 s")))]);

  const unknown = Object.keys(executorOptions).filter((k) => !(k in executor!.options));
  say(`bench:jobs — ${events} events per pass, modes ${modes.join(", ")}, executor ${flags["in-process"] ? "in-process" : "in its own process"}`);
  say(`  database ${db.external ? "DATABASE_URL" : "embedded (throw-away)"}; executor options in force: ${JSON.stringify(executor.options)}`);
  if (unknown.length) say(`  ! not supported by this Executor (ignored): ${unknown.map((k) => `${k}=${executorOptions[k]}`).join(", ")}`);

  const statusCounts = async (ids: string[]) => {
    const { rows } = await monitor<{ status: string; n: string }>(
      `SELECT status, count(*)::text AS n FROM job_runs WHERE "eventId" = ANY($1::uuid[]) GROUP BY status`,
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  };

  async function pass(mode: Mode, n: number, label: string): Promise<ModeResult> {
    const tag = `${label}-${randomUUID().slice(0, 8)}`;
    const per = mode === "batch" ? batchSize : 1;
    const sent: Sent[] = [];
    await executor!.stats(true);
    const loadBefore = os.loadavg()[0]!;
    const monitorBase = monitorQueries;
    const bench = processStats();
    const deadline = Date.now() + timeoutMs;
    const t0 = Date.now();
    for (let i = 0; i < n; i += per) {
      const batch = Array.from({ length: Math.min(per, n - i) }, (_, k) => tick.create({ tag, seq: i + k, ...(recordsOrg ? { organizationId: recordsOrg } : {}) }));
      const sentAt = Date.now();
      const { ids } = await beforeDeadline(inngest.send(batch), deadline, `${label}: send() of events ${i}..${i + batch.length - 1}`);
      const ackAt = Date.now();
      if (ids.length !== batch.length) throw new Error(`send() returned ${ids.length} ids for ${batch.length} events`);
      for (const id of ids) sent.push({ eventId: id, sentAt, ackAt });
      if (Date.now() > deadline) break;
    }
    const sendMs = Date.now() - t0;
    const ids = sent.map((s) => s.eventId);
    allEventIds.push(...ids);

    let statuses: Record<string, number> = {};
    for (;;) {
      statuses = await statusCounts(ids);
      const terminal = (statuses.completed ?? 0) + (statuses.failed ?? 0) + (statuses.cancelled ?? 0);
      if (sent.length === n && terminal >= n) break;
      if (Date.now() > deadline) {
        const queue = await monitor<{ n: string }>(`SELECT count(*)::text AS n FROM job_queue q JOIN job_runs r ON r.id = q."runId" WHERE r."eventId" = ANY($1::uuid[])`, [ids]);
        throw new Error(
          `${label}: runs did not complete within ${timeoutMs / 1000} s — sent ${sent.length}/${n} events, runs by status ${JSON.stringify(statuses)}, ` +
            `${queue.rows[0]!.n} queue items left`,
        );
      }
      await sleep(50);
    }
    const observedWallMs = Date.now() - t0;
    const executorStats = await executor!.stats(true);
    if (flags["in-process"]) executorStats.pgQueries -= monitorQueries - monitorBase;
    const benchStats = bench.read();
    bench.stop();

    const { rows } = await monitor<RunRow>(
      `SELECT "eventId"::text AS "eventId", status, "createdAt", "startedAt", "endedAt", output FROM job_runs WHERE "eventId" = ANY($1::uuid[])`,
      [ids],
    );
    const byEvent = new Map(rows.map((r) => [r.eventId, r]));
    const lat = { sendToAck: [] as number[], sendToStart: [] as number[], sendToPickup: [] as number[], sendToComplete: [] as number[], startToComplete: [] as number[] };
    let lastEnd = t0;
    for (const s of sent) {
      const r = byEvent.get(s.eventId);
      lat.sendToAck.push(s.ackAt - s.sentAt);
      if (!r) continue;
      const bodyStart = typeof r.output?.startedAt === "number" ? r.output.startedAt : undefined;
      if (bodyStart !== undefined) lat.sendToStart.push(bodyStart - s.sentAt);
      if (r.startedAt) lat.sendToPickup.push(r.startedAt.getTime() - s.sentAt);
      if (r.endedAt) {
        lat.sendToComplete.push(r.endedAt.getTime() - s.sentAt);
        if (bodyStart !== undefined) lat.startToComplete.push(r.endedAt.getTime() - bodyStart);
        lastEnd = Math.max(lastEnd, r.endedAt.getTime());
      }
    }
    const wallMs = lastEnd - t0;
    let totalCalls = 0;
    for (const [key, count] of calls) if (key.startsWith(`${tag}:`)) totalCalls += count;
    return {
      mode: label,
      events: n,
      batchSize: per,
      sendMs,
      wallMs,
      observedWallMs,
      runsPerSec: round(((statuses.completed ?? 0) * 1000) / wallMs),
      statuses,
      callsPerRun: round(totalCalls / n, 2),
      queriesPerRun: round(executorStats.pgQueries / n, 1),
      loadAvg: [round(loadBefore, 2), round(os.loadavg()[0]!, 2)],
      latency: {
        sendToAck: summarize(lat.sendToAck),
        sendToStart: summarize(lat.sendToStart),
        sendToPickup: summarize(lat.sendToPickup),
        sendToComplete: summarize(lat.sendToComplete),
        startToComplete: summarize(lat.startToComplete),
      },
      executor: executorStats,
      bench: benchStats,
    };
  }

  if (warmup > 0) {
    say(`  warm-up: ${warmup} events (not measured)`);
    await pass("batch", warmup, "warmup");
  }
  await executor.stats(true);
  const idleBase = monitorQueries;
  await sleep(2_000);
  const idle = await executor.stats(true);
  if (flags["in-process"]) idle.pgQueries -= monitorQueries - idleBase;
  idleStatementsPerSec = round(idle.pgQueries / 2);
  say(`  executor idle: RSS ${idle.rssMiB} MiB after sync + warm-up, ${idleStatementsPerSec} DB statements/s while polling an empty queue`);
  say(`  machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);

  for (const mode of modes) {
    const label = mode === "batch" ? `batch(${batchSize})` : "single";
    say(`\n▶ ${label}: sending ${events} events ${mode === "batch" ? `in send() calls of ${batchSize}` : "one send() at a time, sequentially"} ...`);
    const r = await pass(mode, events, label);
    results.push(r);
    printResult(r);
    if ((r.statuses.completed ?? 0) !== events) {
      say(`  ✗ not every run completed: ${JSON.stringify(r.statuses)}`);
      exitCode = 1;
    }
  }
} catch (err) {
  process.stderr.write(`\n✗ bench:jobs failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await cleanup();
}

const summary = {
  events,
  executor: flags["in-process"] ? "in-process" : "child-process",
  options: executor?.options,
  ok: exitCode === 0,
  cpus: os.cpus().length,
  idleStatementsPerSec,
  totalSeconds: round((Date.now() - started) / 1000),
  passes: results.map((r) => ({
    mode: r.mode,
    wallMs: r.wallMs,
    runsPerSec: r.runsPerSec,
    sendMs: r.sendMs,
    startLatencyMs: pick(r.latency.sendToStart),
    completeLatencyMs: pick(r.latency.sendToComplete),
    ackLatencyMs: pick(r.latency.sendToAck),
    callsPerRun: r.callsPerRun,
    queriesPerRun: r.queriesPerRun,
    statuses: r.statuses,
    executorPeakRssMiB: r.executor.peakRssMiB,
    executorCpuMs: r.executor.cpuMs,
    loadAvg: r.loadAvg,
  })),
};
say(`\nBENCH_JOBS_SUMMARY ${JSON.stringify(summary)}`);
process.exit(exitCode);

function pick(s: Summary) {
  return { p50: s.p50, p95: s.p95, p99: s.p99, max: s.max };
}

function printResult(r: ModeResult) {
  const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)}` : "-");
  const row = (name: string, s: Summary) =>
    `  ${name.padEnd(34)}${[s.p50, s.p95, s.p99, s.max, s.mean].map((x) => ms(x).padStart(9)).join("")}`;
  say(`  ${"latency (ms)".padEnd(34)}${["p50", "p95", "p99", "max", "mean"].map((h) => h.padStart(9)).join("")}`);
  say(row("send → function body starts", r.latency.sendToStart));
  say(row("send → executor picks run up", r.latency.sendToPickup));
  say(row("send → run completed", r.latency.sendToComplete));
  say(row("body starts → run completed", r.latency.startToComplete));
  say(row("send() round trip (event API)", r.latency.sendToAck));
  say(
    `  wall ${(r.wallMs / 1000).toFixed(2)} s (first send → last run completed) · ${r.runsPerSec} runs/s · ` +
      `send phase ${(r.sendMs / 1000).toFixed(2)} s (${round((r.events * 1000) / r.sendMs)} events/s accepted) · ${r.callsPerRun} SDK calls/run · ${r.queriesPerRun} executor DB statements/run`,
  );
  say(
    `  executor process: RSS ${r.executor.rssMiB} MiB (peak ${r.executor.peakRssMiB}), CPU ${(r.executor.cpuMs / 1000).toFixed(2)} s` +
      ` · bench/app process: peak RSS ${r.bench.peakRssMiB} MiB, CPU ${(r.bench.cpuMs / 1000).toFixed(2)} s`,
  );
  say(`  runs ${JSON.stringify(r.statuses)} · load average ${r.loadAvg[0]} → ${r.loadAvg[1]} on ${os.cpus().length} CPUs`);
  if (Math.max(...r.loadAvg) > os.cpus().length) say(`  ! the machine was busy with other work (load > CPUs): treat these numbers as pessimistic`);
}
