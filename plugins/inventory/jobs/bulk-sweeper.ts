// The sweeper of background bulk operations (the "inventory-bulk-sweeper" job, every minute): an
// operation queued or running whose heartbeat is older than core's stall threshold has lost its run
// (a crashed job runner, a run cancelled on the Jobs page) and is resumed by sending its event again —
// the job re-applies the frozen filter from the start, and rows already changed are no-ops (or gone,
// for delete), so nothing is applied twice. Per-organization concurrency queues the resumed run behind
// a live one, should there be one. Stalled past core's GIVE_UP_MS, the operation is failed with the
// reason, and the list page offers its retry. Operations of organizations that have disabled the
// plugin are left alone: disabling already failed them (cancelBulkOperations).
import type { Inngest } from "inngest";
import { cron } from "inngest";
import { rootDb } from "@/core/db/client";
import { pluginJobId } from "@/core/jobs/plugin-jobs";
import { GIVE_UP_MS, resumeEventId, stallAfterMs } from "@/core/jobs/stall";
import { log } from "@/core/log";
import { inngest } from "@/inngest/client";
import { bulkOperationRequested } from "./bulk-events";
import { failOperation } from "./bulk-operations";

type Send = (event: { name: string; data: Record<string, unknown>; id?: string }) => Promise<unknown>;

/** `send` is the app's Inngest client's (tests pass a recorder). */
export async function sweepBulkOperations(now = new Date(), send: Send = (e) => inngest.send(e)): Promise<{ resumed: string[]; failed: string[] }> {
  const cutoff = new Date(now.getTime() - stallAfterMs());
  const rows = await rootDb().$queryRaw<Array<{ id: string; organizationId: string; heartbeatAt: Date }>>`
    SELECT id::text AS id, "organizationId"::text AS "organizationId", "heartbeatAt"
    FROM inventory_bulk_operations WHERE status IN ('queued', 'running') AND "heartbeatAt" < ${cutoff}`;
  const result = { resumed: [] as string[], failed: [] as string[] };
  for (const op of rows) {
    if (now.getTime() - op.heartbeatAt.getTime() > GIVE_UP_MS) {
      await failOperation(op.organizationId, op.id, `Stopped at ${op.heartbeatAt.toISOString()} and could not be resumed for an hour (is the job runner running?). Batches already applied stay applied; retry to finish.`);
      result.failed.push(op.id);
    } else {
      await send(bulkOperationRequested.create({ organizationId: op.organizationId, operationId: op.id }, { id: resumeEventId("inventory-bulk", op.id, op.heartbeatAt) }));
      result.resumed.push(op.id);
    }
  }
  if (rows.length) log.warn("inventory.bulk.stalled_swept", result);
  return result;
}

export function createBulkSweeper(client: Inngest) {
  return client.createFunction(
    { id: pluginJobId("inventory", "bulk-sweeper"), name: "Inventory: resume stalled bulk actions", concurrency: { limit: 1 }, triggers: [cron("* * * * *")] },
    async ({ step }) => step.run("sweep", () => sweepBulkOperations()),
  );
}

export const bulkSweeper = createBulkSweeper(inngest);
