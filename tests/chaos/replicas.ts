// Ritiko as a clinic group runs it beyond one machine (issue 17.3), on one box: one PostgreSQL, two
// replicas of the app — each a real `npm start` of the production build with an external database,
// Inngest configured (so no executor of its own) and S3 storage on a real S3 API server (moto_server) —
// behind a small round-robin proxy, and one job executor (scripts/executor.ts, standing in for a
// self-hosted Inngest) whose calls to /api/inngest go through the proxy like any other request.
//
// The proxy is a load balancer reduced to what the test needs: each request goes to the next live
// replica; a replica that refuses the connection is skipped (the request had not reached it); one that
// dies mid-request answers 502, as a real balancer would. It remembers which replica is executing which
// job call, so the test can kill the replica serving a given function.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDb, type EmbeddedDb } from "@/scripts/lib/embedded-db";
import { startMotoS3, type MotoS3 } from "@/tests/helpers/moto";
import { freePort } from "@/tests/helpers/wait";
import { TIMING } from "./app";

export type Replica = { name: string; url: string; port: number; proc: ChildProcess; output: () => string; alive: boolean };

export type ReplicaSet = {
  /** The proxy: what users, scripts and the executor talk to. */
  url: string;
  replicas: Replica[];
  databaseUrl: string;
  s3: MotoS3;
  /** Which replica is executing a call of a function whose id contains `fn` right now, if any. */
  servingJob(fn: string): Replica | undefined;
  /** Replicas that answered at least one call of a function whose id contains `fn`. */
  servedJob(fn: string): Set<string>;
  /** SIGKILL to the replica's whole process group: its run command, server primary and worker. */
  kill(r: Replica): void;
  /** A new `npm start` on the dead replica's port, as an orchestrator would start one. */
  restart(r: Replica): Promise<void>;
  sql<T extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  output(): string;
  stop(): Promise<void>;
};

const killGroup = (proc: ChildProcess) => {
  try {
    process.kill(-proc.pid!, "SIGKILL");
  } catch {
    // already gone
  }
};

async function waitHealthy(url: string, proc: ChildProcess, output: () => string, timeoutMs = 200_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${url} exited (${proc.exitCode}) while starting:\n${output().slice(-4000)}`);
    const ok = await fetch(`${url}/api/health/ready`).then((r) => r.status === 200, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not become ready:\n${output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function startReplicaSet(): Promise<ReplicaSet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-replicas-"));
  fs.chmodSync(dir, 0o755);
  const cleanups: Array<() => Promise<void> | void> = [];
  let db: EmbeddedDb | undefined;
  try {
    db = await startEmbeddedDb({ dataDir: path.join(dir, "postgres"), port: await freePort(), persistent: false, quiet: true });
    cleanups.push(() => db!.stop());
    await db.ensureDatabase("ritiko");
    const databaseUrl = db.urlFor("ritiko");
    const s3 = await startMotoS3("ritiko-replicas");
    cleanups.push(() => s3.stop());

    const [proxyPort, executorPort, portA, portB] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    const executorUrl = `http://127.0.0.1:${executorPort}`;
    const shared = {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: proxyUrl,
      RITIKO_SECRETS_KEY: crypto.randomBytes(32).toString("base64"),
      // Inngest is "configured" (the executor below): the replicas start none of their own.
      INNGEST_BASE_URL: executorUrl,
      INNGEST_EVENT_KEY: crypto.randomBytes(24).toString("hex"),
      INNGEST_SIGNING_KEY: `signkey-test-${crypto.randomBytes(32).toString("hex")}`,
      INNGEST_SERVE_ORIGIN: proxyUrl,
      RITIKO_JOB_STEP_MS: String(TIMING.stepMs),
      WEB_CONCURRENCY: "1",
      LOG_LEVEL: "warn",
      ...s3.env,
    };
    const baseEnv = () => {
      const env: NodeJS.ProcessEnv = { ...process.env, ...shared };
      for (const name of ["INNGEST_DEV", "MIGRATION_DATABASE_URL", "RITIKO_EXECUTOR_TOKEN"]) delete env[name];
      return env;
    };

    let log = "";
    /** (Re)starts `npm start` for replica `r` on its port. */
    const startProcess = (r: Replica, extra: Record<string, string> = {}) => {
      let out = "";
      const proc = spawn("npm", ["start"], { env: { ...baseEnv(), PORT: String(r.port), ...extra }, stdio: ["ignore", "pipe", "pipe"], detached: true });
      const add = (d: Buffer) => {
        out += d;
        log += `[${r.name}] ${d}`;
      };
      proc.stdout!.on("data", add);
      proc.stderr!.on("data", add);
      proc.once("exit", () => {
        if (r.proc === proc) r.alive = false;
      });
      cleanups.push(() => killGroup(proc));
      Object.assign(r, { proc, output: () => out, alive: true });
    };
    const replica = (name: string, port: number): Replica => ({ name, port, url: `http://127.0.0.1:${port}`, proc: undefined as unknown as ChildProcess, output: () => "", alive: false });

    // A first, alone: it applies the migrations and seeds the demo organizations; then B.
    const replicas = [replica("A", portA), replica("B", portB)];
    startProcess(replicas[0]!, { RITIKO_SEED: "1" });
    await waitHealthy(replicas[0]!.url, replicas[0]!.proc, replicas[0]!.output);
    startProcess(replicas[1]!);
    await waitHealthy(replicas[1]!.url, replicas[1]!.proc, replicas[1]!.output);

    // The proxy.
    let next = 0;
    const inFlight = new Map<string, Map<number, string>>(); // replica name -> request number -> fnId
    const served = new Map<string, Set<string>>(); // fnId -> replica names
    let requestNo = 0;
    const proxy = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const fnId = req.url?.startsWith("/api/inngest") ? (new URL(req.url, proxyUrl).searchParams.get("fnId") ?? "") : "";
      const tried = new Set<string>();
      const attempt = () => {
        const live = replicas.filter((r) => r.alive && !tried.has(r.name));
        if (!live.length) {
          res.writeHead(503).end("no live replica");
          return;
        }
        const r = live[next++ % live.length]!;
        tried.add(r.name);
        const no = ++requestNo;
        const upstream = http.request(
          { host: "127.0.0.1", port: r.port, method: req.method, path: req.url, headers: { ...req.headers, host: new URL(proxyUrl).host, "content-length": String(body.length) } },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            up.on("error", () => res.destroy());
          },
        );
        res.once("close", () => inFlight.get(r.name)?.delete(no));
        if (fnId) {
          if (!inFlight.has(r.name)) inFlight.set(r.name, new Map());
          inFlight.get(r.name)!.set(no, fnId);
          if (!served.has(fnId)) served.set(fnId, new Set());
          served.get(fnId)!.add(r.name);
        }
        upstream.on("error", (err: NodeJS.ErrnoException) => {
          inFlight.get(r.name)?.delete(no);
          // Refused: nothing reached it, try the next one. Anything else: it died with the request.
          if (err.code === "ECONNREFUSED" && !res.headersSent) return attempt();
          if (!res.headersSent) res.writeHead(502).end(`replica ${r.name}: ${err.message}`);
          else res.destroy();
        });
        upstream.end(body);
      };
      attempt();
    });
    await new Promise<void>((resolve) => proxy.listen(proxyPort, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => {
      proxy.closeAllConnections();
      proxy.close(() => resolve());
    }));

    // The executor, pointed at the proxy (it syncs and calls /api/inngest through it).
    const executor = spawn(process.execPath, ["--import", "tsx", "scripts/executor.ts"], {
      env: {
        ...baseEnv(),
        RITIKO_EXECUTOR_PORT: String(executorPort),
        RITIKO_EXECUTOR_SERVE_URL: `${proxyUrl}/api/inngest`,
        RITIKO_EXECUTOR_POLL_MS: "200",
        RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: String(TIMING.requestTimeoutMs),
        RITIKO_EXECUTOR_LEASE_MS: String(TIMING.leaseMs),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    executor.stdout!.on("data", (d) => (log += `[executor] ${d}`));
    executor.stderr!.on("data", (d) => (log += `[executor] ${d}`));
    cleanups.push(() => killGroup(executor));
    const synced = Date.now() + 60_000;
    while (!(await fetch(`${executorUrl}/health`).then((r) => r.status === 200, () => false))) {
      if (Date.now() > synced || executor.exitCode !== null) throw new Error(`the executor did not sync through the proxy:\n${log.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const set: ReplicaSet = {
      url: proxyUrl,
      replicas,
      databaseUrl,
      s3,
      servingJob: (fn) => replicas.find((r) => r.alive && [...(inFlight.get(r.name)?.values() ?? [])].some((id) => id.includes(fn))),
      servedJob: (fn) => new Set([...served].filter(([id]) => id.includes(fn)).flatMap(([, names]) => [...names])),
      kill: (r) => {
        r.alive = false;
        killGroup(r.proc);
      },
      restart: async (r) => {
        startProcess(r);
        await waitHealthy(r.url, r.proc, r.output);
      },
      sql: async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          return (await client.query<T>(text, params)).rows;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      output: () => log,
      stop: async () => {
        for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    return set;
  } catch (err) {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    throw err;
  }
}
