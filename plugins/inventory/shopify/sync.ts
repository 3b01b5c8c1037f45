// One batch of the Shopify sync (run as one step of the job, jobs/shopify-jobs.ts): the next items
// after `cursor` that have both Shopify ids, in id order (keyset pagination on the (organizationId, id)
// index, so a million-item organization is walked once in total, never re-scanned from the start),
// each pushed with the client, and every item's outcome written back in ONE statement:
//   success → shopifySyncedAt = now, shopifySyncError = NULL;
//   failure → shopifySyncError = why (shopifySyncedAt keeps the last success).
// The batch ends early — handing back the cursor of the last item done — when Shopify asks for a long
// wait (the job then sleeps durably and continues there) or the step's time budget is used up. A
// transient failure that outlasts the client's retries, or a refused token, writes what was done and
// throws: the step is retried from its own start (set.json is idempotent, so items pushed again are
// harmless), and a refused token fails the run at once.
import { NonRetriableError } from "inngest";
import { rootDb } from "@/core/db/client";
import { jobStepMs } from "@/core/jobs/step-length";
import type { ShopifyClient } from "./client";

export const SYNC_BATCH_SIZE = 100;
/**
 * Work per step, leaving room under the executor's request timeout for the final write: 45 s, or less
 * when the job step length is set shorter (RITIKO_JOB_STEP_MS, core/jobs/step-length.ts).
 */
export const STEP_BUDGET_MS = Math.min(45_000, jobStepMs());
const ERROR_MAX = 500;

export type BatchResult = {
  /** Last item id done (the next batch starts after it); null when nothing was done yet. */
  cursor: string | null;
  done: boolean;
  synced: number;
  failed: number;
  /** Shopify asked for a wait longer than the client waits in-process: sleep this long, then go on. */
  waitMs: number | null;
  requests: number;
};

type Row = { id: string; inventoryItemId: string; locationId: string; quantity: number };
type Outcome = { id: string; error: string | null };

export class ShopifyTransientError extends Error {
  name = "ShopifyTransientError";
}

export async function syncBatch(
  organizationId: string,
  cursor: string | null,
  client: ShopifyClient,
  opts: { batchSize?: number; budgetMs?: number } = {},
): Promise<BatchResult> {
  const batchSize = opts.batchSize ?? SYNC_BATCH_SIZE;
  const deadline = Date.now() + (opts.budgetMs ?? STEP_BUDGET_MS);
  const rows = await rootDb().$queryRaw<Row[]>`
    SELECT id::text AS id, "shopifyInventoryItemId" AS "inventoryItemId", "shopifyLocationId" AS "locationId", quantity
    FROM inventory_items
    WHERE "organizationId" = ${organizationId}::uuid
      AND (${cursor}::uuid IS NULL OR id > ${cursor}::uuid)
      AND "shopifyInventoryItemId" <> '' AND "shopifyLocationId" <> ''
    ORDER BY id
    LIMIT ${batchSize}`;

  const outcomes: Outcome[] = [];
  const startRequests = client.requests;
  const result = (done: boolean, waitMs: number | null = null): BatchResult => ({
    cursor: outcomes.at(-1)?.id ?? cursor,
    done,
    synced: outcomes.filter((o) => o.error === null).length,
    failed: outcomes.filter((o) => o.error !== null).length,
    waitMs,
    requests: client.requests - startRequests,
  });

  for (const row of rows) {
    if (outcomes.length > 0 && Date.now() > deadline) {
      await record(organizationId, outcomes);
      return result(false);
    }
    const res = await client.setInventoryLevel({ inventoryItemId: row.inventoryItemId, locationId: row.locationId, available: row.quantity });
    if (res.ok) {
      outcomes.push({ id: row.id, error: null });
      continue;
    }
    switch (res.retry) {
      case "never":
        outcomes.push({ id: row.id, error: res.error.slice(0, ERROR_MAX) });
        continue;
      case "rate_limited":
        await record(organizationId, outcomes);
        return result(false, res.waitMs);
      case "transient":
        await record(organizationId, [...outcomes, { id: row.id, error: `${res.error} The sync retries it.`.slice(0, ERROR_MAX) }]);
        throw new ShopifyTransientError(res.error);
      case "auth":
        await record(organizationId, outcomes);
        throw new NonRetriableError(res.error);
    }
  }
  await record(organizationId, outcomes);
  return result(rows.length < batchSize);
}

/** Every outcome of the batch in one UPDATE, bound to the organization. */
async function record(organizationId: string, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await rootDb().$executeRaw`
    UPDATE inventory_items i
    SET "shopifySyncedAt" = CASE WHEN v.error IS NULL THEN now() ELSE i."shopifySyncedAt" END,
        "shopifySyncError" = v.error
    FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS v(id uuid, error text)
    WHERE i."organizationId" = ${organizationId}::uuid AND i.id = v.id`;
}
