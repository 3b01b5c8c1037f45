// The embedded Inngest executor as its own process on loopback (started by scripts/lib/boot.ts when no
// Inngest server is configured; runnable alone: `node --import tsx scripts/executor.ts`).
//   RITIKO_EXECUTOR_PORT       port of the event API (default 8288); the app gets INNGEST_DEV=http://127.0.0.1:<port>
//   RITIKO_EXECUTOR_SERVE_URL  the app's serve endpoint (default http://127.0.0.1:$PORT/api/inngest)
//   RITIKO_EXECUTOR_TOKEN      shared secret sent to the app with every request (inngest/executor/token.ts)
// Needs DATABASE_URL (run state lives in PostgreSQL, prisma/schema/jobs.prisma).
import "dotenv/config";
import { log } from "../core/log";
import { startExecutorServer } from "../inngest/executor/server";

const port = Number(process.env.RITIKO_EXECUTOR_PORT ?? 8288);
const serveUrl = process.env.RITIKO_EXECUTOR_SERVE_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}/api/inngest`;

try {
  const server = await startExecutorServer({ serveUrl, port, token: process.env.RITIKO_EXECUTOR_TOKEN || undefined });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.close();
      log.info("jobs.executor_stopped");
      process.exit(0);
    } catch (err) {
      log.error("jobs.executor_stop_failed", { err });
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} catch (err) {
  log.error("jobs.executor_start_failed", { err, port, serveUrl });
  process.exit(1);
}
