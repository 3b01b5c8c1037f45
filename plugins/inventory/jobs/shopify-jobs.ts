// The Shopify sync job: pushes the quantity of every item that has both Shopify ids to the shop's
// inventory levels, in keyset-paginated batches, each batch its own step (shopify/sync.ts) — so a
// crash or a retry resumes at the batch, never at the start. A long 429 Retry-After becomes a durable
// step.sleep; each item's failure is written on the item (the Shopify page lists them) without
// failing the run; missing or refused credentials fail it at once (NonRetriableError) with a message
// saying what to fix. A run walks at most MAX_BATCHES_PER_RUN batches, then hands the cursor to a
// continuation run (Inngest caps the steps of one run), which waits for this one (perOrganization(1)).
import { eventType, NonRetriableError, type InngestFunction } from "inngest";
import { z } from "zod";
import { perOrganization, pluginJobId, skipUnlessEnabled } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";
import { shopifyClient } from "../shopify/client";
import { shopifyCredentials } from "../shopify/credentials";
import { syncBatch } from "../shopify/sync";
import { cancelOnDisable } from "./job-events";

export const shopifySyncRequested = eventType("inventory/shopify-sync.requested", {
  schema: z.object({
    organizationId: z.uuid(),
    /** A continuation: start after this item id (set only by the job itself). */
    cursor: z.uuid().optional(),
    /** Which continuation this is (0 = the run someone asked for). */
    part: z.number().int().min(0).optional(),
  }),
});

export const MAX_BATCHES_PER_RUN = 300;
/** Durable rate-limit sleeps in a row without progress before the run gives up. */
export const MAX_IDLE_SLEEPS = 20;

export const SHOPIFY_SYNC_FUNCTION = pluginJobId("inventory", "shopify-sync");

export const shopifySync = inngest.createFunction(
  {
    id: SHOPIFY_SYNC_FUNCTION,
    name: "Inventory: Shopify sync",
    concurrency: perOrganization(1),
    cancelOn: cancelOnDisable,
    triggers: [shopifySyncRequested],
  },
  async ({ event, step }) => {
    const { organizationId } = event.data;
    const skipped = await step.run("check-enabled", () => skipUnlessEnabled("inventory", organizationId));
    if (skipped) return skipped;
    await step.run("check-credentials", async () => {
      const creds = await shopifyCredentials(organizationId);
      if ("problem" in creds) throw new NonRetriableError(creds.problem);
      return { shop: creds.shopUrl };
    });

    let cursor: string | null = event.data.cursor ?? null;
    const totals = { synced: 0, failed: 0, requests: 0, batches: 0, rateLimitSleeps: 0 };
    let idleSleeps = 0;
    for (let n = 0; n < MAX_BATCHES_PER_RUN; n++) {
      const from = cursor;
      const batch = await step.run(`batch-${n}`, async () => {
        const creds = await shopifyCredentials(organizationId);
        if ("problem" in creds) throw new NonRetriableError(creds.problem);
        return syncBatch(organizationId, from, shopifyClient({ baseUrl: creds.baseUrl, accessToken: creds.accessToken }));
      });
      totals.batches++;
      totals.synced += batch.synced;
      totals.failed += batch.failed;
      totals.requests += batch.requests;
      cursor = batch.cursor;
      if (batch.done) return { ...totals, continued: false };
      if (batch.waitMs !== null) {
        idleSleeps = batch.cursor === from ? idleSleeps + 1 : 0;
        if (idleSleeps > MAX_IDLE_SLEEPS) throw new NonRetriableError(`Shopify kept answering 429 (rate limited) for ${MAX_IDLE_SLEEPS} waits in a row; the sync stopped. Try again later.`);
        totals.rateLimitSleeps++;
        await step.sleep(`rate-limit-${n}`, batch.waitMs);
      }
    }
    await step.sendEvent("continue", shopifySyncRequested.create({ organizationId, ...(cursor ? { cursor } : {}), part: (event.data.part ?? 0) + 1 }));
    return { ...totals, continued: true };
  },
);

export const shopifyJobs: InngestFunction.Any[] = [shopifySync];
