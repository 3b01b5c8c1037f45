// A real `npm start` for the crash tests: a fresh embedded PostgreSQL in a temporary folder (created,
// migrated and seeded with the demo organizations as on a first start), the production server and the
// embedded job executor, on free ports, with short job timings so that a lease runs out in seconds.
// The test finds each process to kill the way an operator would: by its command line under the run
// command, and the postmaster by its postmaster.pid.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/tests/helpers/wait";

/** Job timings of the crash tests: the run command requires timeout ≥ step + 30 s and lease > timeout + 5 s. */
export const TIMING = { stepMs: 5_000, requestTimeoutMs: 35_000, leaseMs: 41_000 } as const;

export type RunningApp = {
  url: string;
  databaseUrl: string;
  npm: ChildProcess;
  /** Everything the run command printed (stdout and stderr). */
  output: () => string;
  exited: Promise<number | null>;
  pidOf(what: "boot" | "server" | "executor" | "postmaster"): number | undefined;
  dataDir: string;
  /** SIGKILL to every process of the run command's group (cleanup after a failure; no orphans). */
  killGroup(): void;
};

const children = (pid: number): number[] => {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};
const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
};

export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-chaos-"));
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to enter the folder.
  fs.chmodSync(dataDir, 0o755);
  const [port, dbPort, executorPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The embedded database: nothing external is configured.
  for (const name of ["DATABASE_URL", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_SIGNING_KEY", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    RITIKO_DB_PORT: String(dbPort),
    RITIKO_EXECUTOR_PORT: String(executorPort),
    RITIKO_DATA_DIR: path.join(dataDir, "postgres"),
    RITIKO_EXECUTOR_POLL_MS: "200",
    RITIKO_JOB_STEP_MS: String(TIMING.stepMs),
    RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: String(TIMING.requestTimeoutMs),
    RITIKO_EXECUTOR_LEASE_MS: String(TIMING.leaseMs),
    ...extraEnv,
  });
  let out = "";
  // Its own process group, so that a failed test can kill everything it started (killGroup).
  const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  npm.stdout!.on("data", (d) => (out += d));
  npm.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const boot = () => children(npm.pid!).find((c) => cmdline(c).includes("scripts/start.ts"));
  const app: RunningApp = {
    url,
    databaseUrl: `postgresql://ritiko:ritiko@127.0.0.1:${dbPort}/ritiko`,
    npm,
    output: () => out,
    exited,
    dataDir,
    killGroup() {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
    pidOf(what) {
      const b = boot();
      if (what === "boot" || !b) return b;
      if (what === "postmaster") {
        const file = path.join(dataDir, "postgres", "postmaster.pid");
        return fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8").split("\n")[0]) : undefined;
      }
      const script = what === "server" ? "server/primary.ts" : "scripts/executor.ts";
      return children(b).find((c) => cmdline(c).includes(script));
    },
  };
  return app;
}

export const healthy = async (app: RunningApp) => (await fetch(`${app.url}/api/health`)).status === 200;

/** One query on a fresh connection (the database may have been restarted since the last one). */
export async function sql<T extends pg.QueryResultRow>(app: RunningApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}
