// The initial import after the plugin is enabled (the seed's import_initial_inventory task): the
// starter catalog in one multi-row insert that skips SKUs the organization already has; created items
// emit inventory.item.created in one batch. Idempotent: a re-run or a re-enable adds nothing twice.
import { scopedDb } from "@/core/db/scoped";
import { emitMany } from "@/core/events/emit";
import { created } from "@/core/events/record-changes";
import { kickOutbox } from "@/core/events/outbox-signal";
import { perOrganization, pluginJobId, skipUnlessEnabled } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";
import { itemCreated } from "../events";
import { itemColumns, itemRecord, type ItemRow } from "../items/records";
import { jobEventMeta } from "@/core/events/meta";
import { cancelOnDisable, initialImportRequested } from "./job-events";
import { STARTER_CATALOG } from "./starter-catalog";

export const initialImport = inngest.createFunction(
  {
    id: pluginJobId("inventory", "initial-import"),
    name: "Inventory: first import",
    concurrency: perOrganization(1),
    idempotency: "event.data.organizationId",
    cancelOn: cancelOnDisable,
    triggers: [initialImportRequested],
  },
  async ({ event, step }) => {
    const { organizationId } = event.data;
    const skipped = await step.run("check-enabled", () => skipUnlessEnabled("inventory", organizationId));
    if (skipped) return skipped;
    return step.run("import-starter-catalog", () => importStarterCatalog(organizationId, event.id ?? "initial-import"));
  },
);

export async function importStarterCatalog(organizationId: string, jobId: string): Promise<{ created: number; skipped: number }> {
  const meta = await jobEventMeta(organizationId, { id: jobId, name: "inventory-initial-import" });
  const rows = await scopedDb(organizationId).$transaction(async (tx) => {
    const values = STARTER_CATALOG.map((i) => [i.category, i.name, i.sku, i.quantity, i.unit, i.price, i.reorderThreshold] as const);
    const inserted = await tx.$queryRawUnsafe<ItemRow[]>(
      `INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, quantity, unit, price, "reorderThreshold", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, c.id, v.name, v.sku, v.quantity, v.unit, v.price, v.threshold, now()
       FROM jsonb_to_recordset($2::jsonb) AS v(category text, name text, sku text, quantity int, unit text, price numeric, threshold int)
       LEFT JOIN inventory_categories c ON c."organizationId" = $1::uuid AND c.slug = v.category
       ON CONFLICT ("organizationId", sku) DO NOTHING
       RETURNING ${itemColumns()}`,
      organizationId,
      JSON.stringify(values.map(([category, name, sku, quantity, unit, price, threshold]) => ({ category, name, sku, quantity, unit, price, threshold }))),
    );
    await emitMany(tx, meta, itemCreated, inserted.map((r) => ({ ...created(itemRecord(r)), source: "job" })));
    return inserted;
  });
  kickOutbox();
  return { created: rows.length, skipped: STARTER_CATALOG.length - rows.length };
}
