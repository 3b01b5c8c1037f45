// One production server process (started by server/primary.ts, one per core): a node:http server on
// the shared port that sends token-authenticated REST calls to our API router (server/api-router.ts)
// and everything else to Next's request handler — the same Next app `next start` would serve,
// including instrumentation.ts (plugin start-up, the outbox dispatcher) once per process.
// SIGTERM/SIGINT: stop accepting, let in-flight requests finish (up to RITIKO_SHUTDOWN_GRACE_MS,
// default 10 s), then exit 0.
import http from "node:http";
import next from "next";
// The plugin registry for the router until Next is prepared: instrumentation.ts then registers the
// build's registry in its place (it lives on globalThis), so the router runs the plugins' handlers as
// built by `npm run build` — the same code Next's route handlers would run, loaded once per process.
import "@/app/_plugins/runtime";
import { log } from "@/core/log";
import { apiTarget, serveApi } from "./api-router";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const grace = Number(process.env.RITIKO_SHUTDOWN_GRACE_MS ?? 10_000);

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // While stopping: answer, then close the connection instead of keeping it alive for more requests.
  if (stopping) res.setHeader("connection", "close");
  res.once("finish", () => {
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
  const target = apiTarget(req);
  if (target) {
    void serveApi(req, res, target);
    return;
  }
  handle(req, res).catch((err: unknown) => {
    log.error("server.next_failed", { err, url: req.url });
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Behind a load balancer, idle keep-alive sockets must outlive the balancer's (usually 60 s) so it
// never reuses a socket we are closing; Next's own server uses the same kind of setting.
server.keepAliveTimeout = Number(process.env.RITIKO_KEEP_ALIVE_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

// Next installs an uncaughtException handler that logs and carries on, so an unhandled listen error
// (the port is taken) would leave a worker that serves nothing: exit instead, and let the primary
// decide (it gives up after five workers in a row die before listening).
server.once("error", (err) => {
  log.error("server.listen_failed", { err, port });
  process.exit(1);
});
server.listen(port, hostname, () => {
  log.info("server.worker_listening", { port });
  process.send?.({ type: "listening" });
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("server.worker_stopping", { signal });
  // close() stops accepting and ends idle keep-alive sockets; requests in flight run to completion
  // and their sockets close after the response (the "finish" hook above). Whatever is still open
  // after the grace period is cut.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, grace).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
