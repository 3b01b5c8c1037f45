// Readiness: 200 when this replica can serve — the database answers and has every migration this build
// ships (core/db/migration-status.ts); 503 otherwise, saying which. A load balancer sends traffic only
// to ready replicas; /api/health (liveness) only asks whether the process and its database answer.
// Public (proxy.ts: /api/health…), and says nothing secret: migration names are in the repository.
import { migrationStatus } from "@/core/db/migration-status";
import { log } from "@/core/log";

export const dynamic = "force-dynamic";

export async function GET() {
  const time = new Date().toISOString();
  try {
    const status = await migrationStatus();
    if (status.pending.length || status.failed.length) {
      return Response.json({ status: "not_ready", reason: status.failed.length ? "a migration failed" : "migrations pending", ...status, time }, { status: 503 });
    }
    return Response.json({ status: "ready", unknownMigrations: status.unknown, time });
  } catch (err) {
    log.error("health.ready_failed", { err });
    return Response.json({ status: "not_ready", reason: "database unreachable", time }, { status: 503 });
  }
}
