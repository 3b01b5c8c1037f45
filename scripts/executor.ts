// The embedded Inngest executor as its own process on loopback (started by scripts/lib/boot.ts when no
// Inngest server is configured; runnable alone: `node --import tsx scripts/executor.ts`).
//   RITIKO_EXECUTOR_PORT                port of the event API (default 8288); the app gets INNGEST_BASE_URL=http://127.0.0.1:<port>
//   INNGEST_SIGNING_KEY                 signs every sync and call (the app's SDK verifies it in cloud mode)
//   INNGEST_EVENT_KEY                   the only key POST /e/:key accepts (unset: any key, dev mode)
//   RITIKO_EXECUTOR_SERVE_URL           the app's serve endpoint (default http://127.0.0.1:$PORT/api/inngest)
//   RITIKO_EXECUTOR_TOKEN               dev mode only: shared secret sent with every request (inngest/executor/token.ts)
// Timing (milliseconds; tune crash recovery with these):
//   RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS  longest one call to the app may take (default 120000 = 2 min)
//   RITIKO_EXECUTOR_LEASE_MS            how long a claimed queue item stays locked: after a crash (kill -9,
//                                       power loss) its run resumes once this has passed. Default request
//                                       timeout + 30 s; must exceed the request timeout by more than 5 s.
//   RITIKO_EXECUTOR_POLL_MS             pause between queue polls when idle (default 500)
// An invalid value stops the process at start with a message naming the variable (exit code 78,
// EX_CONFIG: the run command then stops instead of restarting it; it also checks them before it
// starts anything, inngest/executor/timing.ts).
// SIGTERM/SIGINT stop gracefully: no new claims, the call in flight finishes and its outcome is recorded.
// Needs DATABASE_URL (run state lives in PostgreSQL, prisma/schema/jobs.prisma).
import "dotenv/config";
import { log } from "../core/log";
import { startExecutorServer } from "../inngest/executor/server";
import { executorTimingFromEnv } from "../inngest/executor/timing";

const port = Number(process.env.RITIKO_EXECUTOR_PORT ?? 8288);
const serveUrl = process.env.RITIKO_EXECUTOR_SERVE_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}/api/inngest`;

/** EX_CONFIG (sysexits.h): a setting is wrong, so restarting cannot help. */
const EXIT_CONFIG = 78;
let timing: ReturnType<typeof executorTimingFromEnv>;
try {
  timing = executorTimingFromEnv();
} catch (err) {
  log.error("jobs.executor_config_invalid", { err });
  process.exit(EXIT_CONFIG);
}

try {
  const server = await startExecutorServer({
    serveUrl,
    port,
    token: process.env.RITIKO_EXECUTOR_TOKEN || undefined,
    // As set by scripts/lib/boot.ts (or by hand): calls are signed with the app's signing key and events
    // must come with the app's event key, as with a self-hosted Inngest server.
    eventKey: process.env.INNGEST_EVENT_KEY || undefined,
    executor: { ...timing, signingKey: process.env.INNGEST_SIGNING_KEY || undefined },
  });
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
  // The run command died without stopping us (its lifeline channel closed, scripts/lib/boot.ts).
  process.on("disconnect", () => {
    log.error("jobs.run_command_gone", {});
    void stop();
  });
} catch (err) {
  log.error("jobs.executor_start_failed", { err, port, serveUrl });
  process.exit(1);
}
