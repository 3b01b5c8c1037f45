// Reads of the Shopify page: whether the sync is set up (never the token itself), the organization's
// recent sync runs (job_runs, organization-scoped) and the items whose last sync failed — a page at a
// time, found through the (organizationId, shopifySyncError) index rather than a scan of every item.
import "server-only";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { getSettings } from "@/core/plugins/settings/store";
import { inngest } from "@/inngest/client";
import { SHOPIFY_SYNC_FUNCTION } from "../../jobs/shopify-jobs";
import { shopifyUrlProblem } from "../../settings";

/** The sync's id as the executor stores it on job_runs: "<app id>-<function id>". */
export const SYNC_RUN_FUNCTION_ID = `${inngest.id}-${SHOPIFY_SYNC_FUNCTION}`;

export type ShopifyStatus = { shopUrl: string; shopUrlProblem: string | null; tokenSet: boolean };

export async function shopifyStatus(ctx: Pick<OrgContext, "organization">): Promise<ShopifyStatus> {
  const settings = await getSettings(rootDb(), "inventory", ctx.organization.id);
  const shopUrl = typeof settings.shopifyShopUrl === "string" ? settings.shopifyShopUrl : "";
  const token = settings.shopifyApiKey as { set?: boolean } | undefined;
  return { shopUrl, shopUrlProblem: shopUrl ? shopifyUrlProblem(shopUrl) : null, tokenSet: token?.set === true };
}

export type SyncRun = {
  id: string;
  status: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  synced: number | null;
  failed: number | null;
  continued: boolean;
  error: string | null;
};

const num = (v: unknown) => (typeof v === "number" ? v : null);

/** The newest sync runs of the organization, with their counts or error. */
export async function recentSyncRuns(ctx: Pick<OrgContext, "db">, take = 10): Promise<SyncRun[]> {
  const runs = await ctx.db.jobRun.findMany({
    where: { functionId: SYNC_RUN_FUNCTION_ID },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, status: true, createdAt: true, startedAt: true, endedAt: true, output: true, error: true },
  });
  return runs.map((r) => {
    const out = (r.output && typeof r.output === "object" ? r.output : {}) as Record<string, unknown>;
    const err = (r.error && typeof r.error === "object" ? r.error : null) as { message?: unknown } | null;
    return {
      id: r.id,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      synced: num(out.synced),
      failed: num(out.failed),
      continued: out.continued === true,
      error: typeof out.skipped === "string" ? out.skipped : err && typeof err.message === "string" ? err.message : null,
    };
  });
}

/** Whether a sync of the organization is waiting or running now (so "Sync now" does not queue another). */
export async function syncInProgress(ctx: Pick<OrgContext, "db">): Promise<boolean> {
  return (await ctx.db.jobRun.count({ where: { functionId: SYNC_RUN_FUNCTION_ID, status: { in: ["queued", "running"] } } })) > 0;
}

export type FailedItem = {
  id: string;
  name: string;
  sku: string;
  shopifyInventoryItemId: string | null;
  shopifyLocationId: string | null;
  error: string;
  lastSyncedAt: string | null;
};

export const FAILED_PAGE_SIZE = 25;

export async function failedItems(ctx: Pick<OrgContext, "db">, page: number) {
  const where = { shopifySyncError: { not: null } };
  const total = await ctx.db.inventoryItem.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / FAILED_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await ctx.db.inventoryItem.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (current - 1) * FAILED_PAGE_SIZE,
    take: FAILED_PAGE_SIZE,
    select: { id: true, name: true, sku: true, shopifyInventoryItemId: true, shopifyLocationId: true, shopifySyncError: true, shopifySyncedAt: true },
  });
  return {
    total,
    page: current,
    pageCount,
    rows: rows.map((r): FailedItem => ({
      id: r.id,
      name: r.name,
      sku: r.sku,
      shopifyInventoryItemId: r.shopifyInventoryItemId,
      shopifyLocationId: r.shopifyLocationId,
      error: r.shopifySyncError ?? "",
      lastSyncedAt: r.shopifySyncedAt?.toISOString() ?? null,
    })),
  };
}
