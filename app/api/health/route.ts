// Liveness and readiness in one: 200 when the database answers, 503 otherwise. Public (see proxy.ts).
// `worker` names the production server process that answered (server/primary.ts), for tracing a
// misbehaving one behind the shared port; absent under `npm run dev`.
import { rootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { REQUEST_ID_HEADER } from "@/core/http/request-id";

export const dynamic = "force-dynamic";

const worker = process.env.RITIKO_WORKER_ID ? { worker: Number(process.env.RITIKO_WORKER_ID) } : {};

export async function GET(req: Request) {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const started = performance.now();
  try {
    await rootDb().$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: { status: "up", latencyMs }, time: new Date().toISOString(), ...worker });
  } catch (err) {
    log.error("health.database_down", { err, requestId });
    return Response.json({ status: "error", database: { status: "down" }, time: new Date().toISOString(), ...worker }, { status: 503 });
  }
}
