// bench/api's load generator when wrk is not installed: autocannon (devDependency) in its own process,
// through its API rather than `npx autocannon` because only the API takes a request hook — needed to
// spread the adjust-stock run over 1,000 random items (the CLI, and a HAR file, would walk every
// connection through the same list in step, i.e. all 16 on one item's row lock at a time).
//   node --import tsx bench/api/autocannon.ts <job.json>      (job: LoadJob of bench/api/load.ts)
// Prints one line "BENCH_JSON <LoadResult>". Requests in flight when the duration ends are abandoned
// by autocannon: they are reported as `unanswered`.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { LoadJob, LoadResult } from "./load";

type Request = { method: string; path: string; headers: Record<string, string>; body?: string };
type Options = {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: Array<Request & { setupRequest: (req: Request) => Request; onResponse: (status: number) => void }>;
};
type Result = { requests: { total: number }; latency: { p50: number; p90: number; p99: number; max: number }; duration: number; errors: number; timeouts: number };

const job = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as LoadJob;
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Options) => Promise<Result>;

let issued = 0;
const statuses: Record<string, number> = {};
const result = await autocannon({
  url: job.base,
  connections: job.connections,
  duration: job.seconds,
  timeout: 10,
  requests: [
    {
      method: job.method,
      path: job.paths[0]!,
      headers: job.headers,
      body: job.body,
      setupRequest: (req) => {
        issued++;
        return { ...req, path: job.paths[Math.floor(Math.random() * job.paths.length)]! };
      },
      onResponse: (status) => void (statuses[status] = (statuses[status] ?? 0) + 1),
    },
  ],
});

const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
const ok2xx = Object.entries(statuses).reduce((a, [code, n]) => a + (code.startsWith("2") ? n : 0), 0);
const out: LoadResult = {
  requests: result.requests.total,
  windowMs: result.duration * 1000,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  statuses,
  ok2xx,
  non2xx: answered - ok2xx,
  errors: result.errors + result.timeouts,
  unanswered: Math.max(0, issued - answered),
};
process.stdout.write(`BENCH_JSON ${JSON.stringify(out)}\n`);
