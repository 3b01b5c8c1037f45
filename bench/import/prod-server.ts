// The production server for bench/import/http.ts, started exactly as `npm start` runs it
// (`exec node --import tsx scripts/start.ts`: migrations, then server/primary.ts's workers and the
// embedded job executor) in its own process group, its output in a log file; as bench/api/run.ts does.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { freePort } from "../../scripts/lib/free-port";

export type ProdServer = {
  /** start.ts's pid: the root of the app's process tree. */
  pid: number;
  base: string;
  logPath: string;
  /** The server's warn/error lines so far. */
  problems: string[];
  alive(): boolean;
  /** SIGTERM to the process group, SIGKILL after 30 s; resolves when start.ts has exited. Idempotent. */
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `npm run build` when there is no production build or `force`; throws when it fails. */
export function ensureBuild(force: boolean, env: NodeJS.ProcessEnv, log: (s: string) => void): void {
  if (!force && fs.existsSync(".next/BUILD_ID")) {
    // The routes and the import jobs run the build's code: say so when the source has changed since.
    const built = fs.statSync(".next/BUILD_ID").mtimeMs;
    const newer = newestSource();
    if (newer && newer.mtimeMs > built) {
      log(`note: the production build (${new Date(built).toISOString()}) is older than ${newer.file} (${new Date(newer.mtimeMs).toISOString()}): the numbers are the build's; --build to rebuild`);
    }
    return;
  }
  log(force ? "building (--build): npm run build" : "no production build (.next/BUILD_ID): npm run build");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
  if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status})`);
}

/** The most recently modified source file the build is made from (app, components, core, inngest, plugins, ...). */
function newestSource(): { file: string; mtimeMs: number } | null {
  const found = { file: "", mtimeMs: 0 };
  const consider = (file: string) => {
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (mtimeMs > found.mtimeMs) Object.assign(found, { file, mtimeMs });
  };
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && !e.name.startsWith(".")) visit(file);
      } else if (/\.(ts|tsx|css|prisma)$/.test(e.name)) consider(file);
    }
  };
  for (const dir of ["app", "components", "core", "inngest", "plugins", "types"]) visit(dir);
  for (const file of ["instrumentation.ts", "proxy.ts", "next.config.ts"]) if (fs.existsSync(file)) consider(file);
  return found.file ? found : null;
}

/**
 * Starts the server on `port` against `databaseUrl` and waits until GET /api/health answers 200
 * (3 minutes at most). `env` is the caller's environment as it was before the benchmark changed its own.
 */
export async function startProdServer(opts: { env: NodeJS.ProcessEnv; databaseUrl: string; port: number; logPath: string }): Promise<ProdServer> {
  const env: NodeJS.ProcessEnv = {
    ...opts.env,
    DATABASE_URL: opts.databaseUrl,
    PORT: String(opts.port),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    NEXTAUTH_URL: `http://localhost:${opts.port}`,
    LOG_LEVEL: opts.env.LOG_LEVEL ?? "warn",
    // The executor's default port (8288) may be taken by a dev server on the same machine.
    RITIKO_EXECUTOR_PORT: opts.env.RITIKO_EXECUTOR_PORT ?? String(await freePort()),
  };
  fs.mkdirSync(path.dirname(opts.logPath), { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = (s: NodeJS.Signals) => {
    if (!child.pid || !alive()) return;
    try {
      process.kill(-child.pid, s);
    } catch {
      // already gone
    }
  };
  // Whatever happens to us, the server does not outlive the benchmark.
  process.on("exit", () => signal("SIGTERM"));

  const logFile = fs.createWriteStream(opts.logPath);
  const problems: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      logFile.write(`${line}\n`);
      if (/"level":"(warn|error|fatal)"|\berror\b|Error:/i.test(line)) problems.push(line);
    });
  }

  let stopping: Promise<void> | undefined;
  const server: ProdServer = {
    pid: child.pid!,
    base: `http://127.0.0.1:${opts.port}`,
    logPath: opts.logPath,
    problems,
    alive,
    stop: () =>
      (stopping ??= (async () => {
        if (alive()) {
          signal("SIGTERM");
          const timedOut = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)]);
          if (timedOut) {
            signal("SIGKILL");
            await exited;
          }
        }
        await new Promise<void>((r) => logFile.end(() => r()));
      })()),
  };

  const started = performance.now();
  try {
    for (;;) {
      if (!alive()) throw new Error(`the server exited during start-up (log: ${opts.logPath}):\n${problems.slice(-10).join("\n")}`);
      if (performance.now() - started > 180_000) throw new Error(`the server did not answer GET /api/health with 200 within 3 minutes (log: ${opts.logPath})`);
      const res = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
      if (res?.status === 200) break;
      await sleep(250);
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
