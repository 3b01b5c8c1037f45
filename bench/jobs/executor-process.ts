// The executor side of the jobs benchmark, as its own Node process (like scripts/executor.ts in
// `npm run dev`), so its RSS and CPU are its own. Forked by bench/jobs/run.ts with an IPC channel:
//   parent -> child  {type: "start", serveUrl, executor}   start the executor server on port 0
//   child -> parent  {type: "listening", url, options}, then {type: "ready"} after the first sync
//                    (the app needs the URL to exist before it can answer that sync), or {type: "error"}
//   parent -> child  {type: "stats", reset?}   -> {type: "stats", stats}
//   parent -> child  {type: "close"}           -> {type: "closed"}, then exit
// If the parent goes away (IPC disconnect), the child closes the executor and exits.
import { startExecutorServer, type ExecutorServer, type ExecutorServerOptions } from "@/inngest/executor/server";
import { optionsSeen, processStats, type ProcessStats } from "./lib";

type Message = { type: "start"; serveUrl: string; executor: ExecutorServerOptions["executor"] } | { type: "stats"; reset?: boolean } | { type: "close" };

const reply = (msg: unknown) => process.send?.(msg);
const sampler = processStats();
let server: ExecutorServer | undefined;
let closing: Promise<void> | undefined;

async function close(): Promise<void> {
  closing ??= (async () => {
    await server?.close();
    sampler.stop();
  })();
  return closing;
}

process.on("message", (raw) => {
  const msg = raw as Message;
  void (async () => {
    try {
      if (msg.type === "start") {
        server = await startExecutorServer({ serveUrl: msg.serveUrl, port: 0, syncRetryMs: 50, resyncIntervalMs: 0, executor: msg.executor });
        reply({ type: "listening", url: server.url, options: optionsSeen(server) });
        await server.ready;
        reply({ type: "ready" });
      } else if (msg.type === "stats") {
        const stats: ProcessStats = sampler.read(msg.reset);
        reply({ type: "stats", stats });
      } else if (msg.type === "close") {
        await close();
        reply({ type: "closed" });
        process.disconnect?.();
        process.exit(0);
      }
    } catch (err) {
      reply({ type: "error", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  })();
});

process.on("disconnect", () => {
  void close().finally(() => process.exit(0));
});

