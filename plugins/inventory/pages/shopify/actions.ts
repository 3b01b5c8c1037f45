"use server";
// "Sync now" on the Shopify page: checks the member may run the sync and that Shopify is set up, then
// sends the sync job's event (the job does the work, in the background). Refused with the reason when
// the credentials are missing or a sync of the organization is already waiting or running.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import type { ActionResult } from "@/core/actions/result";
import { inngest } from "@/inngest/client";
import { shopifySyncRequested } from "../../jobs/shopify-jobs";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { shopifyCredentials } from "../../shopify/credentials";
import { inventoryAction } from "../items/action-guard";
import { syncInProgress } from "./queries";

export async function requestShopifySyncAction(): Promise<ActionResult<{ eventId: string | null }>> {
  return inventoryAction(P.sync, z.undefined(), undefined, async (ctx) => {
    const creds = await shopifyCredentials(ctx.organization.id);
    if ("problem" in creds) return { ok: false, error: creds.problem };
    if (await syncInProgress(ctx)) return { ok: false, error: "A Shopify sync of this organization is already waiting or running." };
    const { ids } = await inngest.send(shopifySyncRequested.create({ organizationId: ctx.organization.id }));
    revalidatePath("/inventory/shopify");
    return { ok: true, data: { eventId: ids[0] ?? null }, message: "Shopify sync started. Its result appears under Recent syncs." };
  });
}
