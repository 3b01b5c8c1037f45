// Debian's PgBouncer in transaction pooling mode in front of a test PostgreSQL, for `npm test`'s pooled
// pass (scripts/test.ts): the integration tests run once more with DATABASE_URL through it, as a
// production deployment behind a pooler would (docs/deploy.md). In that mode each transaction may get
// another server connection, so anything session-scoped (named prepared statements, session SETs,
// advisory locks outside a transaction, LISTEN) would break — the pass proves the app uses none where
// it matters.
//
// Any role can sign in through it: PgBouncer looks a role's SCRAM secret up in pg_shadow (auth_query,
// as `authUser`), so tests that create roles of their own work too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const BINARY_CANDIDATES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"];

export function findPgBouncer(): string | undefined {
  return BINARY_CANDIDATES.find((p) => fs.existsSync(p)) ?? (onPath("pgbouncer") ? "pgbouncer" : undefined);
}

/** Installs Debian's pgbouncer with apt-get when missing and we are root; throws with the command otherwise. */
export function ensurePgBouncer(say: (msg: string) => void): string {
  let found = findPgBouncer();
  if (!found && process.getuid?.() === 0 && onPath("apt-get")) {
    say("installing pgbouncer with apt-get (the pooled test pass needs it)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "pgbouncer"], { stdio: "inherit", env }) : update;
    if (install.status !== 0) throw new Error(`apt-get could not install pgbouncer (exit ${install.status}); install it and run npm test again.`);
    found = findPgBouncer();
  }
  if (!found) throw new Error("The pooled test pass needs PgBouncer. Install it with\n  sudo apt-get install -y pgbouncer\nor run without it: npm test -- --no-pooled");
  return found;
}

export type PgBouncer = {
  port: number;
  /** Its process (for CPU accounting). */
  pid: number;
  /** `serverUrl` with its host and port replaced by PgBouncer's. */
  urlFor(serverUrl: string): string;
  stop(): Promise<void>;
};

/**
 * Starts PgBouncer on `port` in front of the server of `adminUrl` (a superuser's URL: PgBouncer's
 * auth_user). Foreground child process; as root it switches to the `postgres` system user (PgBouncer
 * refuses to run as root), which must be able to read `dir`.
 */
export async function startPgBouncer(binary: string, opts: { adminUrl: string; dir: string; port: number }): Promise<PgBouncer> {
  const server = new URL(opts.adminUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  fs.mkdirSync(opts.dir, { recursive: true });
  fs.chmodSync(opts.dir, 0o777);
  const users = path.join(opts.dir, "users.txt");
  fs.writeFileSync(users, `"${user}" "${password.replace(/"/g, '""')}"\n`, { mode: 0o644 });
  const ini = path.join(opts.dir, "pgbouncer.ini");
  fs.writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${opts.port}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${users}`,
      `auth_user = ${user}`,
      "auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename = $1",
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 40",
      // Sent by node-postgres and Prisma at connect; a transaction pooler cannot keep them per client.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(opts.dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ["-u", "postgres", ini] : [ini];
  const child: ChildProcess = spawn(binary, args, { stdio: "ignore" });
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 1));

  const urlFor = (serverUrl: string) => {
    const u = new URL(serverUrl);
    u.hostname = "127.0.0.1";
    u.port = String(opts.port);
    return u.toString();
  };
  // Ready once a query goes through it.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const client = new pg.Client({ connectionString: urlFor(opts.adminUrl) });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      break;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (exited !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        const log = fs.existsSync(path.join(opts.dir, "pgbouncer.log")) ? fs.readFileSync(path.join(opts.dir, "pgbouncer.log"), "utf8").slice(-2000) : "";
        throw new Error(`PgBouncer did not start (${exited !== null ? `exited ${exited}` : (err as Error).message}):\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port: opts.port,
    pid: child.pid!,
    urlFor,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
