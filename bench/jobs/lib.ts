// Small helpers shared by the jobs benchmark's two processes (run.ts and executor-process.ts).
import pg from "pg";
import type { ExecutorServer } from "@/inngest/executor/server";

export type ProcessStats = {
  /** RSS now and the highest RSS sampled (every 50 ms) since the last reset, in MiB. */
  rssMiB: number;
  peakRssMiB: number;
  heapUsedMiB: number;
  /** CPU time (user + system) since the last reset, in ms. */
  cpuMs: number;
  /** Statements sent to PostgreSQL through `pg` (what Prisma's adapter uses) since the last reset. */
  pgQueries: number;
};

let pgQueries = 0;
let pgPatched = false;

/** Counts every pg Client.query() of this process (Prisma's adapter-pg, BEGIN/COMMIT included). */
function countPgQueries() {
  if (pgPatched) return;
  pgPatched = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    pgQueries++;
    return original.apply(this, args);
  };
}

const MiB = 1024 * 1024;

/** Samples this process's RSS; read(reset) returns the peak and CPU time since the last reset. */
export function processStats() {
  countPgQueries();
  let queryBase = pgQueries;
  let peak = process.memoryUsage.rss();
  let cpuBase = process.cpuUsage();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  timer.unref();
  return {
    read(reset = false): ProcessStats {
      const mem = process.memoryUsage();
      peak = Math.max(peak, mem.rss);
      const cpu = process.cpuUsage(cpuBase);
      const stats = { rssMiB: round(mem.rss / MiB), peakRssMiB: round(peak / MiB), heapUsedMiB: round(mem.heapUsed / MiB), cpuMs: round((cpu.user + cpu.system) / 1000), pgQueries: pgQueries - queryBase };
      if (reset) {
        peak = mem.rss;
        cpuBase = process.cpuUsage();
        queryBase = pgQueries;
      }
      return stats;
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Which tuning options the running Executor holds (its private fields are plain properties at run
 * time). An option the Executor does not know (e.g. `concurrency` before it exists) is absent here.
 */
export function optionsSeen(s: ExecutorServer): Record<string, unknown> {
  const ex = s.executor as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ["batchSize", "concurrency", "pollIntervalMs", "leaseMs", "requestTimeoutMs"]) if (key in ex) out[key] = ex[key];
  return out;
}

export type Summary = { n: number; mean: number; p50: number; p95: number; p99: number; max: number; min: number };

/** Nearest-rank percentiles of a list of numbers (ms). */
export function summarize(values: number[]): Summary {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return { n: 0, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN, min: NaN };
  const at = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))]!;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return { n: v.length, mean: round(mean), p50: at(50), p95: at(95), p99: at(99), max: v[v.length - 1]!, min: v[0]! };
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
