// The background bulk operation: a bulk action over more than BACKGROUND_THRESHOLD items ("select all
// N matching"), applied in keyset batches of BULK_BATCH_SIZE ids. Each batch is one step and ONE
// transaction: the same set-based statement as the direct path (items/bulk.ts applyBulkChange), its
// events, and the operation's progress (`done`) — so after a crash a re-run batch cannot count twice.
//
// When a batch fails: its transaction rolls back (none of its rows changed, no event queued); Inngest
// retries the step; if it keeps failing, the run fails and onFailure marks the operation failed with
// the error. Batches that committed before stay applied — the UI says so and offers a retry, which
// re-evaluates the frozen filter (rows already changed are no-ops, deleted ones are gone).
// The filter is frozen with the operation's creation time: items created afterwards are never touched.
import type { Inngest, InngestFunction } from "inngest";
import { scopedDb } from "@/core/db/scoped";
import { kickOutbox } from "@/core/events/outbox-signal";
import { perOrganization, pluginJobId, skipUnlessEnabled } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";
import { applyBulkChange, BULK_ACTIONS, BULK_BATCH_SIZE, selectionWhere, type BulkAction } from "../items/bulk";
import { itemFilterSchema } from "../items/filters";
import { bulkOperationRequested } from "./bulk-events";
import { bulkSweeper } from "./bulk-sweeper";
import { addProgress, beginOperation, completeOperation, errorText, failOperation, getOperationRecord } from "./bulk-operations";
import { jobEventMeta } from "@/core/events/meta";
import { cancelOnDisable } from "./job-events";

export type BatchResult = { count: number; lastId: string | null };

/**
 * One batch of the operation: the next `batchSize` pending rows after `afterId` (id order), in its own
 * transaction with its events and progress. `count < batchSize` means the operation is through.
 */
export async function runBulkBatch(organizationId: string, operationId: string, afterId: string | null, batchSize = BULK_BATCH_SIZE): Promise<BatchResult> {
  const op = await getOperationRecord(organizationId, operationId);
  if (!op) throw new Error(`Bulk operation ${operationId} not found`);
  const filter = itemFilterSchema.parse(op.filter);
  const action = op.action as BulkAction;
  if (!BULK_ACTIONS.includes(action)) throw new Error(`Unknown bulk action ${op.action}`);
  const meta = await jobEventMeta(organizationId, { id: operationId, name: "inventory-bulk-operation" });
  const result = await scopedDb(organizationId).$transaction(
    async (tx) => {
      const res = await applyBulkChange(tx, meta, action, selectionWhere(organizationId, { mode: "filter", filter }), { afterId, limit: batchSize, asOf: op.createdAt });
      await addProgress(tx, organizationId, operationId, res.count);
      return res;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  kickOutbox();
  return result;
}

/**
 * The job, on a given Inngest client: the app's (below), or a test's own client with a unique app id
 * (so a test executor never claims, or is claimed by, another test's "ritiko" runs).
 */
export function createBulkOperationFunction(client: Inngest) {
  return client.createFunction(
  {
    id: pluginJobId("inventory", "bulk-operation"),
    name: "Inventory: bulk action",
    // One bulk operation at a time per organization: two would fight over the same rows' locks.
    concurrency: perOrganization(1),
    cancelOn: cancelOnDisable,
    retries: 3,
    triggers: [bulkOperationRequested],
    onFailure: async ({ event, error }) => {
      const original = (event.data as { event: { data: { organizationId: string; operationId: string } } }).event.data;
      await failOperation(original.organizationId, original.operationId, `A batch failed after retries: ${errorText(error)}`);
    },
  },
  async ({ event, step }) => {
    const { organizationId, operationId } = event.data;
    const skipped = await step.run("check-enabled", () => skipUnlessEnabled("inventory", organizationId));
    if (skipped) {
      await step.run("mark-skipped", () => failOperation(organizationId, operationId, skipped.skipped));
      return skipped;
    }
    const started = await step.run("start", async () => Boolean(await beginOperation(organizationId, operationId)));
    if (!started) return { skipped: "The operation is not queued (already finished, or failed and not retried)." };
    let afterId: string | null = null;
    let batches = 0;
    for (;;) {
      const res: BatchResult = await step.run(`batch-${batches + 1}`, () => runBulkBatch(organizationId, operationId, afterId));
      batches++;
      if (res.count < BULK_BATCH_SIZE || !res.lastId) break;
      afterId = res.lastId;
    }
    // The operation's own count, not a sum of the steps' results (completeOperation says why).
    const changed = await step.run("complete", () => completeOperation(organizationId, operationId));
    return { batches, changed };
  },
  );
}

export const bulkOperation = createBulkOperationFunction(inngest);

export const bulkJobs: InngestFunction.Any[] = [bulkOperation, bulkSweeper];
