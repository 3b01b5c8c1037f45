// Liveness and readiness in one: 200 when the database answers, 503 otherwise. Public (see proxy.ts).
import { rootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { REQUEST_ID_HEADER } from "@/core/http/request-id";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const started = performance.now();
  try {
    await rootDb().$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: { status: "up", latencyMs }, time: new Date().toISOString() });
  } catch (err) {
    log.error("health.database_down", { err, requestId });
    return Response.json({ status: "error", database: { status: "down" }, time: new Date().toISOString() }, { status: 503 });
  }
}
