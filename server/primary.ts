// The production server (`npm start` runs it after migrations, see scripts/lib/boot.ts): a cluster
// of WEB_CONCURRENCY worker processes (default: one per core) sharing one port — node:cluster hands
// each new connection to the next worker in turn. A worker that dies is replaced (only that one;
// after 1 s, doubling up to 30 s while replacements keep dying within a minute); when workers keep
// dying right at start-up (a bad build, the port taken) the primary gives up and exits 78 (EX_CONFIG,
// scripts/lib/supervise.ts), so the run command stops instead of restarting it, and exits non-zero. SIGTERM/SIGINT: every worker finishes its
// in-flight requests and exits, then the primary exits 0.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const count = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());
const MAX_STARTUP_FAILURES = 5;
/** scripts/lib/supervise.ts EXIT_CONFIG: starting again cannot help. */
const EXIT_CANNOT_START = 78;

const info = (msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", msg, ...fields })}\n`);
const error = (msg: string, fields: Record<string, unknown> = {}) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "error", msg, ...fields })}\n`);

// RITIKO_WORKER_NODE_ARGS: extra Node flags for the workers only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
// to profile them (NODE_OPTIONS refuses --cpu-prof) or "--max-old-space-size=256".
const extraArgs = (process.env.RITIKO_WORKER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
cluster.setupPrimary({
  exec: path.join(here, "worker.ts"),
  execArgv: [...extraArgs, "--import", "tsx", "--import", path.join(here, "register-hooks.mjs")],
});

let stopping = false;
let startupFailures = 0;
let failuresInARow = 0;
const slots = new Map<number, { startedAt: number; listening: boolean }>();

function fork(slot: number) {
  if (stopping) return;
  const worker = cluster.fork({ RITIKO_WORKER_ID: String(slot), NODE_ENV: "production" });
  const state = { startedAt: Date.now(), listening: false };
  slots.set(slot, state);
  worker.on("message", (m: { type?: string }) => {
    if (m?.type === "listening") {
      state.listening = true;
      startupFailures = 0;
    }
  });
  worker.on("exit", (code, signal) => onExit(slot, worker, state, code, signal));
  // A connection handed to a worker in the instant it dies fails on the closed channel (EPIPE,
  // ERR_IPC_CHANNEL_CLOSED). Unhandled, that error would take the primary — and every worker — down.
  worker.on("error", (err) => error("server.worker_channel_error", { worker: slot, pid: worker.process.pid, error: err.message }));
}

function onExit(slot: number, worker: Worker, state: { startedAt: number; listening: boolean }, code: number | null, signal: string | null) {
  if (stopping) return;
  const how = signal ?? `code ${code}`;
  if (!state.listening && ++startupFailures >= MAX_STARTUP_FAILURES) {
    error("server.giving_up", { worker: slot, pid: worker.process.pid, exit: how, reason: `${MAX_STARTUP_FAILURES} workers in a row died before listening` });
    void stopAll(EXIT_CANNOT_START);
    return;
  }
  failuresInARow = Date.now() - state.startedAt > 60_000 ? 1 : failuresInARow + 1;
  const delay = Math.min(30_000, 1_000 * 2 ** (failuresInARow - 1));
  error("server.worker_died", { worker: slot, pid: worker.process.pid, exit: how, restartInMs: delay });
  setTimeout(() => fork(slot), delay);
}

async function stopAll(code: number) {
  stopping = true;
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.once("exit", () => resolve());
          w.process.kill("SIGTERM");
        }),
    ),
  );
  info("server.stopped", { code });
  process.exit(code);
}

process.on("SIGTERM", () => void stopAll(0));
process.on("SIGINT", () => void stopAll(0));
// The run command died without stopping us (its lifeline channel closed, scripts/lib/boot.ts): stop
// rather than serve on as an orphan nobody supervises.
process.on("disconnect", () => {
  if (stopping) return;
  error("server.run_command_gone", { reason: "the run command exited without stopping the server" });
  void stopAll(1);
});

info("server.starting", { workers: count, port: process.env.PORT ?? "3000" });
for (let slot = 1; slot <= count; slot++) fork(slot);
